import type { Ctx } from '../../cli/context.ts';
import { parsePlainCommand, plainHelp, plainPrompt, type NavCommand } from '../../lesson/navigation.ts';
import { textWidth } from '../io.ts';
import { wrapText } from '../wrap.ts';
import { pagePrompt, type PagerAction, type PlainPrompter } from '../prompts/index.ts';

/** One section on screen, as the lesson flow hands it over. */
export interface SectionPage {
  /** "Lesson 2 of 7 · Section 3 of 5" */
  header: string;
  /** The rendered section (with the lesson's introduction above the first one). */
  body: string;
  total: number;
  /** Where the learner was in this section, when coming back from the key terms. */
  scroll?: number;
  /** A one-line note, e.g. "This is the first section." */
  message?: string;
  /** The same section again (after a note or the key terms): a plain reader has it already. */
  repeat?: boolean;
}

/**
 * How a lesson is shown and driven: pages with keys in a terminal, or plain lines read one by
 * one (`--plain`, README.md). The lesson flow in learn.ts is the same for both.
 */
export interface LessonView {
  section(page: SectionPage): Promise<{ cmd: NavCommand; scroll: number }>;
  /** Text to read and put away (the key terms). */
  note(text: string): Promise<void>;
  /**
   * The feedback after a check: go on, go back to the section, or quit. `question` is the check's
   * heading and prompt, for a view that has cleared them away.
   */
  feedback(text: string, question: string): Promise<NavCommand>;
  /** The recap after the last section. */
  end(text: string): Promise<'finish' | 'back' | 'quit'>;
  /** Says something between pages (a prerequisite note, where the lesson resumes). */
  say(text: string): void;
}

export function createLessonView(ctx: Ctx): LessonView {
  const prompter = ctx.prompter as Partial<PlainPrompter>;
  return prompter.readLine
    ? new PlainLessonView(ctx, (p) => prompter.readLine!(p))
    : new PagerLessonView(ctx);
}

class PlainLessonView implements LessonView {
  private readonly ctx: Ctx;
  private readonly readLine: (prompt: string) => Promise<string>;
  private helped = false;
  constructor(ctx: Ctx, readLine: (prompt: string) => Promise<string>) {
    this.ctx = ctx;
    this.readLine = readLine;
  }

  private write(s: string) {
    this.ctx.io.stdout.write(s);
  }

  say(text: string) {
    this.write(`${wrapText(text, textWidth(this.ctx.io))}\n`);
  }

  async section(page: SectionPage) {
    if (!page.repeat) this.write(`\n${this.ctx.theme.dim(page.header)}\n${page.body}\n\n`);
    if (page.message) this.write(`${page.message}\n`);
    if (!this.helped) {
      this.write(`${plainHelp(page.total)}\n`);
      this.helped = true;
    }
    for (;;) {
      const parsed = parsePlainCommand(await this.readLine(plainPrompt(page.total)), page.total);
      if ('error' in parsed) this.write(`${parsed.error}\n`);
      else return { cmd: parsed, scroll: 0 };
    }
  }

  async note(text: string) {
    this.write(`\n${text}\n\n`);
  }

  async feedback(text: string): Promise<NavCommand> {
    this.write(`\n${text}\n`);
    return { type: 'next' };
  }

  async end(text: string) {
    this.write(`\n${text}\n\n`);
    return 'finish' as const;
  }
}

class PagerLessonView implements LessonView {
  private readonly ctx: Ctx;
  /** Printed lines waiting to be shown with the next page, so the page does not push them away. */
  private pending: string[] = [];
  constructor(ctx: Ctx) {
    this.ctx = ctx;
  }

  private async page(
    header: string[],
    text: string,
    mode: 'section' | 'feedback' | 'note' | 'end',
    extra: { sections?: number; scroll?: number; message?: string } = {},
  ) {
    const { io, theme } = this.ctx;
    const out = io.stdout as { rows?: number; columns?: number };
    const rows = out.rows && out.rows > 4 ? out.rows : 24;
    const notices = this.ctx.takeNotices().map((m) => theme.warn(wrapText(m, textWidth(io))));
    const lines = [...notices, ...this.pending, text].join('\n\n').split('\n');
    this.pending = [];
    io.stdout.write(freshScreen(rows));
    return pagePrompt(io, {
      header,
      lines,
      mode,
      rows,
      columns: out.columns ?? textWidth(io),
      dim: theme.dim,
      accent: theme.accent,
      ...extra,
    });
  }

  say(text: string) {
    this.pending.push(wrapText(text, textWidth(this.ctx.io)));
  }

  async section(page: SectionPage) {
    const header = wrapText(page.header, textWidth(this.ctx.io)).split('\n');
    const { action, scroll } = await this.page(
      [...header.map(this.ctx.theme.dim), ''],
      page.body,
      'section',
      { sections: page.total, scroll: page.scroll, message: page.message },
    );
    return { cmd: toCommand(action), scroll };
  }

  async note(text: string) {
    await this.page([], text, 'note');
  }

  async feedback(text: string, question: string): Promise<NavCommand> {
    const { action } = await this.page([], `${question}\n\n${text}`, 'feedback');
    return toCommand(action);
  }

  async end(text: string) {
    const { action } = await this.page([], text, 'end');
    return action === 'back' || action === 'quit' ? action : 'finish';
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

function toCommand(action: PagerAction): NavCommand {
  if (typeof action === 'object') return { type: 'jump', section: action.jump };
  switch (action) {
    case 'back':
      return { type: 'back' };
    case 'terms':
      return { type: 'terms' };
    case 'quit':
      return { type: 'quit' };
    default:
      return { type: 'next' };
  }
}
