import type { Lesson, Quiz } from '../content/schema.ts';
import type { CourseProgress } from '../progress/types.ts';
import { quizStats, scoreOf } from '../quiz/score.ts';

/** Where a learner stands with one lesson, from the progress file alone. */
export type LessonStatus =
  | { kind: 'not-started' }
  /** `section` is 1-based: the section to reopen. */
  | { kind: 'in-progress'; section: number; total: number }
  | { kind: 'read' }
  | { kind: 'quiz-passed' };

/**
 * Every figure about one lesson that a screen shows: home, `list`, `progress` (and its JSON) all
 * read them from here, so they cannot disagree about whether a quiz is passed.
 */
export interface LessonFigures {
  status: LessonStatus;
  /** Sections of this lesson opened at least once (ids no longer in the lesson are not counted). */
  seen: number;
  /** Sections in the lesson as it is now. */
  total: number;
  finished: boolean;
  /** Answers recorded (quiz questions and inline checks), and how many were right. */
  answered: number;
  correct: number;
  /** Finished quiz attempts, retries of missed questions included. */
  attempts: number;
  /** Best and most recent score of a whole-quiz attempt, 0..1; undefined before the first. */
  best: number | undefined;
  latest: number | undefined;
  /**
   * A whole-quiz attempt passed: it was marked passed when taken, or its score reaches the quiz's
   * pass mark as it is now (an author who lowers the mark passes the learners who now meet it).
   */
  passed: boolean;
  /** A quiz started and left before its last question. */
  quizUnfinished: boolean;
  /** ISO 8601 time of the last thing done in this lesson or its quiz. */
  lastActivity: string | undefined;
}

export function lessonFigures(
  lesson: Lesson,
  progress: CourseProgress | undefined,
  quiz?: Quiz,
): LessonFigures {
  const lp = progress?.lessons[lesson.id];
  const qp = progress?.quizzes[lesson.id];
  const ids = new Set(lesson.sections.map((s) => s.id));
  const seen = new Set((lp?.sectionsSeen ?? []).filter((id) => ids.has(id))).size;
  const total = lesson.sections.length;
  const answers = qp?.answers ?? [];
  const attempts = qp?.attempts ?? [];
  // Whole-quiz attempts only: a retry of just the missed questions neither passes a quiz nor sets its score.
  const stats = quizStats(qp);
  const best = stats.best?.score;
  const passed =
    stats.passed ||
    (quiz !== undefined &&
      stats.best !== undefined &&
      scoreOf(stats.best.right, stats.best.total, quiz.pass).passed);
  let status: LessonStatus;
  if (passed) status = { kind: 'quiz-passed' };
  else if (lp?.finishedAt) status = { kind: 'read' };
  else if (lp && (lp.sectionReached !== undefined || seen > 0))
    status = { kind: 'in-progress', section: resumeIndex(lesson, progress) + 1, total };
  else status = { kind: 'not-started' };
  const times = [
    lp?.updatedAt,
    qp?.current?.updatedAt,
    ...attempts.map((a) => a.finishedAt),
    ...answers.map((a) => a.at),
  ];
  return {
    status,
    seen,
    total,
    finished: lp?.finishedAt !== undefined,
    answered: answers.length,
    correct: answers.filter((a) => a.correct).length,
    attempts: attempts.length,
    best,
    latest: stats.latest?.score,
    passed,
    quizUnfinished: qp?.current !== undefined,
    lastActivity: times.reduce<string | undefined>(
      (max, t) => (t !== undefined && (max === undefined || t > max) ? t : max),
      undefined,
    ),
  };
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
