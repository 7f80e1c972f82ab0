import type { Course } from '../content/course.ts';
import { loadCourseCached } from '../content/cache.ts';
import { formatIssue, sortIssues } from '../content/issues.ts';
import { ContentError } from '../errors.ts';
import type { Ctx } from './context.ts';
import { plural } from '../text/plural.ts';

/** The course in use, or a ContentError carrying the validator's report: no half-drawn screens. */
export async function loadCourseOrThrow(
  ctx: Pick<Ctx, 'contentDir' | 'displayPath' | 'cacheDir' | 'command'>,
): Promise<Course> {
  const result = await loadCourseCached(ctx.contentDir, ctx.cacheDir);
  if (result.course) return result.course;
  const errors = result.errors;
  const lines = sortIssues(errors).map((i) => formatIssue(i, ctx.displayPath));
  lines.push(
    `The course in ${ctx.displayPath(ctx.contentDir)} has ${plural(errors.length, 'error')}; fix them (${ctx.command('validate')} lists them) and try again.`,
  );
  throw new ContentError(lines.join('\n'));
}
