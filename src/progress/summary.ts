import type { Course } from '../content/course.ts';
import type { AttemptRecord, CourseProgress } from './types.ts';

/**
 * Where the learner stands in each lesson of a course, as numbers: what `progress` prints and
 * `progress --json` hands to scripts. Pure. Progress for lessons no longer in the course is kept
 * in the file but not counted here.
 */

export interface LessonReport {
  id: string;
  title: string;
  /** Sections in the lesson as it is now. */
  sections: number;
  /** Of those, how many the learner has opened. */
  sectionsRead: number;
  finished: boolean;
  /** Answers recorded (quiz questions and inline checks), and how many were right. */
  answered: number;
  correct: number;
  /** Finished quiz attempts, retries of missed questions included. */
  attempts: number;
  /** Best and most recent score of a whole-quiz attempt, 0..1; null before the first. */
  best: number | null;
  latest: number | null;
  /** A whole-quiz attempt reached the pass mark. */
  passed: boolean;
  /** A quiz attempt was left before its last question and can be resumed. */
  quizUnfinished: boolean;
  /** ISO 8601 UTC time of the last thing done in this lesson or its quiz; null when nothing was. */
  lastActivity: string | null;
}

export interface CourseReport {
  course: string;
  lessons: LessonReport[];
  totals: {
    lessons: number;
    lessonsFinished: number;
    sections: number;
    sectionsRead: number;
    quizzesPassed: number;
    answered: number;
    correct: number;
    attempts: number;
  };
  /** Lesson ids with recorded progress that the course no longer has. */
  unknownLessons: string[];
}

export function reportProgress(
  course: Course,
  courseId: string,
  progress: CourseProgress | undefined,
): CourseReport {
  const lessons = course.lessons.map((lesson): LessonReport => {
    const lp = progress?.lessons[lesson.id];
    const qp = progress?.quizzes[lesson.id];
    const ids = new Set(lesson.sections.map((s) => s.id));
    const answers = qp?.answers ?? [];
    const attempts = qp?.attempts ?? [];
    // A retry of only the missed questions is not a score for the whole quiz.
    const whole = attempts.filter((a) => a.mode !== 'missed');
    const latest = whole.reduce<AttemptRecord | undefined>(
      (l, a) => (!l || a.finishedAt >= l.finishedAt ? a : l),
      undefined,
    );
    const times = [
      lp?.updatedAt,
      qp?.current?.updatedAt,
      ...attempts.map((a) => a.finishedAt),
      ...answers.map((a) => a.at),
    ];
    return {
      id: lesson.id,
      title: lesson.title,
      sections: lesson.sections.length,
      sectionsRead: (lp?.sectionsSeen ?? []).filter((id) => ids.has(id)).length,
      finished: lp?.finishedAt !== undefined,
      answered: answers.length,
      correct: answers.filter((a) => a.correct).length,
      attempts: attempts.length,
      best: whole.length ? Math.max(...whole.map((a) => a.score)) : null,
      latest: latest ? latest.score : null,
      passed: whole.some((a) => a.passed),
      quizUnfinished: qp?.current !== undefined,
      lastActivity: times.reduce<string | null>(
        (max, t) => (t !== undefined && (max === null || t > max) ? t : max),
        null,
      ),
    };
  });
  const sum = (f: (l: LessonReport) => number) => lessons.reduce((n, l) => n + f(l), 0);
  const known = new Set(course.lessons.map((l) => l.id));
  const recorded = new Set([
    ...Object.keys(progress?.lessons ?? {}),
    ...Object.keys(progress?.quizzes ?? {}),
  ]);
  return {
    course: courseId,
    lessons,
    totals: {
      lessons: lessons.length,
      lessonsFinished: sum((l) => (l.finished ? 1 : 0)),
      sections: sum((l) => l.sections),
      sectionsRead: sum((l) => l.sectionsRead),
      quizzesPassed: sum((l) => (l.passed ? 1 : 0)),
      answered: sum((l) => l.answered),
      correct: sum((l) => l.correct),
      attempts: sum((l) => l.attempts),
    },
    unknownLessons: [...recorded].filter((id) => !known.has(id)).sort(),
  };
}
