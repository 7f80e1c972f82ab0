import type { Course } from '../content/course.ts';
import { lessonFigures } from '../lesson/status.ts';
import type { CourseProgress } from './types.ts';

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
  /** A whole-quiz attempt reached the pass mark (see lessonFigures). */
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
    const f = lessonFigures(lesson, progress, course.quizzes.get(lesson.id));
    return {
      id: lesson.id,
      title: lesson.title,
      sections: f.total,
      sectionsRead: f.seen,
      finished: f.finished,
      answered: f.answered,
      correct: f.correct,
      attempts: f.attempts,
      best: f.best ?? null,
      latest: f.latest ?? null,
      passed: f.passed,
      quizUnfinished: f.quizUnfinished,
      lastActivity: f.lastActivity ?? null,
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
