import { CancelledError } from '../../src/errors.ts';
import type { PagerAction, PagerPage, PagerResult } from '../../src/ui/prompts/pager-types.ts';
import {
  GoBack,
  Redraw,
  type CheckboxOptions,
  type InputOptions,
  type MenuChoice,
  type OrderConfig,
  type Prompter,
  type TuneConfig,
  type TuneResult,
} from '../../src/ui/prompts/prompter.ts';

/**
 * One scripted answer. A menu entry is named by (part of) its label, as a learner reads it; a
 * `cancel` step is Ctrl-C at that prompt.
 */
export type Step =
  | { select: string | RegExp }
  /** The choices ticked when Enter is pressed, or 'hint' (`h`) with `ticked` ticked before it. */
  | { checkbox: Array<string | RegExp> }
  | { checkbox: 'hint'; ticked?: Array<string | RegExp> }
  | { confirm: boolean }
  | { input: string }
  /** The items' texts in the order the learner puts them, or 'hint'. */
  | { order: string[] | 'hint' }
  | { pager: PagerAction }
  /**
   * Turns on a tuning screen, then Enter ('done') or Esc ('back'). A knob is named by its id or
   * (part of) its label; `by` is the number of steps, negative to turn it down.
   */
  | { tune: Array<{ turn: string; by: number }>; then: 'done' | 'back' }
  | { cancel: true }
  /** Esc or q at that prompt. */
  | { back: true }
  /**
   * The terminal changes size at that prompt: one asked with `redraw` rejects with Redraw (after
   * a checkbox is told it has `ticked` these), any other is asked again by the next step.
   */
  | { resize: true; ticked?: Array<string | RegExp> };

/** What was put in front of the learner, in order: menus with their entries, pages with their text. */
export interface Shown {
  kind: 'select' | 'checkbox' | 'confirm' | 'input' | 'order' | 'pager' | 'tune';
  message: string;
  /** Menu labels, a page's header and lines, or a tuning screen's view and knobs after each change. */
  lines: string[];
}

/**
 * A prompter that answers from a script, for in-process tests of whole flows: it fails loudly
 * when the flow asks something the script did not expect, and records everything shown.
 */
export class ScriptedPrompter implements Prompter {
  readonly plain = false;
  readonly shown: Shown[] = [];
  private readonly steps: Step[];
  /** The step being answered. */
  private last: Step | undefined;
  constructor(steps: Step[]) {
    this.steps = [...steps];
  }

  /** Steps not used: a flow that ends early leaves some. */
  get left(): Step[] {
    return this.steps;
  }

  private next<K extends string>(
    kind: Shown['kind'],
    message: string,
    lines: string[],
    key: K,
    redraw?: boolean,
  ): unknown {
    this.shown.push({ kind, message, lines });
    const step = this.steps.shift();
    if (!step)
      throw new Error(`the script ran out at ${kind} "${message}" (${lines.slice(0, 6).join(' | ')})`);
    if ('cancel' in step) throw new CancelledError();
    if ('resize' in step) {
      if (redraw) throw new Redraw();
      return this.next(kind, message, lines, key);
    }
    if ('back' in step) {
      if (kind === 'confirm') return false as never;
      throw new GoBack();
    }
    if (!(key in step))
      throw new Error(`the flow asked ${kind} "${message}" but the script has ${JSON.stringify(step)}`);
    this.last = step;
    return (step as Record<K, unknown>)[key];
  }

  async select<T>(
    message: string,
    choices: ReadonlyArray<MenuChoice<T>>,
    opts?: { redraw?: boolean },
  ): Promise<T> {
    const want = this.next('select', message, labelsOf(choices), 'select', opts?.redraw) as string | RegExp;
    return pick(choices, want, message).value;
  }

