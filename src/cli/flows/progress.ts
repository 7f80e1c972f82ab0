import { ExitError } from '../../errors.ts';
import { reportProgress } from '../../progress/summary.ts';
import { textWidth } from '../../ui/io.ts';
import { renderProgress } from '../../ui/screens/progress.ts';
import type { Ctx } from '../context.ts';

/** The progress report, for `progress` and the home screen's Progress. */
export async function progressReport(ctx: Ctx): Promise<string> {
  const data = await ctx.store.read();
  // The store has already said why (a newer format, an unreadable file); showing empty progress would mislead.
  if (await ctx.store.refusal()) throw new ExitError(1);
  const report = reportProgress(await ctx.course(), ctx.courseId, data.courses[ctx.courseId]);
  return renderProgress(report, {
    theme: ctx.theme,
    width: textWidth(ctx.io),
    plain: ctx.plain,
    now: ctx.now(),
    courseDir: ctx.shippedContent ? undefined : ctx.displayPath(ctx.contentDir),
    file: ctx.displayPath(ctx.progressFile),
  });
}
