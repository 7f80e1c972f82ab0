import { UserError } from '../../errors.ts';
import { courseAnswers, answerEvent } from '../../progress/cards.ts';
import { closest } from '../../text/suggest.ts';
import { whyDueText } from '../../ui/screens/review.ts';
import { firstSentence } from '../../ui/screens/quiz.ts';
import type { Ctx } from '../context.ts';
import { takeReview, type ReviewOptions } from '../flows/review.ts';
import { lessonFromArg } from '../lesson-arg.ts';
import { cardsInCourse, courseQuestions } from '../review-state.ts';

export interface ReviewCommandOptions extends Omit<ReviewOptions, 'lesson'> {
  lesson?: string;
  why?: string;
  json?: boolean;
}

/** `alignment-tutor review [--lesson ID] [--limit N] [--max N] [--why QUESTION-ID] [--confidence]`. */
export async function runReview(ctx: Ctx, opts: ReviewCommandOptions): Promise<void> {
  const course = await ctx.course();
  const lesson = opts.lesson !== undefined ? lessonFromArg(ctx, course, opts.lesson).lesson.id : undefined;
  if (opts.why !== undefined) return explainWhy(ctx, opts.why, lesson, opts.json === true);
  const { why: _why, json: _json, lesson: _lesson, ...rest } = opts;
  await takeReview(ctx, { ...rest, ...(lesson !== undefined ? { lesson } : {}) });
}

/** `--why QUESTION-ID` (or `lesson/question`): the facts behind the card's due time. */
async function explainWhy(
  ctx: Ctx,
  arg: string,
  onlyLesson: string | undefined,
  json: boolean,
): Promise<void> {
  const course = await ctx.course();
  const data = await ctx.store.read();
  const progress = data.courses[ctx.courseId];
  const [first, second] = arg.includes('/') ? arg.split('/', 2) : [onlyLesson, arg];
  const questionId = (second ?? '').trim();
  const questions = courseQuestions(course);
  const lessons = [...questions].filter(
    ([lesson, qs]) => (first === undefined || lesson === first) && qs.has(questionId),
  );
  if (lessons.length === 0) {
    const all = [...questions.values()].flatMap((qs) => [...qs.keys()]);
    const near = closest(questionId, all, 3);
    const inLesson = first !== undefined ? ` in the lesson "${first}"` : '';
    const didYouMean = near.length ? `; did you mean ${near.map((q) => `"${q}"`).join(' or ')}?` : '';
    throw new UserError(
      `there is no question "${questionId}"${inLesson}${didYouMean}`,
      `Question ids are in the quiz files (id: ...); ${ctx.command('mistakes')} lists the ones you missed.`,
    );
  }
  const [lessonId, qs] = lessons[0]!;
  const question = qs.get(questionId)!;
  const card = cardsInCourse(course, progress)[lessonId]?.[questionId];
  if (!card)
    throw new UserError(
      `the question "${questionId}" has no review card yet: you have not answered it`,
      `Answer it in its quiz first: ${ctx.command(`quiz ${lessonId}`)}`,
    );
  const history = progress
    ? courseAnswers(progress).map(({ lesson, answer }) => answerEvent(lesson, answer))
    : [];
  const { whyDue } = await import('../../quiz/why-due.ts');
  const why = whyDue(
    { lesson: lessonId, question: questionId },
    card,
    history,
    ctx.now(),
    ctx.utcOffsetMinutes,
  );
  if (json) {
    ctx.io.stdout.write(`${JSON.stringify(why, null, 2)}\n`);
    return;
  }
  ctx.io.stdout.write(
    `${whyDueText(why, firstSentence(question.prompt), ctx.now(), ctx.utcOffsetMinutes)}\n`,
  );
}
