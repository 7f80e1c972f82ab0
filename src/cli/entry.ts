import { fstatSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Io } from '../ui/io.ts';
import { OutputError } from '../errors.ts';

const argv = process.argv.slice(2);

/**
 * Standard output when it is a file or a pipe. Node writes to those synchronously on Linux anyway;
 * writing directly spares a command like `list | less` from building a stream (a millisecond or
 * two of start-up). A terminal gets Node's real stream, which Inquirer needs.
 */
const pipedStdout = {
  isTTY: false,
  write(chunk: string | Uint8Array): boolean {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(1, bytes, done);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // A pipe its creator made non-blocking is full for a moment: try again.
        if (code === 'EAGAIN') continue;
        // A reader that closes the pipe early (`alignment-tutor list | head`) is not an error worth a trace.
        if (code === 'EPIPE') process.exit(0);
        throw new OutputError(e);
      }
    }
    return true;
  },
} as unknown as Io['stdout'];

/**
 * Whether a descriptor is a terminal, without loading node:tty (and the network modules behind
 * it) when it plainly is not: a pipe or a file never is. Character devices (terminals, /dev/null)
 * are asked properly.
 */
function isTerminal(fd: 0 | 1 | 2): boolean {
  try {
    const st = fstatSync(fd);
    if (st.isFIFO() || st.isFile() || st.isSocket()) return false;
  } catch {
    // A closed descriptor: let node:tty say.
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

const stdoutIsTTY = isTerminal(1);
if (stdoutIsTTY) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

const io: Io = {
  get stdin() {
    return process.stdin;
  },
  stdout: stdoutIsTTY ? process.stdout : pipedStdout,
  get stderr() {
    return process.stderr;
  },
  // Asked only when output is a terminal: piped output means the line protocol whatever the input.
  get stdinIsTTY() {
    return stdoutIsTTY && isTerminal(0);
  },
  get stderrIsTTY() {
    return isTerminal(2);
  },
};

/**
 * The clock: ALIGNMENT_TUTOR_NOW (ISO 8601) moves it, for tests and for a teacher preparing a
 * demo across days. It runs on from that moment, so a 10-minute learning step still passes.
 * Everything below the entry takes the clock as a parameter.
 */
function clock(): { now: () => Date; problem?: string } {
  const set = process.env['ALIGNMENT_TUTOR_NOW'];
  if (set === undefined || set === '') return { now: () => new Date() };
  const start = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(set.trim())
    ? Date.parse(set.trim())
    : NaN;
  if (Number.isNaN(start))
    return {
      now: () => new Date(),
      problem:
        'error: ALIGNMENT_TUTOR_NOW must be an ISO 8601 time like 2025-03-01T09:00:00Z, not ' +
        `${JSON.stringify(set).slice(0, 80)}.\n`,
    };
  const offset = start - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
const time = clock();

/**
 * SIGINT (Ctrl-C where the terminal sends it as a signal: --plain, a `kill -INT`) and SIGTERM end
 * the session the way Ctrl-C in a menu does: the terminal is given back as it was (echo on, cursor
 * shown), a save under way is let finish, and the learner is told whether everything is saved.
 * SIGINT keeps the documented exit status 0; SIGTERM exits 143, as killed processes do.
 */
let stopping = false;
function onSignal(signal: 'SIGINT' | 'SIGTERM'): void {
  if (stopping) return;
  stopping = true;
  const stdin = process.stdin as { isTTY?: boolean; isRaw?: boolean; setRawMode?: (raw: boolean) => void };
  if (stdin.isTTY && stdin.isRaw) stdin.setRawMode?.(false);
  if (stdoutIsTTY) process.stdout.write('\u001b[?25h');
  void import('./main.ts').then(({ stopped }) => stopped(signal)).then((code) => process.exit(code));
}
// `on`, not `once`: the prompt library's exit hook kills the process again as soon as it sees no
// other listener, which would cut the goodbye short.
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));

// `--version` alone never gets here: dist/cli.cjs answers it (src/cli/start.ts).
if (time.problem) {
  process.stderr.write(time.problem);
  process.exitCode = 2;
} else {
  void import('./main.ts')
    .then(({ main }) =>
      main(
        {
          io,
          env: process.env,
          now: time.now,
          utcOffsetMinutes: -time.now().getTimezoneOffset(),
          cwd: process.cwd(),
          // The bundle sits in dist/, one level below the package root that holds lessons/ and quizzes/.
          packageRoot: fileURLToPath(new URL('..', import.meta.url)),
        },
        argv,
      ),
    )
    .then((code) => {
      process.exitCode = code;
    });
}
