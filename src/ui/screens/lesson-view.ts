import type { NavCommand } from '../../lesson/navigation.ts';
import type { PagerAction, PagerMode, PagerPage } from '../prompts/pager-types.ts';
import type { Prompter } from '../prompts/prompter.ts';
import type { Theme } from '../theme.ts';
import { wrapText } from '../wrap.ts';

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

/** What a lesson view shows with, and nothing more. */
export interface LessonViewDeps {
  prompter: Prompter;
  theme: Theme;
  width: () => number;
  write: (s: string) => void;
  /** Notices from the progress store since the last page, which a full-screen page would hide. */
  takeNotices: () => string[];
}

/**
 * How a lesson is shown and driven, through the prompter's pages: keys in a terminal, or plain
 * lines read one by one (`--plain`, README.md). The lesson flow in learn.ts is the same for both.
 */
export interface LessonView {
  section(page: SectionPage): Promise<{ cmd: NavCommand; scroll: number }>;
  /** Text to read and put away (the key terms), drawn by `draw` at a width, again at a new size. */
  note(draw: (width: number) => Promise<string>): Promise<void>;
  /**
   * The feedback after a check: go on, go back to the section, or quit. `draw` gives the feedback
   * and the check's heading and prompt (for a view that has cleared them away) at a width, so that
   * a new terminal size gets them wrapped to it.
   */
  feedback(draw: (width: number) => Promise<{ text: string; question: string }>): Promise<NavCommand>;
  /** The recap after the last section, drawn as `note` draws. */
  end(draw: (width: number) => Promise<string>): Promise<'finish' | 'back' | 'quit'>;
  /** Says something between pages (a prerequisite note, where the lesson resumes). */
  say(text: string): void;
}

export function createLessonView(deps: LessonViewDeps): LessonView {
  const { prompter, theme } = deps;
  /** Printed lines waiting to be shown with the next full-screen page, so it does not push them away. */
  let pending: string[] = [];
  let introduced = false;
  const page = (mode: PagerMode, text: string, extra: Omit<PagerPage, 'mode' | 'lines'>) => {
    let lines = text;
    if (!prompter.plain) {
      const notices = deps.takeNotices().map((m) => theme.warn(wrapText(m, deps.width())));
      lines = [...notices, ...pending, text].join('\n\n');
      pending = [];
    }
    return prompter.pager({ ...extra, mode, lines: lines.split('\n') });
  };
  /** A page that is not a section: drawn again, wrapped to the new width, when the terminal changes size. */
  const settled = async (
    mode: PagerMode,
    draw: (width: number) => Promise<string>,
    extra: Omit<PagerPage, 'mode' | 'lines'>,
  ) => {
    for (;;) {
      const result = await page(mode, await draw(deps.width()), extra);
      if (result.action !== 'resize') return result;
      extra = { ...extra, scroll: result.scroll };
    }
  };
  return {
    say(text) {
      const wrapped = wrapText(text, deps.width());
      if (prompter.plain) deps.write(`${wrapped}\n`);
      else pending.push(wrapped);
    },
    async section(p) {
      const header = (prompter.plain ? p.header : wrapText(p.header, deps.width())).split('\n');
      const { action, scroll } = await page('section', p.body, {
        header: header.map(theme.dim),
        sections: p.total,
        scroll: p.scroll,
        message: p.message,
        repeat: p.repeat,
        introduceKeys: !introduced,
      });
      introduced = true;
      return { cmd: toCommand(action), scroll };
    },
    async note(draw) {
      await settled('note', draw, { header: [], back: 'the lesson' });
    },
    async feedback(draw) {
      for (let scroll: number | undefined; ;) {
        const { text, question } = await draw(deps.width());
        const result = await page('feedback', text, { header: [], context: question.split('\n'), scroll });
        if (result.action !== 'resize') return toCommand(result.action);
        scroll = result.scroll;
      }
    },
    async end(draw) {
      const { action } = await settled('end', draw, { header: [] });
      return action === 'back' || action === 'quit' ? action : 'finish';
    },
  };
}

function toCommand(action: PagerAction): NavCommand {
  if (typeof action === 'object') return { type: 'jump', section: action.jump };
  switch (action) {
    case 'resize':
      return { type: 'redraw' };
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
