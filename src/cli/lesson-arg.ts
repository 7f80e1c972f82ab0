import type { Course } from '../content/course.ts';
import type { Lesson } from '../content/schema.ts';
import { UserError } from '../errors.ts';
import { findLesson } from '../lesson/continue.ts';
import type { Ctx } from './context.ts';

/**
 * `lesson` or `lesson/section` as typed after `learn`, `quiz` or `reset`: the lesson by number, id
 * (any case) or title, and a section by number or id. The one place that says a lesson is unknown.
 */
export function lessonFromArg(
  ctx: Pick<Ctx, 'command'>,
  course: Course,
  arg: string,
): { lesson: Lesson; section: number | undefined } {
  const [name = '', sectionArg] = arg.split('/', 2);
  const found = findLesson(course, name);
  if ('suggestions' in found)
    throw unknownLesson(
      ctx,
      name,
      found.suggestions,
      course.lessons.map((l) => l.id),
    );
  const { lesson } = found;
  if (sectionArg === undefined || sectionArg === '') return { lesson, section: undefined };
  const byNumber = /^\d+$/.test(sectionArg) ? Number(sectionArg) - 1 : -1;
  const index =
    byNumber >= 0 ? byNumber : lesson.sections.findIndex((s) => s.id === sectionArg.toLowerCase());
  if (index < 0 || index >= lesson.sections.length) {
    throw new UserError(
      `lesson "${lesson.id}" has no section "${sectionArg}"`,
      `Its sections are 1-${lesson.sections.length}: ${lesson.sections.map((s) => s.id).join(', ')}.`,
    );
  }
  return { lesson, section: index };
}

/** The one wording of "no such lesson", with the closest ids and how to see them all. */
export function unknownLesson(
  ctx: Pick<Ctx, 'command'>,
  name: string,
  near: readonly string[],
  /** The course's lesson ids in order; empty when the course could not be read. */
  ids: readonly string[],
): UserError {
  const guess = near.length ? `; did you mean ${near.map((id) => `"${id}"`).join(' or ')}?` : '';
  // A short course is listed outright; a long one is for `list` to show.
  const all = !near.length && ids.length && ids.length <= 12 ? ` Lesson ids: ${ids.join(', ')}.` : '';
  const numbers = ids.length ? ` (1-${ids.length})` : '';
  return new UserError(
    `there is no lesson "${name}"${guess}`,
    `Name a lesson by its number${numbers} or its id; ${ctx.command('list')} shows both.${all}`,
  );
}
