import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { progressFileSchema } from '../../src/progress/schema.ts';
import { openStore } from '../../src/progress/store.ts';
import type { ProgressData } from '../../src/progress/types.ts';
import { validateProgress } from '../../src/progress/validate.ts';
import type { Response } from '../../src/quiz/response.ts';

// The progress file is declared once (src/progress/schema.ts); what the store writes must read back.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempFile = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'alignment-tutor-schema-'));
  dirs.push(dir);
  return path.join(dir, 'progress.json');
};

const T = '2025-01-31T09:30:00.000Z';
const RESPONSES: Response[] = [
  { type: 'single', choice: 1 },
  { type: 'multiple', choices: [0, 2] },
  { type: 'true-false', value: false },
  { type: 'short', text: 'a proxy' },
  { type: 'order', order: [2, 0, 1] },
];

describe('the progress file schema', () => {
  it('reads back every kind of record the store writes', async () => {
    const file = tempFile();
    const store = openStore({ file, now: () => new Date(T), notify: () => undefined });
    await store.update('alignment-tutor', (c) => {
      c.lessons['rewards'] = {
        sectionsSeen: ['intro', 'proxy'],
        sectionReached: 'proxy',
        finishedAt: T,
        updatedAt: T,
      };
      c.lessons['oversight'] = { sectionsSeen: [], updatedAt: T };
      c.quizzes['rewards'] = {
        answers: RESPONSES.map((response, i) => ({
          id: `a${i}`,
          question: `q${i}`,
          source: i % 2 ? 'check' : 'quiz',
          response,
          correct: i % 2 === 0,
          hintUsed: i === 3,
          at: T,
        })),
        attempts: [
          {
            id: 't1',
            startedAt: T,
            finishedAt: T,
            right: 3,
            total: 5,
            score: 0.6,
            passed: false,
            questions: ['q0', 'q1'],
            missed: ['q1'],
          },
          {
            id: 't2',
            startedAt: T,
            finishedAt: T,
            right: 1,
            total: 1,
            score: 1,
            passed: true,
            questions: ['q1'],
            missed: [],
            mode: 'missed',
          },
        ],
        current: {
          id: 'u1',
          startedAt: T,
          updatedAt: T,
          questions: ['q0', 'q4'],
          display: { q0: [1, 0, 2], q4: [2, 1, 0] },
          answers: { q0: { response: RESPONSES[0]!, correct: true, hintUsed: false, at: T } },
          mode: 'all',
        },
      };
      c.last = { kind: 'quiz', lesson: 'rewards', at: T };
    });
    const written = (await store.read()) as ProgressData;
    const again = openStore({ file, now: () => new Date(T), notify: (m) => expect.fail(m) });
    expect(await again.read()).toEqual(written);
    const onDisk: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(progressFileSchema.safeParse(onDisk).success).toBe(true);
    expect(validateProgress(onDisk)).toMatchObject({ ok: true });
  });

  it('is checked on reading exactly as declared: the check and the declaration agree', () => {
    const base = (): Record<string, unknown> =>
      JSON.parse(
        JSON.stringify({
          version: 1,
          courses: {
            c: {
              lessons: { l: { sectionsSeen: ['s'], updatedAt: T } },
              quizzes: {
                l: {
                  answers: [
                    {
                      id: 'a',
                      question: 'q',
                      source: 'quiz',
                      response: RESPONSES[1],
                      correct: true,
                      hintUsed: false,
                      at: T,
                    },
                  ],
                  attempts: [],
                },
              },
            },
          },
        }),
      ) as Record<string, unknown>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reaching into arbitrary corners
    type Loose = any;
    const changes: Array<(d: Loose) => void> = [
      () => undefined,
      (d) => (d.version = 2),
      (d) => (d.courses.c.lessons.l.updatedAt = 'yesterday'),
      (d) => (d.courses.c.lessons.l.sectionsSeen = ['']),
      (d) => (d.courses.c.quizzes.l.answers[0].response = { type: 'essay' }),
      (d) => (d.courses.c.quizzes.l.answers[0].response = { type: 'multiple', choices: [-1] }),
      (d) => (d.courses.c.quizzes.l.answers[0].response.choices = [1.5]),
      (d) => (d.courses.c.quizzes.l.answers[0].source = 'exam'),
      (d) => delete d.courses.c.quizzes.l.attempts,
      (d) => (d.courses.c.extra = { kept: true }),
      (d) => (d.courses.c.last = { kind: 'lesson', lesson: 'l', at: T }),
      (d) => (d.courses.c.last = { kind: 'lesson', lesson: '', at: T }),
      (d) => (d.courses.c.quizzes.l.attempts = [{ id: 'x' }]),
    ];
    for (const change of changes) {
      const data = base();
      change(data);
      const declared = progressFileSchema.safeParse(data).success;
      expect({ change: String(change), ok: validateProgress(data).ok }).toEqual({
        change: String(change),
        ok: declared,
      });
    }
  });
});
