import type { Course } from '../../content/course.ts';
import type { Lesson } from '../../content/schema.ts';
import { continueTarget, type ContinueTarget } from '../../lesson/continue.ts';
import { lessonFigures } from '../../lesson/status.ts';
import type { CourseProgress } from '../../progress/types.ts';
import { textWidth } from '../../ui/io.ts';
import { choiceLabel } from '../../ui/prompts/layout.ts';
import { GoBack, Redraw, type MenuChoice } from '../../ui/prompts/prompter.ts';
import { wrapText } from '../../ui/wrap.ts';
import { percent, renderHome, statusText } from '../../ui/screens/overview.ts';
import type { Ctx } from '../context.ts';
import { plural } from '../../text/plural.ts';
import { readLesson } from '../flows/lesson.ts';
import { showPage } from '../flows/page.ts';
import { reviewQueue, type ReviewQueue } from '../review-state.ts';
import { whenDue } from '../../ui/screens/next-step.ts';

type HomeAction =
  'continue' | 'lessons' | 'quiz' | 'labs' | 'glossary' | 'search' | 'review' | 'progress' | 'quit';
const BACK = Symbol('back');

/** The home screen: the course at a glance and a menu, until the learner quits. */
export async function runHome(ctx: Ctx): Promise<void> {
  const course = await ctx.course();
  // At the start, and after a Redraw has cleared the screen, the home screen starts at its top line.
  ctx.prompter.clearScreen();
  let fresh = true;
  for (;;) {
    const progress = (await ctx.store.read()).courses[ctx.courseId];
    const reviews = reviewQueue(ctx, course, progress);
    const width = textWidth(ctx.io);
    const target = continueTarget(course, progress);
    const choices = homeChoices(course, target, reviews, (iso) =>
      whenDue(iso, ctx.now(), ctx.utcOffsetMinutes),
    );
    ctx.io.stdout.write(
      `${fresh ? '' : '\n'}${renderHome(
        course,
        progress,
        { theme: ctx.theme, width, plain: ctx.plain },
        {
          shipped: ctx.shippedContent,
          courseDir: ctx.displayPath(ctx.contentDir),
          // On a terminal, leave room for the menu as it will be drawn at this width.
          ...(ctx.prompter.plain ? {} : { rows: terminalRows(ctx) - menuHeight(choices, width) }),
        },
      )}\n`,
    );
    fresh = false;
    // Esc or q on the home screen is the last step back: out of the tutor.
    let action: HomeAction;
    try {
      action = await backTo<HomeAction>('quit', () =>
        ctx.prompter.select<HomeAction>('What next?', choices, {
          default: target.kind === 'done' ? 'lessons' : 'continue',
          redraw: true,
        }),
      );
    } catch (e) {
      // A new terminal size: the screen again, wrapped to it.
      if (e instanceof Redraw) {
        fresh = true;
        continue;
      }
      throw e;
    }
    if (action === 'quit') return;
    // Esc or q in anything opened from here (a picker, a page, a lab) comes back here: one level.
    try {
      switch (action) {
        case 'continue':
          // An unfinished quiz comes first; then due reviews, before their recall fades; then reading.
          if (target.kind !== 'quiz' && reviews.due.length > 0) await review(ctx);
          else await openTarget(ctx, target);
          break;
        case 'review':
          await review(ctx);
          break;
        case 'lessons':
          await pickLesson(ctx, course, progress);
          break;
        case 'quiz':
          await pickQuiz(ctx, course, progress);
          break;
        case 'labs': {
          const { pickLab } = await import('../flows/lab.ts');
          await pickLab(ctx);
          break;
        }
        case 'progress': {
          const { progressReport } = await import('../flows/progress.ts');
          // A page to read and put away (Enter, Esc or q), so the redrawn home screen does not scroll it off.
          await showPage(ctx, () => progressReport(ctx), 'the home screen');
          break;
        }
        case 'glossary': {
          const { buildGlossary, glossaryList } = await import('../flows/look-up.ts');
          const glossary = buildGlossary(course);
          await showPage(ctx, () => glossaryList(ctx, glossary), 'the home screen');
          break;
        }
        case 'search':
          await searchFromHome(ctx);
          break;
      }
    } catch (e) {
      if (!(e instanceof GoBack)) throw e;
    }
  }
}

async function review(ctx: Ctx): Promise<void> {
  const { takeReview } = await import('../flows/review.ts');
  await takeReview(ctx);
  // Time to read what the review said before the home screen is drawn over it.
  if (!ctx.prompter.plain)
    await backTo('back', () =>
      ctx.prompter.select('What next?', [{ label: 'Back to the home screen', value: 'back' }]),
    );
}

