import { visibleLength, wrapHanging } from '../wrap.ts';

/**
 * How the arrow-key prompts lay out long text. Inquirer breaks a line that is too long at the
 * terminal's edge and carries on at column 0, under the pointer; wrapped here first, a choice
 * continues under its own text and an answer under the answer.
 */

/**
 * The mark of an answered prompt. Inquirer's is a green tick, which next to a wrong answer (just
 * above "Not correct.") reads as a verdict; this one only says the prompt is done.
 */
const DONE_PREFIX = '›';

export const PROMPT_THEME = { prefix: { done: DONE_PREFIX } };

/** A choice's label for a list whose entries start `indent` columns in (pointer and marks). */
export function choiceLabel(label: string, columns: number, indent: number): string {
  return wrapHanging(label, columns, { start: indent, indent });
}

/**
 * An answer as the answered prompt shows it, after "› message ", continuing under itself; on a
 * line of its own when the message leaves less than half the width.
 */
export function answerText(message: string, answer: string, columns: number): string {
  const start = visibleLength(DONE_PREFIX) + 1 + visibleLength(message) + 1;
  if (start > columns / 2) return `\n  ${wrapHanging(answer, columns, { start: 2, indent: 2 })}`;
  return wrapHanging(answer, columns, { start, indent: start });
}

/**
 * Several answers: on the prompt's line, joined by `separator`, when they fit there; else one to
 * a line, as a list (numbered when the order is the answer).
 */
export function answerList(
  message: string,
  answers: readonly string[],
  columns: number,
  opts: { separator: string; numbered?: boolean },
): string {
  const inline = answerText(message, answers.join(opts.separator), columns);
  if (!inline.includes('\n') || answers.length === 1) return inline;
  return answers
    .map((a, i) => {
      const marker = opts.numbered ? `${i + 1}. ` : '- ';
      return `\n  ${marker}${wrapHanging(a, columns, { start: 2 + marker.length, indent: 2 + marker.length })}`;
    })
    .join('');
}
