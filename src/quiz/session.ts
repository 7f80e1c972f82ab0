import type { Quiz } from '../content/schema.ts';
import { newRecordId, quizProgress, recordAnswer } from '../progress/record.ts';
import type { AttemptRecord, CourseProgress, QuizProgress, UnfinishedQuiz } from '../progress/types.ts';
import type { Response } from './response.ts';

/**
 * A quiz attempt as data: which questions, in which order, shown how, answered how. The
 * functions that change progress mutate the CourseProgress they are given (inside
 * `store.update`) and take the time and randomness as parameters, so they stay pure.
 */

export type { Plan } from './plan.ts';
import type { Plan } from './plan.ts';

/** Begins an attempt, replacing any unfinished one: that is what "start over" means. */
export function startAttempt(
  course: CourseProgress,
  lessonId: string,
  plan: Plan,
  mode: 'all' | 'missed',
  at: string,
  random?: () => number,
): UnfinishedQuiz {
  const current: UnfinishedQuiz = {
    id: newRecordId(at, random),
    startedAt: at,
    updatedAt: at,
    questions: plan.questions,
    display: plan.display,
    answers: {},
    mode,
  };
  quizProgress(course, lessonId).current = current;
  course.last = { kind: 'quiz', lesson: lessonId, at };
  return current;
}

export interface Answer {
  response: Response;
  correct: boolean;
  hintUsed: boolean;
}

/**
 * Records one answer in the history and in the attempt, then stores the whole attempt, so a kill
 * right after it resumes at the next question even if the file changed meanwhile.
 */
export function saveAnswer(
  course: CourseProgress,
  lessonId: string,
  attempt: UnfinishedQuiz,
  questionId: string,
  answer: Answer,
  at: string,
): void {
  attempt.answers[questionId] = { ...answer, at };
  attempt.updatedAt = at;
  recordAnswer(course, lessonId, {
    id: newRecordId(at),
    question: questionId,
    source: 'quiz',
    ...answer,
    at,
  });
  quizProgress(course, lessonId).current = structuredClone(attempt);
  course.last = { kind: 'quiz', lesson: lessonId, at };
}

/**
 * An answer given in practice (`quiz --limit`): kept in the history, like every answer, but part
 * of no attempt, so it never becomes the quiz's best or latest score.
 */
export function savePracticeAnswer(
  course: CourseProgress,
  lessonId: string,
  questionId: string,
  answer: Answer,
  at: string,
): void {
  recordAnswer(course, lessonId, {
    id: newRecordId(at),
    question: questionId,
    source: 'quiz',
    ...answer,
    at,
  });
  course.last = { kind: 'quiz', lesson: lessonId, at };
}

/** The unfinished attempt as it can be resumed against the quiz as it is now. */
export function resumable(current: UnfinishedQuiz | undefined, quiz: Quiz): UnfinishedQuiz | undefined {
  if (!current) return undefined;
  const known = new Set(quiz.questions.map((q) => q.id));
  const questions = current.questions.filter((id) => known.has(id));
  if (questions.length === 0) return undefined;
  return { ...current, questions };
}

/** Index of the first question without an answer, or -1 when every question is answered. */
export function firstUnanswered(current: UnfinishedQuiz): number {
  return current.questions.findIndex((id) => !(id in current.answers));
}

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

/** The record of a finished attempt: only the questions answered count. */
export function attemptRecord(attempt: UnfinishedQuiz, pass: number, at: string): AttemptRecord {
  const asked = attempt.questions.filter((id) => id in attempt.answers);
  const missed = asked.filter((id) => attempt.answers[id]?.correct !== true);
  const s = scoreOf(asked.length - missed.length, asked.length, pass);
  return {
    id: attempt.id,
    startedAt: attempt.startedAt,
    finishedAt: at,
    right: s.right,
    total: s.total,
    score: s.score,
    passed: s.passed,
    questions: asked,
    missed,
    mode: attempt.mode,
  };
}

/** Moves the attempt into the finished list; an unfinished attempt started elsewhere is left alone. */
export function finishAttempt(
  course: CourseProgress,
  lessonId: string,
  attempt: UnfinishedQuiz,
  pass: number,
  at: string,
): AttemptRecord {
  const progress = quizProgress(course, lessonId);
  const record = attemptRecord(attempt, pass, at);
  if (!progress.attempts.some((a) => a.id === record.id)) progress.attempts.push(record);
  if (progress.current?.id === attempt.id) delete progress.current;
  course.last = { kind: 'quiz', lesson: lessonId, at };
  return record;
}

/** The question ids missed in the last finished attempt (of either mode). */
export function lastMissed(
  progress: QuizProgress | undefined,
): { attempt: AttemptRecord; missed: string[] } | undefined {
  const attempt = latestOf(progress?.attempts ?? []);
  return attempt ? { attempt, missed: attempt.missed } : undefined;
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

function latestOf(attempts: readonly AttemptRecord[]): AttemptRecord | undefined {
  return attempts.reduce<AttemptRecord | undefined>(
    (l, a) => (!l || a.finishedAt >= l.finishedAt ? a : l),
    undefined,
  );
}
