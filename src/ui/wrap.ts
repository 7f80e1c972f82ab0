import { stripVTControlCharacters } from 'node:util';

// A line's lead: indentation, quote bars and a list marker. Continuation lines repeat the
// indentation and bars, and sit under the text after the marker (a hanging indent).
const LEAD = /^(\s*(?:│ ?\s*)*)((?:[*•-]|\d+\.) )?/;

/** Columns a string takes on screen, escape codes excluded. */
export function visibleLength(s: string): number {
  return stripVTControlCharacters(s).length;
}

/**
 * Wraps every line of `text` to `width` columns at spaces, keeping escape codes intact and
 * continuing list items and quotes under their own indentation. A word longer than the width
 * is cut, so nothing ever runs past the edge of a narrow terminal.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, Math.max(8, width)))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  if (visibleLength(line) <= width) return line;
  const lead = LEAD.exec(stripVTControlCharacters(line));
  const indent = lead?.[1] ?? '';
  const marker = lead?.[2] ?? '';
  // A lead that eats most of the line is not worth repeating; continue flush left instead.
  const hang = indent.length + marker.length <= width / 2 ? indent + ' '.repeat(marker.length) : '';
  return fill(line, width, hang, 0);
}

/**
 * Wraps `text` (one paragraph) as if it started at column `start` of a line that something else
 * begins, e.g. after "Revisit: " or a prompt's message, with later lines indented by `indent`
 * spaces so they sit under it. An indent of more than half the width is dropped.
 */
export function wrapHanging(text: string, width: number, opts: { start: number; indent: number }): string {
  const w = Math.max(8, width);
  const hang = opts.indent <= w / 2 ? ' '.repeat(opts.indent) : '';
  return fill(text.replace(/\s*\n\s*/g, ' '), w, hang, opts.start);
}

/**
 * The first `width` columns of one line, cut at a space where there is one and ended with "…".
 * Escape codes are never cut, and those of the part left out are kept, so styles still close.
 */
export function cutToWidth(line: string, width: number): string {
  if (visibleLength(line) <= width) return line;
  let kept = '';
  let dropped = '';
  let next = '';
  let col = 0;
  for (const piece of line.split(ESCAPE_SPLIT)) {
    if (ESCAPE_ONLY.test(piece)) {
      if (col < width - 1) kept += piece;
      else dropped += piece;
      continue;
    }
    for (const ch of piece) {
      if (col < width - 1) kept += ch;
      else if (col === width - 1) next = ch;
      col += 1;
    }
  }
  // Back to the last space (unless the cut is at one) when that leaves most of the line; a long
  // word is cut where it is.
  const space = stripVTControlCharacters(kept).lastIndexOf(' ');
  if (next !== ' ' && space > (width - 1) / 2) kept = keepColumns(kept, space);
  return `${kept.replace(/[\s,;:]+((?:\u001b\[[0-9;]*m)*)$/, '$1')}…${dropped}`;
}

/** The first `n` visible columns of `s`, with every escape code it holds (so styles still close). */
function keepColumns(s: string, n: number): string {
  let out = '';
  let col = 0;
  for (const piece of s.split(ESCAPE_SPLIT)) {
    if (ESCAPE_ONLY.test(piece)) out += piece;
    else
      for (const ch of piece) {
        if (col < n) out += ch;
        col += 1;
      }
  }
  return out;
}

/** Fills lines of `width` columns; the first starts at column `start`, later ones with `hang`. */
function fill(line: string, width: number, hang: string, start: number): string {
  const out: string[] = [];
  let current = '';
  let col = start;
  // Something is on the line already (the words placed, or what precedes `start`).
  let used = start > hang.length;
  const newLine = () => {
    out.push(current.replace(/\s+$/, ''));
    current = hang;
    col = hang.length;
    used = false;
  };
  for (const { space, word } of words(line)) {
    const length = visibleLength(word);
    if (used && col + space.length + length > width) newLine();
    else {
      current += space;
      col += space.length;
    }
    used = true;
    if (col + length <= width) {
      current += word;
      col += length;
      continue;
    }
    // Longer than a whole line: cut it, keeping its escape codes whole.
    for (const piece of word.split(ESCAPE_SPLIT)) {
      if (piece === '') continue;
      if (ESCAPE_ONLY.test(piece)) {
        current += piece;
        continue;
      }
      for (const ch of piece) {
        if (col >= width) newLine();
        current += ch;
        col += 1;
      }
    }
    used = true;
  }
  out.push(current.replace(/\s+$/, ''));
  return out.join('\n');
}

const ESCAPE_SPLIT = /(\u001b\[[0-9;]*m|\u001b\]8;[^\u0007]*\u0007)/;
const ESCAPE_ONLY = /^(?:\u001b\[[0-9;]*m|\u001b\]8;[^\u0007]*\u0007)$/;

/** Words with the spaces before them; escape codes stay inside the word they touch. */
function words(line: string): Array<{ space: string; word: string }> {
  const result: Array<{ space: string; word: string }> = [];
  let space = '';
  let word = '';
  for (const piece of line.split(ESCAPE_SPLIT)) {
    if (ESCAPE_ONLY.test(piece)) {
      word += piece;
      continue;
    }
    for (const m of piece.matchAll(/(\s+)|(\S+)/g)) {
      if (m[1] !== undefined) {
        if (word !== '' && visibleLength(word) > 0) {
          result.push({ space, word });
          space = '';
          word = '';
        }
        space += m[1];
      } else word += m[2];
    }
  }
  if (word !== '') result.push({ space, word });
  return result;
}
