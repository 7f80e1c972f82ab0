import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isUpKey,
  useKeypress,
  useState,
  type KeypressEvent,
} from '@inquirer/core';

import type { PagerAction, PagerPage, PagerResult } from './pager-types.ts';

/**
 * A page of a lesson in the terminal: a fixed header, the text scrolled to fit the screen, and
 * a key line. It answers with what the learner asked for; the lesson flow decides what follows.
 */
export interface PagerConfig extends PagerPage {
  /** Terminal height; the page never takes more than this minus one line. */
  rows: number;
  /** Terminal width, to choose between the long and the short key line. */
  columns: number;
  /** Told the first line shown whenever it changes, so a page redrawn at a new size keeps the place. */
  onScroll?: (scroll: number) => void;
  /** Styles for the key line. */
  dim?: (s: string) => string;
  accent?: (s: string) => string;
}

const HIDE_CURSOR = '\u001b[?25l';

export const pager = createPrompt<PagerResult, PagerConfig>((config, done) => {
  const dim = config.dim ?? ((s: string) => s);
  const accent = config.accent ?? ((s: string) => s);
  const footerHeight = 2;
  const window = Math.max(3, config.rows - 1 - config.header.length - footerHeight);
  const maxScroll = Math.max(0, config.lines.length - window);
  // A page moves one line short of a screenful, so the last line read stays in view.
  const page = Math.max(1, window - 1);
  const [scroll, setScroll] = useState(Math.min(Math.max(0, config.scroll ?? 0), maxScroll));
  const [digits, setDigits] = useState('');
  const [message, setMessage] = useState(config.message ?? '');
  const [showKeys, setShowKeys] = useState(false);

  // The longest key line that fits: every line must fit on one screen line (see `fit`).
  const lines = keyHelp(config, scroll >= maxScroll);
  // With "? keys" at its end when it fits; a narrow screen drops it before any other key.
  const candidates = lines.flatMap((k) => [`${k} · ? keys`, k]);
  const keyLine = candidates.find((k) => k.length < config.columns) ?? lines.at(-1)!;
  const finish = (action: PagerAction) => done({ action, scroll });
  const scrollTo = (to: number) => setScroll(Math.min(maxScroll, Math.max(0, to)));

  useKeypress((key: KeypressEvent & { sequence?: string; shift?: boolean }) => {
    const name = (key.name ?? '').toLowerCase();
    const ch = key.sequence && key.sequence.length === 1 ? key.sequence : name.length === 1 ? name : '';
    setMessage('');
    if (showKeys) {
      // Any key puts the list of keys away; Ctrl-C still ends the run.
      setShowKeys(false);
      return;
    }
    if (ch === '?') {
      setShowKeys(true);
      return;
    }
    if (config.mode === 'section' && /^[0-9]$/.test(ch) && config.sections) {
      const typed = digits + ch;
      // With fewer than ten sections one key is enough; otherwise Enter ends the number.
      if (config.sections < 10 || Number(typed) * 10 > config.sections) {
        setDigits('');
        const n = Number(typed);
        if (n >= 1 && n <= config.sections) finish({ jump: n - 1 });
        else setMessage(`Type a section number from 1 to ${config.sections}.`);
      } else setDigits(typed);
      return;
    }
    if (digits && isEnterKey(key)) {
      setDigits('');
      const n = Number(digits);
      if (n >= 1 && n <= (config.sections ?? 0)) finish({ jump: n - 1 });
      else setMessage(`Type a section number from 1 to ${config.sections}.`);
      return;
    }
    if (digits && (name === 'escape' || name === 'backspace')) {
      setDigits(name === 'backspace' ? digits.slice(0, -1) : '');
      return;
    }
    if (isDownKey(key) || name === 'j') return scrollTo(scroll + 1);
    if (isUpKey(key) || name === 'k') return scrollTo(scroll - 1);
    if (name === 'pageup') return scrollTo(scroll - page);
    if (name === 'home') return scrollTo(0);
    if (name === 'end') return scrollTo(maxScroll);
    if (name === 'pagedown' || name === 'space' || isEnterKey(key)) {
      // Like `less`: space and Enter read on, and only past the end of the text do they turn the
      // page, so pressing Enter to carry on never skips text the learner has not seen.
      if (scroll < maxScroll) return scrollTo(scroll + page);
      if (name === 'pagedown') return;
      if (name === 'space')
        return finish(config.mode === 'note' ? 'close' : config.mode === 'end' ? 'finish' : 'next');
      // Enter at the end of the text does what the mode's Enter does, below.
    }
    switch (config.mode) {
      case 'note':
        if (isEnterKey(key) || ['escape', 'q', 't', 'b', 'left'].includes(name)) return finish('close');
        break;
      case 'end':
        if (isEnterKey(key) || name === 'right' || name === 'n') return finish('finish');
        if (name === 'left' || name === 'b' || name === 'p') return finish('back');
        if (name === 'q' || name === 'escape') return finish('quit');
        break;
      case 'section':
      case 'feedback':
        if (isEnterKey(key) || name === 'right' || name === 'n') return finish('next');
        if (name === 'left' || name === 'b' || name === 'p') return finish('back');
        if (name === 'q' || name === 'escape') return finish('quit');
        if (name === 't') return finish('terms');
        break;
    }
    if (name !== 'tab' && !key.ctrl) setMessage(`Press ? to see every key.`);
  });

  // Every line must fit on one screen line, or the page grows past the screen and redraws badly.
  const fit = (s: string) =>
    s.length < config.columns ? s : `${s.slice(0, Math.max(0, config.columns - 2))}…`;
  config.onScroll?.(scroll);
  const visible = showKeys ? allKeys(config).slice(0, window) : config.lines.slice(scroll, scroll + window);
  const range = `${scroll + 1}-${Math.min(config.lines.length, scroll + window)}`;
  // Before the end Enter and space read on (this line says so); at the end they move on, and the key line says that.
  const atEnd = scroll >= maxScroll;
  const position =
    maxScroll > 0
      ? dim(
          fit(
            config.columns >= 60
              ? `${atEnd ? 'end' : '↓ more'} · lines ${range} of ${config.lines.length} · ↑↓ scroll` +
                  (atEnd ? '' : ', Enter/space read on')
              : `${atEnd ? 'end' : '↓ more'} · ${range}/${config.lines.length}${atEnd ? '' : ' · ⏎ read on'}`,
          ),
        )
      : '';
  const status = showKeys
    ? accent(fit('Press any key to go back to the text.'))
    : message
      ? accent(fit(message))
      : digits
        ? accent(fit(`Jump to section ${digits}_ (Enter)`))
        : position;
  return [...config.header, ...visible, status, `${dim(fit(keyLine))}${HIDE_CURSOR}`].join('\n');
});

