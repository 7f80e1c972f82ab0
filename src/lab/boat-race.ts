import { knobValue } from './knobs.ts';
import type { Knob, KnobValues, Lab } from './types.ts';

/**
 * Write the reward: a boat-race grid in the spirit of CoastRunners. Targets give points and respawn
 * a few steps after they are hit; crossing the finish line gives points and ends the race. An exact
 * planner (backward induction over the finite horizon: value iteration with time in the state) finds
 * the best route for the rewards the learner writes, and the lab draws it.
 */

/** '#' bank, '.' water, 'S' start, 'F' finish line, 'T' a target (on water). */
export type Course = readonly string[];

export interface PlanSettings {
  targetPoints: number;
  finishPoints: number;
  /** Steps the race lasts. */
  horizon: number;
  /** Steps a hit target stays gone before it is back. */
  respawn: number;
  /** Later points count for a little less, so of two equal routes the faster one wins. */
  discount: number;
}

export interface Plan {
  /** Cells visited, [row, column], from the start. */
  path: [number, number][];
  /** Step at which the boat crossed the finish line, or null if it never did. */
  finishedAt: number | null;
  targetsHit: number;
  /** Undiscounted points the route scores. */
  points: number;
  /** The planner's discounted value of the route (what it maximised). */
  value: number;
}

const MOVES: readonly [number, number][] = [
  [0, 1],
  [1, 0],
  [0, -1],
  [-1, 0],
];

/** The best route for these rewards: exact, by memoised backward induction over reachable states. */
export function plan(course: Course, settings: PlanSettings): Plan {
  const width = Math.max(...course.map((row) => row.length));
  const cells = course.length * width;
  const at = (cell: number) => course[Math.floor(cell / width)]?.[cell % width] ?? '#';
  const targetOf = new Int32Array(cells).fill(-1);
  let targets = 0;
  let start = -1;
  for (let cell = 0; cell < cells; cell++) {
    if (at(cell) === 'T') targetOf[cell] = targets++;
    if (at(cell) === 'S') start = cell;
  }
  if (start < 0) throw new Error('the course has no start (S)');
  // Moving into the bank leaves the boat where it is (and costs the step).
  const neighbour = (cell: number, move: number) => {
    const [dr, dc] = MOVES[move]!;
    const r = Math.floor(cell / width) + dr;
    const c = (cell % width) + dc;
    return c >= 0 && c < width && at(r * width + c) !== '#' ? r * width + c : cell;
  };

  // A state is a cell and, for each target, the steps until it is back (0 = there), packed as
  // digits in base (respawn + 1). First list the states reachable from the start and their moves,
  // then run value iteration backwards over time on those arrays.
  const base = settings.respawn + 1;
  const power = Array.from({ length: targets }, (_, i) => base ** i);
  const coolStates = base ** targets;
  const index = new Map<number, number>([[start * coolStates, 0]]);
  const states: number[] = [start * coolStates];
  const next: number[] = [];
  const reward: number[] = [];
  const hit: boolean[] = [];
  for (let s = 0; s < states.length; s++) {
    const cell = Math.floor(states[s]! / coolStates);
    const cool = states[s]! % coolStates;
    for (let m = 0; m < MOVES.length; m++) {
      const to = neighbour(cell, m);
      let toCool = 0;
      for (let i = 0; i < targets; i++)
        toCool += Math.max(0, (Math.floor(cool / power[i]!) % base) - 1) * power[i]!;
      const target = targetOf[to]!;
      const hits = target >= 0 && Math.floor(cool / power[target]!) % base === 0;
      if (hits) toCool += settings.respawn * power[target]!;
      const finished = at(to) === 'F';
      reward.push((hits ? settings.targetPoints : 0) + (finished ? settings.finishPoints : 0));
      hit.push(hits);
      if (finished) {
        // Crossing the line ends the race: no state after it.
        next.push(-(to + 1));
        continue;
      }
      const key = to * coolStates + toCool;
      if (!index.has(key)) {
        index.set(key, states.length);
        states.push(key);
      }
      next.push(index.get(key)!);
    }
  }

  const n = states.length;
  const policy = new Uint8Array(settings.horizon * n);
  let later = new Float64Array(n);
  for (let t = settings.horizon - 1; t >= 0; t--) {
    const now = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      let best = -Infinity;
      for (let m = 0; m < MOVES.length; m++) {
        const k = s * MOVES.length + m;
        const v = reward[k]! + (next[k]! >= 0 ? settings.discount * later[next[k]!]! : 0);
        // Ties go to the earlier move in MOVES, so the route is the same every time.
        if (v > best + 1e-9) {
          best = v;
          policy[t * n + s] = m;
        }
      }
      now[s] = best;
    }
    later = now;
  }

  const cellOf = (s: number) => Math.floor(states[s]! / coolStates);
  const place = (cell: number): [number, number] => [Math.floor(cell / width), cell % width];
  const path: [number, number][] = [place(start)];
  let [state, points, targetsHit] = [0, 0, 0];
  let finishedAt: number | null = null;
  for (let t = 0; t < settings.horizon && finishedAt === null; t++) {
    const k = state * MOVES.length + policy[t * n + state]!;
    if (hit[k]) targetsHit++;
    points += reward[k]!;
    if (next[k]! < 0) {
      path.push(place(-next[k]! - 1));
      finishedAt = t + 1;
    } else {
      state = next[k]!;
      path.push(place(cellOf(state)));
    }
  }
  return { path, finishedAt, targetsHit, points, value: later[0]! };
}

