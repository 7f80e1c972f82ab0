import type { Question } from '../content/schema.ts';
import { HINT, type FeedbackStyle, type Hint } from '../quiz/kinds/kind.ts';
import { kindOf, type Grade } from '../quiz/kinds/registry.ts';
import type { Response } from '../quiz/response.ts';
import { isPermutation, randomDisplay } from '../quiz/shuffle.ts';
import { renderMarkdown } from './markdown.ts';
import { askRedrawing, type MenuChoice, type Prompter } from './prompts/prompter.ts';
import { createTheme, type Theme } from './theme.ts';
import { wrapText } from './wrap.ts';

/**
 * One question asked and explained, the same way for a quiz and for a lesson's inline check.
 * What each kind asks and says comes from its module (quiz/kinds); this screen lays it out. In
 * `--plain` mode the answer is read as one line in the public protocol (README.md).
 */

/** What asking a question needs: where to write, how wide, and how to ask. */
export interface QuestionScreen {
  prompter: Prompter;
  theme: Theme;
  /** Width to wrap to, measured whenever the question is drawn: the terminal may have changed size. */
  width: () => number;
  /** Output is a terminal (a choice may wrap); piped, a choice stays on one line, as the protocol promises. */
  terminal: boolean;
  cacheDir: string | undefined;
  write: (s: string) => void;
}

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

type HeadOptions = Pick<AskOptions, 'number' | 'total' | 'heading'>;

/** The heading and the prompt, as a question is asked (and shown again above a lesson check's feedback). */
export async function renderQuestionHead(
  screen: Pick<QuestionScreen, 'theme' | 'cacheDir'> & { width: number },
  question: Question,
  opts: HeadOptions,
): Promise<string> {
  const { theme } = screen;
  const heading =
    opts.number !== undefined
      ? `Question ${opts.number}${opts.total !== undefined ? ` of ${opts.total}` : ''}`
      : (opts.heading ?? 'Question');
  const prompt = await renderMarkdown(question.prompt, {
    width: screen.width,
    color: theme.color,
    cacheDir: screen.cacheDir,
  });
  return `${theme.heading(heading)}\n${prompt}`;
}

export async function askQuestion(
  screen: QuestionScreen,
  question: Question,
  opts: AskOptions,
): Promise<Asked> {
  const { theme, write, prompter } = screen;
  const kind = kindOf(question.type);
  const display = displayOrder(question, opts.display);
  const labels = kind.fixedLabels ?? display.map((i) => kind.options(question)[i]!);

  write('\n');
  await drawQuestion(screen, question, opts);
  let hintUsed = false;
  const hintLine = () =>
    `${wrapText(`${theme.accent('Hint:')} ${inline(question.hint ?? '', theme)}`, screen.width())}\n`;
  const showHint = () => {
    hintUsed = true;
    write(hintLine());
  };

  if (prompter.plain) {
    // Interactive prompts carry their own instructions; a prompt that already says it needs no repeat.
    const instruction = kind.plain.instruction;
    if (instruction && !question.prompt.toLowerCase().includes(instruction.toLowerCase().replace(/\.$/, '')))
      write(`${theme.dim(instruction)}\n`);
    labels.forEach((label, i) => {
      const line = `  ${i + 1}. ${label}`;
      write(`${screen.terminal ? wrapText(line, screen.width()) : line}\n`);
    });
    if (question.hint) write('Type ? for a hint.\n');
    for (;;) {
      const line = await prompter.input(kind.plain.prompt(display.length));
      const parsed = parsePlainAnswer(question, line, display);
      if (parsed === 'hint') {
        if (question.hint) showHint();
        else write('This question has no hint.\n');
      } else if ('error' in parsed) write(`${parsed.error}\n`);
      else return { response: parsed, hintUsed };
    }
  }

  let draft: unknown;
  for (;;) {
    const offerHint = Boolean(question.hint) && !hintUsed;
    const answer = await askRedrawing(
      () =>
        kind.ask(question, {
          prompter,
          labels,
          display,
          draft,
          keep: (kept) => (draft = kept),
          hint: offerHint,
          hintChoices: <T>(): Array<MenuChoice<T | Hint>> =>
            offerHint ? [{ label: theme.dim('Show the hint'), value: HINT }] : [],
        }),
      // A new terminal size: the question again at the new width, with the hint if it was shown.
      async () => {
        await drawQuestion(screen, question, opts);
        if (hintUsed) write(hintLine());
      },
    );
    if (answer !== HINT) return { response: answer, hintUsed };
    showHint();
  }
}

/** Writes the question's heading and prompt, wrapped to the width now. */
async function drawQuestion(screen: QuestionScreen, question: Question, opts: HeadOptions): Promise<void> {
  screen.write(`${await renderQuestionHead({ ...screen, width: screen.width() }, question, opts)}\n`);
}

/**
 * The feedback on an answer (given as a function of the width); then, when `next` is given (the
 * menu between questions, asked with `redraw`), that menu under it. At a new terminal size the
 * question and its feedback are drawn again at the new width, and the menu asked again.
 */
export async function showFeedback<T>(
  screen: QuestionScreen,
  question: Question,
  opts: HeadOptions,
  feedback: (width: number) => string,
  next?: () => Promise<T>,
): Promise<T | undefined> {
  screen.write(`\n${feedback(screen.width())}\n`);
  if (!next) return undefined;
  return askRedrawing(next, async () => {
    await drawQuestion(screen, question, opts);
    screen.write(`\n${feedback(screen.width())}\n`);
  });
}

/** The displayed order, checked against the question: a stale or missing one falls back sensibly. */
function displayOrder(question: Question, given: number[] | undefined): number[] {
  const kind = kindOf(question.type);
  const n = kind.options(question).length;
  if (given && isPermutation(given, n)) return given;
  if (kind.shuffle === 'always') return randomDisplay(n, Math.random);
  return Array.from({ length: n }, (_, i) => i);
}

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
  return kindOf(question.type).plain.parse(question, raw, display);
}

// ---------------------------------------------------------------------------------------------
// Feedback

export interface ExplainOptions {
  theme?: Theme;
  width?: number;
}

/**
 * The feedback block for a graded answer: right or not, the right answer, what the chosen option
 * reveals (each kind says this its own way), then the explanation.
 */
export function explain(
  question: Question,
  response: Response,
  graded: Grade,
  opts: ExplainOptions = {},
): string {
  const theme = opts.theme ?? createTheme(false);
  const style: FeedbackStyle = {
    ok: theme.ok,
    bad: theme.bad,
    strong: theme.strong,
    md: (s) => inline(s, theme),
  };
  const lines = kindOf(question.type).feedback(question, response, graded, style);
  lines.push('', inline(question.explanation.trim(), theme));
  return wrapText(lines.join('\n'), opts.width ?? 80);
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
