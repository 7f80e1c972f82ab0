import type { Ctx } from '../context.ts';

/** Text for a page, made for the terminal's width at the moment it is called. */
export type DrawText = () => string | Promise<string>;

/**
 * A page to read and put away (Enter, Esc or q) on a terminal with keys, drawn again by `draw`,
 * wrapped to the new width, whenever the terminal changes size. `back` names where the keys go.
 */
export async function showPage(ctx: Ctx, draw: DrawText, back?: string, drawn?: string): Promise<void> {
  // `drawn`: the text already drawn for this size, not worked out again.
  for (let scroll: number | undefined, text = drawn; ; text = undefined) {
    const lines = (text ?? (await draw())).trimEnd().split('\n');
    const result = await ctx.prompter.pager({
      mode: 'note',
      header: [],
      lines,
      ...(back === undefined ? {} : { back }),
      ...(scroll === undefined ? {} : { scroll }),
    });
    if (result.action !== 'resize') return;
    scroll = result.scroll;
  }
}

/**
 * Output that may be longer than the screen: on a terminal with keys, a page to scroll and put
 * away (showPage), like `less`; otherwise printed as it is, for pipes and `--plain`.
 */
export async function showLong(ctx: Ctx, draw: DrawText): Promise<void> {
  const text = await draw();
  const out = ctx.io.stdout as { rows?: number };
  if (
    ctx.prompter.plain ||
    !ctx.io.stdout.isTTY ||
    text.replace(/\n$/, '').split('\n').length < (out.rows ?? 24) - 2
  ) {
    ctx.io.stdout.write(text);
    return;
  }
  await showPage(ctx, draw, undefined, text);
}
