import type { z } from 'zod';
import type { Fields } from '../../content/fields.ts';
import type { MenuChoice, Prompter } from '../../ui/prompts/prompter.ts';

/**
 * What one kind of question is, in one place: its format in the files, how it is graded, what
 * is recorded, how a `--plain` line answers it, how it is asked with keys, and what its feedback
 * says. A kind is registered in registry.ts; nothing else in the program names a kind.
 */

/** Returned by an interactive ask when the learner asked for the hint instead of answering. */
export const HINT = Symbol('hint');
export type Hint = typeof HINT;

/** How feedback is styled; the kinds stay free of any terminal library. */
export interface FeedbackStyle {
  ok(s: string): string;
  bad(s: string): string;
  strong(s: string): string;
  /** Short Markdown (feedback, choice texts) as styled text. */
  md(s: string): string;
}

/**
 * What an interactive ask is given. Its prompt is asked with `redraw`: at a new terminal size the
 * question screen draws the question again and calls ask again, with the draft kept so far.
 */
export interface AskWithKeys {
  prompter: Prompter;
  /** The options in the order shown, and the file index of each. */
  labels: readonly string[];
  display: readonly number[];
  /** The hint can still be asked for: offer it (as a menu entry, a key or `?`). */
  hint: boolean;
  /** The "Show the hint" entry for a menu, styled; empty when there is no hint to offer. */
  hintChoices: <T>() => Array<MenuChoice<T | Hint>>;
  /**
   * What the learner had entered so far (ticks, an order, typed text), kept by `keep` as it changes
   * and handed back when the question is asked again (after the hint, or at a new terminal size),
   * so that neither undoes an answer.
   */
  draft: unknown;
  keep: (draft: unknown) => void;
}

export interface QuestionKind<
  S extends z.ZodObject,
  RS extends z.ZodObject,
  G extends { type: z.infer<S>['type']; correct: boolean },
> {
  readonly type: z.infer<S>['type'] & z.infer<RS>['type'];
  /** The question as written in a lesson or quiz file. */
  readonly schema: (fields: Fields) => S;
  /** What is recorded in the progress file when it is answered. */
  readonly response: (fields: Fields) => RS;
  /**
   * The texts shown as a numbered list, in file order: choices or items. Their display order is
   * a permutation of these; a kind with none (true/false, short) has an empty list.
   */
  options(question: z.infer<S>): readonly string[];
  /** Labels for a kind whose options are fixed words rather than texts from the file. */
  readonly fixedLabels?: readonly string[];
  /**
   * `always`: never shown in file order, which would give the answer away (ordering);
   * `by-default`: shuffled per attempt unless `--no-shuffle` asks for the file order.
   */
  readonly shuffle: 'always' | 'by-default';
  grade(question: z.infer<S>, response: z.infer<RS>): G;
  plain: {
    /** Said under the question in `--plain`, unless the prompt already says it. */
    instruction?: string;
    /** The prompt before the answer line, given how many options are shown. */
    prompt(count: number): string;
    /** One line as a response, or what is expected. Numbers are positions as shown. */
    parse(question: z.infer<S>, raw: string, display: readonly number[]): z.infer<RS> | { error: string };
  };
  /** Asks with keys through the prompter; HINT when the learner asked for the hint instead. */
  ask(question: z.infer<S>, with_: AskWithKeys): Promise<z.infer<RS> | Hint>;
  /** The feedback lines above the explanation: right or not, and what the answer shows. */
  feedback(question: z.infer<S>, response: z.infer<RS>, grade: G, style: FeedbackStyle): string[];
}

/** Checks a kind against the interface while keeping its precise types for the registry. */
export function defineKind<
  S extends z.ZodObject,
  RS extends z.ZodObject,
  G extends { type: z.infer<S>['type']; correct: boolean },
>(kind: QuestionKind<S, RS, G>): QuestionKind<S, RS, G> {
  return kind;
}

/** "Correct." or "Not correct.", then the rest. */
export function verdict(style: FeedbackStyle, ok: boolean, rest = ''): string {
  return `${ok ? style.ok('Correct.') : style.bad('Not correct.')}${rest ? ` ${rest}` : ''}`;
}

/**
 * Parses "3 1 2" or "3,1,2" into numbers within 1..max, each at most once, or an explanation of
 * what is expected.
 */
export function parseNumberList(raw: string, max: number): number[] | string {
  const parts = raw.split(/[\s,]+/).filter(Boolean);
  const expected = `Type numbers from 1 to ${max}, separated by spaces or commas, like "1 3".`;
  if (parts.length === 0) return expected;
  const nums: number[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (!/^\d+$/.test(p) || n < 1 || n > max) return `"${p}" is not a number from 1 to ${max}. ${expected}`;
    if (nums.includes(n)) return `${n} is listed twice. ${expected}`;
    nums.push(n);
  }
  return nums;
}

export function indicesWhere<T>(items: readonly T[], test: (item: T) => boolean): number[] {
  return items.flatMap((item, i) => (test(item) ? [i] : []));
}
