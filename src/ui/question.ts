import type { Ctx } from '../cli/context.ts';
import type { Question } from '../content/schema.ts';
import { grade } from '../quiz/grade.ts';
import type { Response } from '../quiz/response.ts';
import { randomDisplay } from '../quiz/shuffle.ts';
import { textWidth } from './io.ts';
import { renderMarkdown } from './markdown.ts';
import { askOrder, parseNumberList, type MenuChoice, type PlainPrompter } from './prompts/index.ts';
import { createTheme, type Theme } from './theme.ts';
import { plural } from '../text/plural.ts';
import { wrapText } from './wrap.ts';

/**
 * One question asked and explained, the same way for a quiz and for a lesson's inline check.
 * In `--plain` mode the answer is read as one line in the public protocol (README.md).
 */

export interface AskOptions {
  /** Position in the quiz, for "Question 3 of 10". */
  number?: number;
  total?: number;
  /**
   * The order to show choices (or, for `order`, the items) in, as indices into the file order.
   * Without it choices keep the file order and order items are shuffled at random.
   */
  display?: number[];
  /** The heading when there is no number, e.g. "Check your understanding" for a lesson's check. */
  heading?: string;
}

export interface Asked {
  response: Response;
  hintUsed: boolean;
}

const HINT = Symbol('hint');
type Hint = typeof HINT;

/** The heading and the prompt, as a question is asked (and shown again above a lesson check's feedback). */
export async function renderQuestionHead(
  ctx: Ctx,
  question: Question,
  opts: Pick<AskOptions, 'number' | 'total' | 'heading'>,
): Promise<string> {
  const { theme } = ctx;
  const heading =
    opts.number !== undefined
      ? `Question ${opts.number}${opts.total !== undefined ? ` of ${opts.total}` : ''}`
      : (opts.heading ?? 'Question');
  return `${theme.heading(heading)}\n${await renderMarkdown(question.prompt, { width: textWidth(ctx.io), color: theme.color, cacheDir: ctx.cacheDir })}`;
}

export async function askQuestion(ctx: Ctx, question: Question, opts: AskOptions): Promise<Asked> {
  const out = (s: string) => ctx.io.stdout.write(s);
  const { theme } = ctx;
  const width = textWidth(ctx.io);
  const display = displayOrder(question, opts.display);

  out(`\n${await renderQuestionHead(ctx, question, opts)}\n`);
  // Interactive prompts carry their own instructions; a prompt that already says it needs no repeat.
  const instruction = ctx.prompter.plain ? INSTRUCTIONS[question.type] : undefined;
  if (instruction && !question.prompt.toLowerCase().includes(instruction.toLowerCase().replace(/\.$/, '')))
    out(`${theme.dim(instruction)}\n`);

  const state = { hintUsed: false };
  const showHint = () => {
    state.hintUsed = true;
    out(`${wrapText(`${theme.accent('Hint:')} ${inline(question.hint ?? '', theme)}`, width)}\n`);
  };
  const prompter = ctx.prompter as Partial<PlainPrompter>;
  const response =
    prompter.readLine !== undefined
      ? await askPlain(
          question,
          display,
          (p) => prompter.readLine!(p),
          out,
          showHint,
          ctx.io.stdout.isTTY ? width : undefined,
        )
      : await askInteractive(ctx, question, display, state, showHint);
  return { response, hintUsed: state.hintUsed };
}

const INSTRUCTIONS: Record<Question['type'], string | undefined> = {
  single: undefined,
  multiple: 'Select all that apply.',
  'true-false': undefined,
  short: undefined,
  order: 'Put these in order, first to last.',
};

/** The displayed order, checked against the question: a stale or missing one falls back sensibly. */
function displayOrder(question: Question, given: number[] | undefined): number[] {
  const n =
    question.type === 'single' || question.type === 'multiple'
      ? question.choices.length
      : question.type === 'order'
        ? question.items.length
        : 0;
  if (given && isPermutation(given, n)) return given;
  if (question.type === 'order') return randomDisplay(n, Math.random);
  return Array.from({ length: n }, (_, i) => i);
}

