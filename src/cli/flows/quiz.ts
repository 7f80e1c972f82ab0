import type { Lesson, Quiz } from '../../content/schema.ts';
import { UserError } from '../../errors.ts';
import { GoBack } from '../../ui/prompts/prompter.ts';
import type { CourseProgress, UnfinishedQuiz } from '../../progress/types.ts';
import { grade } from '../../quiz/grade.ts';
import {
  finishAttempt,
  firstUnanswered,
  lastMissed,
  planQuiz,
  resumable,
  saveAnswer,
  savePracticeAnswer,
  startAttempt,
  type Plan,
  type ShuffleOption,
} from '../../quiz/session.ts';
import { practiceLine } from '../../quiz/score.ts';
import { seededRandom } from '../../quiz/shuffle.ts';
import { loadApply, type ApplyFn } from '../../progress/cards.ts';
import { askConfidence } from '../../ui/screens/confidence.ts';
import { nextStepSentence } from '../../ui/screens/next-step.ts';
import { findNextStep } from '../review-state.ts';
import { textWidth } from '../../ui/io.ts';
import { askQuestion, showFeedback } from '../../ui/question.ts';
import {
  answerFeedback,
  quizHeading,
  quizIntro,
  quizSummary,
  type QuizScreen,
} from '../../ui/screens/quiz.ts';
import { plural } from '../../text/plural.ts';
import { wrapText } from '../../ui/wrap.ts';
import { questionScreen, type Ctx } from '../context.ts';

export interface QuizOptions {
  /** Ask only the questions missed in the last finished attempt. */
  missed?: boolean;
  /** Choices are shuffled unless false (`--no-shuffle`); true (`--shuffle`) shuffles the questions too. */
  shuffle?: ShuffleOption;
  /** Makes the shuffled order reproducible. */
  seed?: number;
  limit?: number;
  /** Ask "How sure were you?" after each answer (also `config confidence on`). */
  confidence?: boolean;
}

