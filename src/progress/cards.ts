import { idTable } from './id-tables.ts';
import type { AnswerEvent } from '../quiz/answer-event.ts';
import type { CardState, Cards, ReviewCard } from '../quiz/card.ts';
import { recordAnswer } from './record.ts';
import type { AnswerRecord, CourseProgress } from './types.ts';

/**
 * Review cards as the progress file keeps them: a cache of the answer history. This module stays
 * free of the scheduler (ts-fsrs): `next`, `stats` and every command that only reads progress
 * never load it. What needs the scheduler takes `replay` as a parameter, loaded by `loadReplay`.
 */

/** quiz/schedule.ts's `replay`: answers in, cards and each answer's state before it out. */
export type ReplayFn = (events: readonly AnswerEvent[]) => { cards: Cards; before: CardState[] };

/** The scheduler's replay, loaded when first needed (a migration, a merge). */
export async function loadReplay(): Promise<ReplayFn> {
  return (await import('../quiz/schedule.ts')).replay;
}

/** One answer record as the scheduler, stats and calibration see it. */
export function answerEvent(lesson: string, a: AnswerRecord): AnswerEvent {
  const event: AnswerEvent = {
    lesson,
    question: a.question,
    correct: a.correct,
    hintUsed: a.hintUsed,
    at: a.at,
  };
  if (a.confidence !== undefined) event.confidence = a.confidence;
  return event;
}

/** Every answer of a course with its lesson, lessons in key order, each lesson's answers as stored. */
export function courseAnswers(course: CourseProgress): Array<{ lesson: string; answer: AnswerRecord }> {
  const out: Array<{ lesson: string; answer: AnswerRecord }> = [];
  for (const lesson of Object.keys(course.quizzes).sort())
    for (const answer of course.quizzes[lesson]!.answers) out.push({ lesson, answer });
  return out;
}

/**
 * Sets a course's cards to what its whole answer history gives. With `fillBefore`, answers that
 * do not say which state their card was in get it from the replay (a migrated history); answers
 * that do keep theirs, as they were when given.
 */
export function rebuildCards(course: CourseProgress, replay: ReplayFn, fillBefore = false): void {
  const all = courseAnswers(course);
  const { cards, before } = replay(all.map(({ lesson, answer }) => answerEvent(lesson, answer)));
  if (fillBefore) all.forEach(({ answer }, i) => (answer.before ??= before[i]));
  if (Object.keys(cards).length > 0)
    course.cards = idTable(Object.fromEntries(Object.entries(cards).map(([l, qs]) => [l, idTable(qs)])));
  else delete course.cards;
}

/** quiz/schedule.ts's `applyAnswer`: one answer's effect on its card. */
export type ApplyFn = (
  card: ReviewCard | undefined,
  event: AnswerEvent,
) => { card: ReviewCard; before: CardState };

/** The scheduler's `applyAnswer`, loaded when an answer is about to be recorded. */
export async function loadApply(): Promise<ApplyFn> {
  return (await import('../quiz/schedule.ts')).applyAnswer;
}

/**
 * Appends an answer to the history and reschedules its card: quiz answers, section checks and
 * reviews all come here, so every answer counts towards review. The answer notes its card's
 * state just before it. An answer already recorded (same id) changes nothing.
 */
export function recordScheduled(
  course: CourseProgress,
  lessonId: string,
  answer: AnswerRecord,
  apply: ApplyFn,
): void {
  if (course.quizzes[lessonId]?.answers.some((a) => a.id === answer.id)) return;
  const cards = (course.cards ??= idTable());
  // Own keys only: a lesson id such as `constructor` must not find Object's.
  const byQuestion =
    (Object.hasOwn(cards, lessonId) ? cards[lessonId] : undefined) ?? (cards[lessonId] = idTable());
  const outcome = apply(
    Object.hasOwn(byQuestion, answer.question) ? byQuestion[answer.question] : undefined,
    answerEvent(lessonId, answer),
  );
  byQuestion[answer.question] = outcome.card;
  recordAnswer(course, lessonId, { ...answer, before: outcome.before });
}