function isPermutation(xs: number[], n: number): boolean {
  return xs.length === n && new Set(xs).size === n && xs.every((x) => Number.isInteger(x) && x >= 0 && x < n);
}

/** The labels in display order, for the numbered list and the menus. */
function displayedLabels(question: Question, display: number[]): string[] {
  if (question.type === 'single' || question.type === 'multiple')
    return display.map((i) => question.choices[i]!.text);
  if (question.type === 'order') return display.map((i) => question.items[i]!);
  if (question.type === 'true-false') return ['True', 'False'];
  return [];
}

// ---------------------------------------------------------------------------------------------
// --plain: numbered lists, one line per answer, `?` for the hint.

async function askPlain(
  question: Question,
  display: number[],
  readLine: (prompt: string) => Promise<string>,
  out: (s: string) => void,
  showHint: () => void,
  /** Set on a terminal; piped, a choice stays on one line, as the protocol promises (README.md). */
  width: number | undefined,
): Promise<Response> {
  displayedLabels(question, display).forEach((label, i) => {
    const line = `  ${i + 1}. ${label}`;
    out(`${width ? wrapText(line, width) : line}\n`);
  });
  if (question.hint) out('Type ? for a hint.\n');
  for (;;) {
    const line = await readLine(PLAIN_PROMPTS[question.type](display.length));
    const parsed = parsePlainAnswer(question, line, display);
    if (parsed === 'hint') {
      if (question.hint) showHint();
      else out('This question has no hint.\n');
    } else if ('error' in parsed) out(`${parsed.error}\n`);
    else return parsed;
  }
}

const PLAIN_PROMPTS: Record<Question['type'], (n: number) => string> = {
  single: (n) => `Answer (a number from 1 to ${n}): `,
  multiple: () => 'Answer (numbers separated by spaces or commas): ',
  'true-false': () => 'Answer (true or false): ',
  short: () => 'Answer: ',
  order: () => 'Answer (the item numbers in order, like 3 1 2): ',
};

/**
 * One line of the `--plain` protocol as a response, `'hint'` for `?`, or what is expected.
 * Numbers are positions in the list as shown; the response holds file indices.
 */
export function parsePlainAnswer(
  question: Question,
  line: string,
  display: number[],
): Response | 'hint' | { error: string } {
  const raw = line.trim();
  if (raw === '?') return 'hint';
  const n = display.length;
  switch (question.type) {
    case 'single': {
      if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > n)
        return { error: `Type one number from 1 to ${n}.` };
      return { type: 'single', choice: display[Number(raw) - 1]! };
    }
    case 'multiple': {
      const nums = parseNumberList(raw, n);
      if (typeof nums === 'string') return { error: nums };
      return { type: 'multiple', choices: nums.map((k) => display[k - 1]!).sort((a, b) => a - b) };
    }
    case 'true-false': {
      const value = TRUE_FALSE[raw.toLowerCase()];
      if (value === undefined) return { error: 'Type true or false (or t / f, or 1 for true, 2 for false).' };
      return { type: 'true-false', value };
    }
    case 'short': {
      if (raw === '') return { error: 'Type an answer (or ? for the hint).' };
      return { type: 'short', text: raw };
    }
    case 'order': {
      const expected = `Type all ${n} item numbers once each, first to last, like "${Array.from({ length: n }, (_, i) => n - i).join(' ')}".`;
      const nums = parseNumberList(raw, n);
      if (typeof nums === 'string')
        return { error: raw === '' ? expected : nums.replace(/ Type numbers.*$/, ` ${expected}`) };
      if (nums.length !== n) return { error: `That lists ${nums.length} of the ${n} items. ${expected}` };
      return { type: 'order', order: nums.map((k) => display[k - 1]!) };
    }
  }
}

