import { ExitError } from '../../errors.ts';
import { searchCourse, stem } from '../../lesson/search.ts';
import { textWidth } from '../../ui/io.ts';
import { renderSearch } from '../../ui/screens/search.ts';
import type { Ctx } from '../context.ts';
import { printableLine } from '../../text/printable.ts';

/** `search <words...>`: ranked places in the lessons, each with its matching line and the command to open it. */
export async function runSearch(ctx: Ctx, words: string[]): Promise<void> {
  const course = await ctx.course();
  const hits = searchCourse(course, words);
  // Quoted back in what is printed: shown, never obeyed.
  const query = printableLine(words.join(' '));
  const stems = words
    .flatMap((w) => w.toLowerCase().split(/[^\p{L}\p{N}'-]+/u))
    .filter(Boolean)
    .map(stem);
  if (hits.length === 0) {
    ctx.io.stderr.write(
      `Nothing in the lessons matches "${query}". Try fewer or shorter words, or ${ctx.command('glossary')} for the key terms.\n`,
    );
    throw new ExitError(1);
  }
  ctx.io.stdout.write(
    renderSearch(hits, query, stems, { theme: ctx.theme, width: textWidth(ctx.io), command: ctx.command }),
  );
}
