import { CancelledError } from '../../errors.ts';
import { textWidth, type Io } from '../io.ts';
import type { LineReader } from '../line-reader.ts';
import { answerList, answerText, choiceLabel, PROMPT_THEME } from './layout.ts';

/**
 * The prompt facade: every question the tutor asks goes through a Prompter, and this folder is
 * the only importer of Inquirer. Commands take a Prompter, so their tests can script answers,
 * and the `--plain` line protocol is the same interface read from lines.
 */

export interface MenuChoice<T> {
  label: string;
  value: T;
  /** A short note shown beside or under the choice. */
  hint?: string;
  /** A reason the choice cannot be picked now; it is shown but skipped. */
  disabled?: string;
}

export interface Prompter {
  readonly plain: boolean;
  /** Pick one. */
  menu<T>(message: string, choices: ReadonlyArray<MenuChoice<T>>, opts?: { default?: T }): Promise<T>;
  /** Pick any number (at least one). */
  multi<T>(message: string, choices: ReadonlyArray<MenuChoice<T>>): Promise<T[]>;
  confirm(message: string, opts?: { default?: boolean }): Promise<boolean>;
  /** Free text; `validate` returns an error message to ask again, or true. */
  text(message: string, opts?: { validate?: (value: string) => string | true }): Promise<string>;
}

export function createPrompter(io: Io, plain: boolean): Prompter {
  return plain ? new PlainPrompter(io) : new InquirerPrompter(io);
}

/** Numbered menus, one answer per line: the public `--plain` protocol (README.md). */
export class PlainPrompter implements Prompter {
  readonly plain = true;
  private reader: LineReader | undefined;
  private readonly io: Io;
  constructor(io: Io) {
    this.io = io;
  }

  private write(s: string) {
    this.io.stdout.write(s);
  }

  /** The next line, or a cancel once input has ended: the session stops cleanly. */
  async readLine(prompt = '> '): Promise<string> {
    // readline is loaded only once a line is actually read.
    this.reader ??= new (await import('../line-reader.ts')).LineReader(this.io.stdin);
    this.write(prompt);
    const line = await this.reader.next();
    if (line === null) {
      this.write('\n');
      throw new CancelledError();
    }
    return line;
  }

  async menu<T>(message: string, choices: ReadonlyArray<MenuChoice<T>>, opts?: { default?: T }): Promise<T> {
    this.write(`${message}\n`);
    choices.forEach((c, i) =>
      this.write(`  ${i + 1}. ${c.label}${c.disabled ? ` (${c.disabled})` : c.hint ? ` - ${c.hint}` : ''}\n`),
    );
    const defIndex = opts?.default === undefined ? -1 : choices.findIndex((c) => c.value === opts.default);
    for (;;) {
      const raw = (
        await this.readLine(
          defIndex >= 0 ? `Choose 1-${choices.length} [${defIndex + 1}]: ` : `Choose 1-${choices.length}: `,
        )
      ).trim();
      if (raw === '' && defIndex >= 0) return choices[defIndex]!.value;
      const n = Number(raw);
      const choice = /^\d+$/.test(raw) ? choices[n - 1] : undefined;
      if (!choice) this.write(`Please type a number from 1 to ${choices.length}.\n`);
      else if (choice.disabled) this.write(`"${choice.label}" is not available: ${choice.disabled}.\n`);
      else return choice.value;
    }
  }

  async multi<T>(message: string, choices: ReadonlyArray<MenuChoice<T>>): Promise<T[]> {
    this.write(`${message}\n`);
    choices.forEach((c, i) => this.write(`  ${i + 1}. ${c.label}\n`));
    for (;;) {
      const nums = parseNumberList(
        await this.readLine(`Numbers separated by spaces or commas: `),
        choices.length,
      );
      if (typeof nums === 'string') this.write(`${nums}\n`);
      else return nums.map((n) => choices[n - 1]!.value);
    }
  }

  async confirm(message: string, opts?: { default?: boolean }): Promise<boolean> {
    const def = opts?.default;
    for (;;) {
      const raw = (
        await this.readLine(`${message} ${def === undefined ? '(y/n)' : def ? '(Y/n)' : '(y/N)'}: `)
      )
        .trim()
        .toLowerCase();
      if (raw === '' && def !== undefined) return def;
      if (['y', 'yes'].includes(raw)) return true;
      // `q` quits everywhere else in the line protocol; here it is a no.
      if (['n', 'no', 'q'].includes(raw)) return false;
      this.write('Please answer y or n.\n');
    }
  }

