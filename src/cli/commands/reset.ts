import type { Course } from '../../content/course.ts';
import { ContentError, ExitError } from '../../errors.ts';
import { siblings } from '../../progress/paths.ts';
import { clearLesson } from '../../progress/record.ts';
import type { CourseProgress } from '../../progress/types.ts';
import { closest } from '../../text/suggest.ts';
import { textWidth } from '../../ui/io.ts';
import { wrapText } from '../../ui/wrap.ts';
import type { Ctx } from '../context.ts';
import { unknownLesson } from '../lesson-arg.ts';
import { findLesson } from '../../lesson/continue.ts';
import { plural } from '../../text/plural.ts';

/**
 * `reset [lesson] [--yes]`: forgets one lesson's progress, or all of this course's. Asks first,
 * and always writes a backup of the whole file before changing it, so a reset can be undone
 * with `progress --import`.
 */
export async function runReset(
  ctx: Ctx,
  lessonArg: string | undefined,
  opts: { yes?: boolean } = {},
): Promise<void> {
  let lessonId: string | undefined;
  const data = await ctx.store.read();
  if (await ctx.store.refusal()) throw new ExitError(1);
  const progress = data.courses[ctx.courseId];
  const width = textWidth(ctx.io);
  const out = (s: string) => ctx.io.stdout.write(`${wrapText(s, width)}\n`);

  let what: string;
  let subject: string;
  if (lessonArg !== undefined) {
    const course = await courseIfReadable(ctx);
    const found = course ? findLesson(course, lessonArg) : undefined;
    // A lesson no longer in the course is still known by the id its progress is recorded under.
    const inCourse = found && 'lesson' in found ? found.lesson : undefined;
    if (!inCourse && !hasLesson(progress, lessonArg)) {
      const ids = [...(course?.lessons.map((l) => l.id) ?? []), ...recordedIds(progress)];
      const near = closest(lessonArg, [...new Set(ids)], 3);
      throw unknownLesson(ctx, lessonArg, near, course?.lessons.map((l) => l.id) ?? []);
    }
    lessonId = inCourse?.id ?? lessonArg;
    subject = `"${inCourse?.title ?? lessonId}"`;
    what = describe(progress, [lessonId]);
  } else {
    subject = 'this course';
    what = describe(progress, recordedIds(progress));
  }
  if (!what) {
    out(`Nothing to reset: no progress is recorded for ${subject}.`);
    return;
  }
  if (
    !opts.yes &&
    !(await ctx.prompter.confirm(`Clear your progress in ${subject} (${what})?`, { default: false }))
  ) {
    out('Nothing was changed.');
    return;
  }

  const backup = siblings.resetBackup(ctx.progressFile, ctx.now());
  await ctx.store.transact(
    (d) => {
      const course = d.courses[ctx.courseId];
      if (!course) return;
      if (lessonId === undefined) delete d.courses[ctx.courseId];
      else clearLesson(course, lessonId);
    },
    { backupTo: backup },
  );
  const shown = ctx.displayPath(backup);
  out(`Cleared your progress in ${subject} (${what}). Your progress as it was before is kept in:`);
  ctx.io.stdout.write(`  ${shown}\n`);
  // Paths and the command stay on lines of their own, unwrapped, so they can be copied whole.
  ctx.io.stdout.write(`To bring it back, run:\n  ${ctx.command(`progress --import ${shown}`)}\n`);
}

/** A broken course must not stop a reset: the ids recorded in the progress file are enough. */
async function courseIfReadable(ctx: Ctx): Promise<Course | undefined> {
  try {
    return await ctx.course();
  } catch (e) {
    if (e instanceof ContentError) return undefined;
    throw e;
  }
}

function hasLesson(progress: CourseProgress | undefined, id: string): boolean {
  return Boolean(progress && (Object.hasOwn(progress.lessons, id) || Object.hasOwn(progress.quizzes, id)));
}

function recordedIds(progress: CourseProgress | undefined): string[] {
  return progress ? [...new Set([...Object.keys(progress.lessons), ...Object.keys(progress.quizzes)])] : [];
}

/** "4 sections read, 12 answers, 2 quiz attempts" (the parts that are not 0), or '' when there is nothing to clear. */
function describe(progress: CourseProgress | undefined, lessonIds: string[]): string {
  let sections = 0;
  let answers = 0;
  let attempts = 0;
  let touched = false;
  for (const id of lessonIds) {
    const lesson = progress?.lessons[id];
    const quiz = progress?.quizzes[id];
    if (lesson || quiz) touched = true;
    sections += lesson?.sectionsSeen.length ?? 0;
    answers += quiz?.answers.length ?? 0;
    attempts += quiz?.attempts.length ?? 0;
  }
  if (!touched) return '';
  const n = (count: number, word: string) => (count === 0 ? [] : [plural(count, word)]);
  const parts = [...n(sections, 'section'), ...n(answers, 'answer'), ...n(attempts, 'quiz attempt')];
  if (sections) parts[0] += ' read';
  return parts.length ? parts.join(', ') : 'the place you reached';
}
