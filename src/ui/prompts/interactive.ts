import { CancelledError } from '../../errors.ts';
import { textWidth, type Io } from '../io.ts';
import { visibleLength } from '../wrap.ts';
import { answerText, choiceLabel, PROMPT_THEME } from './layout.ts';
import type { PagerPage, PagerResult } from './pager-types.ts';
import {
  GoBack,
  PROMPT_KEYS,
  Redraw,
  type CheckboxOptions,
  type InputOptions,
  type MenuChoice,
  type OrderConfig,
  type Prompter,
  type TuneConfig,
  type TuneResult,
} from './prompter.ts';

/**
 * Arrow-key prompts: Inquirer's, and our order and pager prompts built on its core. With the
 * three modules it loads (inquirer.ts, order.ts, pager.ts) this is the only code that reaches
 * Inquirer, and it loads them only when a prompt is actually shown.
 */
export class InteractivePrompter implements Prompter {
  readonly plain = false;
  private readonly io: Io;
  /** Styles for a page's key line. */
  private readonly style: { dim: (s: string) => string; accent: (s: string) => string };
  /** The terminal's size when the screen was last cleared for a Redraw; forgotten when the next prompt starts. */
  private clearedAt: string | undefined;
  constructor(io: Io, style: { dim: (s: string) => string; accent: (s: string) => string }) {
    this.io = io;
    this.style = style;
  }

  private context(clearPromptOnDone = false, signal?: AbortSignal) {
    this.clearedAt = undefined;
    return { input: this.io.stdin, output: this.io.stdout, clearPromptOnDone, signal };
  }

  /**
   * Runs a prompt with the keys every prompt shares: Esc (and `q` where nothing is typed) goes
   * back, `?` lists the prompt's keys and asks again, a new terminal size asks again (or, with
   * `redraw`, clears the screen and rejects with Redraw). Ctrl-C stays a cancel (see cancellable).
   * A prompt asked again starts from what the learner had entered (see its onChange).
   */
  private async guarded<T>(
    kind: keyof typeof PROMPT_KEYS,
    ask: (signal: AbortSignal) => Promise<T>,
    redraw = false,
  ): Promise<T> {
    // While the screen was being drawn again no prompt was listening: a size that changed then
    // is caught here.
    if (redraw && this.clearedAt !== undefined && this.clearedAt !== this.size) return this.redraw();
    for (;;) {
      const controller = new AbortController();
      let wanted: 'back' | 'keys' | 'resize' | undefined;
      const onKey = (
        _: string | undefined,
        key: { name?: string; sequence?: string; ctrl?: boolean } | undefined,
      ) => {
        if (!key || key.ctrl) return;
        const typing = kind === 'input';
        if (key.name === 'escape' || (!typing && key.name === 'q')) wanted = 'back';
        else if (!typing && key.sequence === '?') wanted = 'keys';
        else return;
        controller.abort();
      };
      // A new size: the prompt is drawn again, its choices wrapped to the new width.
      const onResize = () => {
        wanted = 'resize';
        controller.abort();
      };
      this.io.stdin.on('keypress', onKey);
      this.io.stdout.on('resize', onResize);
      try {
        return await cancellable(ask(controller.signal));
      } catch (e) {
        if (!(e instanceof CancelledError) || !wanted) throw e;
        if (wanted === 'back') throw new GoBack();
        if (wanted === 'resize') {
          if (redraw) return this.redraw();
          continue;
        }
        this.io.stdout.write(`${this.style.dim(keyLines(PROMPT_KEYS[kind], this.columns))}\n`);
      } finally {
        this.io.stdin.off('keypress', onKey);
        this.io.stdout.off('resize', onResize);
      }
    }
  }

  private get columns() {
    return textWidth(this.io);
  }

  private get size(): string {
    const out = this.io.stdout as { rows?: number; columns?: number };
    return `${out.columns}x${out.rows}`;
  }

  clearScreen(): void {
    this.io.stdout.write(freshScreen(this.rows));
  }

  /** A clean screen for the caller to draw on again (see Redraw). */
  private redraw(): never {
    this.io.stdout.write(freshScreen(this.rows));
    this.clearedAt = this.size;
    throw new Redraw();
  }