  async text(message: string, opts?: { validate?: (value: string) => string | true }): Promise<string> {
    for (;;) {
      const raw = await this.readLine(`${message} `);
      const verdict = opts?.validate ? opts.validate(raw) : true;
      if (verdict === true) return raw;
      this.write(`${verdict}\n`);
    }
  }
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

/** Arrow-key prompts from Inquirer, loaded only when a prompt is actually shown. */
export class InquirerPrompter implements Prompter {
  readonly plain = false;
  private readonly io: Io;
  constructor(io: Io) {
    this.io = io;
  }

  private get context() {
    return { input: this.io.stdin, output: this.io.stdout, clearPromptOnDone: false };
  }

  private get columns() {
    return textWidth(this.io);
  }

  async menu<T>(message: string, choices: ReadonlyArray<MenuChoice<T>>, opts?: { default?: T }): Promise<T> {
    const { select } = await import('./inquirer.ts');
    return cancellable(
      select<T>(
        {
          message,
          // "❯ " before each choice.
          choices: choices.map((c) => ({
            name: choiceLabel(c.label, this.columns, 2),
            short: answerText(message, c.label, this.columns),
            value: c.value,
            description: c.hint,
            disabled: c.disabled ?? false,
          })),
          default: opts?.default,
          pageSize: 12,
          loop: false,
          theme: PROMPT_THEME,
        },
        this.context,
      ),
    );
  }

  async multi<T>(message: string, choices: ReadonlyArray<MenuChoice<T>>): Promise<T[]> {
    const { checkbox } = await import('./inquirer.ts');
    return cancellable(
      checkbox<T>(
        {
          message,
          // "❯◯ " before each choice.
          choices: choices.map((c) => ({
            name: choiceLabel(c.label, this.columns, 3),
            short: c.label,
            value: c.value,
            disabled: c.disabled ?? false,
          })),
          required: true,
          pageSize: 12,
          loop: false,
          theme: {
            ...PROMPT_THEME,
            style: {
              renderSelectedChoices: (picked: ReadonlyArray<{ short: string }>) =>
                answerList(
                  message,
                  picked.map((c) => c.short),
                  this.columns,
                  { separator: ', ' },
                ),
            },
          },
        },
        this.context,
      ),
    );
  }

  async confirm(message: string, opts?: { default?: boolean }): Promise<boolean> {
    const { confirm } = await import('./inquirer.ts');
    return cancellable(
      confirm({ message, default: opts?.default ?? true, theme: PROMPT_THEME }, this.context),
    );
  }

  async text(message: string, opts?: { validate?: (value: string) => string | true }): Promise<string> {
    const { input } = await import('./inquirer.ts');
    return cancellable(input({ message, validate: opts?.validate, theme: PROMPT_THEME }, this.context));
  }
}

/**
 * Puts items in order with the arrow keys (interactive only); the answer is indices into `items`,
 * or 'hint' when the learner asked for the hint instead.
 */
export async function askOrder(
  io: Io,
  config: { message: string; items: readonly string[]; hint?: boolean },
): Promise<number[] | 'hint'> {
  const { orderPrompt } = await import('./order.ts');
  return cancellable(
    orderPrompt(
      { ...config, columns: textWidth(io) },
      { input: io.stdin, output: io.stdout, clearPromptOnDone: false },
    ),
  );
}

/** Ctrl-C (or a closed terminal) rejects an Inquirer prompt; it becomes the one cancel the entry handles. */
export async function cancellable<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (e) {
    const name = (e as Error | undefined)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new CancelledError();
    throw e;
  }
}

export type { PagerAction, PagerConfig, PagerMode, PagerResult } from './pager.ts';
import type { PagerConfig, PagerResult } from './pager.ts';

/** A lesson page (see pager.ts), loaded with Inquirer only when a lesson is read with keys. */
export async function pagePrompt(io: Io, config: PagerConfig): Promise<PagerResult> {
  const { pager } = await import('./pager.ts');
  return cancellable(pager(config, { input: io.stdin, output: io.stdout, clearPromptOnDone: true }));
}
