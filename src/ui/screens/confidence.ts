import { CONFIDENCE_LEVELS } from '../../quiz/calibration.ts';
import type { Prompter } from '../prompts/prompter.ts';

/** The question asked after an answer and before its feedback, with `--confidence`. */
export const CONFIDENCE_QUESTION = 'How sure were you?';
const PLAIN_PROMPT = `${CONFIDENCE_QUESTION} (percent: 50, 70, 90 or 99)`;

/**
 * "How sure were you?", asked before the feedback so that the answer's outcome cannot colour it.
 * A menu of the four levels; in `--plain`, one line holding a whole number from 1 to 100 (a
 * trailing % is allowed), which calibration counts under the nearest level.
 */
export async function askConfidence(prompter: Prompter): Promise<number> {
  if (prompter.plain) {
    const line = await prompter.input(PLAIN_PROMPT, { validate: (v) => parseConfidence(v) ?? true });
    return Number(line.trim().replace(/\s*%$/, ''));
  }
  return prompter.select(
    CONFIDENCE_QUESTION,
    CONFIDENCE_LEVELS.map((level) => ({ label: `${level}%`, value: level as number })),
  );
}

/** What is wrong with a `--plain` confidence line, or undefined when it is a number from 1 to 100. */
export function parseConfidence(line: string): string | undefined {
  const raw = line.trim().replace(/\s*%$/, '');
  if (/^\d{1,3}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 100) return undefined;
  return 'Type how sure you were as a whole number from 1 to 100, like 70.';
}
