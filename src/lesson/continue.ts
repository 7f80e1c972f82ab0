import type { Course } from '../content/course.ts';
import type { Lesson } from '../content/schema.ts';
import type { CourseProgress } from '../progress/types.ts';
import { closest } from '../text/suggest.ts';
import { resumeIndex } from './status.ts';

/** What "Continue" and a bare `learn` open. */
export type ContinueTarget =
  /** A lesson at a section (0-based); `fresh` when nothing of it has been opened yet. */
  | { kind: 'lesson'; lesson: Lesson; section: number; fresh: boolean }
  /** A quiz left before its last question. */
  | { kind: 'quiz'; lesson: Lesson; answered: number; total: number }
  /** Every lesson is read. */
  | { kind: 'done' };

/**
 * The quiz or lesson the learner was last in, if unfinished; otherwise the lesson most recently
 * left half-read; otherwise the first lesson in course order not yet read.
 */
export function continueTarget(course: Course, progress: CourseProgress | undefined): ContinueTarget {
  const last = progress?.last;
  const lastLesson = last && course.lessons.find((l) => l.id === last.lesson);
  if (last && lastLesson) {
    const current = progress.quizzes[lastLesson.id]?.current;
    if (last.kind === 'quiz' && current && course.quizzes.has(lastLesson.id)) {
      return {
        kind: 'quiz',
        lesson: lastLesson,
        answered: Object.keys(current.answers).length,
        total: current.questions.length,
      };
    }
    const lp = progress.lessons[lastLesson.id];
    if (last.kind === 'lesson' && lp && !lp.finishedAt)
      return { kind: 'lesson', lesson: lastLesson, section: resumeIndex(lastLesson, progress), fresh: false };
  }
  return nextLesson(course, progress);
}

/** The lesson to open with a bare `learn`: like Continue, but never a quiz. */
export function lessonToContinue(
  course: Course,
  progress: CourseProgress | undefined,
): Extract<ContinueTarget, { kind: 'lesson' | 'done' }> {
  const target = continueTarget(course, progress);
  return target.kind === 'quiz' ? nextLesson(course, progress) : target;
}

function nextLesson(
  course: Course,
  progress: CourseProgress | undefined,
): Extract<ContinueTarget, { kind: 'lesson' | 'done' }> {
  // A lesson left half-read comes before one never opened: the learner was in the middle of it.
  const started = course.lessons
    .filter((l) => {
      const lp = progress?.lessons[l.id];
      return lp && !lp.finishedAt && lp.sectionsSeen.length > 0;
    })
    .sort((a, b) =>
      (progress!.lessons[b.id]!.updatedAt ?? '').localeCompare(progress!.lessons[a.id]!.updatedAt ?? ''),
    );
  const lesson = started[0] ?? course.lessons.find((l) => !progress?.lessons[l.id]?.finishedAt);
  if (!lesson) return { kind: 'done' };
  const lp = progress?.lessons[lesson.id];
  return { kind: 'lesson', lesson, section: resumeIndex(lesson, progress), fresh: !lp?.sectionsSeen.length };
}

/**
 * The lesson a learner named: its number as the home screen and `list` show it, its id in any
 * case, or its title; otherwise the closest ids to suggest instead.
 */
export function findLesson(course: Course, name: string): { lesson: Lesson } | { suggestions: string[] } {
  const wanted = name.trim().toLowerCase();
  const byNumber = /^\d+$/.test(wanted) ? course.lessons[Number(wanted) - 1] : undefined;
  const lesson =
    byNumber ??
    course.lessons.find((l) => l.id === wanted) ??
    course.lessons.find((l) => l.title.toLowerCase() === wanted);
  if (lesson) return { lesson };
  return {
    suggestions: closest(
      wanted,
      course.lessons.map((l) => l.id),
      3,
    ),
  };
}