function homeChoices(
  course: Course,
  target: ContinueTarget,
  reviews: ReviewQueue,
  when: (iso: string) => string,
): Array<MenuChoice<HomeAction>> {
  const due = reviews.due.length;
  const reviewFirst = target.kind !== 'quiz' && due > 0;
  const cont: MenuChoice<HomeAction> = reviewFirst
    ? { label: `Review ${plural(due, 'card')} due`, value: 'continue', hint: 'before you forget them' }
    : target.kind === 'quiz'
      ? {
          label: `Continue the quiz on "${target.lesson.title}"`,
          value: 'continue',
          hint: `${target.answered} of ${target.total} questions answered`,
        }
      : target.kind === 'lesson'
        ? target.fresh
          ? {
              label: `Start lesson ${course.lessons.indexOf(target.lesson) + 1}: ${target.lesson.title}`,
              value: 'continue',
              hint: lessonSize(target.lesson),
            }
          : {
              label: `Continue "${target.lesson.title}"`,
              value: 'continue',
              hint: `section ${target.section + 1} of ${target.lesson.sections.length}`,
            }
        : { label: 'Continue', value: 'continue', disabled: 'every lesson is read' };
  return [
    cont,
    { label: 'Lessons', value: 'lessons', hint: 'open any lesson' },
    { label: 'Quiz', value: 'quiz', hint: "take a lesson's quiz" },
    {
      label: due > 0 ? `${plural(due, 'review')} due` : 'Review',
      value: 'review',
      hint:
        due > 0
          ? 'questions coming back before you forget them'
          : reviews.nextDue
            ? `nothing due; next ${when(reviews.nextDue)}`
            : 'nothing to review yet: answer some questions first',
    },
    { label: 'Progress', value: 'progress', hint: 'what you have read and scored' },
    { label: 'Labs', value: 'labs', hint: 'small simulations: turn the knobs, watch it fail' },
    { label: 'Glossary', value: 'glossary', hint: 'the key terms of every lesson' },
    { label: 'Search', value: 'search', hint: 'find words in the lessons' },
    { label: 'Quit', value: 'quit' },
  ];
}

function lessonSize(lesson: Lesson): string {
  const sections = plural(lesson.sections.length, 'section');
  return lesson.minutes ? `about ${lesson.minutes} minutes, ${sections}` : sections;
}

async function openTarget(ctx: Ctx, target: ContinueTarget): Promise<void> {
  if (target.kind === 'lesson') await readLesson(ctx, target.lesson.id, { fromHome: true });
  else if (target.kind === 'quiz') {
    const { takeQuiz } = await import('../flows/quiz.ts');
    await takeQuiz(ctx, target.lesson);
  }
}

async function pickLesson(ctx: Ctx, course: Course, progress: CourseProgress | undefined): Promise<void> {
  const choices: Array<MenuChoice<string | typeof BACK>> = course.lessons.map((l, i) => ({
    // A plain menu numbers its entries already, and here they are the lesson numbers.
    label: ctx.plain ? l.title : `${i + 1}. ${l.title}`,
    value: l.id,
    hint: statusText(lessonFigures(l, progress, course.quizzes.get(l.id)).status),
  }));
  choices.push({ label: 'Back', value: BACK });
  const picked = await backTo<string | typeof BACK>(BACK, () =>
    ctx.prompter.select('Which lesson?', choices),
  );
  if (picked !== BACK) await readLesson(ctx, picked, { fromHome: true });
}

async function pickQuiz(ctx: Ctx, course: Course, progress: CourseProgress | undefined): Promise<void> {
  const choices: Array<MenuChoice<string | typeof BACK>> = course.lessons
    .filter((l) => course.quizzes.has(l.id))
    .map((l) => {
      const s = lessonFigures(l, progress, course.quizzes.get(l.id));
      return {
        label: ctx.plain ? l.title : `${course.lessons.indexOf(l) + 1}. ${l.title}`,
        value: l.id,
        hint: s.quizUnfinished
          ? 'started, not finished'
          : s.best === undefined
            ? 'not taken yet'
            : `best ${percent(s.best)}`,
      };
    });
  choices.push({ label: 'Back', value: BACK });
  const picked = await backTo<string | typeof BACK>(BACK, () => ctx.prompter.select('Which quiz?', choices));
  if (picked === BACK) return;
  const { takeQuiz } = await import('../flows/quiz.ts');
  await takeQuiz(
    ctx,
    course.lessons.find((l) => l.id === picked)!,
  );
}

/** A menu where Esc or q means `back`. */
async function backTo<T>(back: T, ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (e) {
    if (e instanceof GoBack) return back;
    throw e;
  }
}

async function searchFromHome(ctx: Ctx): Promise<void> {
  const words = await backTo('', () => ctx.prompter.input('Search the lessons for'));
  if (!words.trim()) return;
  const { searchReport } = await import('../flows/look-up.ts');
  await showPage(
    ctx,
    async () => {
      const found = await searchReport(ctx, words.trim().split(/\s+/));
      return 'none' in found ? found.none : found.text;
    },
    'the home screen',
  );
}

/**
 * Lines the home menu takes below the screen's top part, each entry as wrapped (a long "Continue
 * ..." takes two on a narrow screen) and the longest entry's description (the one shown changes as
 * the cursor moves).
 */
function menuHeight(choices: ReadonlyArray<MenuChoice<unknown>>, width: number): number {
  const lines = (text: string) => text.split('\n').length;
  const entries = choices.reduce((n, c) => n + lines(choiceLabel(c.label, width, 2)), 0);
  const description = Math.max(1, ...choices.map((c) => (c.hint ? lines(wrapText(c.hint, width)) : 0)));
  // A blank line and the question, the entries, a blank line, the description, the key line, and
  // the line the cursor waits on.
  return 2 + entries + 1 + description + 2;
}

/** The terminal's height, 24 when it does not say. */
function terminalRows(ctx: Ctx): number {
  const rows = (ctx.io.stdout as { rows?: number }).rows;
  return rows && rows > 4 ? rows : 24;
}
