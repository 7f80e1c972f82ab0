import type { Course } from '../../content/course.ts';
import type { Lesson } from '../../content/schema.ts';
import { continueTarget, type ContinueTarget } from '../../lesson/continue.ts';
import { lessonFigures } from '../../lesson/status.ts';
import type { CourseProgress } from '../../progress/types.ts';
import { textWidth } from '../../ui/io.ts';
import type { MenuChoice } from '../../ui/prompts/index.ts';
import { percent, renderHome, statusText } from '../../ui/screens/overview.ts';
import type { Ctx } from '../context.ts';
import { plural } from '../../text/plural.ts';
import { readLesson } from '../flows/lesson.ts';
import { reviewQueue, type ReviewQueue } from '../review-state.ts';
import { whenDue } from '../../ui/screens/next-step.ts';

type HomeAction = 'continue' | 'lessons' | 'quiz' | 'review' | 'progress' | 'quit';
const BACK = Symbol('back');

/** The home screen: the course at a glance and a menu, until the learner quits. */
export async function runHome(ctx: Ctx): Promise<void> {
  const course = await ctx.course();
  for (let first = true; ; first = false) {
    const progress = (await ctx.store.read()).courses[ctx.courseId];
    const reviews = reviewQueue(ctx, course, progress);
    const width = textWidth(ctx.io);
    ctx.io.stdout.write(
      `${first ? '' : '\n'}${renderHome(course, progress, { theme: ctx.theme, width, plain: ctx.plain }, { shipped: ctx.shippedContent, courseDir: ctx.displayPath(ctx.contentDir) })}\n`,
    );
    const target = continueTarget(course, progress);
    const choices = homeChoices(course, target, reviews, (iso) =>
      whenDue(iso, ctx.now(), ctx.utcOffsetMinutes),
    );
    const action = await ctx.prompter.select<HomeAction>('What next?', choices, {
      default: target.kind === 'done' ? 'lessons' : 'continue',
    });
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
      case 'progress': {
        const { showProgress } = await import('../flows/progress.ts');
        await showProgress(ctx);
        // The home screen redraws at once; without a pause the report would scroll away unread.
        if (!ctx.prompter.plain)
          await ctx.prompter.select('', [{ label: 'Back to the home screen', value: 'back' }]);
        break;
      }
      case 'quit':
        return;
    }
  }
}

async function review(ctx: Ctx): Promise<void> {
  const { takeReview } = await import('../flows/review.ts');
  await takeReview(ctx);
  if (!ctx.prompter.plain)
    await ctx.prompter.select('', [{ label: 'Back to the home screen', value: 'back' }]);
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
  const picked = await ctx.prompter.select('Which lesson?', choices);
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
  const picked = await ctx.prompter.select('Which quiz?', choices);
  if (picked === BACK) return;
  const { takeQuiz } = await import('../flows/quiz.ts');
  await takeQuiz(
    ctx,
    course.lessons.find((l) => l.id === picked)!,
  );
}
