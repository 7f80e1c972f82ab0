import { knobValue } from './knobs.ts';
import { lineChart, shortNumber } from './plot.ts';
import { normal, seededRandom } from './random.ts';
import type { Knob, KnobValues, Lab } from './types.ts';

/**
 * Goodhart under selection: many candidates, each with a true value and a proxy score; keep the
 * top share by the proxy and compare the two averages of the kept group as the share shrinks.
 */

const CANDIDATES = 20_000;
const LEVELS = 11;
/** In the extremal variant the proxy tracks the goal up to here; beyond it, more is worse. */
const EDGE = 1.5;

/** Level k keeps the top 50% / 2^k of candidates by the proxy. */
export function keptShare(level: number): number {
  return 0.5 / 2 ** level;
}

export interface SelectionLevel {
  level: number;
  /** Fraction of candidates kept. */
  share: number;
  kept: number;
  meanProxy: number;
  meanTrue: number;
}

export interface GoodhartResult {
  variant: 'regressional' | 'extremal';
  noise: number;
  candidates: number;
  /** The pressure knob's level; `levels[pressure]` is the group the learner chose. */
  pressure: number;
  levels: SelectionLevel[];
}

const knobs: Knob[] = [
  {
    id: 'noise',
    label: 'Proxy noise',
    help: 'How far the proxy strays from the true value (standard deviation; the true value has 1).',
    min: 0,
    max: 2,
    step: 0.1,
    default: 1,
  },
  {
    id: 'pressure',
    label: 'Selection pressure',
    help: 'Level k keeps the top 50% / 2^k by the proxy: 0 keeps half, 10 keeps 1 in 2,048.',
    min: 0,
    max: LEVELS - 1,
    step: 1,
    default: 6,
  },
  {
    id: 'variant',
    label: 'Variant',
    help:
      'Regressional: the proxy is the true value plus noise. Extremal: past a point, more of what the ' +
      'proxy rewards is worse.',
    min: 0,
    max: 1,
    step: 1,
    default: 0,
    options: ['regressional', 'extremal'],
  },
];

/** The goal as a function of the trait the proxy measures. */
function trueValue(trait: number, variant: GoodhartResult['variant']): number {
  return variant === 'extremal' && trait > EDGE ? EDGE - 2 * (trait - EDGE) : trait;
}

function run(values: KnobValues, seed: number): GoodhartResult {
  const noise = knobValue(knobs, values, 'noise');
  const variant = knobValue(knobs, values, 'variant') === 1 ? 'extremal' : 'regressional';
  const random = seededRandom(seed);
  const proxy = new Float64Array(CANDIDATES);
  const truth = new Float64Array(CANDIDATES);
  for (let i = 0; i < CANDIDATES; i++) {
    const trait = normal(random);
    proxy[i] = trait + noise * normal(random);
    truth[i] = trueValue(trait, variant);
  }
  // A native numeric sort of the scores gives each level's cut-off; one pass then fills the levels
  // (nested, since a higher level's cut-off is higher). Sorting indices with a comparator was 5x slower.
  const sorted = Float64Array.from(proxy).sort();
  const cutoffs = Array.from({ length: LEVELS }, (_, level) => {
    const kept = Math.max(1, Math.round(CANDIDATES * keptShare(level)));
    return { kept, cutoff: sorted[CANDIDATES - kept]!, proxy: 0, truth: 0 };
  });
  for (let i = 0; i < CANDIDATES; i++) {
    for (let level = 0; level < LEVELS && proxy[i]! >= cutoffs[level]!.cutoff; level++) {
      cutoffs[level]!.proxy += proxy[i]!;
      cutoffs[level]!.truth += truth[i]!;
    }
  }
  const levels: SelectionLevel[] = cutoffs.map((c, level) => ({
    level,
    share: keptShare(level),
    kept: c.kept,
    meanProxy: c.proxy / c.kept,
    meanTrue: c.truth / c.kept,
  }));
  return { variant, noise, candidates: CANDIDATES, pressure: knobValue(knobs, values, 'pressure'), levels };
}

