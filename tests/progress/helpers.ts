import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { AnswerRecord, AttemptRecord, ProgressData } from '../../src/progress/types.ts';
import { PROGRESS_VERSION } from '../../src/progress/types.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const FIXTURES = path.join(HERE, '..', 'fixtures', 'progress');
export const COURSE_DIR = path.join(FIXTURES, 'course');

/** Bundles child.ts into a folder anyone can read (the read-only test runs it as another user). */
export async function buildChild(): Promise<{ script: string; cleanup: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'alignment-tutor-child-'));
  chmodSync(dir, 0o755);
  const script = path.join(dir, 'child.mjs');
  await build({
    entryPoints: [path.join(HERE, 'child.ts')],
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  chmodSync(script, 0o644);
  return { script, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runChild(
  script: string,
  args: string[],
  opts: { uid?: number; gid?: number } = {},
): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function answer(id: string, at: string, over: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    id,
    question: 'goodhart-law',
    source: 'quiz',
    response: { type: 'single', choice: 0 },
    correct: true,
    hintUsed: false,
    at,
    ...over,
  };
}

export function attempt(id: string, finishedAt: string, over: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    id,
    startedAt: finishedAt,
    finishedAt,
    right: 1,
    total: 2,
    score: 0.5,
    passed: true,
    questions: ['goodhart-law', 'proxy-true'],
    missed: ['proxy-true'],
    mode: 'all',
    ...over,
  };
}

/** Some progress in the fixture course (see tests/fixtures/progress/course). */
export function sampleProgress(courseId: string): ProgressData {
  return {
    version: PROGRESS_VERSION,
    courses: {
      [courseId]: {
        lessons: {
          rewards: {
            sectionsSeen: ['proxies', 'goodhart'],
            sectionReached: 'goodhart',
            updatedAt: '2025-03-01T10:00:00.000Z',
          },
        },
        quizzes: {
          rewards: {
            answers: [
              answer('a1', '2025-03-01T10:05:00.000Z'),
              answer('a2', '2025-03-01T10:06:00.000Z', {
                question: 'proxy-true',
                response: { type: 'true-false', value: false },
                correct: false,
              }),
              answer('a3', '2025-03-01T10:20:00.000Z'),
            ],
            attempts: [
              attempt('t1', '2025-03-01T10:06:30.000Z'),
              attempt('t2', '2025-03-01T10:21:00.000Z', { right: 2, score: 1, missed: [] }),
            ],
          },
        },
        last: { kind: 'quiz', lesson: 'rewards', at: '2025-03-01T10:21:00.000Z' },
      },
    },
  };
}
