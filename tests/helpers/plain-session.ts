import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PACKAGE_ROOT } from './run.ts';

/**
 * The built command with standard input and output as pipes (so `--plain` is on by itself), driven
 * line by line as a script or a screen reader would: wait for a prompt, read what came before it,
 * answer. Unlike `run()`, the answers can depend on what was printed (shuffled choices).
 */
export class PlainSession {
  private readonly child: ChildProcess;
  private out = '';
  private read = 0;
  private readonly exited: Promise<number | null>;

  constructor(args: string[], env: Record<string, string>) {
    this.child = spawn(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'alignment-tutor.js'), ...args], {
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ALIGNMENT_TUTOR_CACHE: 'off', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d: Buffer) => (this.out += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.out += d.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Everything printed so far. */
  get text(): string {
    return this.out;
  }

  /**
   * Waits until `pattern` appears after what was last consumed, and returns the text up to and
   * including it; null when the program ends first.
   */
  async next(pattern: RegExp, timeout = 15_000): Promise<string | null> {
    const start = Date.now();
    let done = false;
    void this.exited.then(() => (done = true));
    for (;;) {
      const rest = this.out.slice(this.read);
      const m = pattern.exec(rest);
      if (m) {
        const upTo = m.index + m[0].length;
        this.read += upTo;
        return rest.slice(0, upTo);
      }
      if (done) return null;
      if (Date.now() - start > timeout)
        throw new Error(`timed out waiting for ${String(pattern)}; output:\n${this.out}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  send(line: string): void {
    this.child.stdin!.write(`${line}\n`);
  }

  async end(): Promise<number | null> {
    this.child.stdin!.end();
    return this.exited;
  }
}
