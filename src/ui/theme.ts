import { Chalk, type ChalkInstance } from 'chalk';

/** The one place colours are chosen, so `--no-color`, NO_COLOR and pipes are honoured everywhere. */
export interface Theme {
  color: boolean;
  chalk: ChalkInstance;
  heading: (s: string) => string;
  dim: (s: string) => string;
  ok: (s: string) => string;
  bad: (s: string) => string;
  warn: (s: string) => string;
  accent: (s: string) => string;
  strong: (s: string) => string;
}

export interface ColorInputs {
  /** false when `--no-color` was given. */
  flag: boolean;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

/** https://no-color.org: any non-empty NO_COLOR turns colour off; FORCE_COLOR turns it on for pipes. */
export function wantsColor({ flag, env, isTTY }: ColorInputs): boolean {
  if (!flag) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env['TERM'] === 'dumb') return false;
  return isTTY;
}

export function createTheme(color: boolean): Theme {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return {
    color,
    chalk,
    heading: (s) => chalk.bold.cyan(s),
    dim: (s) => chalk.dim(s),
    ok: (s) => chalk.green(s),
    bad: (s) => chalk.red(s),
    warn: (s) => chalk.yellow(s),
    accent: (s) => chalk.cyan(s),
    strong: (s) => chalk.bold(s),
  };
}
