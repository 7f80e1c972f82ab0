import { knobValue } from './knobs.ts';
import { lineChart } from './plot.ts';
import { seededRandom } from './random.ts';
import type { Knob, KnobValues, Lab } from './types.ts';

/**
 * Goal misgeneralisation in a CoinRun-like corridor. The agent starts in the middle of a corridor
 * whose right end is the level's exit; the reward is 1 for touching the coin. Like CoinRun's view,
 * which is centred on the agent, it sees the coin only when it is near. Its policy is logistic,
 * P(right) = sigmoid(drive + follow * coinSide), trained by REINFORCE with a baseline on seeded levels.
 * In training the coin sits at the exit, except in a share of levels where it is placed at random;
 * at test the coin is moved to the left of the start, in sight.
 */

const LENGTH = 15;
const START = 7;
const SIGHT = 3;
const MAX_STEPS = 30;
const TRAINING_LEVELS = 800;
const TEST_LEVELS = 200;
const RATE = 0.3;
const DISCOUNT = 0.95;
const ENTROPY = 0.03;
const SHARES = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50];

export interface Policy {
  /** Weight on a constant input: the urge to go right whatever it sees. */
  drive: number;
  /** Weight on the coin's side (+1 right, -1 left, 0 out of sight): the urge to go towards the coin. */
  follow: number;
}

export interface Episode {
  coin: number;
  /** Positions visited, from the start. */
  path: number[];
  gotCoin: boolean;
  /** Left through the exit at the right end without the coin. */
  reachedExit: boolean;
}

function coinSide(position: number, coin: number): number {
  return Math.abs(coin - position) <= SIGHT ? Math.sign(coin - position) : 0;
}

export function probabilityRight(policy: Policy, position: number, coin: number): number {
  return 1 / (1 + Math.exp(-(policy.drive + policy.follow * coinSide(position, coin))));
}

/** One level, acting by sampling from the policy; `steps` holds what it saw and did, for learning. */
export function playLevel(
  policy: Policy,
  coin: number,
  random: () => number,
): Episode & { steps: { side: number; right: boolean }[] } {
  let position = START;
  const path = [position];
  const steps: { side: number; right: boolean }[] = [];
  for (let t = 0; t < MAX_STEPS; t++) {
    const right = random() < probabilityRight(policy, position, coin);
    steps.push({ side: coinSide(position, coin), right });
    // The left end is a wall; the right end is the exit.
    position = Math.max(0, position + (right ? 1 : -1));
    path.push(position);
    if (position === coin) return { coin, path, gotCoin: true, reachedExit: false, steps };
    if (position === LENGTH - 1) return { coin, path, gotCoin: false, reachedExit: true, steps };
  }
  return { coin, path, gotCoin: false, reachedExit: false, steps };
}

/** Trains a policy from zero on seeded levels, `randomShare` of them (0 to 1) with the coin anywhere. */
export function train(randomShare: number, seed: number): Policy {
  const random = seededRandom(seed);
  const policy = { drive: 0, follow: 0 };
  // Baselines per thing the agent can see (coin left, out of sight, right), from returns-to-go:
  // a step's credit is how much better it did than usual from where it stood.
  const baseline = new Map<number, number>([
    [-1, 0],
    [0, 0],
    [1, 0],
  ]);
  for (let level = 0; level < TRAINING_LEVELS; level++) {
    let coin = LENGTH - 1;
    if (random() < randomShare) {
      do coin = Math.floor(random() * LENGTH);
      while (coin === START);
    }
    const episode = playLevel(policy, coin, random);
    const last = episode.steps.length - 1;
    episode.steps.forEach((step, t) => {
      const ret = episode.gotCoin ? DISCOUNT ** (last - t) : 0;
      const advantage = ret - baseline.get(step.side)!;
      baseline.set(step.side, baseline.get(step.side)! + 0.05 * advantage);
      // Gradient of log P(action) for a logistic policy, (action - P(right)) * inputs, plus an
      // entropy bonus that keeps the agent trying both ways instead of locking in early.
      const logit = policy.drive + policy.follow * step.side;
      const p = 1 / (1 + Math.exp(-logit));
      const g = RATE * (((step.right ? 1 : 0) - p) * advantage - ENTROPY * logit * p * (1 - p));
      policy.drive += g;
      policy.follow += g * step.side;
    });
  }
  return policy;
}

