import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  makeTheme,
  useKeypress,
  usePrefix,
  useState,
} from '@inquirer/core';
import { isPermutation } from '../../quiz/shuffle.ts';
import { answerList, choiceLabel, PROMPT_THEME } from './layout.ts';
import type { OrderConfig } from './prompter.ts';

/** The prompter's order question as this prompt draws it: `redraw` is the prompter's business. */
export interface OrderPromptConfig extends Omit<OrderConfig, 'redraw'> {
  /** Width to wrap long items to (default 80). */
  columns?: number;
}

/**
 * Puts a list in order: the arrows move the cursor, space picks the item up and puts it down,
 * and a held item travels with the arrows. Enter answers with the order as indices into `items`.
 */
export const orderPrompt = createPrompt<number[] | 'hint', OrderPromptConfig>((config, done) => {
  const theme = makeTheme(PROMPT_THEME);
  const columns = config.columns ?? 80;
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const [order, setOrder] = useState<number[]>(startOrder(config));
  const [active, setActive] = useState(0);
  const [held, setHeld] = useState(false);

  useKeypress((key) => {
    if (isEnterKey(key)) {
      setStatus('done');
      done(order);
    } else if (config.hint && key.name === 'h') {
      setStatus('done');
      done('hint');
    } else if (isSpaceKey(key)) {
      setHeld(!held);
    } else if (isUpKey(key) || isDownKey(key)) {
      const to = active + (isUpKey(key) ? -1 : 1);
      if (to < 0 || to >= order.length) return;
      if (held) {
        const next = [...order];
        [next[active], next[to]] = [next[to]!, next[active]!];
        setOrder(next);
        config.onChange?.(next);
      }
      setActive(to);
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done')
    return `${prefix} ${message} ${theme.style.answer(
      answerList(
        config.message,
        order.map((i) => config.items[i]!),
        columns,
        { separator: ' → ', numbered: true },
      ),
    )}`;
  const lines = order.map((item, position) => {
    const number = `${position + 1}. `;
    // Two columns for the cursor, then the number; a long item continues under its text.
    const label = `${number}${choiceLabel(config.items[item]!, columns, 2 + number.length)}`;
    if (position !== active) return `  ${label}`;
    return held ? theme.style.highlight(`↕ ${label}`) : theme.style.highlight(`❯ ${label}`);
  });
  const keys = [
    ['↑↓', held ? 'move the item' : 'choose'],
    ['space', held ? 'put down' : 'pick up'],
    ['⏎', 'done'],
  ];
  if (config.hint) keys.push(['h', 'hint']);
  const help = keys.map(([k, what]) => `${k} ${theme.style.help(what!)}`).join(theme.style.help(' • '));
  return `${prefix} ${message}\n${lines.join('\n')}\n\n${help}`;
});

/** `start` when it is an order of all the items, else the items as given. */
function startOrder(config: OrderPromptConfig): number[] {
  const { start, items } = config;
  return start && isPermutation(start, items.length) ? [...start] : items.map((_, i) => i);
}
