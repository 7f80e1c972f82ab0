import { UserError } from '../../errors.ts';
import { buildGlossary, lookupTerm, type GlossaryEntry } from '../../lesson/glossary.ts';
import { textWidth } from '../../ui/io.ts';
import { renderMarkdown } from '../../ui/markdown.ts';
import { wrapText } from '../../ui/wrap.ts';
import type { Ctx } from '../context.ts';
import { glossaryList } from '../flows/look-up.ts';
import { showLong } from '../flows/page.ts';

/** `glossary [term]`: every key term with the lesson it comes from, or one term's definition. */
export async function runGlossary(ctx: Ctx, term?: string): Promise<void> {
  const course = await ctx.course();
  const entries = buildGlossary(course);
  const { theme } = ctx;
  const from = (e: GlossaryEntry) =>
    theme.dim(`from "${e.lesson.title}" (${ctx.command(`learn ${e.lesson.id}`)})`);

  if (term === undefined) {
    if (entries.length === 0) {
      ctx.io.stdout.write('This course has no key terms yet.\n');
      return;
    }
    await showLong(ctx, () => glossaryList(ctx, entries));
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
  const matches = found.matches;
  await showLong(ctx, async () => {
    const width = textWidth(ctx.io);
    const blocks = await Promise.all(
      matches.map(
        async (e) =>
          `${theme.heading(wrapText(e.term, width))}\n` +
          `${await renderMarkdown(e.definition, { width, color: theme.color, cacheDir: ctx.cacheDir })}\n` +
          wrapText(from(e), width),
      ),
    );
    return `${blocks.join('\n\n')}\n`;
  });
}
