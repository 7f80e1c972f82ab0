import type { Course } from '../../content/course.ts';
import type { Question } from '../../content/schema.ts';
import { UserError } from '../../errors.ts';
import { loadApply, recordScheduled } from '../../progress/cards.ts';
import { newRecordId } from '../../progress/record.ts';
import { DEFAULT_DAILY_MAX } from '../../quiz/due.ts';
import { grade } from '../../quiz/grade.ts';
import { displayFor } from '../../quiz/session.ts';
import { seededRandom } from '../../quiz/shuffle.ts';
import { plural } from '../../text/plural.ts';
import { textWidth } from '../../ui/io.ts';
import { askQuestion, showFeedback } from '../../ui/question.ts';
import { askConfidence } from '../../ui/screens/confidence.ts';
import { nextStepSentence, whenDue } from '../../ui/screens/next-step.ts';
import { answerFeedback } from '../../ui/screens/quiz.ts';
import { wrapText } from '../../ui/wrap.ts';
import { questionScreen, type Ctx } from '../context.ts';
import { courseQuestions, findNextStep, reviewQueue } from '../review-state.ts';

export interface ReviewOptions {
  /** Only this lesson's cards (a lesson id already resolved). */
  lesson?: string;
  /** At most this many cards in this sitting. */
  limit?: number;
  /** At most this many cards a day (default 50): a long break is spread over days. */
  max?: number;
  confidence?: boolean;
  /** False (`--no-shuffle`): choices in file order. */
  shuffle?: boolean;
  /** Makes the shuffled choices reproducible. */
  seed?: number;
}

/** The last line of a finished review in `--plain` mode (README.md). */
export function reviewScoreLine(right: number, total: number): string {
  return `Reviewed: ${right}/${total} right`;
}

/**
 * Asks the due cards, most overdue first and lessons interleaved, each with a quiz's feedback,
 * and reschedules each as it is answered. With nothing due, says when the next card is and what
 * else to do. The `review` command and the home screen both come here.
 */
