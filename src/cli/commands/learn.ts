import type { Lesson } from '../../content/schema.ts';
import { lessonToContinue } from '../../lesson/continue.ts';
import { wholeLessonParts } from '../../ui/screens/lesson.ts';
import { labsForLesson } from '../../lab/registry.ts';
import { labOffers } from '../../ui/screens/lab.ts';
import type { Ctx } from '../context.ts';
import { readLesson, screenFor } from '../flows/lesson.ts';
import { lessonFromArg } from '../lesson-arg.ts';

export interface LearnOptions {
  print?: boolean;
  /** False (`--no-shuffle`): the checks' choices in file order. */
  shuffle?: boolean;
  /** Makes the checks' shuffled choices reproducible. */
  seed?: number;
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
    ({ lesson, section } = lessonFromArg(ctx, course, arg));
  } else {
    const target = lessonToContinue(course, (await ctx.store.read()).courses[ctx.courseId]);
    if (target.kind === 'done') {
      if (!opts.print) {
        ctx.io.stdout.write(
          `You have read every lesson of this course. Open one again with ` +
            `${ctx.theme.accent(ctx.command('learn <number or id>'))}; ` +
            `${ctx.theme.accent(ctx.command('list'))} shows them.\n`,
        );
        return;
      }
      lesson = course.lessons[0]!;
    } else lesson = target.lesson;
  }
  if (opts.print) {
    for await (const part of wholeLessonParts(lesson, screenFor(ctx, course, lesson)))
      ctx.io.stdout.write(part);
    const offers = labOffers(labsForLesson(lesson.id), ctx.command, ctx.theme);
    if (offers.length) ctx.io.stdout.write(`\n${offers.join('\n')}\n`);
    return;
  }
  await readLesson(ctx, lesson.id, {
    section,
    ...(opts.shuffle !== undefined ? { shuffle: opts.shuffle } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  });
}
