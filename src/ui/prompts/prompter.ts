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

export interface CheckboxOptions<T> {
  /** Ticked to begin with. */
  checked?: readonly T[];
  /** Told the ticks after every change: what to start from if the question is asked again. */
  onChange?: (checked: T[]) => void;
  /** See Redraw. */
  redraw?: boolean;
  /**
   * Offer a key (`h`) to stop and show the question's hint; the answer is then 'hint'. A key, not
   * a box to tick: `a` and `i` must not tick it, and the learner's ticks stay as they are.
   */
  hint?: boolean;
}

export interface InputOptions {
  /** An error message to ask again, or true. */
  validate?: (value: string) => string | true;
  /** Typed in already, to edit (the draft of a question asked again). */
  initial?: string;
  /** Told the text as it is typed: what to start from if the question is asked again. */
  onChange?: (text: string) => void;
  /** See Redraw. */
  redraw?: boolean;
}

export interface OrderConfig {
  message: string;
  /** Shown in this order at first; the answer gives indices into this list. */
  items: readonly string[];
  /** Offer a key to stop and show the question's hint (the answer is then 'hint'). */
  hint?: boolean;
  /** The order to start from, as indices into `items` (the order so far, when asked again). */
  start?: readonly number[];
  /** Told the order after every move: what to start from if the question is asked again. */
  onChange?: (order: number[]) => void;
  /** See Redraw. */
  redraw?: boolean;
}

/**
 * One setting on a tuning screen (a lab's knob). The prompt knows nothing of what it controls:
 * how a value is shown, stepped and typed comes with it.
 */
export interface Dial {
  id: string;
  label: string;
  /** One sentence on what turning it does, shown with the keys. */
  help: string;
  /** What may be typed, e.g. "0 to 2 in steps of 0.1", for the line protocol. */
  range: string;
  /** The value as the learner reads it, e.g. "1.5", "8%", "extremal". */
  show(value: number): string;
  /** The value moved by `steps` steps (negative: down), held inside the range. */
  move(value: number, steps: number): number;
  /** A typed value, or why it is not allowed (naming the value and what is). */
  parse(text: string): number | { error: string };
}

export interface TuneConfig {
  /** One line above the view, e.g. the lab's title. */
  title: string;
  dials: readonly Dial[];
  /** The values to start from, keyed by dial id. */
  values: Readonly<Record<string, number>>;
  /**
   * The lines to show for these values (already wrapped to the width), redrawn after every change.
   * `pending`: a better view comes if asked again (a curve still being computed), so the screen
   * asks again on the next tick; a reader of plain lines just asks until it is complete.
   */
  view(values: Readonly<Record<string, number>>): { lines: string[]; pending: boolean };
  /** What Enter leads to, for the key line, e.g. "the question". */
  doneLabel: string;
}

export interface TuneResult {
  /**
   * 'done': the learner went on (Enter); 'back': Esc or q, one level up; 'resize': the terminal
   * changed size, so the screen is to be drawn again at the new width from `values`.
   */
  action: 'done' | 'back' | 'resize';
  values: Record<string, number>;
}

export interface Prompter {
  /**
   * The `--plain` line protocol (README.md): a question reads its answer as one line in the
   * documented form rather than through a menu.
   */
  readonly plain: boolean;
  /**
   * Pick one. With `redraw`, here and in the other prompts, a new terminal size rejects with
   * Redraw, for a screen that must wrap what is above the prompt again.
   */
  select<T>(
    message: string,
    choices: ReadonlyArray<MenuChoice<T>>,
    opts?: { default?: T; redraw?: boolean },
  ): Promise<T>;
  /** Pick any number (at least one). */
  checkbox<T>(
    message: string,
    choices: ReadonlyArray<MenuChoice<T>>,
    opts?: CheckboxOptions<T>,
  ): Promise<T[] | 'hint'>;
  confirm(message: string, opts?: { default?: boolean }): Promise<boolean>;
  /** Free text. */
  input(message: string, opts?: InputOptions): Promise<string>;
  /** Puts items in order; indices into `items`, or 'hint'. */
  order(config: OrderConfig): Promise<number[] | 'hint'>;
  /** A page of text to read, with keys to move on (a lesson's section, feedback, the recap). */
  pager(page: PagerPage): Promise<PagerResult>;
  /** A screen of dials to turn with the view redrawn after each change (a lab). */
  tune(config: TuneConfig): Promise<TuneResult>;
  /**
   * On a terminal, a clean screen to draw on from the top line, what was there scrolled into the
   * terminal's history (the lines `npm start` prints first, say); elsewhere nothing.
   */
  clearScreen(): void;
}

const GO_BACK = Symbol.for('alignment-tutor.go-back');
const REDRAW = Symbol.for('alignment-tutor.redraw');

/**
 * The terminal changed size under a prompt that asked to hear of it (`redraw`). The screen has
 * been cleared: the caller draws what was above the prompt again, wrapped to the new width, and
 * asks again (askRedrawing). What the learner had entered is theirs to keep through `onChange`.
 */
export class Redraw extends Error {
  override name = 'Redraw';
  readonly [REDRAW] = true;
  constructor() {
    super('the terminal changed size');
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && REDRAW in value;
  }
}

/**
 * Asks, and at each Redraw has `redraw` draw what belongs above the prompt again (the screen is
 * clear, the width new) before asking again.
 */
export async function askRedrawing<T>(ask: () => Promise<T>, redraw: () => unknown): Promise<T> {
  for (;;) {
    try {
      return await ask();
    } catch (e) {
      if (!(e instanceof Redraw)) throw e;
    }
    await redraw();
  }
}

/**
 * Esc or `q` at a prompt: the learner goes back one level (a question to its lesson or quiz menu,
 * a menu to the screen before it, home to the shell). Flows catch it where "back" lands; Ctrl-C
 * is a different thing, a cancel that ends the run from anywhere.
 */
export class GoBack extends Error {
  override name = 'GoBack';
  readonly [GO_BACK] = true;
  constructor() {
    super('went back');
  }
  // Each lazily loaded bundle has its own copy of this class (see src/build), so the check is
  // by a registered mark rather than by identity.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && GO_BACK in value;
  }
}

/** The keys of each kind of prompt, for `?`. */
export const PROMPT_KEYS = {
  select: ['↑↓ choose', 'Enter pick', 'Esc or q back', 'Ctrl-C quit (progress is saved)', '? these keys'],
  checkbox: [
    '↑↓ move',
    'space tick or untick',
    'a tick all · i invert',
    'h the hint (when the question has one)',
    'Enter answer',
    'Esc or q back',
    'Ctrl-C quit (progress is saved)',
    '? these keys',
  ],
  confirm: [
    'y yes · n no',
    'Enter the default',
    'Esc or q no, back',
    'Ctrl-C quit (progress is saved)',
    '? these keys',
  ],
  input: ['type, then Enter', 'Esc back', 'Ctrl-C quit (progress is saved)'],
  order: [
    '↑↓ move',
    'space pick up or put down',
    'Enter answer',
    'Esc or q back',
    'Ctrl-C quit (progress is saved)',
    '? these keys',
  ],
} as const;