  async select<T>(
    message: string,
    choices: ReadonlyArray<MenuChoice<T>>,
    opts?: { default?: T; redraw?: boolean },
  ): Promise<T> {
    const { select } = await import('./inquirer.ts');
    return this.guarded(
      'select',
      (signal) =>
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
            // Only when asked for: Inquirer starts on the choice equal to `default` whenever the key
            // is there, which was a menu's "Back" (value undefined) when no default was meant.
            ...(opts && 'default' in opts ? { default: opts.default } : {}),
            pageSize: 12,
            loop: false,
            theme: PROMPT_THEME,
          },
          this.context(false, signal),
        ),
      opts?.redraw,
    );
  }

  async checkbox<T>(
    message: string,
    choices: ReadonlyArray<MenuChoice<T>>,
    opts?: CheckboxOptions<T>,
  ): Promise<T[] | 'hint'> {
    const { checkboxPrompt } = await import('./checkbox.ts');
    let checked = choices.flatMap((c, i) => (opts?.checked?.includes(c.value) ? [i] : []));
    const picked = await this.guarded(
      'checkbox',
      (signal) =>
        checkboxPrompt(
          {
            message,
            choices: choices.map((c) => ({
              label: c.label,
              ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
            })),
            checked,
            onChange: (ticked) => {
              checked = ticked;
              opts?.onChange?.(ticked.map((i) => choices[i]!.value));
            },
            columns: this.columns,
            tick: this.style.accent,
            hint: opts?.hint ?? false,
          },
          this.context(false, signal),
        ),
      opts?.redraw,
    );
    return picked === 'hint' ? 'hint' : picked.map((i) => choices[i]!.value);
  }

  async confirm(message: string, opts?: { default?: boolean }): Promise<boolean> {
    const { confirm } = await import('./inquirer.ts');
    return cancellable(
      confirm({ message, default: opts?.default ?? true, theme: PROMPT_THEME }, this.context()),
    );
  }

  async input(message: string, opts?: InputOptions): Promise<string> {
    const { input } = await import('./inquirer.ts');
    let typed = opts?.initial ?? '';
    return this.guarded(
      'input',
      (signal) =>
        input(
          {
            message,
            // The draft typed in already, to edit. To Inquirer it is a default, which Enter on an
            // emptied line would give: here that line is checked as what it is (validate, below),
            // and the default is not shown beside it, as if it would be.
            ...(typed ? { default: typed, prefill: 'editable' as const } : {}),
            transformer: (value: string, { isFinal }: { isFinal: boolean }) => {
              if (isFinal) return this.style.accent(value);
              typed = value;
              opts?.onChange?.(value);
              return value;
            },
            validate: () => opts?.validate?.(typed) ?? true,
            theme: { ...PROMPT_THEME, style: { defaultAnswer: () => '' } },
          },
          this.context(false, signal),
        ),
      opts?.redraw,
    );
  }

  async order(config: OrderConfig): Promise<number[] | 'hint'> {
    const { orderPrompt } = await import('./order.ts');
    let start = config.start;
    return this.guarded(
      'order',
      (signal) =>
        orderPrompt(
          {
            ...config,
            ...(start ? { start } : {}),
            onChange: (order) => {
              start = order;
              config.onChange?.(order);
            },
            columns: this.columns,
          },
          this.context(false, signal),
        ),
      config.redraw,
    );
  }

  async pager(page: PagerPage): Promise<PagerResult> {
    const { pager } = await import('./pager.ts');
    const out = this.io.stdout as { rows?: number; columns?: number };
    const rows = out.rows && out.rows > 4 ? out.rows : 24;
    this.io.stdout.write(freshScreen(rows));
    let scroll = page.scroll ?? 0;
    return this.untilResized(
      (signal) =>
        pager(
          {
            ...page,
            header: page.header.length ? [...page.header, ''] : [],
            lines: page.context ? [...page.context, '', ...page.lines] : page.lines,
            rows,
            columns: out.columns ?? this.columns,
            onScroll: (at) => (scroll = at),
            ...this.style,
          },
          this.context(true, signal),
        ),
      () => ({ action: 'resize', scroll }),
    );
  }

  async tune(config: TuneConfig): Promise<TuneResult> {
    const { tunePrompt } = await import('./tune.ts');
    const rows = this.rows;
    this.io.stdout.write(freshScreen(rows));
    let values = { ...config.values };
    return this.untilResized(
      (signal) =>
        tunePrompt(
          {
            ...config,
            rows,
            columns: (this.io.stdout as { columns?: number }).columns ?? this.columns,
            onChange: (changed) => (values = changed),
            ...this.style,
          },
          this.context(true, signal),
        ),
      () => ({ action: 'resize', values }),
    );
  }

  /**
   * A full-screen prompt that a new terminal size ends: it is stopped, and `resized()` says what
   * to answer instead (where the learner was), for the caller to draw the screen again.
   */
  private async untilResized<T>(run: (signal: AbortSignal) => Promise<T>, resized: () => T): Promise<T> {
    const controller = new AbortController();
    const onResize = () => controller.abort();
    this.io.stdout.on('resize', onResize);
    try {
      return await cancellable(run(controller.signal));
    } catch (e) {
      if (controller.signal.aborted && e instanceof CancelledError) return resized();
      throw e;
    } finally {
      this.io.stdout.off('resize', onResize);
    }
  }

  /** Terminal height, 24 when unknown. */
  private get rows(): number {
    const rows = (this.io.stdout as { rows?: number }).rows;
    return rows && rows > 4 ? rows : 24;
  }
}

/**
 * Starts a page at the top of a clean screen. What was printed since the last page (a check, its
 * answer) is scrolled up into the terminal's history rather than erased, and none of it is left
 * above the page: a page is drawn where the cursor is, and it is one line short of the screen.
 */
function freshScreen(rows: number): string {
  return `${'\n'.repeat(rows - 1)}\u001b[H\u001b[J`;
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

/** "Keys: ↑↓ choose · Enter pick · …", broken between keys, never inside one ("Esc or q back"). */
export function keyLines(keys: readonly string[], width: number): string {
  const lines: string[] = [];
  let line = 'Keys:';
  for (const key of keys) {
    if (line !== 'Keys:' && visibleLength(`${line} · ${key}`) > width) {
      lines.push(`${line} ·`);
      line = `  ${key}`;
    } else line = line === 'Keys:' ? `${line} ${key}` : `${line} · ${key}`;
  }
  return [...lines, line].join('\n');
}
