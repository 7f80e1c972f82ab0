import path from 'node:path';
import type { Io } from '../ui/io.ts';
import { isInteractive, stderrIsTTY, textWidth } from '../ui/io.ts';
import { wrapText } from '../ui/wrap.ts';
import { printable } from '../text/printable.ts';
import { createTheme, wantsColor, type Theme } from '../ui/theme.ts';
import { resolveProgressFile } from '../progress/paths.ts';
import { courseIdFor } from '../progress/course-id.ts';
import { openStore, type ProgressStore } from '../progress/store.ts';
import { createPrompter, type Prompter } from '../ui/prompts/index.ts';
import type { QuestionScreen } from '../ui/question.ts';
import type { Course } from '../content/course.ts';
import { resolveCacheDir } from '../content/cache-dir.ts';
import { commandPrefix } from './command-name.ts';

/** Everything a command may touch, decided once at the entry so tests can replace any of it. */
export interface Ctx {
  io: Io;
  env: Record<string, string | undefined>;
  now: () => Date;
  /** The learner's time zone, minutes east of UTC: where their days begin (quiz/day.ts). */
  utcOffsetMinutes: number;
  cwd: string;
  /** The installed package: where the shipped lessons/ and quizzes/ live. */
  packageRoot: string;
  /** The course folder in use (holding lessons/ and quizzes/). */
  contentDir: string;
  /** True when contentDir is the shipped course. */
  shippedContent: boolean;
  progressFile: string;
  /** Line-by-line protocol instead of arrow-key menus: `--plain`, or input that is not a terminal. */
  plain: boolean;
  theme: Theme;
  /** Shows a path relative to the working folder when that is shorter. */
  displayPath: (file: string) => string;
  /** Key of this course's progress in the progress file. */
  courseId: string;
  /** The learner's progress; failures to save are reported on stderr and never end the session. */
  store: ProgressStore;
  /**
   * The store's notices printed since the last call, which it forgets. A lesson page takes the
   * whole screen and would hide them, so it shows them again at its top.
   */
  takeNotices: () => string[];
  /** One prompter for the whole run, so `--plain` input is read by a single reader. */
  prompter: Prompter;
  /** Where the checked course is cached between runs; undefined when caching is off. */
  cacheDir: string | undefined;
  /** The course in use, loaded and checked on first use; rejects with ContentError when it has errors. */
  course: () => Promise<Course>;
  /** A command as a hint writes it, e.g. `alignment-tutor quiz basics`, so that pasting it works. */
  command: (args: string) => string;
}

export interface GlobalOptions {
  content?: string;
  progressFile?: string;
  plain?: boolean;
  color?: boolean;
}

export interface CtxBase {
  io: Io;
  env: Record<string, string | undefined>;
  now: () => Date;
  /** Minutes east of UTC; 0 (UTC days) when not given, as in tests. */
  utcOffsetMinutes?: number;
  cwd: string;
  packageRoot: string;
  /** Stores opened during this run, so the exit message can say truthfully whether all was saved. */
  opened?: ProgressStore[];
  /** Asks instead of the terminal or `--plain` lines: the tests' scripted prompter. */
  prompter?: Prompter;
}

export function createCtx(base: CtxBase, opts: GlobalOptions): Ctx {
  const { env, cwd, io, packageRoot } = base;
  const contentFlag = opts.content ?? env['ALIGNMENT_TUTOR_CONTENT'];
  const contentDir = contentFlag ? path.resolve(cwd, contentFlag) : packageRoot;
  const color = wantsColor({ flag: opts.color !== false, env, isTTY: Boolean(io.stdout.isTTY) });
  const theme = createTheme(color);
  const shippedContent = path.resolve(contentDir) === path.resolve(packageRoot);
  const progressFile = resolveProgressFile({ flag: opts.progressFile, env, cwd });
  const plain = base.prompter?.plain ?? (Boolean(opts.plain) || !isInteractive(io));
  let course: Promise<Course> | undefined;
  let notices: string[] = [];
  let prefix: string | undefined;
  const notify = (raw: string) => {
    // Notices quote file paths and system messages: shown, never obeyed by the terminal.
    const message = printable(raw, 4000);
    // A few at most: a failure is told once until saving works again.
    notices = [...notices.slice(-4), message];
    // Wrapped for a person at a terminal; one line each for a log or a pipe.
    const text = stderrIsTTY(io) ? wrapText(message, textWidth(io)) : message;
    io.stderr.write(`${theme.warn(text)}\n`);
  };
  const ctx: Ctx = {
    ...base,
    utcOffsetMinutes: base.utcOffsetMinutes ?? 0,
    contentDir,
    shippedContent,
    progressFile,
    plain,
    theme,
    displayPath: (file) => {
      const rel = path.relative(cwd, file);
      return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
    },
    courseId: courseIdFor(contentDir, shippedContent),
    store: openStore({ file: progressFile, now: base.now, notify }),
    takeNotices: () => {
      const taken = notices;
      notices = [];
      return taken;
    },
    prompter: base.prompter ?? createPrompter(io, plain, { dim: theme.dim, accent: theme.accent }),
    cacheDir: resolveCacheDir(env),
    // Imported on first use: commands that never touch the course skip the loader entirely.
    course: () => (course ??= import('./course.ts').then((m) => m.loadCourseOrThrow(ctx))),
    command: (args) => `${(prefix ??= commandPrefix(base))}${args ? ` ${args}` : ''}`,
  };
  base.opened?.push(ctx.store);
  return ctx;
}

/** What a question on screen needs from the run, and nothing more. */
export function questionScreen(ctx: Ctx): QuestionScreen {
  return {
    prompter: ctx.prompter,
    theme: ctx.theme,
    width: () => textWidth(ctx.io),
    terminal: Boolean(ctx.io.stdout.isTTY),
    cacheDir: ctx.cacheDir,
    write: (s) => ctx.io.stdout.write(s),
  };
}
