/** What a page of text asks of a prompter: the lesson view builds it, a prompter shows it. */

export type PagerMode =
  /** A section: next, back, jump, key terms, quit. */
  | 'section'
  /** Feedback after a check: next, back to the section, quit. */
  | 'feedback'
  /** Something to read and close: the key terms. */
  | 'note'
  /** The recap at the end of a lesson: finish, back, quit. */
  | 'end';

export interface PagerPage {
  /** Lines kept at the top while the text scrolls (already styled and wrapped). */
  header: string[];
  /** The text, one entry per screen line (already wrapped to the width). */
  lines: string[];
  mode: PagerMode;
  /** Number of sections, for jumping by number (section mode). */
  sections?: number;
  /** First line shown, e.g. to come back to the same place after the key terms. */
  scroll?: number;
  /** A note for the status line until the first key, e.g. "This is the first section." */
  message?: string;
  /**
   * Lines shown above the text when the page starts a fresh screen (the question above its
   * feedback); a reader of plain lines has them just above already.
   */
  context?: string[];
  /** Where closing a note returns to, for its key line ("the lesson"); without it, "close". */
  back?: string;
  /** Explain the keys before the first command: the first page of a lesson. */
  introduceKeys?: boolean;
  /** The same page again (after a note): a reader of plain lines has it already. */
  repeat?: boolean;
}

export type PagerAction =
  | 'next'
  | 'back'
  | 'terms'
  | 'quit'
  | 'close'
  | 'finish'
  | { jump: number }
  /** The terminal changed size: draw the page again, wrapped to the new width, at `scroll`. */
  | 'resize';

export interface PagerResult {
  action: PagerAction;
  /** The first line shown when the learner left, to return to it. */
  scroll: number;
}
