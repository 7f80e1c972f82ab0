import { CancelledError } from '../../errors.ts';
import { parsePlainCommand, plainHelp, plainPrompt, type NavCommand } from '../../lesson/navigation.ts';
import { parseNumberList } from '../../quiz/kinds/kind.ts';
import type { Io } from '../io.ts';
import type { LineReader } from '../line-reader.ts';
import type { PagerAction, PagerPage, PagerResult } from './pager-types.ts';
import type {
  CheckboxOptions,
  MenuChoice,
  OrderConfig,
  Prompter,
  TuneConfig,
  TuneResult,
} from './prompter.ts';

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
  private async readLine(prompt: string): Promise<string> {
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

  async select<T>(
    message: string,
    choices: ReadonlyArray<MenuChoice<T>>,
    opts?: { default?: T },
  ): Promise<T> {
    this.write(`${message}\n`);
    choices.forEach((c, i) =>
      this.write(`  ${i + 1}. ${c.label}${c.disabled ? ` (${c.disabled})` : c.hint ? ` - ${c.hint}` : ''}\n`),
    );
    const defIndex = opts?.default === undefined ? -1 : choices.findIndex((c) => c.value === opts.default);
    const range = `Choose 1-${choices.length}`;
    for (;;) {
      const raw = (await this.readLine(defIndex >= 0 ? `${range} [${defIndex + 1}]: ` : `${range}: `)).trim();
      if (raw === '' && defIndex >= 0) return choices[defIndex]!.value;
      const choice = /^\d+$/.test(raw) ? choices[Number(raw) - 1] : undefined;
      if (!choice) this.write(`Please type a number from 1 to ${choices.length}.\n`);
      else if (choice.disabled) this.write(`"${choice.label}" is not available: ${choice.disabled}.\n`);
      else return choice.value;
    }
  }

  clearScreen(): void {
    // Lines read in order: nothing to clear.
  }

  async checkbox<T>(
    message: string,
    choices: ReadonlyArray<MenuChoice<T>>,
    opts?: CheckboxOptions<T>,
  ): Promise<T[] | 'hint'> {
    this.write(`${message}\n`);
    choices.forEach((c, i) => this.write(`  ${i + 1}. ${c.label}\n`));
    for (;;) {
      const raw = await this.readLine(`Numbers separated by spaces or commas: `);
      if (raw.trim() === '?' && opts?.hint) return 'hint';
      const nums = parseNumberList(raw, choices.length);
      if (typeof nums === 'string') this.write(`${nums}\n`);
      else return nums.map((n) => choices[n - 1]!.value);
    }
  }

  async confirm(message: string, opts?: { default?: boolean }): Promise<boolean> {
    const def = opts?.default;
    for (;;) {
      const keys = def === undefined ? '(y/n)' : def ? '(Y/n)' : '(y/N)';
      const raw = (await this.readLine(`${message} ${keys}: `)).trim().toLowerCase();
      if (raw === '' && def !== undefined) return def;
      if (['y', 'yes'].includes(raw)) return true;
      // `q` quits everywhere else in the line protocol; here it is a no.
      if (['n', 'no', 'q'].includes(raw)) return false;
      this.write('Please answer y or n.\n');
    }
  }

  async input(message: string, opts?: { validate?: (value: string) => string | true }): Promise<string> {
    for (;;) {
      const raw = await this.readLine(`${message} `);
      const verdict = opts?.validate ? opts.validate(raw) : true;
      if (verdict === true) return raw;
      this.write(`${verdict}\n`);
    }
  }

  async order(config: OrderConfig): Promise<number[] | 'hint'> {
    this.write(`${config.message}\n`);
    config.items.forEach((item, i) => this.write(`  ${i + 1}. ${item}\n`));
    const n = config.items.length;
    for (;;) {
      const raw = (await this.readLine('The item numbers in order: ')).trim();
      if (raw === '?' && config.hint) return 'hint';
      const nums = parseNumberList(raw, n);
      if (typeof nums === 'string') this.write(`${nums}\n`);
      else if (nums.length !== n) this.write(`List all ${n} items, first to last.\n`);
      else return nums.map((k) => k - 1);
    }
  }

  /** A page as plain lines: sections read lesson commands (README.md); the rest just print. */
  async pager(page: PagerPage): Promise<PagerResult> {
    const text = page.lines.join('\n');
    switch (page.mode) {
      case 'note':
        this.write(`\n${text}\n\n`);
        return { action: 'close', scroll: 0 };
      case 'feedback':
        this.write(`\n${text}\n`);
        return { action: 'next', scroll: 0 };
      case 'end':
        this.write(`\n${text}\n\n`);
        return { action: 'finish', scroll: 0 };
      case 'section':
        break;
    }
    const total = page.sections ?? 1;
    if (!page.repeat) this.write(`\n${page.header.join('\n')}\n${text}\n\n`);
    if (page.message) this.write(`${page.message}\n`);
    if (page.introduceKeys) this.write(`${plainHelp(total)}\n`);
    for (;;) {
      const parsed = parsePlainCommand(await this.readLine(plainPrompt(total)), total);
      if ('error' in parsed) this.write(`${parsed.error}\n`);
      else return { action: toAction(parsed), scroll: 0 };
    }
  }

  tune(config: TuneConfig): Promise<TuneResult> {
    return tuneByLines(
      config,
      (s) => this.write(s),
      (prompt) => this.readLine(prompt),
    );
  }
}

/**
 * The view, then the knobs as a numbered list, one line read at a time (README.md, "Labs"): a knob's
 * number and a value sets it ("2 8"); a number alone asks for the value; an empty line goes on;
 * `?` lists the knobs and what they do; `q` goes back.
 */
async function tuneByLines(
  config: TuneConfig,
  write: (s: string) => void,
  readLine: (prompt: string) => Promise<string>,
): Promise<TuneResult> {
  const values = { ...config.values };
  const { dials } = config;
  const show = () => {
    let view = config.view(values);
    while (view.pending) view = config.view(values);
    write(`\n${config.title}\n${view.lines.join('\n')}\n\nKnobs:\n`);
    dials.forEach((d, i) => write(`  ${i + 1}. ${d.label}: ${d.show(values[d.id]!)} (${d.range})\n`));
  };
  show();
  const ask =
    `Knob number and value (e.g. "1 ${dials[0]!.show(dials[0]!.move(values[dials[0]!.id]!, 1))}"), Enter ` +
    `for ${config.doneLabel}, ? for help, q to go back: `;
  for (;;) {
    const raw = (await readLine(ask)).trim();
    if (raw === '') return { action: 'done', values };
    if (raw.toLowerCase() === 'q') return { action: 'back', values };
    if (raw === '?') {
      dials.forEach((d, i) => write(`  ${i + 1}. ${d.label}: ${d.help}\n`));
      continue;
    }
    const [first = '', ...rest] = raw.split(/\s+/);
    const dial = /^\d+$/.test(first) ? dials[Number(first) - 1] : undefined;
    if (!dial) {
      write(`"${first}" is not a knob number: type 1 to ${dials.length}, then a value.\n`);
      continue;
    }
    const typed = rest.length ? rest.join(' ') : (await readLine(`${dial.label} (${dial.range}): `)).trim();
    const value = dial.parse(typed);
    if (typeof value === 'object') {
      write(`${value.error}\n`);
      continue;
    }
    values[dial.id] = value;
    show();
  }
}

function toAction(cmd: NavCommand): PagerAction {
  if (cmd.type === 'jump') return { jump: cmd.section };
  return cmd.type === 'redraw' ? 'resize' : cmd.type;
}
