import { UserError } from '../../errors.ts';
import { buildGlossary, lookupTerm, type GlossaryEntry } from '../../lesson/glossary.ts';
import { textWidth } from '../../ui/io.ts';
import { renderMarkdown } from '../../ui/markdown.ts';
import { wrapText } from '../../ui/wrap.ts';
import type { Ctx } from '../context.ts';

/** `glossary [term]`: every key term with the lesson it comes from, or one term's definition. */
export async function runGlossary(ctx: Ctx, term?: string): Promise<void> {
  const course = await ctx.course();
  const entries = buildGlossary(course);
  const { theme } = ctx;
  const width = textWidth(ctx.io);
  const from = (e: GlossaryEntry) =>
    theme.dim(`from "${e.lesson.title}" (${ctx.command(`learn ${e.lesson.id}`)})`);

  if (term === undefined) {
    if (entries.length === 0) {
      ctx.io.stdout.write('This course has no key terms yet.\n');
      return;
    }
    const column = Math.min(Math.max(...entries.map((e) => e.term.length)), Math.floor(width / 2));
    const lines = entries.map((e) =>
      wrapText(
        `${theme.strong(e.term)}${' '.repeat(Math.max(1, column - e.term.length + 2))}${theme.dim(e.lesson.title)}`,
        width,
      ),
    );
    const footer = `${entries.length} terms. Run ${ctx.command('glossary <term>')} for a definition.`;
    ctx.io.stdout.write(`${lines.join('\n')}\n\n${theme.dim(wrapText(footer, width))}\n`);
    return;
  }

  const found = lookupTerm(entries, term);
  if ('suggestions' in found) {
    throw new UserError(
      `"${term}" is not a key term in this course`,
      found.suggestions.length
        ? `Closest terms: ${found.suggestions.join(', ')}.`
        : `Run ${ctx.command('glossary')} to list every term, or ${ctx.command('search <words>')} ` +
            'to search the lessons.',
    );
  }
  const blocks = await Promise.all(
    found.matches.map(
      async (e) =>
        `${theme.heading(wrapText(e.term, width))}\n` +
        `${await renderMarkdown(e.definition, { width, color: theme.color, cacheDir: ctx.cacheDir })}\n` +
        wrapText(from(e), width),
    ),
  );
  ctx.io.stdout.write(`${blocks.join('\n\n')}\n`);
}
