import { describe, expect, it } from 'vitest';
import {
  bordaScores,
  condorcetWinner,
  headToHead,
  majorityCycle,
  pluralityScores,
  preferencesLab,
} from '../../src/lab/preferences.ts';

const ABC = ['A', 'B', 'C'];

describe('whose preferences', () => {
  it("finds the cycle in Condorcet's classic profile: one voter each A>B>C, B>C>A, C>A>B", () => {
    const ballots = [
      { ranking: ['A', 'B', 'C'], count: 1 },
      { ranking: ['B', 'C', 'A'], count: 1 },
      { ranking: ['C', 'A', 'B'], count: 1 },
    ];
    const pairs = headToHead(ABC, ballots);
    expect(pairs).toEqual([
      { a: 'A', b: 'B', forA: 2, forB: 1 },
      { a: 'A', b: 'C', forA: 1, forB: 2 },
      { a: 'B', b: 'C', forA: 2, forB: 1 },
    ]);
    expect(condorcetWinner(ABC, pairs)).toBeNull();
    expect(majorityCycle(ABC, pairs)).toEqual(['A', 'B', 'C', 'A']);
    expect(bordaScores(ABC, ballots)).toEqual({ A: 3, B: 3, C: 3 });
    expect(pluralityScores(ABC, ballots)).toEqual({ A: 1, B: 1, C: 1 });
  });

  it('names a Condorcet winner who is not the plurality winner, and finds no cycle', () => {
    const ballots = [
      { ranking: ['A', 'B', 'C'], count: 4 },
      { ranking: ['B', 'C', 'A'], count: 3 },
      { ranking: ['C', 'B', 'A'], count: 2 },
    ];
    const pairs = headToHead(ABC, ballots);
    expect(condorcetWinner(ABC, pairs)).toBe('B');
    expect(majorityCycle(ABC, pairs)).toBeNull();
    expect(pluralityScores(ABC, ballots)).toEqual({ A: 4, B: 3, C: 2 });
    expect(bordaScores(ABC, ballots)).toEqual({ A: 8, B: 12, C: 7 });
  });

  it('starts from ten voters on whom plurality says A, Borda says B and majorities cycle', () => {
    const r = preferencesLab.run({}, 1);
    expect(r.voters).toBe(10);
    expect(r.winners).toEqual({ plurality: ['A'], borda: ['B'], condorcet: null });
    expect(r.cycle).toEqual(['A', 'B', 'C', 'A']);
    const lines = preferencesLab.chart(r, { width: 80, ascii: true });
    expect(lines.at(-1)).toContain('majorities go round in a circle, A > B > C > A');
  });

  it('adding voters can break the cycle', () => {
    const r = preferencesLab.run({ 'b-a-c': 3 }, 1);
    expect(r.winners.condorcet).toBe('B');
    expect(r.cycle).toBeNull();
  });
});