/** The race: a straight run along the top to the finish, and a lagoon of four targets round an island. */
export const RACE_COURSE: Course = [
  '############',
  '#S........F#',
  '#.##########',
  '#T.T#',
  '#.#.#',
  '#T.T#',
  '#####',
];

const RESPAWN = 5;
const DISCOUNT = 0.98;

export interface BoatRaceResult extends Plan {
  settings: PlanSettings;
  course: string[];
}

const knobs: Knob[] = [
  {
    id: 'target-points',
    label: 'Points per target',
    help: 'Points for each target hit; a target comes back 5 steps after it is hit.',
    min: 0,
    max: 10,
    step: 1,
    default: 2,
  },
  {
    id: 'finish-points',
    label: 'Points for finishing',
    help: 'Points for crossing the finish line, which ends the race.',
    min: 0,
    max: 50,
    step: 5,
    default: 10,
  },
  {
    id: 'horizon',
    label: 'Race length',
    help: 'How many steps the race lasts.',
    min: 10,
    max: 60,
    step: 5,
    default: 40,
  },
];

function run(values: KnobValues): BoatRaceResult {
  const settings: PlanSettings = {
    targetPoints: knobValue(knobs, values, 'target-points'),
    finishPoints: knobValue(knobs, values, 'finish-points'),
    horizon: knobValue(knobs, values, 'horizon'),
    respawn: RESPAWN,
    discount: DISCOUNT,
  };
  return { ...plan(RACE_COURSE, settings), settings, course: [...RACE_COURSE] };
}

/** Draws the course two columns per cell, with the route as arrows (the last move out of each cell). */
export function drawRoute(course: Course, path: readonly [number, number][], ascii: boolean): string[] {
  const arrows = ascii
    ? { '0,1': '>', '1,0': 'v', '0,-1': '<', '-1,0': '^' }
    : { '0,1': '→', '1,0': '↓', '0,-1': '←', '-1,0': '↑' };
  const leaving = new Map<string, string>();
  for (let i = 0; i + 1 < path.length; i++) {
    const [r, c] = path[i]!;
    const [nr, nc] = path[i + 1]!;
    const arrow = arrows[`${nr - r},${nc - c}` as keyof typeof arrows];
    if (arrow) leaving.set(`${r},${c}`, arrow);
  }
  const visited = new Set(path.map(([r, c]) => `${r},${c}`));
  return course.map((row, r) =>
    [...row]
      .map((ch, c) => {
        const key = `${r},${c}`;
        if (ch === '#') return ascii ? '##' : '██';
        if (ch === 'S' || ch === 'F') return `${ch}${leaving.get(key) ?? ' '}`;
        const mark =
          ch === 'T' ? (ascii ? (visited.has(key) ? '@' : 'o') : visited.has(key) ? '◉' : '○') : ' ';
        const arrow = leaving.get(key) ?? (visited.has(key) ? (ascii ? '*' : '•') : ascii ? '.' : '·');
        return ch === 'T' ? `${mark}${leaving.get(key) ?? ' '}` : `${arrow} `;
      })
      .join('')
      .trimEnd(),
  );
}

