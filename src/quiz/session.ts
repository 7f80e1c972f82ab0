import { idTable } from '../progress/id-tables.ts';
import type { Question, Quiz } from '../content/schema.ts';
import { kindOf } from './kinds/registry.ts';
import { recordScheduled, type ApplyFn } from '../progress/cards.ts';
import { newRecordId, quizProgress } from '../progress/record.ts';
import type { AttemptRecord, CourseProgress, QuizProgress, UnfinishedQuiz } from '../progress/types.ts';
import type { Response } from './response.ts';
import { randomDisplay, shuffled } from './shuffle.ts';
import { latestOf, scoreOf } from './score.ts';

/**
 * A quiz attempt as data: which questions, in which order, shown how, answered how. The
 * functions that change progress mutate the CourseProgress they are given (inside
 * `store.update`) and take the time and randomness as parameters, so they stay pure.
 */

/**
 * How a quiz is ordered, from the command line: unset, the questions as written and the choices
 * within each shuffled; `true` (`--shuffle`), the questions shuffled too; `false` (`--no-shuffle`),
 * both as written. Order items are shuffled whatever it says: in file order they are the answer.
 */
export type ShuffleOption = boolean | undefined;

export interface PlanOptions {
  shuffle?: ShuffleOption;
  limit?: number;
  /** Ask only these question ids (a retry of missed ones), in quiz order unless shuffled. */
  only?: readonly string[];
  /** Source of randomness: seeded for `--seed`. */
  random: () => number;
}

export interface Plan {
  questions: string[];
  display: Record<string, number[]>;
}

export function planQuiz(quiz: Quiz, opts: PlanOptions): Plan {
  let questions = quiz.questions;
  if (opts.only) {
    const only = new Set(opts.only);
    questions = questions.filter((q) => only.has(q.id));
  }
  if (opts.shuffle === true) questions = shuffled(questions, opts.random);
  if (opts.limit !== undefined) questions = questions.slice(0, opts.limit);
  const display = idTable<number[]>();
  for (const q of questions) {
    const order = displayFor(q, opts.shuffle, opts.random);
    if (order) display[q.id] = order;
  }
  return { questions: questions.map((q) => q.id), display };
}

/**
 * The order to show a question's options in (undefined when it has none): shuffled unless
 * `shuffle` is `false`, so a learner remembers what a choice says, not where it stood.
 */
export function displayFor(q: Question, shuffle: ShuffleOption, random: () => number): number[] | undefined {
  const kind = kindOf(q.type);
  const n = kind.options(q).length;
  if (n === 0) return undefined;
  if (kind.shuffle === 'always') return randomDisplay(n, random);
  return shuffle === false ? identity(n) : shuffled(identity(n), random);
}

function identity(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

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
    answers: idTable(),
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
  /** "How sure were you?" in percent, when asked. */
  confidence?: number;
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
  apply: ApplyFn,
): void {
  const { confidence: _, ...given } = answer;
  attempt.answers[questionId] = { ...given, at };
  attempt.updatedAt = at;
  savePracticeAnswer(course, lessonId, questionId, answer, at, apply);
  quizProgress(course, lessonId).current = structuredClone(attempt);
}

/**
 * An answer kept in the history (and its review card updated), like every answer. On its own it is
 * practice (`quiz --limit`): part of no attempt, so it never becomes the quiz's best or latest score.
 */
export function savePracticeAnswer(
  course: CourseProgress,
  lessonId: string,
  questionId: string,
  answer: Answer,
  at: string,
  apply: ApplyFn,
): void {
  const { confidence, ...given } = answer;
  recordScheduled(
    course,
    lessonId,
    {
      id: newRecordId(at),
      question: questionId,
      source: 'quiz',
      ...given,
      at,
      ...(confidence !== undefined ? { confidence } : {}),
    },
    apply,
  );
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
