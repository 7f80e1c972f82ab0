import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../helpers/run.ts';

/** The quiz fixture course copied to a fresh folder, to be made hostile by a test. */
export function courseCopy(dir: string, name = 'course'): string {
  const to = path.join(dir, name);
  rmSync(to, { recursive: true, force: true });
  cpSync(path.join(PACKAGE_ROOT, 'tests', 'fixtures', 'quiz', 'course'), to, { recursive: true });
  return to;
}

export function scratch(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'alignment-tutor-hostile-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ChildResult {
  code: number | null;
  /** True when the run had to be killed: it hung. */
  hung: boolean;
  stdout: string;
  stderr: string;
}

/**
 * The built program in its own process, killed after `timeoutMs`: for the cases that used to hang
 * (a blocking read stops the test runner itself, timers included) or to exhaust memory.
 */
export function runChild(
  args: string[],
  opts: { env?: Record<string, string>; input?: string; timeoutMs?: number; cwd?: string } = {},
): ChildResult {
  const r = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'alignment-tutor.js'), ...args], {
    cwd: opts.cwd ?? PACKAGE_ROOT,
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ALIGNMENT_TUTOR_CACHE: 'off', ...opts.env },
    input: opts.input ?? '',
    timeout: opts.timeoutMs ?? 10_000,
    killSignal: 'SIGKILL',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, hung: r.signal === 'SIGKILL', stdout: r.stdout, stderr: r.stderr };
}

/** A raw byte that could drive a terminal: C0 but tab and newline, DEL, C1, line/paragraph separators. */
export const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

/**
 * The fixture course's quiz in `--plain`, in file order, as a child process with pipes: for the
 * tests that act on it mid-run (a kill, a signal) rather than waiting for its end.
 */
export function spawnPlainQuiz(
  course: string,
  progressFile: string,
  stderr: 'pipe' | 'ignore' = 'pipe',
): ChildProcessByStdio<Writable, Readable, Readable | null> {
  return spawn(
    process.execPath,
    [
      path.join(PACKAGE_ROOT, 'bin', 'alignment-tutor.js'),
      '--content',
      course,
      '--plain',
      'quiz',
      'oversight',
      '--no-shuffle',
    ],
    {
      env: {
        PATH: process.env['PATH'] ?? '',
        NO_COLOR: '1',
        ALIGNMENT_TUTOR_CACHE: 'off',
        ALIGNMENT_TUTOR_PROGRESS: progressFile,
      },
      stdio: ['pipe', 'pipe', stderr],
    },
  ) as ChildProcessByStdio<Writable, Readable, Readable | null>;
}
