import type { Course } from '../../content/course.ts';
import type { Lesson } from '../../content/schema.ts';
import { UserError } from '../../errors.ts';
import { findLesson, lessonToContinue } from '../../lesson/continue.ts';
import { navigate, type NavCommand } from '../../lesson/navigation.ts';
import { resumeIndex, unreadPrerequisites } from '../../lesson/status.ts';
import { markLessonFinished, markSectionSeen, newRecordId, recordAnswer } from '../../progress/record.ts';
import { textWidth } from '../../ui/io.ts';
import { wrapText } from '../../ui/wrap.ts';
import { grade } from '../../quiz/grade.ts';
import { askQuestion, explain, renderQuestionHead } from '../../ui/question.ts';
import { createLessonView, type LessonView } from '../../ui/screens/lesson-view.ts';
import {
  CHECK_HEADING,
  renderIntro,
  renderRecap,
  renderSectionBody,
  renderTerms,
  sectionHeader,
  wholeLessonParts,
  type LessonScreen,
} from '../../ui/screens/lesson.ts';
import { questionScreen, type Ctx } from '../context.ts';

export interface LearnOptions {
  print?: boolean;
}

/**
 * `learn [lesson[/section]]`: read a lesson one section at a time, or print it whole. Without an
 * id, the lesson to continue. The section reached is saved the moment it is shown, so quitting
 * any way at all resumes there.
 */
export async function runLearn(ctx: Ctx, arg: string | undefined, opts: LearnOptions = {}): Promise<void> {
  const course = await ctx.course();
  let lesson: Lesson;
  let section: number | undefined;
  if (arg !== undefined) {
    ({ lesson, section } = resolveLessonArg(course, arg));
  } else {
    const target = lessonToContinue(course, (await ctx.store.read()).courses[ctx.courseId]);
    if (target.kind === 'done') {
      if (!opts.print) {
        ctx.io.stdout.write(
          `You have read every lesson of this course. Open one again with ${ctx.theme.accent('alignment-tutor learn <lesson-id>')}; ${ctx.theme.accent('alignment-tutor list')} shows the ids.\n`,
        );
        return;
      }
      lesson = course.lessons[0]!;
    } else lesson = target.lesson;
  }
  if (opts.print) {
    for await (const part of wholeLessonParts(lesson, screenFor(ctx, course, lesson)))
      ctx.io.stdout.write(part);
    return;
  }
  await readLesson(ctx, lesson.id, { section });
}

/**
 * `lesson-id`, or `lesson-id/section` with a section id or number: what `search` prints so a hit
 * opens where it was found.
 */
export function resolveLessonArg(
  course: Course,
  arg: string,
): { lesson: Lesson; section: number | undefined } {
  const [id = '', sectionArg] = arg.split('/', 2);
  const found = findLesson(course, id);
  if ('suggestions' in found) {
    const ids = found.suggestions.length ? found.suggestions : course.lessons.map((l) => l.id);
    throw new UserError(
      `there is no lesson "${id}"`,
      `${found.suggestions.length ? 'Closest lesson ids' : 'Lesson ids'}: ${ids.join(', ')}. Run alignment-tutor list to see every lesson.`,
    );
  }
  const { lesson } = found;
  if (sectionArg === undefined || sectionArg === '') return { lesson, section: undefined };
  const byNumber = /^\d+$/.test(sectionArg) ? Number(sectionArg) - 1 : -1;
  const index = byNumber >= 0 ? byNumber : lesson.sections.findIndex((s) => s.id === sectionArg);
  if (index < 0 || index >= lesson.sections.length) {
    throw new UserError(
      `lesson "${lesson.id}" has no section "${sectionArg}"`,
      `Its sections are 1-${lesson.sections.length}: ${lesson.sections.map((s) => s.id).join(', ')}.`,
    );
  }
  return { lesson, section: index };
}

function screenFor(ctx: Ctx, course: Course, lesson: Lesson): LessonScreen {
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
  opts: { section?: number | undefined; fromHome?: boolean } = {},
): Promise<void> {
  const course = await ctx.course();
  const lesson = course.lessons.find((l) => l.id === lessonId)!;
  const progress = (await ctx.store.read()).courses[ctx.courseId];
  const screen = screenFor(ctx, course, lesson);
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
        `Note: this lesson builds on ${missing.map((l) => `"${l.title}" (${l.id})`).join(' and ')}, which you have not finished yet.`,
      ),
    );
  }
  let index = opts.section ?? resumeIndex(lesson, progress);
  if (opts.section === undefined && index > 0)
    view.say(`Welcome back: picking up at section ${index + 1} of ${total}.`);
  const asked = new Set<number>();
  let message: string | undefined;
  let scroll = 0;
  let repeat = false;

  for (;;) {
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
      asked.add(index);
      cmd = await askCheck(ctx, lesson, shown.check, view);
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
        await view.note(await renderTerms(lesson, screen));
        scroll = page.scroll;
        repeat = true;
        break;
      case 'quit':
        ctx.io.stdout.write(
          `${wrapText(`Your place is saved: ${lesson.title}, section ${index + 1} of ${total}.${opts.fromHome ? '' : ` Run ${ctx.theme.accent('alignment-tutor learn')} to continue.`}`, screen.width)}\n`,
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
): Promise<NavCommand> {
  const screen = questionScreen(ctx);
  const { response, hintUsed } = await askQuestion(screen, check, { heading: CHECK_HEADING });
  const graded = grade(check, response);
  const { correct } = graded;
  const text = explain(check, response, graded, { theme: ctx.theme, width: screen.width });
  await ctx.store.update(ctx.courseId, (c, now) => {
    const at = now.toISOString();
    recordAnswer(c, lesson.id, {
      id: newRecordId(at),
      question: check.id,
      source: 'check',
      response,
      correct,
      hintUsed,
      at,
    });
  });
  return view.feedback(text, await renderQuestionHead(screen, check, { heading: CHECK_HEADING }));
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
  const choice = await view.end(await renderRecap(lesson, screen));
  if (choice === 'back') return false;
  if (choice === 'quit') return true;
  const next = course.lessons[course.lessons.indexOf(lesson) + 1];
  const nextLine = next
    ? `Next: lesson ${screen.position + 1}, "${next.title}" (${theme.accent(`alignment-tutor learn ${next.id}`)}).`
    : 'That was the last lesson of the course.';
  if (!course.quizzes.has(lesson.id)) {
    ctx.io.stdout.write(`${wrapText(nextLine, screen.width)}\n`);
    return true;
  }
  if (await ctx.prompter.confirm('Take the quiz on this lesson now?', { default: true })) {
    const { runQuiz } = await import('./quiz.ts');
    await runQuiz(ctx, lesson.id, {});
  } else {
    ctx.io.stdout.write(
      `${wrapText(`Take it later with ${theme.accent(`alignment-tutor quiz ${lesson.id}`)}. ${nextLine}`, screen.width)}\n`,
    );
  }
  return true;
}
