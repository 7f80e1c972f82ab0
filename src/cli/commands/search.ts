import { ExitError } from '../../errors.ts';
import type { Ctx } from '../context.ts';
import { searchReport } from '../flows/look-up.ts';
import { showLong } from '../flows/page.ts';

/** `search <words...>`: ranked places in the lessons, each with its matching line and the command to open it. */
export async function runSearch(ctx: Ctx, words: string[], opts: { limit?: number } = {}): Promise<void> {
  const found = await searchReport(ctx, words, opts);
  if ('none' in found) {
    ctx.io.stderr.write(`${found.none}\n`);
    throw new ExitError(1);
  }
  await showLong(ctx, found.text);
}