const TRUE_FALSE: Record<string, boolean> = {
  true: true,
  t: true,
  '1': true,
  false: false,
  f: false,
  '2': false,
};

// ---------------------------------------------------------------------------------------------
// Interactive: arrow-key lists through the prompt facade; "Show the hint" is one of the entries.

async function askInteractive(
  ctx: Ctx,
  question: Question,
  display: number[],
  state: { hintUsed: boolean },
  showHint: () => void,
): Promise<Response> {
  const { prompter } = ctx;
  const hintEntry = <T>(): Array<MenuChoice<T | Hint>> =>
    question.hint && !state.hintUsed ? [{ label: ctx.theme.dim('Show the hint'), value: HINT }] : [];
  const labels = displayedLabels(question, display);
  for (;;) {
    switch (question.type) {
      case 'single': {
        const choices: Array<MenuChoice<number | Hint>> = [
          ...labels.map((label, k) => ({ label, value: display[k]! })),
          ...hintEntry<number>(),
        ];
        const picked = await prompter.menu('Your answer', choices);
        if (picked === HINT) break;
        return { type: 'single', choice: picked };
      }
      case 'true-false': {
        const picked = await prompter.menu<boolean | Hint>('Your answer', [
          { label: 'True', value: true },
          { label: 'False', value: false },
          ...hintEntry<boolean>(),
        ]);
        if (picked === HINT) break;
        return { type: 'true-false', value: picked };
      }
      case 'multiple': {
        const choices: Array<MenuChoice<number | Hint>> = [
          ...labels.map((label, k) => ({ label, value: display[k]! })),
          ...hintEntry<number>(),
        ];
        const picked = await prompter.multi('Your answer (select all that apply)', choices);
        if (picked.includes(HINT)) break;
        return { type: 'multiple', choices: (picked as number[]).sort((a, b) => a - b) };
      }
      case 'short': {
        const hintNote = question.hint && !state.hintUsed ? ' (? for the hint)' : '';
        const text = await prompter.text(`Your answer${hintNote}`, {
          validate: (v) => (v.trim() === '' ? 'Type an answer.' : true),
        });
        if (text.trim() === '?' && question.hint) break;
        return { type: 'short', text: text.trim() };
      }
      case 'order': {
        const picked = await askOrder(ctx.io, {
          message: 'Put these in order, first at the top',
          items: labels,
          hint: Boolean(question.hint && !state.hintUsed),
        });
        if (picked === 'hint') break;
        return { type: 'order', order: picked.map((k) => display[k]!) };
      }
    }
    showHint();
  }
}

// ---------------------------------------------------------------------------------------------
// Feedback

export interface ExplainOptions {
  theme?: Theme;
  width?: number;
}

/**
 * The feedback block: right or not, the right answer, what the chosen option reveals, and the
 * explanation. For `multiple`, each right choice says whether it was picked, and wrong picks are
 * listed with their feedback.
 */
