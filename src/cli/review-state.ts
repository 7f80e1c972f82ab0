import type { Course } from '../content/course.ts';
import type { Lesson, Question } from '../content/schema.ts';
import { labsForLesson } from '../lab/registry.ts';
import { lessonFigures } from '../lesson/status.ts';
import { courseAnswers } from '../progress/cards.ts';
import type { CourseProgress, ProgressData } from '../progress/types.ts';
import { keepInCourse, type Cards } from '../quiz/card.ts';
import { dayIndex } from '../quiz/day.ts';
import { allDue, dueCards, nextDue, type DueOptions } from '../quiz/due.ts';
import { nextStep, type LessonPosition, type NextStep } from '../quiz/next-step.ts';
import type { Ctx } from './context.ts';

/**
 * What review, `next`, `stats`, `mistakes` and the home screen need to know about the learner's
 * cards, from the course and the progress file. No scheduler here: these commands never load it.
 */

/**
 * Each lesson's questions that can be reviewed: its sections' checks, the closing questions of its
 * labs (recorded like checks) and its quiz's questions.
 */
export function courseQuestions(course: Course): Map<string, Map<string, Question>> {
  const out = new Map<string, Map<string, Question>>();
  for (const lesson of course.lessons) {
    const byId = new Map<string, Question>();
    for (const s of lesson.sections) if (s.check) byId.set(s.check.id, s.check);
    for (const lab of labsForLesson(lesson.id)) byId.set(lab.question.id, lab.question);
    for (const q of course.quizzes.get(lesson.id)?.questions ?? []) byId.set(q.id, q);
    out.set(lesson.id, byId);
  }
  return out;
}

export function questionIds(course: Course): Map<string, Set<string>> {
  return new Map([...courseQuestions(course)].map(([lesson, qs]) => [lesson, new Set(qs.keys())]));
}

/** The cards of questions still in the course. */
export function cardsInCourse(course: Course, progress: CourseProgress | undefined): Cards {
  return keepInCourse(progress?.cards ?? {}, questionIds(course));
}

/** Review answers already given today, which count against the daily cap. */
export function reviewedToday(
  progress: CourseProgress | undefined,
  now: Date,
  utcOffsetMinutes: number,
): number {
  if (!progress) return 0;
  const today = dayIndex(now.getTime(), utcOffsetMinutes);
  let n = 0;
  for (const { answer } of courseAnswers(progress))
    if (answer.source === 'review' && dayIndex(Date.parse(answer.at), utcOffsetMinutes) === today) n++;
  return n;
}

export interface ReviewQueue {
  cards: Cards;
  /** What review asks now: due, under today's cap, most overdue first, interleaved. */
  due: ReturnType<typeof dueCards>;
  /** Every card due now, the cap aside. */
  dueAll: number;
  nextDue: string | undefined;
  reviewedToday: number;
}

export function reviewQueue(
  ctx: Pick<Ctx, 'now' | 'utcOffsetMinutes'>,
  course: Course,
  progress: CourseProgress | undefined,
  opts: Pick<DueOptions, 'lesson' | 'limit' | 'max'> = {},
): ReviewQueue {
  const now = ctx.now();
  const off = ctx.utcOffsetMinutes;
  const cards = cardsInCourse(course, progress);
  const done = reviewedToday(progress, now, off);
  const options: DueOptions = { ...opts, reviewedToday: done, utcOffsetMinutes: off };
  return {
    cards,
    due: dueCards(cards, now, options),
    dueAll: allDue(cards, now, options).length,
    nextDue: nextDue(cards, now, off),
    reviewedToday: done,
  };
}

/** Each lesson as `next` weighs it. */
export function lessonPositions(course: Course, progress: CourseProgress | undefined): LessonPosition[] {
  return course.lessons.map((lesson: Lesson) => {
    const quiz = course.quizzes.get(lesson.id);
    const f = lessonFigures(lesson, progress, quiz);
    const lp = progress?.lessons[lesson.id];
    const current = progress?.quizzes[lesson.id]?.current;
    const position: LessonPosition = {
      id: lesson.id,
      requires: lesson.requires ?? [],
      read: f.finished,
      quiz: quiz ? (f.passed ? 'passed' : 'not-passed') : 'none',
    };
    if (lp && !lp.finishedAt && (lp.sectionsSeen.length > 0 || lp.sectionReached))
      position.readingSince = lp.updatedAt;
    if (quiz && current && Object.keys(current.answers).length > 0)
      position.unfinishedQuizAt = current.updatedAt;
    return position;
  });
}

/** The single most useful next step for this learner now (see quiz/next-step.ts for the order). */
export function findNextStep(
  ctx: Pick<Ctx, 'now' | 'utcOffsetMinutes' | 'courseId'>,
  course: Course,
  data: ProgressData,
): NextStep {
  const progress = data.courses[ctx.courseId];
  const queue = reviewQueue(ctx, course, progress);
  const input: Parameters<typeof nextStep>[0] = {
    lessons: lessonPositions(course, progress),
    reviewsDue: queue.due.length,
  };
  if (queue.nextDue) input.nextDue = queue.nextDue;
  if (progress?.last) input.last = { kind: progress.last.kind, lesson: progress.last.lesson };
  return nextStep(input);
}
