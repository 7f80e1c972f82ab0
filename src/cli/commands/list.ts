import { textWidth } from '../../ui/io.ts';
import { listJson, renderList } from '../../ui/screens/overview.ts';
import type { Ctx } from '../context.ts';

/** `list [--json]`: the lessons in course order with their status. */
export async function runList(ctx: Ctx, opts: { json?: boolean } = {}): Promise<void> {
  const course = await ctx.course();
  const progress = (await ctx.store.read()).courses[ctx.courseId];
  if (opts.json) {
    ctx.io.stdout.write(`${JSON.stringify(listJson(course, progress), null, 2)}\n`);
    return;
  }
  ctx.io.stdout.write(
    renderList(course, progress, { theme: ctx.theme, width: textWidth(ctx.io), plain: ctx.plain }),
  );
}
