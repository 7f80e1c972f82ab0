import type { Course } from '../../content/course.ts';
import type { Lesson } from '../../content/schema.ts';
import { navigate, type NavCommand } from '../../lesson/navigation.ts';
import { resumeIndex, unreadPrerequisites } from '../../lesson/status.ts';
import { loadApply, recordScheduled } from '../../progress/cards.ts';
import { markLessonFinished, markSectionSeen, newRecordId } from '../../progress/record.ts';
import { grade } from '../../quiz/grade.ts';
import { displayFor } from '../../quiz/session.ts';
import { seededRandom } from '../../quiz/shuffle.ts';
import { textWidth } from '../../ui/io.ts';
import { askQuestion, explain, renderQuestionHead, type Asked } from '../../ui/question.ts';
import { createLessonView, type LessonView } from '../../ui/screens/lesson-view.ts';
import {
  CHECK_HEADING,
  renderIntro,
  renderRecap,
  renderSectionBody,
  renderTerms,
  sectionHeader,
  type LessonScreen,
} from '../../ui/screens/lesson.ts';
import { GoBack } from '../../ui/prompts/prompter.ts';
import { wrapText } from '../../ui/wrap.ts';
import { labsForLesson } from '../../lab/registry.ts';
import type { Lab } from '../../lab/types.ts';
import { labOffers } from '../../ui/screens/lab.ts';
import { questionScreen, type Ctx } from '../context.ts';

export function screenFor(ctx: Ctx, course: Course, lesson: Lesson): LessonScreen {
  return {
    theme: ctx.theme,
    width: textWidth(ctx.io),
    cacheDir: ctx.cacheDir,
    position: course.lessons.indexOf(lesson) + 1,
    count: course.lessons.length,
  };
}

/**
 * Reads one lesson from `section` (default: where the learner stopped) to its recap and the offer
 * of its quiz. Returns when the learner finishes or quits; the home screen calls it too.
 */
export async function readLesson(
  ctx: Ctx,
  lessonId: string,
  opts: { section?: number | undefined; fromHome?: boolean; shuffle?: boolean; seed?: number } = {},
): Promise<void> {
  const course = await ctx.course();
  const lesson = course.lessons.find((l) => l.id === lessonId)!;
  const progress = (await ctx.store.read()).courses[ctx.courseId];
  let screen: LessonScreen;
  const view = createLessonView({
    prompter: ctx.prompter,
    theme: ctx.theme,
    width: () => textWidth(ctx.io),
    write: (s) => ctx.io.stdout.write(s),
    takeNotices: ctx.takeNotices,
  });
  const total = lesson.sections.length;

  const missing = unreadPrerequisites(lesson, course.lessons, progress);
  if (missing.length) {
    view.say(
      ctx.theme.warn(
        `Note: this lesson builds on ${missing.map((l) => `"${l.title}" (${l.id})`).join(' and ')}, ` +
          'which you have not finished yet.',
      ),
    );
  }
  let index = opts.section ?? resumeIndex(lesson, progress);
  if (opts.section === undefined && index > 0)
    view.say(`Welcome back: picking up at section ${index + 1} of ${total}.`);
  const asked = new Set<number>();
  // Each check's order is drawn once per reading, so leaving it to re-read the section and coming
  // back shows the same order.
  const random = opts.seed !== undefined ? seededRandom(opts.seed) : Math.random;
  const displays = new Map<number, number[] | undefined>();
  let message: string | undefined;
  let scroll = 0;
  let repeat = false;

  for (;;) {
    // Measured on every page: a terminal that changed size gets the text wrapped to its new width.
    screen = screenFor(ctx, course, lesson);
    const shown = lesson.sections[index]!;
    if (!repeat)
      await ctx.store.update(ctx.courseId, (c, now) =>
        markSectionSeen(c, lesson.id, shown.id, now.toISOString()),
      );
    const body = await renderSectionBody(lesson, index, screen);
    const page = await view.section({
      header: sectionHeader(lesson, index, screen),
      body: index === 0 ? `${await renderIntro(lesson, screen)}\n\n${body}` : body,
      total,
      scroll,
      message,
      repeat,
    });
    message = undefined;
    scroll = 0;
    repeat = false;
    let cmd: NavCommand = page.cmd;

    if (cmd.type === 'next' && shown.check && !asked.has(index)) {
      try {
        if (!displays.has(index)) displays.set(index, displayFor(shown.check, opts.shuffle, random));
        cmd = await askCheck(ctx, lesson, shown.check, view, displays.get(index));
      } catch (e) {
        if (!(e instanceof GoBack)) throw e;
        // Left unanswered: the section again, to re-read it; the question waits for the next →.
        message = 'The question is still open: → answers it, a section number goes on without it.';
        repeat = true;
        continue;
      }
      asked.add(index);
      // "Back" from the feedback returns to the section the question was on.
      if (cmd.type === 'back') continue;
    }

    const outcome = navigate(index, total, cmd);
    switch (outcome.type) {
      case 'show':
        index = outcome.section;
        break;
      case 'stay':
        message = outcome.message;
        scroll = page.scroll;
        repeat = true;
        break;
      case 'terms':
        await view.note((width) => renderTerms(lesson, { ...screen, width }));
        scroll = page.scroll;
        repeat = true;
        break;
      case 'quit':
        ctx.io.stdout.write(
          `${wrapText(
            `Your place is saved: ${lesson.title}, section ${index + 1} of ${total}.` +
              (opts.fromHome ? '' : ` Run ${ctx.theme.accent(ctx.command('learn'))} to continue.`),
            screen.width,
          )}\n`,
        );
        return;
      case 'end':
        if (await finishLesson(ctx, course, lesson, screen, view)) return;
        break;
    }
  }
}

