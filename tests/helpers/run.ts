import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import type { Prompter } from '../../src/ui/prompts/prompter.ts';

export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let shortCommand: string | undefined;
/**
 * A folder holding `alignment-tutor` as a link to this checkout's program: on the PATH, it is the
 * learner who followed the README to get the short command, so hints print `alignment-tutor ...`.
 */
export function shortCommandDir(): string {
  if (shortCommand) return shortCommand;
  const dir = mkdtempSync(path.join(tmpdir(), 'alignment-tutor-bin-'));
  symlinkSync(path.join(PACKAGE_ROOT, 'bin', 'alignment-tutor.js'), path.join(dir, 'alignment-tutor'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return (shortCommand = dir);
}

/** A folder that is removed after the test file finishes (call `cleanup` in afterAll/afterEach). */
export function tempDir(prefix = 'alignment-tutor-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunOptions {
  /** Lines fed to standard input (each followed by a newline), then end of input. */
  input?: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  now?: () => Date;
  /** Pretend standard input and output are a terminal (only affects mode selection and colour). */
  tty?: boolean;
  columns?: number;
  /** Answers prompts from a script instead of standard input (see fake-prompter.ts). */
  prompter?: Prompter;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with memory streams, as `alignment-tutor ...argv` would run.
 * Tests must pass their own ALIGNMENT_TUTOR_PROGRESS (see `tempDir`) so nothing touches the home folder.
 */
export async function run(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  const stdin = Object.assign(new PassThrough(), { isTTY: opts.tty ?? false });
  const stdout = Object.assign(new PassThrough(), { isTTY: opts.tty ?? false, columns: opts.columns ?? 80 });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  if (opts.input) stdin.end(opts.input.map((l) => `${l}\n`).join(''));
  else stdin.end();
  const env: Record<string, string | undefined> = { NO_COLOR: '1', PATH: shortCommandDir(), ...opts.env };
  if (!env['ALIGNMENT_TUTOR_PROGRESS'] && !argv.some((a) => a.startsWith('--progress-file'))) {
    throw new Error(
      'run(): give the test its own ALIGNMENT_TUTOR_PROGRESS so it cannot touch the real progress file',
    );
  }
  const code = await main(
    {
      io: { stdin, stdout, stderr },
      env,
      now: opts.now ?? (() => new Date()),
      cwd: opts.cwd ?? PACKAGE_ROOT,
      packageRoot: PACKAGE_ROOT,
      prompter: opts.prompter,
    },
    argv,
  );
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out, stderr: err };
}
