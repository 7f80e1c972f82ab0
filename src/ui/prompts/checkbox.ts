import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isNumberKey,
  isSpaceKey,
  isUpKey,
  makeTheme,
  useKeypress,
  usePagination,
  usePrefix,
  useState,
} from '@inquirer/core';
import { answerList, choiceLabel, PROMPT_THEME } from './layout.ts';

export interface CheckboxConfig {
  message: string;
  choices: ReadonlyArray<{ label: string; disabled?: string }>;
  /** Indices into `choices` ticked to begin with. */
  checked?: readonly number[];
  /** Told the ticked indices after every change, so a prompt asked again can start from them. */
  onChange?: (checked: number[]) => void;
  /** Width to wrap long choices to (default 80). */
  columns?: number;
  /** Styles a tick. */
  tick?: (s: string) => string;
  /** Offer `h` to stop and show the question's hint (the prompt then answers 'hint'). */
  hint?: boolean;
}

/**
 * Tick any number of choices, at least one: the arrows move, space ticks or unticks, `a` ticks all
 * (or, all ticked, none), `i` inverts, a digit ticks that choice, Enter answers with the ticked
 * indices. Inquirer's checkbox does the same but keeps its ticks to itself; this one tells them
 * (onChange), so a question drawn again at a new terminal size keeps the learner's ticks.
 */
export const checkboxPrompt = createPrompt<number[] | 'hint', CheckboxConfig>((config, done) => {
  const theme = makeTheme(PROMPT_THEME);
  const columns = config.columns ?? 80;
  const tick = config.tick ?? ((s: string) => s);
  const open = config.choices.flatMap((c, i) => (c.disabled === undefined ? [i] : []));
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const [checked, setChecked] = useState<readonly number[]>(
    [...(config.checked ?? [])].filter((i) => open.includes(i)).sort((a, b) => a - b),
  );
  const [active, setActive] = useState(open[0] ?? 0);
  const [error, setError] = useState<string | undefined>(undefined);

  const change = (next: number[]) => {
    const sorted = next.sort((a, b) => a - b);
    setChecked(sorted);
    setError(undefined);
    config.onChange?.(sorted);
  };
  const toggle = (i: number) =>
    change(checked.includes(i) ? checked.filter((c) => c !== i) : [...checked, i]);

  useKeypress((key) => {
    if (isEnterKey(key)) {
      if (checked.length === 0) return setError('Tick at least one choice (space), then Enter.');
      setStatus('done');
      done([...checked]);
    } else if (isUpKey(key) || isDownKey(key)) {
      const at = open.indexOf(active) + (isUpKey(key) ? -1 : 1);
      if (at >= 0 && at < open.length) setActive(open[at]!);
    } else if (isSpaceKey(key)) toggle(active);
    else if (config.hint && key.name === 'h') {
      setStatus('done');
      done('hint');
    } else if (key.name === 'a') change(checked.length === open.length ? [] : [...open]);
    else if (key.name === 'i') change(open.filter((i) => !checked.includes(i)));
    else if (isNumberKey(key)) {
      const i = Number(key.name) - 1;
      if (open.includes(i)) {
        setActive(i);
        toggle(i);
      }
    }
  });

  const page = usePagination({
    items: config.choices,
    active,
    pageSize: 12,
    loop: false,
    renderItem: ({ item, index, isActive }) => {
      // "❯◯ " before each choice; a long choice continues under its own text.
      const label = choiceLabel(item.label, columns, 3);
      if (item.disabled !== undefined) return theme.style.help(`   ${label} (${item.disabled})`);
      const box = checked.includes(index) ? tick('◉') : '◯';
      return isActive ? theme.style.highlight(`❯${box} ${label}`) : ` ${box} ${label}`;
    },
  });
  const message = theme.style.message(config.message, status);
  if (status === 'done')
    return `${prefix} ${message} ${theme.style.answer(
      answerList(
        config.message,
        checked.map((i) => config.choices[i]!.label),
        columns,
        { separator: ', ' },
      ),
    )}`;
  const keys = [
    ['↑↓', 'move'],
    ['space', 'tick'],
    ['a', 'all'],
    ['i', 'invert'],
    ...(config.hint ? [['h', 'hint']] : []),
    ['⏎', 'answer'],
  ];
  const help = keys.map(([k, what]) => `${k} ${theme.style.help(what!)}`).join(theme.style.help(' • '));
  return `${prefix} ${message}\n${page}\n${error ? `${theme.style.error(error)}\n` : ''}\n${help}\u001b[?25l`;
});
