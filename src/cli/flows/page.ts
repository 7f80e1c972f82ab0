import type { Ctx } from '../context.ts';

/**
 * Output that may be longer than the screen: on a terminal with keys, a page to scroll and put
 * away (Enter, Esc or q), like `less`; otherwise printed as it is, for pipes and `--plain`.
 */
export async function showLong(ctx: Ctx, text: string): Promise<void> {
  const out = ctx.io.stdout as { rows?: number };
  const lines = text.replace(/\n$/, '').split('\n');
  if (ctx.prompter.plain || !ctx.io.stdout.isTTY || lines.length < (out.rows ?? 24) - 2) {
    ctx.io.stdout.write(text);
    return;
  }
  await ctx.prompter.pager({ mode: 'note', header: [], lines });
}
