import type { AnswerEvent } from './answer-event.ts';

/** The confidence levels the learner picks from ("How sure were you?"), in percent. */
export const CONFIDENCE_LEVELS = [50, 70, 90, 99] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/**
 * Answers a level needs before it is judged. Below this one unlucky answer swings the share right
 * by more than ten points, and a verdict would be noise.
 */
export const MIN_ANSWERS_TO_JUDGE = 10;

/** One row of the calibration table. */
export interface CalibrationRow {
  /** Stated confidence, percent. */
  stated: ConfidenceLevel;
  answers: number;
  right: number;
  /** right / answers, 0..1; undefined with no answers. */
  shareRight: number | undefined;
}

export type CalibrationVerdict =
  | { kind: 'too-few'; needed: number }
  | { kind: 'calibrated' }
  | { kind: 'overconfident' | 'underconfident'; at: ConfidenceLevel; shareRight: number };

export interface Calibration {
  rows: CalibrationRow[];
  /** Answers with a stated confidence. */
  answers: number;
  /**
   * Mean squared gap between stated confidence (as a probability) and the outcome (1 right, 0
   * wrong): 0 is perfect, 0.25 is what always saying 50% earns. Undefined with no answers.
   */
  brier: number | undefined;
  verdict: CalibrationVerdict;
}

/** The level a stated confidence counts under: the nearest one (a `--plain` answer may be any number). */
export function confidenceLevel(confidence: number): ConfidenceLevel {
  let best: ConfidenceLevel = CONFIDENCE_LEVELS[0];
  for (const level of CONFIDENCE_LEVELS)
    if (Math.abs(level - confidence) < Math.abs(best - confidence)) best = level;
  return best;
}

/** Stated confidence against the share actually right, from answers given with a confidence. */
export function calibrate(
  answers: Iterable<Pick<AnswerEvent, 'correct' | 'confidence'>>,
  minimum = MIN_ANSWERS_TO_JUDGE,
): Calibration {
  const counts = new Map<ConfidenceLevel, { answers: number; right: number }>(
    CONFIDENCE_LEVELS.map((l) => [l, { answers: 0, right: 0 }]),
  );
  let n = 0;
  let squares = 0;
  for (const a of answers) {
    if (a.confidence === undefined) continue;
    const c = counts.get(confidenceLevel(a.confidence));
    if (!c) continue;
    c.answers += 1;
    if (a.correct) c.right += 1;
    n += 1;
    squares += (a.confidence / 100 - (a.correct ? 1 : 0)) ** 2;
  }
  const rows = CONFIDENCE_LEVELS.map((stated): CalibrationRow => {
    const c = counts.get(stated) ?? { answers: 0, right: 0 };
    return { stated, ...c, shareRight: c.answers === 0 ? undefined : c.right / c.answers };
  });
  return { rows, answers: n, brier: n === 0 ? undefined : squares / n, verdict: judge(rows, minimum) };
}

/**
 * A level is off when the share right misses the stated confidence by at least five points and by
 * more than chance would explain: two standard errors of a binomial at the stated rate. So 9 right
 * of 10 at 99% is overconfident, while 8 of 10 at 90% is not yet. Of several levels off, the verdict
 * names the one furthest off in standard errors.
 */
function judge(rows: readonly CalibrationRow[], minimum: number): CalibrationVerdict {
  const judged = rows.filter((r) => r.answers >= minimum);
  if (judged.length === 0)
    return { kind: 'too-few', needed: minimum - Math.max(0, ...rows.map((r) => r.answers)) };
  let worst: { row: CalibrationRow; share: number; z: number } | undefined;
  for (const row of judged) {
    const p = row.stated / 100;
    const share = row.right / row.answers;
    const z = (share - p) / Math.sqrt((p * (1 - p)) / row.answers);
    if (Math.abs(share - p) < 0.05 || Math.abs(z) < 2) continue;
    if (!worst || Math.abs(z) > Math.abs(worst.z)) worst = { row, share, z };
  }
  if (!worst) return { kind: 'calibrated' };
  return {
    kind: worst.z < 0 ? 'overconfident' : 'underconfident',
    at: worst.row.stated,
    shareRight: worst.share,
  };
}

/** The verdict as the one sentence `stats` prints under the table. */
export function verdictSentence(verdict: CalibrationVerdict): string {
  switch (verdict.kind) {
    case 'too-few':
      return `Too few answers to judge yet: answer ${verdict.needed} more at one confidence level.`;
    case 'calibrated':
      return 'Your confidence matches how often you are right: you are well calibrated.';
    case 'overconfident':
    case 'underconfident':
      return `You are ${verdict.kind} at ${verdict.at}%: when you said ${verdict.at}% you were right ${Math.round(
        verdict.shareRight * 100,
      )}% of the time.`;
  }
}
