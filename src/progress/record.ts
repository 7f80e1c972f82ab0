import type { AnswerRecord, CourseProgress, LessonProgress, QuizProgress } from './types.ts';

/**
 * Changes to one course's progress, shared by the lesson and quiz flows. Pure: they mutate the
 * object they are given (inside `store.update`) and take the time as a parameter.
 */

export function lessonProgress(course: CourseProgress, lessonId: string, at: string): LessonProgress {
  return (course.lessons[lessonId] ??= { sectionsSeen: [], updatedAt: at });
}

export function quizProgress(course: CourseProgress, lessonId: string): QuizProgress {
  return (course.quizzes[lessonId] ??= { answers: [], attempts: [] });
}

/** The learner has opened a section: it counts as seen and becomes the place to resume. */
export function markSectionSeen(
  course: CourseProgress,
  lessonId: string,
  sectionId: string,
  at: string,
): void {
  const lesson = lessonProgress(course, lessonId, at);
  if (!lesson.sectionsSeen.includes(sectionId)) lesson.sectionsSeen.push(sectionId);
  lesson.sectionReached = sectionId;
  lesson.updatedAt = at;
  course.last = { kind: 'lesson', lesson: lessonId, at };
}

export function markLessonFinished(course: CourseProgress, lessonId: string, at: string): void {
  const lesson = lessonProgress(course, lessonId, at);
  lesson.finishedAt ??= at;
  lesson.updatedAt = at;
}

/** Appends an answer (quiz or inline check); answers are history and are never rewritten. */
export function recordAnswer(course: CourseProgress, lessonId: string, answer: AnswerRecord): void {
  const quiz = quizProgress(course, lessonId);
  if (!quiz.answers.some((a) => a.id === answer.id)) quiz.answers.push(answer);
}

/** A record id unique across processes and machines: the time, then random letters. */
export function newRecordId(at: string, random: () => number = Math.random): string {
  return `${at}-${Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0')}`;
}

/** Forgets everything recorded for one lesson (`reset <lesson>`), as if it had never been opened. */
export function clearLesson(course: CourseProgress, lessonId: string): void {
  delete course.lessons[lessonId];
  delete course.quizzes[lessonId];
  if (course.last?.lesson === lessonId) delete course.last;
}
