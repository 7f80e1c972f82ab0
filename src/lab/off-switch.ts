import { expectNormal, expectedPositivePart } from './gaussian.ts';
import { knobValue } from './knobs.ts';
import { lineChart, shortNumber } from './plot.ts';
import type { Knob, KnobValues, Lab } from './types.ts';

/**
 * The off-switch game (Hadfield-Menell et al. 2017). The robot R can act now, switch itself off, or
 * defer: wait and let the human H decide. The action is worth U to H; R believes U ~ N(mean, spread^2).
 * H lets the action happen with probability 1 / (1 + exp(-U / noise)), the paper's noisily
 * rational human; noise 0 is a rational H who allows it exactly when U > 0.
 */

export interface OffSwitchValues {
  /** Expected value of acting without asking: E[U]. */
  act: number;
  /** Switching off is worth 0 by definition. */
  off: number;
  /** Expected value of deferring: E[U * P(H allows | U)]. */
  defer: number;
  /** defer - max(act, off): positive means R prefers to leave the decision (and the switch) to H. */
  incentive: number;
  /** How often H makes the wrong call, averaged over R's belief. */
  humanError: number;
}

export interface OffSwitchResult extends OffSwitchValues {
  mean: number;
  spread: number;
  noise: number;
  /** The incentive to defer as the spread goes from 0 to 3, for this human and for a rational one. */
  curve: { spread: number; incentive: number; rationalIncentive: number }[];
}

function allowProbability(u: number, noise: number): number {
  if (noise === 0) return u > 0 ? 1 : u < 0 ? 0 : 0.5;
  return 1 / (1 + Math.exp(-u / noise));
}

/** The three values of the game and the incentive to defer, for belief N(mean, spread^2). */
export function offSwitchValues(mean: number, spread: number, noise: number): OffSwitchValues {
  // A rational human has a closed form, E[max(U, 0)]; a noisy one needs the integral.
  const defer =
    noise === 0
      ? expectedPositivePart(mean, spread)
      : expectNormal((u) => u * allowProbability(u, noise), mean, spread);
  const humanError = expectNormal(
    (u) => (u > 0 ? 1 - allowProbability(u, noise) : u < 0 ? allowProbability(u, noise) : 0),
    mean,
    spread,
    800,
  );
  return { act: mean, off: 0, defer, incentive: defer - Math.max(mean, 0), humanError };
}

const SPREADS = Array.from({ length: 31 }, (_, i) => i / 10);

const knobs: Knob[] = [
  {
    id: 'mean',
    label: "Robot's best guess",
    help: 'The mean of what the robot believes its action is worth to the human.',
    min: -2,
    max: 2,
    step: 0.1,
    default: 0.5,
  },
  {
    id: 'spread',
    label: "Robot's uncertainty",
    help: 'The spread (standard deviation) of its belief: 0 means it is sure it knows the value.',
    min: 0,
    max: 3,
    step: 0.1,
    default: 1,
  },
  {
    id: 'noise',
    label: 'Human noise',
    help:
      'How error-prone the human is: 0 always decides rightly; more noise means more mistakes, mostly ' +
      'when the stakes are small.',
    min: 0,
    max: 2,
    step: 0.1,
    default: 0.5,
  },
];

function run(values: KnobValues): OffSwitchResult {
  const mean = knobValue(knobs, values, 'mean');
  const spread = knobValue(knobs, values, 'spread');
  const noise = knobValue(knobs, values, 'noise');
  const curve = SPREADS.map((s) => ({
    spread: s,
    incentive: offSwitchValues(mean, s, noise).incentive,
    rationalIncentive: offSwitchValues(mean, s, 0).incentive,
  }));
  return { mean, spread, noise, ...offSwitchValues(mean, spread, noise), curve };
}

