import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { PACKAGE_ROOT, shortCommandDir } from './run.ts';
import path from 'node:path';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'alignment-tutor.js');

export const KEYS = {
  enter: '\r',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  space: ' ',
  ctrlC: '\x03',
} as const;

/**
 * The real command in a pseudo-terminal, with a headless xterm turning its output into the
 * screen a person would see. Runs the built bundle (npm test builds it first).
 */
export class TerminalSession {
  readonly pty: IPty;
  private readonly term: xterm.Terminal;
  private exited: Promise<number>;
  private output = '';

  constructor(
    args: string[],
    /** `before`: what the terminal already shows when the tutor starts (what `npm start` prints first). */
    opts: { env: Record<string, string>; cols?: number; rows?: number; cwd?: string; before?: string },
  ) {
    const cols = opts.cols ?? 80;
    const rows = opts.rows ?? 24;
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
    if (opts.before) this.term.write(opts.before.replace(/\n/g, '\r\n'));
    this.pty = spawn(process.execPath, [BIN, ...args], {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: opts.cwd ?? PACKAGE_ROOT,
      env: {
        PATH: [shortCommandDir(), process.env['PATH'] ?? ''].join(path.delimiter),
        HOME: process.env['HOME'] ?? '/tmp',
        TERM: 'xterm-256color',
        ...opts.env,
      },
    });
    this.pty.onData((d) => {
      this.output += d;
      this.term.write(d);
    });
    this.exited = new Promise((resolve) => this.pty.onExit(({ exitCode }) => resolve(exitCode)));
  }

  /** Everything printed so far, escape codes included. */
  get raw(): string {
    return this.output;
  }

  /** The visible screen as lines of text, trailing spaces trimmed. */
  screen(): string {
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < this.term.rows; i++)
      lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n').replace(/\n+$/, '');
  }

  /** The whole scrollback and screen as text. */
  fullText(): string {
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buf.length; i++) lines.push(buf.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** The terminal window changes size, as a person dragging its corner does. */
  resize(cols: number, rows: number): void {
    this.term.resize(cols, rows);
    this.pty.resize(cols, rows);
  }

  write(keys: string): void {
    this.pty.write(keys);
  }

  /**
   * Waits until the screen shows `text` (or matches it, or passes the test), failing with the
   * screen after `timeout` ms.
   */
  async waitFor(text: string | RegExp | ((screen: string) => boolean), timeout = 8000): Promise<void> {
    const start = Date.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 25));
      const screen = this.screen();
      const shown =
        typeof text === 'string'
          ? screen.includes(text)
          : text instanceof RegExp
            ? text.test(screen)
            : text(screen);
      if (shown) return;
      if (Date.now() - start > timeout)
        throw new Error(`Timed out waiting for ${String(text)}. Screen:\n${screen}`);
    }
  }

  /** Resolves with the exit code. */
  exit(timeout = 8000): Promise<number> {
    return Promise.race([
      this.exited,
      new Promise<number>((_, reject) =>
        setTimeout(() => reject(new Error(`process did not exit. Screen:\n${this.screen()}`)), timeout),
      ),
    ]);
  }

  /** Ends the process as a closed terminal or `kill -9` would. */
  kill(signal: 'SIGKILL' | 'SIGHUP' | 'SIGTERM' = 'SIGKILL'): void {
    try {
      this.pty.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

/**
 * In a quiz on a terminal: answers each question with the choice the cursor is on and goes on,
 * until question `n` is showing.
 */
export async function answerUntilQuestion(t: TerminalSession, n: number): Promise<void> {
  for (let next = 2; next <= n; next++) {
    await t.waitFor('❯ ');
    t.write(KEYS.enter);
    await t.waitFor('Next question');
    t.write(KEYS.enter);
    await t.waitFor(`Question ${next} of`);
  }
}