  async checkbox<T>(
    message: string,
    choices: ReadonlyArray<MenuChoice<T>>,
    opts?: CheckboxOptions<T>,
  ): Promise<T[] | 'hint'> {
    const ticked = choices.filter((c) => opts?.checked?.includes(c.value)).map((c) => `[x] ${c.label}`);
    const step = this.steps[0];
    if (step && 'ticked' in step && step.ticked)
      opts?.onChange?.(step.ticked.map((w) => pick(choices, w, message).value));
    const lines = [...labelsOf(choices), ...ticked, ...(opts?.hint ? ['h: the hint'] : [])];
    const wants = this.next('checkbox', message, lines, 'checkbox', opts?.redraw) as
      Array<string | RegExp> | 'hint';
    if (wants === 'hint') {
      if (!opts?.hint) throw new Error(`the checkbox "${message}" offers no hint`);
      return 'hint';
    }
    return wants.map((w) => pick(choices, w, message).value);
  }

  /** Times the screen was cleared. */
  cleared = 0;
  clearScreen(): void {
    this.cleared++;
  }

  async confirm(message: string): Promise<boolean> {
    return this.next('confirm', message, [], 'confirm') as boolean;
  }

  async input(message: string, opts?: InputOptions): Promise<string> {
    const value = this.next('input', message, [], 'input', opts?.redraw) as string;
    const verdict = opts?.validate?.(value) ?? true;
    if (verdict !== true) throw new Error(`input "${value}" for "${message}" was refused: ${verdict}`);
    return value;
  }

  async order(config: OrderConfig): Promise<number[] | 'hint'> {
    const want = this.next('order', config.message, [...config.items], 'order', config.redraw) as
      string[] | 'hint';
    if (want === 'hint') return 'hint';
    return want.map((text) => {
      const at = config.items.indexOf(text);
      if (at < 0)
        throw new Error(`"${text}" is not an item of "${config.message}": ${config.items.join(' | ')}`);
      return at;
    });
  }

  async pager(page: PagerPage): Promise<PagerResult> {
    const lines = [
      ...page.header,
      ...(page.context ?? []),
      ...page.lines,
      ...(page.message ? [page.message] : []),
    ];
    const action = this.next('pager', page.mode, lines, 'pager') as PagerAction;
    return { action, scroll: page.scroll ?? 0 };
  }

  /** Each turn is shown as its own screen (kind 'tune'), so a test can compare the views. */
  async tune(config: TuneConfig): Promise<TuneResult> {
    const values = { ...config.values };
    const step = this.next('tune', config.title, tuneLines(config, values), 'tune') as Array<{
      turn: string;
      by: number;
    }>;
    for (const { turn, by } of step) {
      const dial =
        config.dials.find((d) => d.id === turn) ?? config.dials.find((d) => d.label.includes(turn));
      if (!dial)
        throw new Error(
          `no knob "${turn}" on "${config.title}": ${config.dials.map((d) => d.id).join(', ')}`,
        );
      values[dial.id] = dial.move(values[dial.id]!, by);
      this.shown.push({ kind: 'tune', message: config.title, lines: tuneLines(config, values) });
    }
    return { action: (this.last as { then: 'done' | 'back' }).then, values };
  }
}

function tuneLines(config: TuneConfig, values: Record<string, number>): string[] {
  let view = config.view(values);
  while (view.pending) view = config.view(values);
  return [...view.lines, ...config.dials.map((d) => `${d.label}: ${d.show(values[d.id]!)}`)];
}

function labelsOf<T>(choices: ReadonlyArray<MenuChoice<T>>): string[] {
  return choices.map((c) => c.label + (c.disabled ? ` (${c.disabled})` : ''));
}

function pick<T>(
  choices: ReadonlyArray<MenuChoice<T>>,
  want: string | RegExp,
  message: string,
): MenuChoice<T> {
  const found = choices.filter((c) =>
    typeof want === 'string' ? c.label.includes(want) : want.test(c.label),
  );
  if (found.length !== 1)
    throw new Error(
      `"${String(want)}" matches ${found.length} entries of "${message}": ${choices.map((c) => c.label).join(' | ')}`,
    );
  if (found[0]!.disabled) throw new Error(`"${found[0]!.label}" is disabled: ${found[0]!.disabled}`);
  return found[0]!;
}
