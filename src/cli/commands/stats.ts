import { courseAnswers } from '../../progress/cards.ts';
import { calibrate } from '../../quiz/calibration.ts';
import { computeStats, type StatsAnswer } from '../../quiz/stats.ts';
import { textWidth } from '../../ui/io.ts';
import { renderStats } from '../../ui/screens/stats.ts';
import type { Ctx } from '../context.ts';
import { courseQuestions, questionIds } from '../review-state.ts';

/**
 * `alignment-tutor stats [--json]`: accuracy, cards by state, reviews due, true retention, reviews
 * per day and calibration. Reads stored cards only: the scheduler is not loaded.
 */
export async function runStats(ctx: Ctx, opts: { json?: boolean }): Promise<void> {
  const course = await ctx.course();
  const data = await ctx.store.read();
  const progress = data.courses[ctx.courseId];
  const questions = courseQuestions(course);
  const answers: StatsAnswer[] = [];
  for (const { lesson, answer: a } of progress ? courseAnswers(progress) : []) {
    const s: StatsAnswer = {
      lesson,
      question: a.question,
      correct: a.correct,
      hintUsed: a.hintUsed,
      at: a.at,
    };
    if (a.confidence !== undefined) s.confidence = a.confidence;
    if (a.before !== undefined) s.before = a.before;
    const type = questions.get(lesson)?.get(a.question)?.type;
    if (type !== undefined) s.type = type;
    answers.push(s);
  }
  // Lessons come in key order; the per-day counts and retention need time order.
  answers.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  const stats = computeStats({
    answers,
    cards: progress?.cards ?? {},
    now: ctx.now(),
    utcOffsetMinutes: ctx.utcOffsetMinutes,
    course: questionIds(course),
  });
  const calibration = calibrate(answers);
  if (opts.json) {
    ctx.io.stdout.write(`${JSON.stringify({ ...stats, calibration }, null, 2)}\n`);
    return;
  }
  ctx.io.stdout.write(
    `${renderStats(stats, calibration, {
      theme: ctx.theme,
      width: textWidth(ctx.io),
      blocks: ctx.theme.color && !ctx.plain,
      lessons: course.lessons,
      command: ctx.command,
    })}\n`,
  );
}