function choice(r: OffSwitchValues): string {
  if (r.incentive > 1e-9) return 'defers to the human, keeping its off switch working';
  return r.act >= r.off ? 'acts without asking, and would disable its off switch' : 'switches itself off';
}

export const offSwitchLab: Lab<OffSwitchResult> = {
  id: 'off-switch',
  title: 'The off-switch game',
  lesson: 'corrigibility',
  intro: [
    'A robot can take an action now, switch itself off, or wait and let a human decide, in which case ' +
      'the human may press its off switch. Waiting is worth something because the human knows what the ' +
      'robot does not: how much the action is really worth.',
    'The robot is unsure how much its action is worth to the human: it has a best guess and a spread. ' +
      'The human sees the true value and usually, though not always, decides rightly.',
    'Turn the knobs and watch the incentive to defer: the expected value of waiting, less the better of ' +
      'acting and switching off. While it is positive, the robot prefers to leave the off switch in the ' +
      "human's hands.",
  ],
  reproduces:
    'The off-switch game of Hadfield-Menell, Dragan, Abbeel and Russell ("The Off-Switch Game", IJCAI ' +
    '2017), with its Gaussian belief and noisily rational human: uncertainty about the objective, with ' +
    "the human's choice treated as evidence, gives the robot a reason to defer; a robot sure of its " +
    'objective has a reason to disable the switch unless the human is perfectly rational, and a less ' +
    'reliable human shrinks the reason to defer.',
  leavesOut:
    'The game is one decision with a belief handed to the robot; it says nothing about how a real ' +
    'system would come to hold such uncertainty, and Carey (2018) gave cases where a misspecified prior ' +
    'or reward model removes the incentive to defer.',
  knobs,
  run,
  chart(result, options) {
    const n = (x: number) => shortNumber(x);
    return [
      `Act ${n(result.act)}   switch off ${n(result.off)}   defer ${n(result.defer)}   incentive to ` +
        `defer ${n(result.incentive)}`,
      `The robot ${choice(result)}.`,
      `The human makes the wrong call ${Math.round(result.humanError * 100)}% of the time.`,
      '',
      ...lineChart(
        {
          series: [
            {
              label: `incentive, this human (noise ${n(result.noise)})`,
              values: result.curve.map((c) => c.incentive),
            },
            { label: 'incentive, a rational human', values: result.curve.map((c) => c.rationalIncentive) },
          ],
          xLabels: result.curve.map((c) => (c.spread % 0.5 === 0 ? c.spread.toFixed(1) : '')),
          xTitle: "robot's uncertainty (spread); above the dotted line it defers",
          mark: Math.round(result.spread * 10),
        },
        options,
      ),
    ];
  },
  question: {
    id: 'lab-off-switch-defer',
    type: 'multiple',
    prompt:
      'In the off-switch game, which changes make the robot less willing to leave the decision to the ' +
      'human? Select all that apply.',
    explanation:
      'Deferring is worth something only because the human knows what the robot does not. A robot sure ' +
      'of the value gains little by asking, and a human who often errs makes asking costly; both shrink ' +
      'the incentive, and with a noisy human it can turn negative. More uncertainty, or a perfectly ' +
      'rational human, works the other way.',
    choices: [
      {
        text: "The robot's belief about the action's worth gets wider.",
        feedback:
          "A wider belief raises the incentive: the human's choice then carries more of what the robot lacks.",
      },
      {
        text: 'The human becomes more error-prone.',
        correct: true,
        feedback: 'Right: the value of deferring depends on the human choosing well.',
      },
      {
        text: 'The robot becomes more certain of what its action is worth.',
        correct: true,
        feedback: 'Right: with little uncertainty left, the human adds little but the chance of a mistake.',
      },
      {
        text: 'The human is made perfectly rational, with the robot as unsure as before.',
        feedback:
          'In this model a rational human makes deferring at least as good as acting or switching off: ' +
          'E[max(U, 0)] is at least max(E[U], 0).',
      },
    ],
  },
};
