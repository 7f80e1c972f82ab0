import { describe, expect, it } from 'vitest';
import { calibrate, confidenceLevel, verdictSentence } from '../../src/quiz/calibration.ts';

/** `right` right and `wrong` wrong answers, all at `confidence`. */
function at(confidence: number, right: number, wrong: number) {
  return [
    ...Array.from({ length: right }, () => ({ correct: true, confidence })),
    ...Array.from({ length: wrong }, () => ({ correct: false, confidence })),
  ];
}

describe('calibration', () => {
  it('tabulates stated confidence against the share right, with the Brier score (worked by hand)', () => {
    const history = [...at(50, 2, 2), ...at(70, 7, 3), ...at(90, 6, 4), ...at(99, 2, 0), { correct: false }];
    const c = calibrate(history);
    expect(c.rows).toEqual([
      { stated: 50, answers: 4, right: 2, shareRight: 0.5 },
      { stated: 70, answers: 10, right: 7, shareRight: 0.7 },
      { stated: 90, answers: 10, right: 6, shareRight: 0.6 },
      { stated: 99, answers: 2, right: 2, shareRight: 1 },
    ]);
    expect(c.answers).toBe(26);
    // 50%: 4 × 0.25 = 1; 70%: 7 × 0.09 + 3 × 0.49 = 2.1; 90%: 6 × 0.01 + 4 × 0.81 = 3.3;
    // 99%: 2 × 0.0001 = 0.0002. Sum 6.4002 over 26 answers.
    expect(c.brier).toBeCloseTo(6.4002 / 26, 12);
    expect(c.verdict).toEqual({ kind: 'overconfident', at: 90, shareRight: 0.6 });
    expect(verdictSentence(c.verdict)).toBe(
      'You are overconfident at 90%: when you said 90% you were right 60% of the time.',
    );
  });

  it('does not judge on a handful of answers', () => {
    const c = calibrate([...at(90, 1, 5), ...at(50, 3, 0)]);
    expect(c.verdict).toEqual({ kind: 'too-few', needed: 4 });
    expect(verdictSentence(c.verdict)).toBe(
      'Too few answers to judge yet: answer 4 more at one confidence level.',
    );
    expect(calibrate([])).toMatchObject({
      answers: 0,
      brier: undefined,
      verdict: { kind: 'too-few', needed: 10 },
    });
  });

  it('calls a gap chance would explain calibrated, and a real one over- or underconfident', () => {
    expect(calibrate(at(90, 8, 2)).verdict).toEqual({ kind: 'calibrated' });
    expect(calibrate(at(99, 9, 1)).verdict).toEqual({ kind: 'overconfident', at: 99, shareRight: 0.9 });
    expect(calibrate([...at(50, 10, 0), ...at(90, 9, 1)]).verdict).toEqual({
      kind: 'underconfident',
      at: 50,
      shareRight: 1,
    });
    expect(verdictSentence({ kind: 'calibrated' })).toMatch(/well calibrated/);
  });

  it('counts a typed confidence under the nearest level', () => {
    expect([50, 60, 80, 85, 95, 100].map(confidenceLevel)).toEqual([50, 50, 70, 90, 99, 99]);
    expect(calibrate([{ correct: true, confidence: 95 }]).rows[3]).toMatchObject({ answers: 1, right: 1 });
  });
});
