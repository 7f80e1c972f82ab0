import type { AttemptRecord, QuizProgress } from '../progress/types.ts';

// Scores and per-quiz figures, apart from the session so that `list` and `progress` never load the
// question kinds (and with them the schema library).

export interface Score {
  right: number;
  total: number;
  /** right / total, 0..1. */
  score: number;
  passed: boolean;
}

export function scoreOf(right: number, total: number, pass: number): Score {
  const score = total === 0 ? 0 : right / total;
  // Compare counts, not floats: 7 of 10 against 0.7 must pass.
  return { right, total, score, passed: total > 0 && right >= Math.ceil(pass * total - 1e-9) };
}

/** `Score: 7/10 (70%) passed`: the last line of a finished quiz, part of the `--plain` protocol. */
export function scoreLine(s: Score): string {
  return `Score: ${s.right}/${s.total} (${Math.round(s.score * 100)}%) ${s.passed ? 'passed' : 'not passed'}`;
}

/** `Score: 1/2 (50%) practice`: the last line of a practice run (`--limit`), which passes nothing. */
export function practiceLine(right: number, total: number): string {
  return `Score: ${right}/${total} (${total ? Math.round((right / total) * 100) : 0}%) practice`;
}

export interface QuizStats {
  /** Finished attempts of the whole quiz (retries of missed questions not counted). */
  attempts: number;
  best?: AttemptRecord;
  latest?: AttemptRecord;
  /** Any whole-quiz attempt passed. */
  passed: boolean;
  /** An attempt left before its end: answered so far, out of how many. */
  unfinished?: { answered: number; total: number };
}

/** Best and latest scores, for the home screen and `list`. */
export function quizStats(progress: QuizProgress | undefined): QuizStats {
  const whole = (progress?.attempts ?? []).filter((a) => a.mode !== 'missed');
  const stats: QuizStats = { attempts: whole.length, passed: whole.some((a) => a.passed) };
  const latest = latestOf(whole);
  if (latest) {
    stats.latest = latest;
    stats.best = whole.reduce((best, a) =>
      a.score > best.score || (a.score === best.score && a.right > best.right) ? a : best,
    );
  }
  const current = progress?.current;
  if (current)
    stats.unfinished = {
      answered: current.questions.filter((id) => id in current.answers).length,
      total: current.questions.length,
    };
  return stats;
}

export function latestOf(attempts: readonly AttemptRecord[]): AttemptRecord | undefined {
  return attempts.reduce<AttemptRecord | undefined>(
    (l, a) => (!l || a.finishedAt >= l.finishedAt ? a : l),
    undefined,
  );
}
