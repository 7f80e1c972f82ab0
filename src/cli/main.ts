import { CancelledError, ContentError, ExitError, UsageError, UserError } from '../errors.ts';
import { printable } from '../text/printable.ts';
import { stderrIsTTY } from '../ui/io.ts';
import { createTheme, wantsColor } from '../ui/theme.ts';
import type { CtxBase } from './context.ts';
import { commandPrefix } from './command-name.ts';
import { HelpShown, runCli } from './program.ts';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/**
 * Runs one command and decides its exit code: the only place errors become output and codes.
 * Returns the code instead of exiting so tests can call it in-process.
 */
/** The run under way, for `stopped`. */
let current: { base: CtxBase; opened: NonNullable<CtxBase['opened']> } | undefined;

/**
 * The session was ended by a signal (see entry.ts): waits for saves under way, then says what
 * was kept, as a cancelled prompt does. Returns the exit code.
 */
export async function stopped(signal: 'SIGINT' | 'SIGTERM'): Promise<number> {
  if (current) {
    const { base, opened } = current;
    await Promise.all(opened.map((store) => store.settled()));
    const unsaved = keepUnsaved(base, opened, (line) => base.io.stderr.write(`${line}\n`));
    base.io.stdout.write(
      unsaved
        ? '\nStopped. The last changes could not be saved (see the message above).\n'
        : '\nStopped. Your progress is saved.\n',
    );
  }
  return signal === 'SIGINT' ? EXIT_OK : 128 + 15;
}

export async function main(base: CtxBase, argv: string[]): Promise<number> {
  const theme = createTheme(
    wantsColor({
      flag: !argv.includes('--no-color'),
      env: base.env,
      isTTY: stderrIsTTY(base.io),
    }),
  );
  const err = (line: string) => base.io.stderr.write(`${line}\n`);
  const opened: NonNullable<CtxBase['opened']> = [];
  current = { base, opened };
  try {
    await runCli({ ...base, opened }, argv);
    // A session that ends "passed" while nothing could be saved must not look like a success.
    return keepUnsaved(base, opened, err) ? EXIT_ERROR : EXIT_OK;
  } catch (e) {
    if (e instanceof HelpShown) return EXIT_OK;
    if (e instanceof ExitError) return Math.max(e.code, keepUnsaved(base, opened, err) ? EXIT_ERROR : 0);
    if (e instanceof CancelledError) {
      const unsaved = keepUnsaved(base, opened, err);
      base.io.stdout.write(
        unsaved
          ? '\nStopped. The last changes could not be saved (see the message above).\n'
          : '\nStopped. Your progress is saved.\n',
      );
      return EXIT_OK;
    }
    if (e instanceof ContentError) {
      err(printable(e.report, Infinity));
      return EXIT_ERROR;
    }
    if (e instanceof UserError) {
      // Messages quote what the learner typed and what files hold: shown, never obeyed.
      if (e.message) err(`${theme.bad('error:')} ${printable(e.message, 2000)}`);
      if (e.hint) err(printable(e.hint, 2000));
      return e instanceof UsageError ? EXIT_USAGE : EXIT_ERROR;
    }
    const error = e as Error;
    err(`${theme.bad('internal error:')} ${printable(error?.message ?? String(e), 2000)}`);
    err(
      'This is a bug in alignment-tutor, not something you did. Everything saved before it happened is kept.',
    );
    if (base.env['ALIGNMENT_TUTOR_DEBUG']) err(String(error?.stack));
    else err('Set ALIGNMENT_TUTOR_DEBUG=1 to see the details, and please report it.');
    keepUnsaved(base, opened, err);
    return EXIT_ERROR;
  }
}

/**
 * Progress of this run that exists only in memory (every save failed) is written to a file of its
 * own, and the learner told how to merge it back. True when there was any.
 */
function keepUnsaved(
  base: CtxBase,
  opened: NonNullable<CtxBase['opened']>,
  err: (line: string) => void,
): boolean {
  let any = false;
  for (const store of opened) {
    if (!store.hasUnsaved()) continue;
    any = true;
    const kept = store.rescue();
    const file = printable(store.file);
    err(
      kept
        ? `Your progress from this session was not saved to ${file}. A copy is kept in ` +
            `${printable(kept)}; once saving works again, merge it into your progress with:\n  ` +
            `${commandPrefix(base)} --progress-file ${quoted(store.file)} progress --import ${quoted(kept)}`
        : `Your progress from this session was not saved to ${file}, and no copy of it could be written either.`,
    );
  }
  return any;
}

/** A path as a shell reads it back. */
function quoted(file: string): string {
  return /^[\w@%+=:,./-]+$/.test(file) ? file : `'${printable(file).replace(/'/g, `'\\''`)}'`;
}
