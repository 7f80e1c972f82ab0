import type { Readable, Writable } from 'node:stream';

/** Where a command reads and writes. Defaulted from `process` only in `cli/entry.ts`. */
export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable;
  /**
   * Whether standard input is a terminal, when known without building the stream (the entry
   * works it out from the file descriptor); otherwise `stdin.isTTY` is asked.
   */
  stdinIsTTY?: boolean;
  /** Likewise for standard error, which most runs never write to. */
  stderrIsTTY?: boolean;
}

/** Whether standard error is a terminal (colour and wrapping of warnings and errors). */
export function stderrIsTTY(io: Io): boolean {
  return io.stderrIsTTY ?? Boolean((io.stderr as { isTTY?: boolean }).isTTY);
}

/** Width to wrap text to: the terminal's, clamped to a readable range; 80 when not a terminal. */
export function textWidth(io: Io): number {
  const cols = io.stdout.isTTY ? io.stdout.columns : undefined;
  if (!cols || cols <= 0) return 80;
  return Math.max(20, Math.min(cols, 100));
}

/** Interactive menus only when both ends are a terminal; otherwise the line protocol of `--plain`. */
export function isInteractive(io: Io): boolean {
  return Boolean(io.stdout.isTTY && (io.stdinIsTTY ?? io.stdin.isTTY));
}
