import { fileURLToPath } from 'node:url';
import type { Course } from '../content/course.ts';
import { loadCourseCached } from '../content/cache.ts';
import { formatIssue, sortIssues } from '../content/issues.ts';
import { ContentError } from '../errors.ts';
import type { Ctx } from './context.ts';
import { plural } from '../text/plural.ts';

/** The course in use, or a ContentError carrying the validator's report: no half-drawn screens. */
export async function loadCourseOrThrow(
  ctx: Pick<Ctx, 'contentDir' | 'displayPath' | 'cacheDir' | 'command' | 'shippedContent'>,
): Promise<Course> {
  // Beside the bundle (dist/course.jsonl), written by the build; absent when running from source.
  const shipped = ctx.shippedContent ? fileURLToPath(new URL('./course.jsonl', import.meta.url)) : undefined;
  const result = await loadCourseCached(ctx.contentDir, ctx.cacheDir, shipped);
  if (result.course) return result.course;
  const errors = result.errors;
  const lines = sortIssues(errors).map((i) => formatIssue(i, ctx.displayPath));
  lines.push(
    `The course in ${ctx.displayPath(ctx.contentDir)} has ${plural(errors.length, 'error')}; fix them ` +
      `(${ctx.command('validate')} lists them) and try again.`,
  );
  throw new ContentError(lines.join('\n'));
}
