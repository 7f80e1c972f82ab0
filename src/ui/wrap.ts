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

  const out: string[] = [];
  let current = '';
  let col = 0;
  const newLine = () => {
    out.push(current.replace(/\s+$/, ''));
    current = hang;
    col = hang.length;
  };
  for (const { space, word } of words(line)) {
    const length = visibleLength(word);
    if (col > hang.length && col + space.length + length > width) newLine();
    else {
      current += space;
      col += space.length;
    }
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
