import { buildGlossary, type GlossaryEntry } from '../../lesson/glossary.ts';
import { searchCourse, stem } from '../../lesson/search.ts';
import { textWidth } from '../../ui/io.ts';
import { renderSearch } from '../../ui/screens/search.ts';
import { wrapText } from '../../ui/wrap.ts';
import { printableLine } from '../../text/printable.ts';
import type { Ctx } from '../context.ts';

/** The glossary and search as text, for their commands and the home screen. */

export { buildGlossary };

/** Every term with the lesson it comes from; the home screen's Glossary too. */
export function glossaryList(ctx: Ctx, entries: readonly GlossaryEntry[]): string {
  const { theme } = ctx;
  const width = textWidth(ctx.io);
  const column = Math.min(Math.max(...entries.map((e) => e.term.length)), Math.floor(width / 2));
  const lines = entries.map((e) =>
    wrapText(
      `${theme.strong(e.term)}${' '.repeat(Math.max(1, column - e.term.length + 2))}${theme.dim(e.lesson.title)}`,
      width,
    ),
  );
  const footer = `${entries.length} terms. Run ${ctx.command('glossary <term>')} for a definition.`;
  return `${lines.join('\n')}\n\n${theme.dim(wrapText(footer, width))}\n`;
}

/** The places found, as text, or what to say when there are none; the home screen's Search too. */
export async function searchReport(
  ctx: Ctx,
  words: string[],
  opts: { limit?: number } = {},
): Promise<{ text: string } | { none: string }> {
  const course = await ctx.course();
  const hits = searchCourse(course, words);
  // Quoted back in what is printed: shown, never obeyed.
  const query = printableLine(words.join(' '));
  const stems = words
    .flatMap((w) => w.toLowerCase().split(/[^\p{L}\p{N}'-]+/u))
    .filter(Boolean)
    .map(stem);
  if (hits.length === 0)
    return {
      none:
        `Nothing in the lessons matches "${query}". ` +
        `Try fewer or shorter words, or ${ctx.command('glossary')} for the key terms.`,
    };
  const screen = { theme: ctx.theme, width: textWidth(ctx.io), command: ctx.command, limit: opts.limit };
  return { text: renderSearch(hits, query, stems, screen) };
}
