import { knobValue } from './knobs.ts';
import { barChart } from './plot.ts';
import type { Knob, KnobValues, Lab } from './types.ts';

/**
 * Whose preferences: voters rank three policies, and three reasonable rules read the same ballots:
 * plurality (most first choices), Borda (points by rank) and Condorcet (beats every other head to
 * head). The functions take any number of candidates; the lab's knobs cover the six rankings of three.
 */

/** A group of voters who share one ranking, best first. */
export interface Ballot {
  ranking: readonly string[];
  count: number;
}

export interface HeadToHead {
  a: string;
  b: string;
  /** Voters ranking a above b, and b above a. */
  forA: number;
  forB: number;
}

/** Candidates with the highest score (several when tied). */
function top(scores: Record<string, number>): string[] {
  const best = Math.max(...Object.values(scores));
  return Object.keys(scores).filter((c) => scores[c] === best);
}

export function pluralityScores(
  candidates: readonly string[],
  ballots: readonly Ballot[],
): Record<string, number> {
  const scores = Object.fromEntries(candidates.map((c) => [c, 0]));
  for (const b of ballots) if (b.ranking[0] !== undefined) scores[b.ranking[0]]! += b.count;
  return scores;
}

/** Borda: with m candidates, a first place is worth m - 1 points, a last place 0. */
export function bordaScores(
  candidates: readonly string[],
  ballots: readonly Ballot[],
): Record<string, number> {
  const scores = Object.fromEntries(candidates.map((c) => [c, 0]));
  for (const b of ballots)
    b.ranking.forEach((c, place) => (scores[c]! += b.count * (b.ranking.length - 1 - place)));
  return scores;
}

export function headToHead(candidates: readonly string[], ballots: readonly Ballot[]): HeadToHead[] {
  const out: HeadToHead[] = [];
  candidates.forEach((a, i) =>
    candidates.slice(i + 1).forEach((b) => {
      let forA = 0;
      let forB = 0;
      for (const ballot of ballots) {
        if (ballot.ranking.indexOf(a) < ballot.ranking.indexOf(b)) forA += ballot.count;
        else forB += ballot.count;
      }
      out.push({ a, b, forA, forB });
    }),
  );
  return out;
}