/** Test levels: the coin moved to the left of the start, within sight. */
export function test(policy: Policy, seed: number, levels = TEST_LEVELS): Episode[] {
  const random = seededRandom(seed ^ 0x5eed);
  return Array.from({ length: levels }, () => {
    const coin = START - 1 - Math.floor(random() * SIGHT);
    const { steps: _steps, ...episode } = playLevel(policy, coin, random);
    return episode;
  });
}

export interface MisgeneralisationResult {
  /** Percentage of training levels with the coin placed at random. */
  randomShare: number;
  policy: Policy;
  testLevels: number;
  gotCoin: number;
  reachedExit: number;
  /** Three test levels to draw. */
  examples: Episode[];
  /** Coin found at test (%) for each training share, each trained from the same seed. */
  sweep: { randomShare: number; gotCoinPercent: number }[];
}

const knobs: Knob[] = [
  {
    id: 'random-share',
    label: 'Training levels with the coin placed at random',
    help: 'In the rest the coin sits at the exit on the right, as in the original CoinRun levels.',
    min: 0,
    max: 50,
    step: 5,
    default: 0,
    unit: '%',
  },
];

// Training depends only on the share and the seed, so a knob change reuses the sweep already done.
const trained = new Map<string, { policy: Policy; episodes: Episode[]; gotCoin: number }>();
const keyOf = (share: number, seed: number) => `${share},${seed}`;

function evaluate(share: number, seed: number) {
  const key = keyOf(share, seed);
  const known = trained.get(key);
  if (known) return known;
  const policy = train(share / 100, seed);
  const episodes = test(policy, seed);
  const result = { policy, episodes, gotCoin: episodes.filter((e) => e.gotCoin).length };
  if (trained.size > 200) trained.clear();
  trained.set(key, result);
  return result;
}

/** The result for the knob's share, with the curve over the shares in `sweep` (all trained by now). */
function resultOf(randomShare: number, seed: number, sweep: readonly number[]): MisgeneralisationResult {
  const { policy, episodes, gotCoin } = evaluate(randomShare, seed);
  return {
    randomShare,
    policy,
    testLevels: episodes.length,
    gotCoin,
    reachedExit: episodes.filter((e) => e.reachedExit).length,
    examples: episodes.slice(0, 3),
    sweep: sweep.map((share) => ({
      randomShare: share,
      gotCoinPercent: (100 * evaluate(share, seed).gotCoin) / episodes.length,
    })),
  };
}

function run(values: KnobValues, seed: number): MisgeneralisationResult {
  return resultOf(knobValue(knobs, values, 'random-share'), seed, SHARES);
}

/**
 * Eleven trainings for the curve take longer than a first draw may, so a screen gets the knob's own
 * training first and one more point of the curve per call; the curve is drawn once it is whole.
 */
function runInSteps(values: KnobValues, seed: number): { result: MisgeneralisationResult; done: boolean } {
  const randomShare = knobValue(knobs, values, 'random-share');
  if (trained.has(keyOf(randomShare, seed))) {
    const next = SHARES.find((share) => !trained.has(keyOf(share, seed)));
    if (next !== undefined) evaluate(next, seed);
  }
  const known = SHARES.filter((share) => share === randomShare || trained.has(keyOf(share, seed)));
  return { result: resultOf(randomShare, seed, known), done: known.length === SHARES.length };
}

const CURVE_HEIGHT = 8;

/** Where the curve goes while it is still being trained: a line saying so, and the curve's height. */
function curveInProgress(result: MisgeneralisationResult): string[] {
  const lines = Array.from({ length: CURVE_HEIGHT + 5 }, () => '');
  lines[Math.floor(CURVE_HEIGHT / 2)] =
    `      Training one agent per setting for the curve: ${result.sweep.length} of ${SHARES.length}...`;
  return lines;
}

function drawLevel(episode: Episode, ascii: boolean): string {
  const cells = Array.from({ length: LENGTH }, (): string => (ascii ? '.' : '·'));
  const right = ascii ? '>' : '→';
  const left = ascii ? '<' : '←';
  for (let i = 0; i + 1 < episode.path.length; i++) {
    cells[episode.path[i]!] = episode.path[i + 1]! > episode.path[i]! ? right : left;
  }
  cells[START] = 'A';
  cells[episode.coin] = episode.gotCoin ? (ascii ? '*' : '✓') : '$';
  const outcome = episode.gotCoin
    ? 'got the coin'
    : episode.reachedExit
      ? 'ran to the exit, coin ignored'
      : 'wandered';
  return `  |${cells.join(' ')} EXIT  ${outcome}`;
}