export async function takeReview(ctx: Ctx, opts: ReviewOptions = {}): Promise<void> {
  const course = await ctx.course();
  const data = await ctx.store.read();
  const progress = data.courses[ctx.courseId];
  const out = (s: string) => ctx.io.stdout.write(s);
  const width = textWidth(ctx.io);
  const say = (s: string) => out(`${ctx.io.stdout.isTTY ? wrapText(s, width) : s}\n`);
  const dueOpts = {
    ...(opts.lesson !== undefined ? { lesson: opts.lesson } : {}),
    ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
    ...(opts.max !== undefined ? { max: opts.max } : {}),
  };
  const queue = reviewQueue(ctx, course, progress, dueOpts);
  if (opts.lesson !== undefined && !queue.cards[opts.lesson])
    throw new UserError(
      `the lesson "${opts.lesson}" has no review cards yet`,
      `Cards come from answers: take its quiz (${ctx.command(`quiz ${opts.lesson}`)}) or read it ` +
        `(${ctx.command(`learn ${opts.lesson}`)}), then review.`,
    );

  out(`${ctx.theme.heading('Review')}\n`);
  if (queue.due.length === 0) {
    say(nothingDue(ctx, course, queue, data));
    return;
  }
  const waiting = queue.dueAll - queue.due.length;
  const cap = opts.max ?? DEFAULT_DAILY_MAX;
  const later =
    waiting === 0
      ? ''
      : queue.reviewedToday + queue.due.length < cap
        ? ` ${waiting} more ${waiting === 1 ? 'is' : 'are'} due after these.`
        : ` ${waiting} more ${waiting === 1 ? 'waits' : 'wait'} for the next days (at most ${cap} a day).`;
  say(`${plural(queue.due.length, 'card')} to review, most overdue first.${later}`);

  const questions = courseQuestions(course);
  const random = opts.seed !== undefined ? seededRandom(opts.seed) : Math.random;
  const confidence = opts.confidence ?? data.settings?.confidence ?? false;
  const apply = await loadApply();
  const screen = questionScreen(ctx);
  const quizScreen = {
    theme: ctx.theme,
    width,
    terminal: Boolean(ctx.io.stdout.isTTY),
    plain: ctx.prompter.plain,
    command: ctx.command,
  };
  let right = 0;
  let asked = 0;
  for (const [i, { lesson: lessonId, question: questionId }] of queue.due.entries()) {
    const lesson = course.lessons.find((l) => l.id === lessonId)!;
    const question = questions.get(lessonId)!.get(questionId)!;
    const display = displayFor(question, opts.shuffle, random);
    const head = { heading: `Review ${i + 1} of ${queue.due.length} · ${lesson.title}` };
    const { response, hintUsed } = await askQuestion(screen, question, {
      ...head,
      ...(display ? { display } : {}),
    });
    const sure = confidence ? await askConfidence(ctx.prompter) : undefined;
    const graded = grade(question, response);
    // Saved before the feedback is shown: an answer the learner has seen judged is never lost.
    await ctx.store.update(ctx.courseId, (c, now) => {
      const at = now.toISOString();
      recordScheduled(
        c,
        lessonId,
        {
          id: newRecordId(at),
          question: questionId,
          source: 'review',
          response,
          correct: graded.correct,
          hintUsed,
          at,
          ...(sure !== undefined ? { confidence: sure } : {}),
        },
        apply,
      );
    });
    asked += 1;
    if (graded.correct) right += 1;
    const more = i < queue.due.length - 1 && !ctx.prompter.plain;
    const next = await showFeedback(
      screen,
      question,
      head,
      answerFeedback(quizScreen, lesson, question, response, graded),
      more
        ? () =>
            ctx.prompter.select(
              'Continue',
              [
                { label: 'Next card', value: 'next' as const },
                { label: 'Stop here (the rest stay due)', value: 'stop' as const },
              ],
              { redraw: true },
            )
        : undefined,
    );
    if (next === 'stop') break;
  }
  const after = reviewQueue(ctx, course, (await ctx.store.read()).courses[ctx.courseId], dueOpts);
  out(`\n${ctx.theme.heading('Review finished')}\n`);
  if (after.due.length > 0)
    say(
      `${plural(after.due.length, 'card')} ${after.due.length === 1 ? 'is' : 'are'} due again now ` +
        '(answered wrong, back in a few minutes) or still waiting.',
    );
  else if (after.nextDue)
    say(`The next card is due ${whenDue(after.nextDue, ctx.now(), ctx.utcOffsetMinutes)}.`);
  say(nextStepSentence(findNextStep(ctx, course, await ctx.store.read()), stepScreen(ctx, course)));
  out(`\n${reviewScoreLine(right, asked)}\n`);
}

function stepScreen(ctx: Ctx, course: Course) {
  return { course, now: ctx.now(), utcOffsetMinutes: ctx.utcOffsetMinutes, command: ctx.command };
}

function nothingDue(
  ctx: Ctx,
  course: Course,
  queue: ReturnType<typeof reviewQueue>,
  data: Awaited<ReturnType<Ctx['store']['read']>>,
): string {
  if (queue.dueAll > 0)
    return (
      `You have reviewed ${plural(queue.reviewedToday, 'card')} today, the daily limit. ${queue.dueAll} ` +
      `more ${queue.dueAll === 1 ? 'is' : 'are'} due and will be spread over the next days, so a long ` +
      `break never means hundreds at once. To do more today: ${ctx.command('review --max 100')}`
    );
  const when = queue.nextDue
    ? `Nothing to review now: the next card is due ${whenDue(queue.nextDue, ctx.now(), ctx.utcOffsetMinutes)}.`
    : 'Nothing to review yet: cards come from the questions you answer in quizzes and lessons.';
  const step = findNextStep(ctx, course, data);
  return `${when}\n${nextStepSentence(step, stepScreen(ctx, course))}`;
}

/** The question a card asks, or undefined when it left the course. */
export function findQuestion(course: Course, lesson: string, id: string): Question | undefined {
  return courseQuestions(course).get(lesson)?.get(id);
}