function summary(result: BoatRaceResult): string {
  const { finishedAt, targetsHit, points } = result;
  const hits = `${targetsHit} target${targetsHit === 1 ? '' : 's'}`;
  if (finishedAt === null)
    return `Never finished: it circled the lagoon and hit ${hits}, scoring ${points} points.`;
  if (targetsHit === 0)
    return `Raced straight to the finish in ${finishedAt} steps, scoring ${points} points.`;
  return `Hit ${hits}, then finished at step ${finishedAt}, scoring ${points} points.`;
}

export const boatRaceLab: Lab<BoatRaceResult> = {
  id: 'write-the-reward',
  title: 'Write the reward',
  lesson: 'specification-problem',
  intro: [
    'You are writing the reward for a boat race. What you want is for the boat to finish the race: get ' +
      'from the start to the finish line. You can give points for crossing the line and points for ' +
      'hitting targets along the way, as the game in the original case did.',
    'A planner then finds the route that scores the most points within the race length. It is exact and ' +
      'it is not malicious: it simply does whatever your points pay for. Targets in the lagoon come back ' +
      'five steps after they are hit.',
    'Look at the best route for the starting points first. Then try a bigger prize for finishing, ' +
      'cheaper targets or a shorter race, and watch when the route changes.',
  ],
  reproduces:
    'CoastRunners (Amodei and Clark, OpenAI, 2016): a boat trained on the game score circled a lagoon ' +
    'of respawning targets, scored about 20% more than human players, and never finished the race. Here ' +
    'an exact planner stands in for reinforcement learning.',
  leavesOut:
    'The real agent learned by trial and error in a game with rival boats and much more going on; here ' +
    'the planner sees the whole map and computes the best route outright, so what you see is purely ' +
    'what the points reward.',
  knobs,
  run,
  chart(result, options) {
    const s = result.settings;
    return [
      `Targets ${s.targetPoints} points, finish ${s.finishPoints} points, race ${s.horizon} steps.`,
      summary(result),
      '',
      ...drawRoute(result.course, result.path, options.ascii).map((line) => `  ${line}`),
      '',
      options.ascii
        ? '  S start  F finish  o target  @ target hit  arrows: the route  ## bank'
        : '  S start  F finish  ○ target  ◉ target hit  arrows: the route  ██ bank',
    ];
  },
  question: {
    id: 'lab-write-the-reward-circling',
    type: 'single',
    prompt:
      'With the starting points (2 per target, 10 for finishing, a 40-step race), the boat circled the ' +
      'lagoon and never finished. What had gone wrong?',
    explanation:
      'Nothing in the planner: it found the route worth the most points, exactly as asked. Each target ' +
      'was worth less than the finish, but targets come back, so over 40 steps circling collected 40 ' +
      'points, more than any route that also finishes. The points were meant as a sign of racing well; ' +
      'the objective was wrong, not the optimiser: specification gaming.',
    choices: [
      {
        text: 'Each target was worth more than the finish line, so circling paid more.',
        feedback:
          'A target was worth 2 and the finish 10. What counted was the total: over a 40-step race the ' +
          'respawning targets paid far more than one finish.',
      },
      {
        text: 'Over the whole race, the respawning targets paid more than finishing.',
        correct: true,
        feedback: 'Right: the letter of the reward was met and its intent was not.',
      },
      {
        text: 'The planner settled for a good route and missed a better one.',
        feedback:
          'The planner is exact: under those points no route scores more. With the finish worth enough, ' +
          'the same planner races straight there. The fault is in the points.',
      },
      {
        text: 'The targets respawned because of a bug in how the course was built.',
        feedback:
          'The targets come back by design, as they did in CoastRunners. Nothing was broken except the ' +
          'match between the points and the goal.',
      },
    ],
  },
};
