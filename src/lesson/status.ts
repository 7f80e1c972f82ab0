import type { Lesson, Quiz } from '../content/schema.ts';
import type { CourseProgress } from '../progress/types.ts';
import { quizStats } from '../quiz/session.ts';

/** Where a learner stands with one lesson, from the progress file alone. */
export type LessonStatus =
  | { kind: 'not-started' }
  /** `section` is 1-based: the section to reopen. */
  | { kind: 'in-progress'; section: number; total: number }
  | { kind: 'read' }
  | { kind: 'quiz-passed' };

export interface LessonSummary {
  status: LessonStatus;
  /** Sections of this lesson opened at least once (ids no longer in the lesson are not counted). */
  seen: number;
  total: number;
  /** Best quiz score so far, 0..1, or undefined before a finished attempt. */
  best: number | undefined;
  /** A quiz started and left before its last question. */
  quizUnfinished: boolean;
}

export function summariseLesson(
  lesson: Lesson,
  progress: CourseProgress | undefined,
  quiz?: Quiz,
): LessonSummary {
  const lp = progress?.lessons[lesson.id];
  const qp = progress?.quizzes[lesson.id];
  const ids = new Set(lesson.sections.map((s) => s.id));
  const seen = new Set((lp?.sectionsSeen ?? []).filter((id) => ids.has(id))).size;
  const total = lesson.sections.length;
  // Whole-quiz attempts only, as `progress` counts them: a retry of just the missed questions
  // neither passes a quiz nor sets its best score.
  const stats = quizStats(qp);
  const best = stats.best?.score;
  const passed = stats.passed || (quiz !== undefined && best !== undefined && best >= quiz.pass);
  let status: LessonStatus;
  if (passed) status = { kind: 'quiz-passed' };
  else if (lp?.finishedAt) status = { kind: 'read' };
  else if (lp && (lp.sectionReached !== undefined || seen > 0))
    status = { kind: 'in-progress', section: resumeIndex(lesson, progress) + 1, total };
  else status = { kind: 'not-started' };
  return { status, seen, total, best, quizUnfinished: qp?.current !== undefined };
}

/**
 * The section (0-based) to open: the one reached last time. A lesson read to its last section
 * starts again from the top, since reopening it on the final page helps nobody.
 */
export function resumeIndex(lesson: Lesson, progress: CourseProgress | undefined): number {
  const lp = progress?.lessons[lesson.id];
  if (!lp?.sectionReached) return 0;
  const at = lesson.sections.findIndex((s) => s.id === lp.sectionReached);
  if (at < 0) return 0;
  if (lp.finishedAt && at === lesson.sections.length - 1) return 0;
  return at;
}

/** Prerequisites the learner has not finished, in the order the lesson lists them. */
export function unreadPrerequisites(
  lesson: Lesson,
  lessons: readonly Lesson[],
  progress: CourseProgress | undefined,
): Lesson[] {
  return (lesson.requires ?? []).flatMap((id) => {
    const req = lessons.find((l) => l.id === id);
    return req && !progress?.lessons[id]?.finishedAt ? [req] : [];
  });
}
