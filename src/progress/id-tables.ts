import type { ProgressData } from './types.ts';

/**
 * Tables keyed by ids from files (courses, lessons, quizzes, a quiz's questions) are objects
 * without a prototype. In an ordinary object `table['constructor']` or `table['toString']` is
 * inherited from Object.prototype even when no such id was recorded, so `table[id] ??= fresh`
 * would return a function; and ids are whatever a course or an imported file says.
 */
export function idTable<T>(entries?: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** Gives every id-keyed table of checked progress data no prototype, in place. */
export function withoutPrototypes(data: ProgressData): ProgressData {
  const bare = <T extends object>(o: T): T => Object.setPrototypeOf(o, null) as T;
  bare(data.courses);
  for (const course of Object.values(data.courses)) {
    bare(course.lessons);
    bare(course.quizzes);
    if (course.cards) {
      bare(course.cards);
      for (const byQuestion of Object.values(course.cards)) bare(byQuestion);
    }
    for (const quiz of Object.values(course.quizzes)) {
      if (!quiz.current) continue;
      bare(quiz.current.display);
      bare(quiz.current.answers);
    }
  }
  return data;
}
