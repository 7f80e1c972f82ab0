import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isUpKey,
  useEffect,
  useKeypress,
  useMemo,
  useState,
  type KeypressEvent,
} from '@inquirer/core';

import { wrapText } from '../wrap.ts';
import type { TuneConfig, TuneResult } from './prompter.ts';

/**
 * A screen of dials in the terminal: the view (a lab's chart and numbers) on top, the dials under
 * it, a key line at the bottom. Each change redraws the view at once; the whole screen stays one
 * line short of the terminal so it never scrolls.
 */
export interface TunePromptConfig extends TuneConfig {
  rows: number;
  columns: number;
  dim?: (s: string) => string;
  accent?: (s: string) => string;
  /** Told the values after every change, so a screen asked again keeps them. */
  onChange?: (values: Record<string, number>) => void;
}

const HIDE_CURSOR = '\u001b[?25l';

/** The keys, as `?` lists them. */
export const TUNE_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['↑ ↓', 'choose a knob'],
  ['← → or - +', 'turn it down or up one step'],
  ['Enter', 'go on'],
  ['?', 'show or hide this list'],
  ['Esc or q', 'go back'],
  ['Ctrl-C', 'leave (your progress is saved)'],
];

export const tunePrompt = createPrompt<TuneResult, TunePromptConfig>((config, done) => {
  const dim = config.dim ?? ((s: string) => s);
  const accent = config.accent ?? ((s: string) => s);
  const [values, setValues] = useState<Record<string, number>>({ ...config.values });
  const [active, setActive] = useState(0);
  const [help, setHelp] = useState(false);
  // Bumped to ask a pending view again; the view is computed once per (values, tick).
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(values);
  const view = useMemo(() => config.view(values), [key, tick]);

  useEffect(() => {
    if (!view.pending) return;
    const timer = setTimeout(() => setTick(tick + 1), 0);
    return () => clearTimeout(timer);
  }, [view, tick]);

  useKeypress((event: KeypressEvent & { sequence?: string }) => {
    const name = (event.name ?? '').toLowerCase();
    const ch = event.sequence && event.sequence.length === 1 ? event.sequence : '';
    const dial = config.dials[active]!;
    const turn = (steps: number) => {
      const next = dial.move(values[dial.id]!, steps);
      if (next !== values[dial.id]) {
        const changed = { ...values, [dial.id]: next };
        setValues(changed);
        config.onChange?.(changed);
      }
    };
    if (isEnterKey(event)) return done({ action: 'done', values });
    if (name === 'escape' || name === 'q') return done({ action: 'back', values });
    if (ch === '?') return setHelp(!help);
    if (isUpKey(event) || name === 'k') return setActive(Math.max(0, active - 1));
    if (isDownKey(event) || name === 'j' || name === 'tab')
      return setActive(Math.min(config.dials.length - 1, active + 1));
    if (name === 'left' || name === 'h' || ch === '-' || ch === '_') return turn(-1);
    if (name === 'right' || name === 'l' || ch === '+' || ch === '=') return turn(1);
  });

  const fit = (s: string) => (s.length < config.columns ? s : `${s.slice(0, config.columns - 2)}…`);
  const labelWidth = Math.max(...config.dials.map((d) => d.label.length));
  const dialLines = config.dials.map((d, i) => {
    const value = d.show(values[d.id]!);
    const line =
      `${i === active ? '❯' : ' '} ${d.label.padEnd(labelWidth)}  ` +
      `${i === active ? `◂ ${value} ▸` : `  ${value}`}`;
    return i === active ? accent(fit(line)) : fit(line);
  });
  const keyLine = dim(
    fit(
      config.columns >= 70
        ? `↑↓ knob · ←→ turn · Enter ${config.doneLabel} · ? keys · q back`
        : `↑↓ ←→ · ⏎ go on · ? keys · q back`,
    ),
  );
  const body = help ? helpLines(config) : view.lines;
  const room = config.rows - 1 - dialLines.length - 1;
  return [...fitView([dim(fit(config.title)), ...body], room), ...dialLines, `${keyLine}${HIDE_CURSOR}`].join(
    '\n',
  );
});

function helpLines(config: TunePromptConfig): string[] {
  const keyWidth = Math.max(...TUNE_KEYS.map(([k]) => k.length));
  const lines = ['Keys', ...TUNE_KEYS.map(([k, what]) => `  ${k.padEnd(keyWidth)}  ${what}`), '', 'Knobs'];
  for (const d of config.dials)
    lines.push(...wrapText(`${d.label}: ${d.help}`, config.columns - 1).split('\n'));
  return lines;
}

/**
 * The title and view in `room` lines: blank lines go first, then the title, then the end of the
 * view, so the numbers at its top stay in sight on a small screen.
 */
export function fitView(lines: string[], room: number): string[] {
  let out = [...lines];
  while (out.length > room) {
    const blank = out.findLastIndex((l, i) => i > 0 && l.trim() === '');
    if (blank < 0) break;
    out.splice(blank, 1);
  }
  if (out.length > room) out = out.slice(1);
  return out.slice(0, Math.max(0, room));
}
