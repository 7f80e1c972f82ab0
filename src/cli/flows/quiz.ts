import type { Lesson, Quiz } from '../../content/schema.ts';
import { CancelledError, UserError } from '../../errors.ts';
import type { CourseProgress, UnfinishedQuiz } from '../../progress/types.ts';
import { grade } from '../../quiz/grade.ts';
import {
  finishAttempt,
  firstUnanswered,
  lastMissed,
  planQuiz,
  resumable,
  saveAnswer,
  startAttempt,
  type Plan,
} from '../../quiz/session.ts';
import { seededRandom } from '../../quiz/shuffle.ts';
import { textWidth } from '../../ui/io.ts';
import { askQuestion, explain } from '../../ui/question.ts';
import { quizIntro, quizSummary, revisitLine, type QuizScreen } from '../../ui/screens/quiz.ts';
import { questionScreen, type Ctx } from '../context.ts';

export interface QuizOptions {
  /** Ask only the questions missed in the last finished attempt. */
  missed?: boolean;
  shuffle?: boolean;
  seed?: number;
  limit?: number;
}

function quizScreen(ctx: Ctx): QuizScreen {
  return {
    theme: ctx.theme,
    width: textWidth(ctx.io),
    terminal: Boolean(ctx.io.stdout.isTTY),
    plain: ctx.prompter.plain,
    command: ctx.command,
  };
}

/**
 * A lesson's quiz: one question at a time, feedback after each, the score at the end. Every
 * answer is saved as it is given, so a quiz left at any moment resumes where it stopped. The
 * `quiz` command, the home screen and the end of a lesson all come here.
 */
export async function takeQuiz(ctx: Ctx, lesson: Lesson, opts: QuizOptions = {}): Promise<void> {
  const course = await ctx.course();
  const saved = (await ctx.store.read()).courses[ctx.courseId];
  const quiz = course.quizzes.get(lesson.id)!;
  const random = opts.seed !== undefined ? seededRandom(opts.seed) : Math.random;
  const out = (s: string) => ctx.io.stdout.write(s);

  out(`${ctx.theme.heading(quiz.title ?? `Quiz: ${lesson.title}`)}\n`);

  let attempt = await offerResume(ctx, resumable(saved?.quizzes[lesson.id]?.current, quiz));
  if (!attempt) {
    let plan: Plan;
    let mode: 'all' | 'missed' = 'all';
    if (opts.missed) {
      const only = missedToRetry(ctx, quiz, lesson, saved);
      if (!only) return;
      plan = planQuiz(quiz, { ...opts, only, random });
      mode = 'missed';
    } else plan = planQuiz(quiz, { ...opts, random });
    attempt = await begin(ctx, lesson.id, plan, mode);
  }

  for (;;) {
    const missed = await takeAttempt(ctx, lesson, quiz, attempt);
    // The score line ends a finished quiz in --plain mode, so the retry offer comes only interactively.
    if (missed.length === 0 || ctx.prompter.plain) return;
    const again = await ctx.prompter.confirm(
      `Retry the ${missed.length === 1 ? 'question' : `${missed.length} questions`} you missed?`,
      { default: true },
    );
    if (!again) return;
    attempt = await begin(
      ctx,
      lesson.id,
      planQuiz(quiz, { ...opts, limit: undefined, only: missed, random }),
      'missed',
    );
  }
}

function begin(ctx: Ctx, lessonId: string, plan: Plan, mode: 'all' | 'missed'): Promise<UnfinishedQuiz> {
  return ctx.store.update(ctx.courseId, (c, now) => startAttempt(c, lessonId, plan, mode, now.toISOString()));
}

