import type { AnswerEvent } from '../../src/quiz/answer-event.ts';

/** An answer to `lesson`/`question` at `at`, right and unaided unless told otherwise. */
export function answer(
  lesson: string,
  question: string,
  at: string,
  more: Partial<Omit<AnswerEvent, 'lesson' | 'question' | 'at'>> = {},
): AnswerEvent {
  return { lesson, question, at, correct: true, hintUsed: false, ...more };
}

export const DAY = 86_400_000;

/** `iso` moved by `days` (fractions allowed), as ISO 8601. */
export function plus(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY).toISOString();
}
