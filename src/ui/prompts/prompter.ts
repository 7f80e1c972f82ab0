import type { PagerPage, PagerResult } from './pager-types.ts';

/**
 * The prompt seam: every question the tutor asks goes through a Prompter. There are three:
 * arrow keys in a terminal (interactive.ts, the only importer of Inquirer), numbered lines for
 * `--plain` (plain.ts), and a scripted one in the tests. Flows and screens see only this.
 */

export interface MenuChoice<T> {
  label: string;
  value: T;
  /** A short note shown beside or under the choice. */
  hint?: string;
  /** A reason the choice cannot be picked now; it is shown but skipped. */
  disabled?: string;
}

export interface OrderConfig {
  message: string;
  /** Shown in this order at first; the answer gives indices into this list. */
  items: readonly string[];
  /** Offer a key to stop and show the question's hint (the answer is then 'hint'). */
  hint?: boolean;
}

export interface Prompter {
  /**
   * The `--plain` line protocol (README.md): a question reads its answer as one line in the
   * documented form rather than through a menu.
   */
  readonly plain: boolean;
  /** Pick one. */
  select<T>(message: string, choices: ReadonlyArray<MenuChoice<T>>, opts?: { default?: T }): Promise<T>;
  /** Pick any number (at least one); `checked` are ticked to begin with. */
  checkbox<T>(
    message: string,
    choices: ReadonlyArray<MenuChoice<T>>,
    opts?: { checked?: readonly T[] },
  ): Promise<T[]>;
  confirm(message: string, opts?: { default?: boolean }): Promise<boolean>;
  /** Free text; `validate` returns an error message to ask again, or true. */
  input(message: string, opts?: { validate?: (value: string) => string | true }): Promise<string>;
  /** Puts items in order; indices into `items`, or 'hint'. */
  order(config: OrderConfig): Promise<number[] | 'hint'>;
  /** A page of text to read, with keys to move on (a lesson's section, feedback, the recap). */
  pager(page: PagerPage): Promise<PagerResult>;
}
