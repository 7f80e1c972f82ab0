import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * Reads standard input one line at a time for the `--plain` protocol. One reader serves a whole
 * session, so lines that arrive together (a script piping answers) are queued, not lost.
 */
export class LineReader {
  private readonly lines: string[] = [];
  private readonly waiting: Array<(line: string | null) => void> = [];
  private ended = false;

  constructor(input: Readable) {
    const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
    rl.on('line', (line) => {
      const wake = this.waiting.shift();
      if (wake) wake(line);
      else this.lines.push(line);
    });
    rl.on('close', () => {
      this.ended = true;
      for (const wake of this.waiting.splice(0)) wake(null);
    });
  }

  /** The next line without its newline, or null once input has ended. */
  next(): Promise<string | null> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
