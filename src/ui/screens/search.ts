import type { SearchHit } from '../../lesson/search.ts';
import type { Theme } from '../theme.ts';
import { wrapText } from '../wrap.ts';

/** `search`: ranked places in the lessons, each with its matching line and the command to open it. */

const MAX_HITS = 10;
/** Characters of context kept on each side of the first match in a long sentence. */
const CONTEXT = 100;

export interface SearchScreen {
  theme: Theme;
  width: number;
  /** How a command is written in a hint (see cli/command-name.ts). */
  command: (args: string) => string;
  /** Places shown at most (default 10). */
  limit?: number | undefined;
}

/** The hits as text; `stems` are the searched words as matched, to set in bold. */
export function renderSearch(
  hits: readonly SearchHit[],
  query: string,
  stems: string[],
  screen: SearchScreen,
): string {
  const { theme, width } = screen;
  const out: string[] = [];
  if (!hits[0]!.complete)
    out.push(
      theme.dim(wrapText(`No single place has all of "${query}"; these have some of the words:`, width)),
      '',
    );
  const shown = hits.slice(0, screen.limit ?? MAX_HITS);
  for (const hit of shown) {
    const target =
      hit.section === undefined ? hit.lesson.id : `${hit.lesson.id}/${hit.lesson.sections[hit.section]!.id}`;
    out.push(wrapText(`${theme.strong(hit.lesson.title)} › ${theme.accent(hit.place)}`, width));
    out.push(wrapText(`  ${highlight(excerpt(hit.line, stems), stems, theme.strong)}`, width));
    out.push(wrapText(`  ${theme.dim(screen.command(`learn ${target}`))}`, width), '');
  }
  if (hits.length > shown.length)
    out.push(
      theme.dim(`${hits.length - shown.length} more not shown; add a word to narrow the search, or --limit.`),
    );
  return `${out.join('\n').trimEnd()}\n`;
}

/** A long sentence cut to the part around its first match. */
function excerpt(line: string, words: string[]): string {
  if (line.length <= CONTEXT * 2) return line;
  const lower = line.toLowerCase();
  const at = Math.max(0, Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0)));
  const start = Math.max(0, at - CONTEXT);
  const end = Math.min(line.length, at + CONTEXT);
  return `${start > 0 ? '…' : ''}${line.slice(start, end).trim()}${end < line.length ? '…' : ''}`;
}

/** The whole words that start with a searched stem, in bold. */
function highlight(line: string, stems: string[], style: (s: string) => string): string {
  const escaped = stems.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (escaped.length === 0) return line;
  return line.replace(
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})[\\p{L}\\p{N}'-]*`, 'giu'),
    (m) => style(m),
  );
}