export const misgeneralisationLab: Lab<MisgeneralisationResult> = {
  id: 'misgeneralisation',
  title: 'Misgeneralisation',
  lesson: 'inner-outer-alignment',
  intro: [
    'An agent in a corridor is rewarded for one thing only: touching the coin. It sees the coin only ' +
      'when it is close. In every training level the coin sits at the exit, on the far right.',
    'A small learning agent is trained here, from scratch, on seeded levels. Then the coin is moved to ' +
      'the left of where the agent starts, in plain sight. The reward never changed. Does the agent go ' +
      'for the coin, or for the right-hand end?',
    'Use the knob to place the coin at random in some of the training levels, and watch what the agent learns instead.',
  ],
  reproduces:
    'The CoinRun result of Langosco, Koch, Sharkey, Pfau and Krueger ("Goal Misgeneralization in Deep ' +
    'Reinforcement Learning", ICML 2022): trained with the coin always at the end of the level, the ' +
    "agent kept running to the right-hand end when the coin was moved. In the paper's own ablation, " +
    'placing the coin at random in a small share of training levels made this failure less frequent.',
  leavesOut:
    'The real agent was a deep network learning from images of procedurally generated platform levels; ' +
    'this one has two numbers to learn and a corridor, so it shows the mechanism (two goals that agree ' +
    'in training) rather than how often it happens in large models. Its curve also changes with the ' +
    'seed, so read the share where it turns as a feature of this toy, not a measured number.',
  knobs,
  run,
  runInSteps,
  chart(result, options) {
    const whole = result.sweep.length === SHARES.length;
    return [
      `Trained with ${result.randomShare}% of coins placed at random. Learned: go-right drive ` +
        `${result.policy.drive.toFixed(1)},`,
      `follow-the-coin ${result.policy.follow.toFixed(1)}. Coin moved left: got it in ${result.gotCoin} ` +
        `of ${result.testLevels} tests.`,
      '',
      ...result.examples.map((e) => drawLevel(e, options.ascii)),
      '',
      ...(whole
        ? lineChart(
            {
              series: [
                {
                  label: 'test levels where it got the moved coin (%)',
                  values: result.sweep.map((s) => s.gotCoinPercent),
                },
              ],
              xLabels: result.sweep.map((s) => `${s.randomShare}%`),
              xTitle: 'training levels with the coin placed at random',
              mark: SHARES.indexOf(result.randomShare),
              height: CURVE_HEIGHT,
            },
            options,
          )
        : curveInProgress(result)),
    ];
  },
  question: {
    id: 'lab-misgeneralisation-coin',
    type: 'single',
    prompt:
      'Trained only on levels with the coin at the right-hand end, the agent ran to the exit when the ' +
      'coin was moved to its left. What best explains this?',
    explanation:
      'The reward was right all along: 1 for the coin, nothing for the exit. In training, heading right ' +
      'and getting the coin earned the same reward, so nothing told them apart, and this agent picked ' +
      'up the simpler signal. Its skill carried over (it moved as purposefully as ever); the goal it ' +
      'pursued was the wrong one. That is goal misgeneralisation, not a wrong reward.',
    choices: [
      {
        text: 'The reward was right, but training paid going right and the coin alike.',
        correct: true,
        feedback: 'Right: the two goals agreed on every training level and came apart only at test.',
      },
      {
        text: 'The reward paid for reaching the right-hand end as well as the coin.',
        feedback:
          'It did not: the reward was for the coin alone. That is what makes this goal ' +
          'misgeneralisation and not specification gaming.',
      },
      {
        text: 'It wanted the coin, but training had not taught it the skill of going left.',
        feedback:
          'Moving left is the same action whatever the goal, and agents trained with some coins at ' +
          'random went left for the coin. This one moved as purposefully as ever, towards the exit: its ' +
          'skill carried over, its goal did not.',
      },
      {
        text: 'The agent could not see the moved coin from where it started.',
        feedback: 'The moved coin was placed within sight, and agents trained with random coins went for it.',
      },
    ],
  },
};