/** Who beats whom by a strict majority. */
function beats(pairs: readonly HeadToHead[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const add = (winner: string, loser: string) => graph.set(winner, [...(graph.get(winner) ?? []), loser]);
  for (const p of pairs) {
    if (p.forA > p.forB) add(p.a, p.b);
    else if (p.forB > p.forA) add(p.b, p.a);
  }
  return graph;
}

/** The candidate who beats every other by a strict majority, or null when there is none. */
export function condorcetWinner(candidates: readonly string[], pairs: readonly HeadToHead[]): string | null {
  const graph = beats(pairs);
  return candidates.find((c) => (graph.get(c) ?? []).length === candidates.length - 1) ?? null;
}

/** A cycle of strict majorities (X beats Y beats ... beats X), listed from its start back to it; null if none. */
export function majorityCycle(candidates: readonly string[], pairs: readonly HeadToHead[]): string[] | null {
  const graph = beats(pairs);
  const visit = (path: string[]): string[] | null => {
    for (const next of graph.get(path[path.length - 1]!) ?? []) {
      const seen = path.indexOf(next);
      if (seen >= 0) return [...path.slice(seen), next];
      const found = visit([...path, next]);
      if (found) return found;
    }
    return null;
  };
  for (const c of candidates) {
    const found = visit([c]);
    if (found) return found;
  }
  return null;
}

export interface PreferencesResult {
  candidates: string[];
  ballots: Ballot[];
  voters: number;
  plurality: Record<string, number>;
  borda: Record<string, number>;
  pairs: HeadToHead[];
  winners: { plurality: string[]; borda: string[]; condorcet: string | null };
  cycle: string[] | null;
}

const CANDIDATES = ['A', 'B', 'C'];
const RANKINGS = [
  ['A', 'B', 'C'],
  ['A', 'C', 'B'],
  ['B', 'A', 'C'],
  ['B', 'C', 'A'],
  ['C', 'A', 'B'],
  ['C', 'B', 'A'],
];
// Ten voters on whom plurality says A, Borda says B, and majorities go round in a circle.
const DEFAULTS: Record<string, number> = { 'a-b-c': 4, 'b-c-a': 3, 'c-a-b': 2, 'c-b-a': 1 };

const knobs: Knob[] = RANKINGS.map((r) => {
  const id = r.join('-').toLowerCase();
  return {
    id,
    label: `Voters ranking ${r.join(' > ')}`,
    help: `How many voters put ${r[0]} first, ${r[1]} second and ${r[2]} last.`,
    min: 0,
    max: 20,
    step: 1,
    default: DEFAULTS[id] ?? 0,
  };
});

function run(values: KnobValues): PreferencesResult {
  const ballots = RANKINGS.map((ranking) => ({
    ranking,
    count: knobValue(knobs, values, ranking.join('-').toLowerCase()),
  })).filter((b) => b.count > 0);
  const plurality = pluralityScores(CANDIDATES, ballots);
  const borda = bordaScores(CANDIDATES, ballots);
  const pairs = headToHead(CANDIDATES, ballots);
  return {
    candidates: CANDIDATES,
    ballots,
    voters: ballots.reduce((n, b) => n + b.count, 0),
    plurality,
    borda,
    pairs,
    winners: { plurality: top(plurality), borda: top(borda), condorcet: condorcetWinner(CANDIDATES, pairs) },
    cycle: majorityCycle(CANDIDATES, pairs),
  };
}

function names(winners: readonly string[]): string {
  return winners.length === 1 ? winners[0]! : `a tie between ${winners.join(' and ')}`;
}

export const preferencesLab: Lab<PreferencesResult> = {
  id: 'preferences',
  title: 'Whose preferences?',
  lesson: 'philosophical-layer',
  intro: [
    'Suppose a system should do what people want, and people disagree. Here a few voters rank three ' +
      'policies, A, B and C, from best to worst. Nothing is hidden: every preference is on the table.',
    'Three reasonable rules read the same ballots. Plurality picks the policy with most first choices. ' +
      'Borda gives two points for a first place and one for a second. Condorcet asks which policy beats ' +
      'every other in a head-to-head majority.',
    'Add or move voters and watch the winners change. With some profiles the rules disagree; with some, ' +
      'majorities go round in a circle, and no policy beats all the others.',
  ],
  reproduces:
    "Condorcet's paradox (Condorcet, 1785): majorities can prefer A to B, B to C and C to A. Arrow " +
    "(1951) later proved that, with three or more options, no rule that turns voters' rankings into a " +
    'ranking for the group can meet a short list of reasonable-looking conditions at once, one being ' +
    'that no single voter decides; the lab shows the disagreement, not the proof.',
  leavesOut:
    'Aligning a system to many people is not an election among three fixed options: preferences can be ' +
    'vague, change with reflection and be manipulated, and Gabriel (2020) argues the task is to find ' +
    'principles people can endorse despite disagreeing, not to pick a vote-counting rule.',
  knobs,
  run,
  chart(result, options) {
    if (result.voters === 0) return ['No voters yet: add some with the knobs.'];
    const profile = result.ballots.map((b) => `${b.count} ${b.ranking.join('>')}`).join('   ');
    const duel = result.pairs.map((p) =>
      p.forA === p.forB
        ? `${p.a} ties ${p.b} ${p.forA}-${p.forB}`
        : p.forA > p.forB
          ? `${p.a} beats ${p.b} ${p.forA}-${p.forB}`
          : `${p.b} beats ${p.a} ${p.forB}-${p.forA}`,
    );
    const condorcet = result.winners.condorcet
      ? `Condorcet winner: ${result.winners.condorcet}, who beats each other policy head to head.`
      : result.cycle
        ? `No Condorcet winner: majorities go round in a circle, ${result.cycle.join(' > ')}.`
        : 'No Condorcet winner: a head-to-head tie leaves no policy beating all the others.';
    const bars = (scores: Record<string, number>, unit: string) =>
      barChart(
        result.candidates.map((c) => ({ label: `  ${c}`, value: scores[c]!, note: `${scores[c]} ${unit}` })),
        { width: Math.min(options.width, 60), ascii: options.ascii },
      );
    return [
      `Voters (${result.voters}): ${profile}`,
      `Head to head: ${duel.join('; ')}`,
      '',
      `Plurality (first choices) picks ${names(result.winners.plurality)}:`,
      ...bars(result.plurality, 'first choices'),
      `Borda (2 points for first, 1 for second) picks ${names(result.winners.borda)}:`,
      ...bars(result.borda, 'points'),
      condorcet,
    ];
  },
  question: {
    id: 'lab-preferences-cycle',
    type: 'true-false',
    prompt:
      'With the starting ten voters, a majority prefers A to B, a majority prefers B to C, and a ' +
      'majority prefers C to A, even though every single voter has a consistent ranking.',
    explanation:
      'True. Six voters put A above B, seven put B above C, and six put C above A. Each voter is ' +
      'consistent; the majorities are not, because they are made of different voters each time. This is ' +
      'Condorcet\'s paradox, and it is why "do what the majority wants" can fail to name any option.',
    answer: true,
  },
};