async function askCheck(
  ctx: Ctx,
  lesson: Lesson,
  check: NonNullable<Lesson['sections'][number]['check']>,
  view: LessonView,
  display: number[] | undefined,
): Promise<NavCommand> {
  const screen = questionScreen(ctx);
  const { response, hintUsed } = await askQuestion(screen, check, {
    heading: CHECK_HEADING,
    ...(display ? { display } : {}),
  });
  const graded = grade(check, response);
  await saveCheckAnswer(ctx, lesson.id, check.id, { response, hintUsed }, graded.correct);
  return view.feedback(async (width) => ({
    text: explain(check, response, graded, { theme: ctx.theme, width }),
    question: await renderQuestionHead({ ...screen, width }, check, { heading: CHECK_HEADING }),
  }));
}

/**
 * An answer to a check, recorded under its lesson: a section's check, or the question that closes
 * a lab (which is recorded and reviewed like one).
 */
export async function saveCheckAnswer(
  ctx: Ctx,
  lessonId: string,
  questionId: string,
  { response, hintUsed }: Asked,
  correct: boolean,
): Promise<void> {
  const apply = await loadApply();
  await ctx.store.update(ctx.courseId, (c, now) => {
    const at = now.toISOString();
    recordScheduled(
      c,
      lessonId,
      { id: newRecordId(at), question: questionId, source: 'check', response, correct, hintUsed, at },
      apply,
    );
  });
}

/** The recap, the lesson marked as read, and the offer of its quiz. False: the learner went back. */
async function finishLesson(
  ctx: Ctx,
  course: Course,
  lesson: Lesson,
  screen: LessonScreen,
  view: LessonView,
): Promise<boolean> {
  const { theme } = ctx;
  await ctx.store.update(ctx.courseId, (c, now) => markLessonFinished(c, lesson.id, now.toISOString()));
  const choice = await view.end((width) => renderRecap(lesson, { ...screen, width }));
  if (choice === 'back') return false;
  if (choice === 'quit') return true;
  const { nextStepLine } = await import('./quiz.ts');
  const nextLine = await nextStepLine(ctx);
  const labs = labsForLesson(lesson.id);
  if (labs.length && !ctx.prompter.plain) {
    await offerLabs(ctx, course, lesson, labs, nextLine);
    return true;
  }
  for (const line of labOffers(labs, ctx.command, theme))
    ctx.io.stdout.write(`${wrapText(line, screen.width)}\n`);
  if (!course.quizzes.has(lesson.id)) {
    ctx.io.stdout.write(`${wrapText(nextLine, screen.width)}\n`);
    return true;
  }
  if (await ctx.prompter.confirm('Take the quiz on this lesson now?', { default: true })) {
    const { takeQuiz } = await import('./quiz.ts');
    await takeQuiz(ctx, lesson);
  } else {
    ctx.io.stdout.write(
      `${wrapText(`Take it later with ${theme.accent(ctx.command(`quiz ${lesson.id}`))}. ${nextLine}`, screen.width)}` +
        '\n',
    );
  }
  return true;
}

/** The end of a lesson that has labs, on a terminal: its quiz, each lab, or neither for now. */
async function offerLabs(
  ctx: Ctx,
  course: Course,
  lesson: Lesson,
  labs: readonly Lab<unknown>[],
  nextLine: string,
): Promise<void> {
  const hasQuiz = course.quizzes.has(lesson.id);
  const choice = await ctx.prompter.select<Lab<unknown> | 'quiz' | 'later'>('What next?', [
    ...(hasQuiz ? [{ label: 'Take the quiz on this lesson', value: 'quiz' as const }] : []),
    ...labs.map((lab) => ({ label: `Try the lab: ${lab.title}`, value: lab })),
    { label: 'Not now', value: 'later' },
  ]);
  if (choice === 'quiz') {
    const { takeQuiz } = await import('./quiz.ts');
    await takeQuiz(ctx, lesson);
  } else if (choice !== 'later') {
    const { runLab, DEFAULT_SEED } = await import('./lab.ts');
    await runLab(ctx, choice, { seed: DEFAULT_SEED, knobs: {} });
  } else {
    const later = hasQuiz
      ? `Take the quiz later with ${ctx.theme.accent(ctx.command(`quiz ${lesson.id}`))}. `
      : '';
    ctx.io.stdout.write(`${wrapText(`${later}${nextLine}`, textWidth(ctx.io))}\n`);
  }
}
