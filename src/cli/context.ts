import path from 'node:path';
import type { Io } from '../ui/io.ts';
import { isInteractive } from '../ui/io.ts';
import { createTheme, wantsColor, type Theme } from '../ui/theme.ts';
import { resolveProgressFile } from '../progress/paths.ts';

/** Everything a command may touch, decided once at the entry so tests can replace any of it. */
export interface Ctx {
  io: Io;
  env: Record<string, string | undefined>;
  now: () => Date;
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
  cwd: string;
  packageRoot: string;
}

export function createCtx(base: CtxBase, opts: GlobalOptions): Ctx {
  const { env, cwd, io, packageRoot } = base;
  const contentFlag = opts.content ?? env['ALIGNMENT_TUTOR_CONTENT'];
  const contentDir = contentFlag ? path.resolve(cwd, contentFlag) : packageRoot;
  const color = wantsColor({ flag: opts.color !== false, env, isTTY: Boolean(io.stdout.isTTY) });
  return {
    ...base,
    contentDir,
    shippedContent: path.resolve(contentDir) === path.resolve(packageRoot),
    progressFile: resolveProgressFile({ flag: opts.progressFile, env, cwd }),
    plain: Boolean(opts.plain) || !isInteractive(io),
    theme: createTheme(color),
    displayPath: (file) => {
      const rel = path.relative(cwd, file);
      return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
    },
  };
}