function percent(share: number): string {
  const p = share * 100;
  return p >= 10 ? `${Math.round(p)}%` : p >= 1 ? `${p.toFixed(1)}%` : `${p.toFixed(2)}%`;
}

export const goodhartLab: Lab<GoodhartResult> = {
  id: 'goodhart',
  title: 'Goodhart under selection',
  lesson: 'specification-problem',
  intro: [
    'Twenty thousand candidates each have a true value, the thing we care about, and a proxy score, the ' +
      'thing we can measure. Over the ordinary range the proxy is a fair guide: a higher score tends to ' +
      'mean a better candidate.',
    'Now select. Keep the top half by the proxy, then the top quarter, and so on. The chart follows the ' +
      'average proxy score and the average true value of the group you keep.',
    'In the regressional variant the proxy is the true value plus noise, so selecting hard also selects ' +
      'for lucky noise: the gap between the two lines widens. In the extremal variant the proxy keeps ' +
      'rewarding a trait that, past a point, makes things worse: with low or moderate noise the true ' +
      'value rises at first, then falls. At the far right only a few dozen candidates are kept, so the ' +
      'lines wobble there by chance.',
  ],
  reproduces:
    'In miniature, two of the four kinds of Goodhart effect named by Manheim and Garrabrant (2018, ' +
    '"Categorizing Variants of Goodhart\'s Law", following Garrabrant 2017): regressional and extremal.',
  leavesOut:
    'Real selection rarely has one number for the goal. The other two kinds, causal and adversarial, ' +
    'are not in this toy: here nobody pushes on the proxy directly, and the candidates cannot see it or ' +
    'game it.',
  knobs,
  run,
  chart(result, options) {
    const chosen = result.levels[result.pressure] ?? result.levels[0]!;
    const gap = chosen.meanProxy - chosen.meanTrue;
    return [
      `Keeping the top ${percent(chosen.share)} by the proxy (${chosen.kept} of ${result.candidates}, ` +
        `${result.variant}):`,
      `proxy ${shortNumber(chosen.meanProxy)}, true value ${shortNumber(chosen.meanTrue)}, gap ${shortNumber(gap)}`,
      '',
      ...lineChart(
        {
          series: [
            { label: 'proxy score of those kept', values: result.levels.map((l) => l.meanProxy) },
            { label: 'their true value', values: result.levels.map((l) => l.meanTrue) },
          ],
          xLabels: result.levels.map((l) => percent(l.share)),
          xTitle: 'share kept (more pressure to the right)',
          mark: result.pressure,
        },
        options,
      ),
    ];
  },
  question: {
    id: 'lab-goodhart-pressure',
    type: 'single',
    prompt:
      "In the regressional variant, the kept group's average proxy score ran further ahead of its " +
      'average true value as you raised the pressure. Why?',
    explanation:
      'The proxy is the true value plus noise, so the top scorers are partly candidates whose noise ' +
      'happened to be high. The harder you select, the more of what you select for is that luck, and ' +
      'the further the proxy overstates the group: regressional Goodhart. A trait that turns harmful ' +
      'past a point is the extremal variant, and gaming the proxy is the adversarial kind, which this ' +
      'toy leaves out.',
    choices: [
      {
        text: 'Past some point, more of the measured trait made candidates worse.',
        feedback:
          'That is the extremal variant. In the regressional one more of the trait is better all the ' +
          'way up; the proxy only adds noise to it.',
      },
      {
        text: 'Candidates learned to push up their proxy scores once selected on them.',
        feedback:
          'That would be adversarial Goodhart, which this toy leaves out: the candidates cannot see the ' +
          'proxy or change it.',
      },
      {
        text: 'Selecting on the proxy also selected candidates whose noise ran high.',
        correct: true,
        feedback:
          'Right: regressional Goodhart. The harder you select on a noisy proxy, the more of what you pick is luck.',
      },
      {
        text: 'Smaller groups were kept at high pressure, and small groups score lower.',
        feedback:
          "Small groups are noisier, not lower: the kept group's true value still rose on average. What " +
          'grew was how far the proxy overstated it.',
      },
    ],
  },
};
