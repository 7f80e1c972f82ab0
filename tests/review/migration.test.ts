import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnswerRecord, ProgressData } from '../../src/progress/types.ts';
import { PACKAGE_ROOT, run, tempDir } from '../helpers/run.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/quiz/course', import.meta.url));
const tmp = tempDir();
afterAll(tmp.cleanup);

/** A version 1 file as the tutor before review cards wrote it: a learner's real answers over a week. */
function versionOneFile(): { text: string; answers: AnswerRecord[] } {
  const at = (day: number, minute: number) => new Date(Date.UTC(2025, 2, 1 + day, 9, minute)).toISOString();
  const a = (
    id: string,
    question: string,
    correct: boolean,
    time: string,
    response: AnswerRecord['response'],
  ): AnswerRecord => ({
    id,
    question,
    source: 'quiz',
    response,
    correct,
    hintUsed: false,
    at: time,
  });
  const answers: AnswerRecord[] = [
    a('a1', 'proxy-meaning', false, at(0, 1), { type: 'single', choice: 0 }),
    a('a2', 'reward-is-goal', true, at(0, 2), { type: 'true-false', value: false }),
    a('a3', 'proxy-meaning', true, at(0, 20), { type: 'single', choice: 1 }),
    a('a4', 'reward-is-goal', true, at(3, 0), { type: 'true-false', value: false }),
    a('a5', 'proxy-meaning', true, at(6, 0), { type: 'single', choice: 1 }),
  ];
  const data = {
    version: 1,
    courses: {
      'fixture-course': {
        lessons: { rewards: { sectionsSeen: ['proxies'], updatedAt: at(0, 0) } },
        quizzes: { rewards: { answers, attempts: [] } },
        last: { kind: 'quiz', lesson: 'rewards', at: at(6, 0) },
      },
    },
  };
  return { text: `${JSON.stringify(data)}\n`, answers };
}

describe('upgrading a version 1 progress file', () => {
  it('turns the answer history into review cards, keeps the original, and loses no answer', async () => {
    const file = path.join(tmp.dir, 'v1', 'progress.json');
    mkdirSync(path.dirname(file), { recursive: true });
    const { text, answers } = versionOneFile();
    writeFileSync(file, text);
    const { code, stderr } = await run(['--content', FIXTURE, 'list'], {
      env: { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' },
    });
    expect(code).toBe(0);
    expect(stderr).toContain(`upgraded from format version 1 to 2; the original is kept as ${file}.v1.bak`);
    expect(readFileSync(`${file}.v1.bak`, 'utf8')).toBe(text);

    const upgraded = JSON.parse(readFileSync(file, 'utf8')) as ProgressData;
    expect(upgraded.version).toBe(2);
    const course = upgraded.courses['fixture-course']!;
    // Every answer is there, unchanged but for the state its card was in before it.
    expect(course.quizzes['rewards']!.answers.map(({ before: _b, ...rest }) => rest)).toEqual(answers);
    expect(course.quizzes['rewards']!.answers.map((a) => a.before)).toEqual([
      'new',
      'new',
      'learning',
      'review',
      'review',
    ]);
    // One card per question answered, replayed in time order.
    const cards = course.cards!['rewards']!;
    expect(Object.keys(cards).sort()).toEqual(['proxy-meaning', 'reward-is-goal']);
    expect(cards['proxy-meaning']).toMatchObject({
      reps: 3,
      lapses: 0,
      state: 'review',
      lastReview: answers[4]!.at,
    });
    expect(cards['reward-is-goal']).toMatchObject({ reps: 2, state: 'review', lastReview: answers[3]!.at });
    expect(Date.parse(cards['proxy-meaning']!.due)).toBeGreaterThan(Date.parse(answers[4]!.at));
  });
});

/**
 * The tutor as it was before review cards (format version 1), built from the repository's
 * history: it must refuse a version 2 file and leave it exactly as it is.
 */
const OLD_COMMIT = 'b0d6b03';
const hasHistory =
  spawnSync('git', ['-C', PACKAGE_ROOT, 'cat-file', '-e', `${OLD_COMMIT}^{commit}`]).status === 0;

describe.skipIf(!hasHistory)('the previous version, given a version 2 file', () => {
  it('refuses it, says why, and changes nothing, even when the learner answers a quiz', async () => {
    const old = path.join(tmp.dir, 'old');
    mkdirSync(old);
    execFileSync('sh', [
      '-c',
      `git -C "${PACKAGE_ROOT}" archive ${OLD_COMMIT} src bin lessons quizzes package.json | tar -x -C "${old}"`,
    ]);
    symlinkSync(path.join(PACKAGE_ROOT, 'node_modules'), path.join(old, 'node_modules'));
    execFileSync(process.execPath, ['src/build/build.mjs'], { cwd: old, stdio: 'ignore' });
    expect(existsSync(path.join(old, 'dist', 'cli.cjs'))).toBe(true);

    const file = path.join(tmp.dir, 'v2', 'progress.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, versionOneFile().text);
    // This version upgrades it to version 2 ...
    await run(['--content', FIXTURE, 'list'], {
      env: { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' },
    });
    const v2 = readFileSync(file);
    expect(JSON.parse(v2.toString()).version).toBe(2);
    // ... and the previous one reads it, answers a whole quiz, and must not touch it.
    const result = spawnSync(
      process.execPath,
      [path.join(old, 'bin', 'alignment-tutor.js'), '--content', FIXTURE, 'quiz', 'rewards', '--seed', '1'],
      {
        input: '2\n1 3\nfalse\nGoodhart\n2 3 1\n',
        env: {
          PATH: process.env['PATH'],
          ALIGNMENT_TUTOR_PROGRESS: file,
          ALIGNMENT_TUTOR_CACHE: 'off',
          NO_COLOR: '1',
        },
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toContain(
      'was written by a newer version of alignment-tutor (format version 2; this version reads up to 1)',
    );
    expect(result.stdout).toContain('Score: 5/5 (100%) passed');
    expect(readFileSync(file).equals(v2)).toBe(true);
  }, 120_000);
});
