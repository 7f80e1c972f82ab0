import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProgress } from '../../src/progress/parse.ts';
import { tempDir } from '../helpers/run.ts';
import { buildChild, runChild } from './helpers.ts';

// Real processes writing one progress file: killed mid-save, racing each other, and without
// permission to write.

let script: string;
let cleanupChild: () => void;
const tmp = tempDir();

beforeAll(async () => {
  ({ script, cleanup: cleanupChild } = await buildChild());
  // The folders must be reachable by the unprivileged user of the read-only test.
  chmodSync(tmp.dir, 0o755);
});
afterAll(() => {
  cleanupChild();
  tmp.cleanup();
});

function answerIds(file: string): string[] {
  const parsed = parseProgress(readFileSync(file));
  if (parsed.kind !== 'ok') throw new Error(`${file} did not parse: ${JSON.stringify(parsed)}`);
  return parsed.data.courses['test-course']?.quizzes['lesson']?.answers.map((a) => a.id) ?? [];
}

describe('a process killed with SIGKILL while saving', () => {
  it('leaves a whole file holding a prefix of its writes, every one of 200 times', async () => {
    const LANES = 4;
    const KILLS_PER_LANE = 50;
    let midSave = 0;
    const lane = async (n: number) => {
      const file = path.join(tmp.dir, `kill-${n}`, 'progress.json');
      let saved = 0;
      for (let k = 0; k < KILLS_PER_LANE; k++) {
        const { child, done } = runChild(script, ['loop', file]);
        // Kill at a random moment after its first save of this round: mid-write, mid-rename, or between saves.
        await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
        await new Promise((r) => setTimeout(r, Math.random() * 12));
        child.kill('SIGKILL');
        const end = await done;
        expect(end.signal).toBe('SIGKILL');
        expect(end.stderr).toBe('');
        if (readdirSync(path.dirname(file)).some((f) => f.includes('.tmp-') || f.endsWith('.lock')))
          midSave++;
        const ids = answerIds(file);
        // Exactly w0, w1, ... with nothing missing or repeated, and at least this round's first save kept.
        expect(ids).toEqual(ids.map((_, i) => `w${i}`));
        expect(ids.length).toBeGreaterThan(saved);
        saved = ids.length;
      }
      return file;
    };
    const files = await Promise.all(Array.from({ length: LANES }, (_, n) => lane(n)));
    // Many kills landed inside a save (holding the lock or with a temporary file written), not only between saves.
    expect(midSave).toBeGreaterThan(20);

    // A killed process leaves its lock and temporary file behind; the next one clears them.
    const file = files[0]!;
    const before = answerIds(file).length;
    const end = await runChild(script, ['record', file, 'after', '1']).done;
    expect(end.code).toBe(0);
    expect(answerIds(file)).toHaveLength(before + 1);
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['progress.json', 'progress.json.bak']);
    // 200 process starts take close to a minute on a busy machine; the test is about what is kept, not speed.
  }, 120_000);
});

describe('two processes recording at once', () => {
  it('keeps all 200 answers of two processes recording 100 each', async () => {
    const file = path.join(tmp.dir, 'two', 'progress.json');
    const [a, b] = await Promise.all([
      runChild(script, ['record', file, 'a', '100']).done,
      runChild(script, ['record', file, 'b', '100']).done,
    ]);
    expect(a.stderr + b.stderr).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    const ids = new Set(answerIds(file));
    expect(ids.size).toBe(200);
    for (let i = 0; i < 100; i++) {
      expect(ids.has(`a-${i}`)).toBe(true);
      expect(ids.has(`b-${i}`)).toBe(true);
    }
  });
});

describe('a folder the learner cannot write to', () => {
  /**
   * Runs the child in `dir` made read-only. Root ignores permission bits, so when the tests run
   * as root the child runs as "nobody".
   */
  async function recordReadOnly(dir: string, file: string, count: number) {
    chmodSync(file, 0o644);
    chmodSync(dir, 0o555);
    try {
      return await runChild(
        script,
        ['record', file, 'now', String(count)],
        process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {},
      ).done;
    } finally {
      chmodSync(dir, 0o755);
    }
  }

  it('says so once, names the file, keeps the file intact and lets the session carry on', async () => {
    const dir = path.join(tmp.dir, 'read-only');
    const file = path.join(dir, 'progress.json');
    // Two answers saved earlier, by a user who could write.
    const first = await runChild(script, ['record', file, 'earlier', '2']).done;
    expect(first.code).toBe(0);
    const before = readFileSync(file);
    const listing = readdirSync(dir).sort();
    const end = await recordReadOnly(dir, file, 3);
    expect(end.code).toBe(0);
    // The three new answers are kept in memory for the rest of the session.
    expect(end.stdout.trim()).toBe('5');
    expect(end.stderr.trim()).toBe(
      `Could not save your progress to ${file}: permission denied for the folder ${dir}. The file is ` +
        'unchanged. Until saving works again, new progress is kept only while the tutor is open.',
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });

  it('leaves a damaged file exactly as it is, and the session carries on in memory', async () => {
    const dir = path.join(tmp.dir, 'read-only-corrupt');
    mkdirSync(dir);
    const file = path.join(dir, 'progress.json');
    writeFileSync(file, '{"version":1,"courses":{');
    const end = await recordReadOnly(dir, file, 2);
    expect(end.code).toBe(0);
    expect(end.stdout.trim()).toBe('2');
    expect(end.stderr.trim()).toBe(
      `Your progress file ${file} ends part-way through (it was cut short), and it could not be moved ` +
        `aside (permission denied for the folder ${dir}). It was left as it is; starting with empty ` +
        'progress, and progress made now will not be saved.',
    );
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,"courses":{');
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });
});

describe('the lock left by a killed process', () => {
  it('is taken over at once when its owner is gone', async () => {
    const file = path.join(tmp.dir, 'stale', 'progress.json');
    await runChild(script, ['record', file, 'x', '1']).done;
    // A pid that has certainly exited: a child we waited for.
    const { child, done } = runChild(script, ['no-such-mode', file]);
    await done;
    writeFileSync(`${file}.lock`, `${child.pid} ${hostname()}\n`);
    const start = Date.now();
    const end = await runChild(script, ['record', file, 'y', '1']).done;
    expect(end.stderr).toBe('');
    expect(Date.now() - start).toBeLessThan(1500);
    expect(answerIds(file)).toEqual(['x-0', 'y-0']);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
