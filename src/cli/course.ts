import type { Course } from '../content/course.ts';
import { formatIssue, sortIssues } from '../content/issues.ts';
import { loadCourse } from '../content/load.ts';
import { ContentError } from '../errors.ts';
import type { Ctx } from './context.ts';

/** The course in use, or a ContentError carrying the validator's report: no half-drawn screens. */
export function loadCourseOrThrow(ctx: Ctx): Course {
  const result = loadCourse(ctx.contentDir);
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !result.course) {
    const lines = sortIssues(errors).map((i) => formatIssue(i, ctx.displayPath));
    lines.push(`The course in ${ctx.displayPath(ctx.contentDir)} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix them (alignment-tutor validate lists them) and try again.`);
    throw new ContentError(lines.join('\n'));
  }
  return result.course;
}
