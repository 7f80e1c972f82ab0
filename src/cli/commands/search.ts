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
  // Drawn again at a new terminal size: the same search, wrapped to the new width.
  await showLong(ctx, async () => {
    const again = await searchReport(ctx, words, opts);
    return 'text' in again ? again.text : found.text;
  });
}