async function offerResume(
  ctx: Ctx,
  current: UnfinishedQuiz | undefined,
): Promise<UnfinishedQuiz | undefined> {
  if (!current) return undefined;
  const next = firstUnanswered(current);
  if (next < 0) return current;
  const answered =
    current.questions.length - current.questions.filter((id) => !(id in current.answers)).length;
  // Nothing answered yet: nothing to lose, and this run's options (a new --seed, say) apply.
  if (answered === 0) return undefined;
  const choice = await ctx.prompter.select(
    `You left this quiz after answering ${answered} of ${current.questions.length} questions.`,
    [
      { label: `Resume at question ${next + 1}`, value: 'resume' as const },
      { label: 'Start over', value: 'over' as const },
    ],
    { default: 'resume' },
  );
  return choice === 'resume' ? current : undefined;
}

/** The ids to retry with --missed, or undefined (after saying why) when there are none. */
function missedToRetry(
  ctx: Ctx,
  quiz: Quiz,
  lesson: Lesson,
  saved: CourseProgress | undefined,
): string[] | undefined {
  const last = lastMissed(saved?.quizzes[lesson.id]);
  if (!last)
    throw new UserError(
      `you have not finished the "${lesson.id}" quiz yet, so nothing was missed`,
      `Take it first: ${ctx.command(`quiz ${lesson.id}`)}`,
    );
  const known = new Set(quiz.questions.map((q) => q.id));
  const missed = last.missed.filter((id) => known.has(id));
  if (missed.length === 0) {
    ctx.io.stdout.write(
      `You missed nothing in your last attempt (${last.attempt.right}/${last.attempt.total}): nothing to retry.\n`,
    );
    return undefined;
  }
  return missed;
}

/** Asks every unanswered question of the attempt, then prints the summary; returns the ids missed. */
async function takeAttempt(ctx: Ctx, lesson: Lesson, quiz: Quiz, attempt: UnfinishedQuiz): Promise<string[]> {
  const out = (s: string) => ctx.io.stdout.write(s);
  const { theme } = ctx;
  const width = textWidth(ctx.io);
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const total = attempt.questions.length;
  const first = firstUnanswered(attempt);
  if (first < 0) {
    out(`${quizSummary(quizScreen(ctx), lesson, quiz, attempt).text}\n`);
    return [];
  }
  out(`${theme.dim(quizIntro(quiz, attempt, first))}\n`);

  for (let i = first; i < total; i++) {
    const id = attempt.questions[i]!;
    const question = byId.get(id);
    if (!question || id in attempt.answers) continue;
    const { response, hintUsed } = await askQuestion(questionScreen(ctx), question, {
      number: i + 1,
      total,
      display: attempt.display[id],
    });
    const graded = grade(question, response);
    const { correct } = graded;
    // Saved before the feedback is shown: an answer the learner has seen judged is never lost.
    const last = attempt.questions.every((q) => q === id || q in attempt.answers);
    await ctx.store.update(ctx.courseId, (c, now) => {
      const at = now.toISOString();
      saveAnswer(c, lesson.id, attempt, id, { response, correct, hintUsed }, at);
      // Finishing in the same save as the last answer leaves no moment with an attempt that is answered but open.
      if (last) finishAttempt(c, lesson.id, attempt, quiz.pass, at);
    });
    out(`\n${explain(question, response, graded, { theme, width })}\n`);
    const revisit = !correct ? revisitLine(quizScreen(ctx), lesson, question, 0) : undefined;
    if (revisit) out(`${theme.accent(revisit)}\n`);
    if (!last && !ctx.prompter.plain) await pause(ctx);
  }
  const { text, missed } = quizSummary(quizScreen(ctx), lesson, quiz, attempt);
  out(`\n${text}\n`);
  return missed;
}

/** Between questions on a terminal: time to read the feedback, and a way to stop and resume later. */
async function pause(ctx: Ctx): Promise<void> {
  const choice = await ctx.prompter.select('Continue', [
    { label: 'Next question', value: 'next' as const },
    { label: 'Stop here (resume later)', value: 'stop' as const },
  ]);
  if (choice === 'stop') throw new CancelledError();
}
