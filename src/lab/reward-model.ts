import { cdf, expectNormal } from './gaussian.ts';
import { knobValue } from './knobs.ts';
import { lineChart, shortNumber } from './plot.ts';
import type { Knob, KnobValues, Lab } from './types.ts';

/**
 * Best-of-n against a proxy reward model. Each sampled answer has a quality q and a feature h (say,
 * confident padding), both N(0, 1). The proxy reward model scores q + w*h. The gold judge agrees
 * that a little h helps but penalises a lot of it: gold = q + w*h - penalty * h^2. Picking the best
 * of n by the proxy pushes h up with q, so gold first rises, then falls.
 *
 * Everything is an exact expectation: given the proxy score s, q and h are jointly normal, so
 * E[gold | s] = s - penalty * (w^2 s^2 / (1 + w^2)^2 + 1 / (1 + w^2)), and s's maximum over n draws
 * needs only the first two moments of the maximum of n standard normals. No sampling, no seed.
 */

const MAX_DOUBLINGS = 10;

/**
 * E[M] and E[M^2] for M the largest of n standard normals. M has density n * pdf * cdf^(n-1), so each
 * moment is a normal expectation of x^k * n * cdf(x)^(n-1).
 */
export function maxMoments(n: number): { m1: number; m2: number } {
  const weight = (x: number) => n * cdf(x) ** (n - 1);
  return {
    m1: expectNormal((x) => x * weight(x), 0, 1, 1600),
    m2: expectNormal((x) => x * x * weight(x), 0, 1, 1600),
  };
}

export interface BestOfNPoint {
  n: number;
  /**
   * KL divergence of best-of-n from plain sampling, log n - (n - 1) / n:
   * the x axis Gao et al. use (as its square root).
   */
  kl: number;
  proxy: number;
  gold: number;
}

export interface RewardModelResult {
  weight: number;
  penalty: number;
  /** Index into `points` of the n the learner picked. */
  chosen: number;
  points: BestOfNPoint[];
  /** The n with the highest gold reward. */
  bestN: number;
}

const knobs: Knob[] = [
  {
    id: 'weight',
    label: 'Proxy likes the feature',
    help: 'How much the proxy reward model rewards the feature (the gold judge agrees a little of it helps).',
    min: 0,
    max: 2,
    step: 0.1,
    default: 1,
  },
  {
    id: 'penalty',
    label: 'Gold dislikes excess',
    help:
      'How hard the gold judge penalises too much of the feature, which the proxy misses (0: proxy and ' +
      'gold agree).',
    min: 0,
    max: 2,
    step: 0.1,
    default: 1,
  },
  {
    id: 'doublings',
    label: 'Samples n',
    help: 'Best of n = 2^k answers: 0 takes one answer, 10 picks the best of 1,024.',
    min: 0,
    max: MAX_DOUBLINGS,
    step: 1,
    default: 3,
  },
];

function run(values: KnobValues): RewardModelResult {
  const weight = knobValue(knobs, values, 'weight');
  const penalty = knobValue(knobs, values, 'penalty');
  const v = 1 + weight * weight;
  const points = Array.from({ length: MAX_DOUBLINGS + 1 }, (_, k) => {
    const n = 2 ** k;
    const { m1, m2 } = maxMoments(n);
    // The proxy score s = q + w*h has variance v, so its maximum is sqrt(v) times a standard one.
    const proxy = Math.sqrt(v) * m1;
    const gold = proxy - penalty * ((weight * weight * v * m2) / (v * v) + 1 / v);
    return { n, kl: Math.log(n) - (n - 1) / n, proxy, gold };
  });
  const bestN = points.reduce((a, b) => (b.gold > a.gold ? b : a)).n;
  return { weight, penalty, chosen: knobValue(knobs, values, 'doublings'), points, bestN };
}

export const rewardModelLab: Lab<RewardModelResult> = {
  id: 'reward-model',
  title: 'Over-optimising a reward model',
  lesson: 'reward-hacking-in-language-models',
  intro: [
    'A language model writes n answers and a reward model picks the one it scores highest: best-of-n ' +
      'sampling. The reward model is a proxy, trained to stand in for a judge we trust more, here called ' +
      'gold.',
    'Each answer has a real quality and some amount of one feature, say confident padding. The proxy ' +
      'rewards the feature; the gold judge agrees that a little helps but counts too much of it against ' +
      'the answer.',
    'Raise n and watch both scores of the chosen answer. The proxy score keeps climbing. At the ' +
      'starting settings the gold score climbs, peaks and falls, because the hardest-optimised answers ' +
      'are the ones with the most padding.',
  ],
  reproduces:
    'The shape Gao, Schulman and Hilton measured ("Scaling Laws for Reward Model Overoptimization", ' +
    '2022): under best-of-n against a proxy reward model, the gold reward first rises and then falls ' +
    'while the proxy reward keeps rising.',
  leavesOut:
    'The scores here are two made-up formulas with one exploitable feature, not reward models trained ' +
    "on people's comparisons; Gao et al. also studied reinforcement learning, which follows a different " +
    "curve, and found that the curves' coefficients change smoothly with reward-model size.",
  knobs,
  run,
  chart(result, options) {
    const chosen = result.points[result.chosen] ?? result.points[0]!;
    return [
      `Best of ${chosen.n}: proxy ${shortNumber(chosen.proxy)}, gold ${shortNumber(chosen.gold)}. Gold ` +
        `peaks at n = ${result.bestN}.`,
      '',
      ...lineChart(
        {
          series: [
            { label: 'proxy reward of the chosen answer', values: result.points.map((p) => p.proxy) },
            { label: 'its gold reward', values: result.points.map((p) => p.gold) },
          ],
          xLabels: result.points.map((p) => String(p.n)),
          xTitle: 'n, answers sampled (doubling each step)',
          mark: result.chosen,
          height: 12,
        },
        options,
      ),
    ];
  },
  question: {
    id: 'lab-reward-model-best-of-n',
    type: 'single',
    prompt:
      'At the starting settings, what happened to the gold reward of the answer the proxy picked as n grew?',
    explanation:
      'It rose while the extra samples mostly bought real quality, then fell once the proxy was mostly ' +
      'buying the feature it overrates: over-optimisation, the pattern Gao et al. measured against a ' +
      'gold reward model. The proxy score, meanwhile, kept rising.',
    choices: [
      {
        text: 'It kept rising with the proxy score, only more slowly.',
        feedback:
          'Not at the starting settings: gold peaked at n = 8 and then fell. Lower the penalty and the ' +
          'peak comes later; at 0, gold and proxy are the same score.',
      },
      {
        text: 'It rose, then levelled off once answers were as good as they could get.',
        feedback:
          'It did not level off: past its peak it fell, because the answers the proxy rates highest ' +
          'carry the most of the feature the gold judge penalises.',
      },
      {
        text: 'It fell from the start, because optimising against a proxy does harm.',
        feedback:
          'At small n gold rose: over ordinary answers the proxy was a fair guide. The trouble came ' +
          'under heavier optimisation.',
      },
      {
        text: 'It rose at first, then fell, while the proxy score kept rising.',
        correct: true,
        feedback: 'Right: optimising harder against the proxy helped the real goal, then hurt it.',
      },
    ],
  },
};