/**
 * The key lines for a mode, longest first. Enter and space read on while there is more to read
 * (the status line says so) and only at the end move on, so only then are they named here.
 */
function keyHelp(config: PagerConfig, atEnd: boolean): string[] {
  const n = config.sections ?? 0;
  const jump = n > 1 ? ` · 1-${n} jump` : '';
  const space = atEnd ? '/space' : '';
  if (!atEnd) return keyHelpReading(config, n, jump);
  switch (config.mode) {
    case 'section':
      return [
        `→/Enter${space} next · ←/b back${jump} · t key terms · q quit`,
        `Enter${space} next · b back${n > 1 ? ` · 1-${n}` : ''} · t terms · q quit`,
        `Enter${space} next · b back · t terms · q quit`,
        `⏎${space} next · b · t terms · q quit`,
        `⏎${space} next · b back · q quit`,
      ];
    case 'feedback':
      return [
        `→/Enter${space} next section · ←/b back to the section · q quit`,
        `Enter${space} next · b back · q quit`,
        `⏎${space} next · b back · q quit`,
      ];
    case 'note':
      return [
        `Enter${space} or Esc: ${config.back ? `back to ${config.back}` : 'close'}`,
        `Enter${space}: ${config.back ? `back to ${config.back}` : 'close'}`,
        `⏎${space} back`,
      ];
    case 'end':
      return [
        `Enter${space} finish the lesson · ←/b back to the last section · q quit`,
        `Enter${space} finish · b back · q quit`,
        `⏎${space} finish · b back · q quit`,
      ];
  }
}

/** Before the end of the text: only → (and n) move on at once; Enter and space read on. */
function keyHelpReading(config: PagerConfig, n: number, jump: string): string[] {
  switch (config.mode) {
    case 'section':
      return [
        `→ next · ←/b back${jump} · t key terms · q quit`,
        `→ next · b back${n > 1 ? ` · 1-${n}` : ''} · t terms · q quit`,
        `→ next · b back · t terms · q quit`,
        `→ next · b · t · q quit`,
        `→ next · b · q`,
      ];
    case 'feedback':
      return [
        `→ next section · ←/b back to the section · q quit`,
        `→ next · b back · q quit`,
        `→ next · b · q`,
      ];
    case 'note':
      return [`Esc: ${config.back ? `back to ${config.back}` : 'close'}`, `Esc: back`];
    case 'end':
      return [
        `→ finish the lesson · ←/b back to the last section · q quit`,
        `→ finish · b back · q quit`,
        `→ finish · b · q`,
      ];
  }
}

/** Every key of a mode with what it does, for `?`. */
function allKeys(config: PagerConfig): string[] {
  const n = config.sections ?? 0;
  const rows: Array<[string, string]> = [];
  switch (config.mode) {
    case 'section':
      rows.push(
        ['→ n, or Enter/space at the end', 'next section (or its question)'],
        ['← b p', 'previous section'],
        ...(n > 1 ? [[`1-${n}`, 'jump to a section'] as [string, string]] : []),
        ['t', 'key terms'],
        ['Esc q', 'leave the lesson; your place is saved'],
      );
      break;
    case 'feedback':
      rows.push(
        ['→ n Enter', 'next section'],
        ['← b p', 'back to the section'],
        ['Esc q', 'leave the lesson'],
      );
      break;
    case 'note':
      rows.push(['Enter Esc q', config.back ? `back to ${config.back}` : 'close']);
      break;
    case 'end':
      rows.push(
        ['→ n Enter', 'finish the lesson'],
        ['← b p', 'back to the last section'],
        ['Esc q', 'leave'],
      );
      break;
  }
  // The ways out before scrolling: on a small screen the end of the list is what is cut.
  rows.push(
    ['Ctrl-C', 'quit the tutor; progress is saved'],
    ['↑↓ j k · PgUp PgDn · Home End', 'scroll'],
    ['?', 'these keys'],
  );
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, what]) => `${k.padEnd(width)}  ${what}`);
}
