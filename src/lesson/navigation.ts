/**
 * Moving through a lesson's sections: the same commands from keys and from `--plain` lines, so
 * both ways of reading share one set of rules.
 */

export type NavCommand =
  | { type: 'next' }
  | { type: 'back' }
  /** 0-based section index. */
  | { type: 'jump'; section: number }
  | { type: 'terms' }
  | { type: 'quit' }
  /** The terminal changed size: the same section again, wrapped to the new width. */
  | { type: 'redraw' };

export type NavOutcome =
  | { type: 'show'; section: number }
  /** Past the last section: the recap. */
  | { type: 'end' }
  | { type: 'terms' }
  | { type: 'quit' }
  /** Nothing moves; tell the learner why. */
  | { type: 'stay'; message: string };

export function navigate(current: number, total: number, cmd: NavCommand): NavOutcome {
  switch (cmd.type) {
    case 'next':
      return current + 1 >= total ? { type: 'end' } : { type: 'show', section: current + 1 };
    case 'back':
      return current <= 0
        ? { type: 'stay', message: 'This is the first section.' }
        : { type: 'show', section: current - 1 };
    case 'jump':
      if (cmd.section < 0 || cmd.section >= total)
        return {
          type: 'stay',
          message: `There ${total === 1 ? 'is 1 section' : `are ${total} sections`}; type a number from 1 to ${total}.`,
        };
      return { type: 'show', section: cmd.section };
    case 'terms':
      return { type: 'terms' };
    case 'quit':
      return { type: 'quit' };
    case 'redraw':
      return { type: 'stay', message: '' };
  }
}

/**
 * One line of the `--plain` lesson protocol (README.md): empty = next, `b` back, a number jumps
 * to that section, `t` key terms, `q` quit. Case and surrounding space do not matter.
 */
export function parsePlainCommand(line: string, total: number): NavCommand | { error: string } {
  const raw = line.trim().toLowerCase();
  if (raw === '' || raw === 'n' || raw === 'next') return { type: 'next' };
  if (raw === 'b' || raw === 'back') return { type: 'back' };
  if (raw === 't' || raw === 'terms') return { type: 'terms' };
  if (raw === 'q' || raw === 'quit') return { type: 'quit' };
  if (/^\d+$/.test(raw)) return { type: 'jump', section: Number(raw) - 1 };
  return { error: `"${line.trim()}" is not a lesson command. ${plainHelp(total)}` };
}

export function plainHelp(total: number): string {
  if (total === 1) return 'Press Enter to finish the lesson, t for key terms, q to quit.';
  return `Press Enter for the next section, b to go back, 1-${total} to jump to a section, t for key terms, q to quit.`;
}

/** The prompt before each `--plain` lesson command: the keys, briefly. */
export function plainPrompt(total: number): string {
  return total === 1 ? 'Enter, t or q: ' : `Enter, b, 1-${total}, t or q: `;
}