function quizScreen(ctx: Ctx, nextStep?: string): QuizScreen {
  return {
    ...(nextStep !== undefined ? { nextStep } : {}),
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
  try {
    await quizSession(ctx, lesson, opts);
  } catch (e) {
    if (!(e instanceof GoBack)) throw e;
    // Esc, q or "Stop here": back to where the quiz was opened from, every answer saved.
    ctx.io.stdout.write(
      `\nYour answers are saved. Resume with ${ctx.theme.accent(ctx.command(`quiz ${lesson.id}`))}.\n`,
    );
  }
}

async function quizSession(ctx: Ctx, lesson: Lesson, opts: QuizOptions): Promise<void> {
  const course = await ctx.course();
  const saved = (await ctx.store.read()).courses[ctx.courseId];
  const quiz = course.quizzes.get(lesson.id)!;
  const random = opts.seed !== undefined ? seededRandom(opts.seed) : Math.random;
  const out = (s: string) => ctx.io.stdout.write(s);

  out(`${ctx.theme.heading(quizHeading(quiz, lesson))}\n`);
  // A few questions are practice: answered and explained, but no attempt, so no score is set.
  if (opts.limit !== undefined && !opts.missed)
    return practise(ctx, lesson, quiz, planQuiz(quiz, { ...opts, random }));

  const resume = await offerResume(ctx, resumable(saved?.quizzes[lesson.id]?.current, quiz));
  let attempt = resume && 'attempt' in resume ? resume.attempt : undefined;
  if (resume && 'retry' in resume)
    attempt = await begin(ctx, lesson.id, planQuiz(quiz, { ...opts, only: resume.retry, random }), 'missed');
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

  const confidence = opts.confidence ?? (await ctx.store.read()).settings?.confidence ?? false;
  for (;;) {
    const missed = await takeAttempt(ctx, lesson, quiz, attempt, confidence);
    // The score line ends a finished quiz in --plain mode, so the retry offer comes only interactively.
    if (missed.length === 0 || ctx.prompter.plain) return;
    const again = await afterMissed(ctx, lesson, quiz, missed);
    if (again === 'done') return;
    if (again !== 'retry') {
      const { readLesson } = await import('./lesson.ts');
      await readLesson(ctx, lesson.id, { section: again, fromHome: true });
      return;
    }
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

/**
 * An unfinished attempt: resumed, or started over as what it was (a retry of the missed
 * questions starts over as that retry), or undefined for a fresh start.
 */
async function offerResume(
  ctx: Ctx,
  current: UnfinishedQuiz | undefined,
): Promise<{ attempt: UnfinishedQuiz } | { retry: string[] } | undefined> {
  if (!current) return undefined;
  const next = firstUnanswered(current);
  if (next < 0) return { attempt: current };
  const total = current.questions.length;
  const answered = total - current.questions.filter((id) => !(id in current.answers)).length;
  // Nothing answered yet: nothing to lose, and this run's options (a new --seed, say) apply.
  if (answered === 0) return undefined;
  const retry = current.mode === 'missed';
  const choice = await ctx.prompter.select(
    retry
      ? `You left a retry of the ${plural(total, 'question')} you missed after answering ${answered}.`
      : `You left this quiz after answering ${answered} of ${total} questions.`,
    [
      { label: `Resume at question ${next + 1}`, value: 'resume' as const },
      { label: retry ? 'Start the retry over' : 'Start over', value: 'over' as const },
    ],
    { default: 'resume' },
  );
  if (choice === 'resume') return { attempt: current };
  return retry ? { retry: current.questions } : undefined;
}

/** `--limit`: the first questions of the plan as practice; answers are kept, no score is set. */
async function practise(ctx: Ctx, lesson: Lesson, quiz: Quiz, plan: Plan): Promise<void> {
  const out = (s: string) => ctx.io.stdout.write(s);
  const { theme } = ctx;
  const total = plan.questions.length;
  out(`${theme.dim(`Practice: ${plural(total, 'question')}; your quiz score stays as it is.`)}\n`);
  let right = 0;
  const apply: ApplyFn = await loadApply();
  for (const [i, id] of plan.questions.entries()) {
    const question = quiz.questions.find((q) => q.id === id)!;
    const screen = questionScreen(ctx);
    const head = { number: i + 1, total };
    const { response, hintUsed } = await askQuestion(screen, question, {
      ...head,
      display: plan.display[id],
    });
    const graded = grade(question, response);
    if (graded.correct) right++;
    await ctx.store.update(ctx.courseId, (c, now) =>
      savePracticeAnswer(
        c,
        lesson.id,
        id,
        { response, correct: graded.correct, hintUsed },
        now.toISOString(),
        apply,
      ),
    );
    const feedback = answerFeedback(quizScreen(ctx), lesson, question, response, graded);
    await showFeedback(screen, question, head, feedback, betweenQuestions(ctx, i < total - 1));
  }
  out(
    `\n${theme.heading('Practice finished')}\n` +
      `${wrapText(
        `You answered ${right} of ${total} right. Practice does not change your quiz score; ` +
          `take the whole quiz to set it: ${ctx.command(`quiz ${lesson.id}`)}`,
        textWidth(ctx.io),
      )}\n\n${practiceLine(right, total)}\n`,
  );
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

/**
 * After a quiz with mistakes: retry them, read a section a missed question points to (the
 * summary's "Revisit" lines as actions), or stop. Returns 'retry', 'done' or a section index.
 */
async function afterMissed(
  ctx: Ctx,
  lesson: Lesson,
  quiz: Quiz,
  missed: readonly string[],
): Promise<'retry' | 'done' | number> {
  const sections = new Set<number>();
  for (const id of missed) {
    const at = lesson.sections.findIndex((s) => s.id === quiz.questions.find((q) => q.id === id)?.section);
    if (at >= 0) sections.add(at);
  }
  return ctx.prompter.select<'retry' | 'done' | number>(
    'What now?',
    [
      {
        label: `Retry the ${missed.length === 1 ? 'question' : `${missed.length} questions`} you missed`,
        value: 'retry',
      },
      ...[...sections]
        .sort((a, b) => a - b)
        .map((i) => ({
          label: `Read "${lesson.sections[i]!.title}" now`,
          value: i,
          hint: `section ${i + 1}`,
        })),
      { label: 'Done', value: 'done' },
    ],
    { default: 'retry' },
  );
}

/** The next step after this quiz, as the end of a lesson shows it too. */
export async function nextStepLine(ctx: Ctx): Promise<string> {
  const course = await ctx.course();
  const step = findNextStep(ctx, course, await ctx.store.read());
  return nextStepSentence(step, {
    course,
    now: ctx.now(),
    utcOffsetMinutes: ctx.utcOffsetMinutes,
    command: ctx.command,
  });
}

/** Asks every unanswered question of the attempt, then prints the summary; returns the ids missed. */
async function takeAttempt(
  ctx: Ctx,
  lesson: Lesson,
  quiz: Quiz,
  attempt: UnfinishedQuiz,
  confidence: boolean,
): Promise<string[]> {
  const out = (s: string) => ctx.io.stdout.write(s);
  const { theme } = ctx;
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const total = attempt.questions.length;
  const first = firstUnanswered(attempt);
  if (first < 0) {
    out(`${quizSummary(quizScreen(ctx, await nextStepLine(ctx)), lesson, quiz, attempt).text}\n`);
    return [];
  }
  out(`${theme.dim(quizIntro(quiz, attempt, first))}\n`);
  const apply: ApplyFn = await loadApply();

  for (let i = first; i < total; i++) {
    const id = attempt.questions[i]!;
    const question = byId.get(id);
    if (!question || id in attempt.answers) continue;
    const screen = questionScreen(ctx);
    const head = { number: i + 1, total };
    const { response, hintUsed } = await askQuestion(screen, question, {
      ...head,
      display: attempt.display[id],
    });
    const sure = confidence ? await askConfidence(ctx.prompter) : undefined;
    const graded = grade(question, response);
    const { correct } = graded;
    // Saved before the feedback is shown: an answer the learner has seen judged is never lost.
    const last = attempt.questions.every((q) => q === id || q in attempt.answers);
    await ctx.store.update(ctx.courseId, (c, now) => {
      const at = now.toISOString();
      saveAnswer(
        c,
        lesson.id,
        attempt,
        id,
        { response, correct, hintUsed, ...(sure !== undefined ? { confidence: sure } : {}) },
        at,
        apply,
      );
      // Finishing in the same save as the last answer leaves no moment with an attempt that is answered but open.
      if (last) finishAttempt(c, lesson.id, attempt, quiz.pass, at);
    });
    const feedback = answerFeedback(quizScreen(ctx), lesson, question, response, graded);
    await showFeedback(screen, question, head, feedback, betweenQuestions(ctx, !last));
  }
  const { text, missed } = quizSummary(quizScreen(ctx, await nextStepLine(ctx)), lesson, quiz, attempt);
  out(`\n${text}\n`);
  return missed;
}

/**
 * Between questions on a terminal: time to read the feedback, and a way to stop and resume later.
 * Undefined after the last question, and in `--plain`, where the next question just follows.
 */
function betweenQuestions(ctx: Ctx, more: boolean): (() => Promise<void>) | undefined {
  if (!more || ctx.prompter.plain) return undefined;
  return async () => {
    const choice = await ctx.prompter.select(
      'Continue',
      [
        { label: 'Next question', value: 'next' as const },
        { label: 'Stop here (resume later)', value: 'stop' as const },
      ],
      { redraw: true },
    );
    if (choice === 'stop') throw new GoBack();
  };
}