export function gradeAndExplain(
  question: Question,
  response: Response,
  opts: ExplainOptions = {},
): { correct: boolean; text: string } {
  const theme = opts.theme ?? createTheme(false);
  const width = opts.width ?? 80;
  const g = grade(question, response);
  const verdict = (ok: boolean, rest = '') =>
    `${ok ? theme.ok('Correct.') : theme.bad('Not correct.')}${rest ? ` ${rest}` : ''}`;
  const lines: string[] = [];
  const item = (text: string, note = '', feedback?: string) => {
    lines.push(`  - ${inline(text, theme)}${note}`);
    if (feedback) lines.push(`    ${inline(feedback, theme)}`);
  };

  switch (g.type) {
    case 'single': {
      if (question.type !== 'single') break;
      const chosen = question.choices[g.chosen];
      const right = question.choices[g.right]!;
      if (g.correct) {
        lines.push(verdict(true, inline(right.text, theme)));
        if (right.feedback) lines.push(inline(right.feedback, theme));
      } else {
        lines.push(verdict(false, chosen ? `You chose: ${inline(chosen.text, theme)}` : ''));
        if (chosen?.feedback) lines.push(inline(chosen.feedback, theme));
        lines.push(`${theme.strong('The right answer:')} ${inline(right.text, theme)}`);
      }
      break;
    }
    case 'multiple': {
      if (question.type !== 'multiple') break;
      const parts = [];
      if (g.missed.length) parts.push(`you missed ${plural(g.missed.length, 'right choice')}`);
      if (g.wrong.length) parts.push(`you picked ${plural(g.wrong.length, 'wrong choice')}`);
      lines.push(
        g.correct
          ? verdict(true, 'You picked exactly the right choices:')
          : verdict(false, `${capitalise(parts.join(' and '))}. The right choices:`),
      );
      for (const i of g.right) {
        const c = question.choices[i]!;
        item(
          c.text,
          g.correct
            ? ''
            : g.missed.includes(i)
              ? theme.bad(' (you missed this one)')
              : theme.ok(' (you picked it)'),
          c.feedback,
        );
      }
      if (g.wrong.length) {
        lines.push(theme.strong('Wrong picks:'));
        for (const i of g.wrong) {
          const c = question.choices[i];
          if (c) item(c.text, '', c.feedback);
        }
      }
      break;
    }
    case 'true-false':
      lines.push(
        g.correct
          ? verdict(true, `It is ${String(g.answer)}.`)
          : verdict(false, `You said ${String(g.given)}; it is ${String(g.answer)}.`),
      );
      break;
    case 'short': {
      if (question.type !== 'short') break;
      const accepted = question.accept ?? [];
      if (g.correct)
        lines.push(
          verdict(true, accepted.length > 1 ? `Accepted answers: ${accepted.map(quote).join(', ')}.` : ''),
        );
      else {
        lines.push(verdict(false, `You answered ${quote(g.given)}.`));
        if (accepted.length)
          lines.push(
            `${theme.strong(accepted.length > 1 ? 'Accepted answers:' : 'The answer:')} ${accepted.map(quote).join(', ')}`,
          );
      }
      break;
    }
    case 'order': {
      if (question.type !== 'order' || response.type !== 'order') break;
      lines.push(
        g.correct
          ? verdict(true, 'That is the right order:')
          : verdict(
              false,
              `${g.inPlace} of ${g.total} items ${g.inPlace === 1 ? 'was' : 'were'} in the right place. The right order:`,
            ),
      );
      question.items.forEach((text, i) => {
        const at = response.order.indexOf(i);
        const note =
          g.correct || at === i
            ? ''
            : theme.bad(at < 0 ? ' (you left it out)' : ` (you put it ${ordinal(at + 1)})`);
        lines.push(`  ${i + 1}. ${inline(text, theme)}${note}`);
      });
      break;
    }
  }
  lines.push('', inline(question.explanation.trim(), theme));
  return { correct: g.correct, text: wrapText(lines.join('\n'), width) };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function quote(s: string): string {
  return `"${s}"`;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/**
 * Feedback and explanations are short Markdown: emphasis and code spans are styled (or, without
 * colour, just unmarked), and hard-wrapped source lines are joined so wrapping fits the screen.
 */
export function inline(md: string, theme: Theme): string {
  return md
    .trim()
    .split(/\n\s*\n/)
    .map((para) => para.replace(/\s*\n\s*/g, ' '))
    .join('\n\n')
    .replace(/\*\*([^*]+)\*\*/g, (_, s: string) => theme.strong(s))
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*/g, (_, pre: string, s: string) => `${pre}${theme.chalk.italic(s)}`)
    .replace(
      /(^|\W)_([^_\s][^_]*)_(?=\W|$)/g,
      (_, pre: string, s: string) => `${pre}${theme.chalk.italic(s)}`,
    )
    .replace(/`([^`]+)`/g, (_, s: string) => s);
}
