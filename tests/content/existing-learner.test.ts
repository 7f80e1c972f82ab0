import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/run.ts';

// A learner who started on the seven-lesson course (lesson 1 read, the specification quiz passed,
// an answer to a question that has since been replaced) opens the twelve-lesson course: what they
// did is still theirs, the new lessons start untouched, and nothing in their file is dropped.

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const file = path.join(dir, 'progress.json');
const env = { ALIGNMENT_TUTOR_PROGRESS: file };

const at = '2026-06-01T10:00:00.000Z';
const answer = (id: string, question: string, correct: boolean) => ({
  id: `${at}-${id}`,
  question,
  source: 'quiz',
  response: { type: 'single', choice: 0 },
  correct,
  hintUsed: false,
  at,
});

writeFileSync(
  file,
  JSON.stringify({
    version: 1,
    courses: {
      'alignment-tutor': {
        lessons: {
          'what-alignment-means': {
            sectionsSeen: [
              'two-senses',
              'intent-alignment',
              'when-intent-is-not-enough',
              'goal-directed-systems',
              'orthogonality-thesis',
              'control-problem',
            ],
            sectionReached: 'control-problem',
            finishedAt: at,
            updatedAt: at,
          },
        },
        quizzes: {
          'what-alignment-means': { answers: [answer('a0000001', 'which-are-broad', true)], attempts: [] },
          'specification-problem': {
            answers: [answer('a0000002', 'call-centre-targets', true)],
            attempts: [
              {
                id: `${at}-t0000001`,
                startedAt: at,
                finishedAt: at,
                right: 10,
                total: 11,
                score: 10 / 11,
                passed: true,
                questions: ['call-centre-targets'],
                missed: [],
              },
            ],
          },
        },
        last: { kind: 'quiz', lesson: 'specification-problem', at },
      },
    },
  }),
);

describe('a learner from the seven-lesson course', () => {
  it('keeps what they read and passed, and sees the new lessons as not started', async () => {
    const r = await run(['list', '--json'], { env });
    expect(r.code).toBe(0);
    const lessons = JSON.parse(r.stdout) as { id: string; status: string; sectionsSeen: number }[];
    expect(lessons).toHaveLength(12);
    const byId = new Map(lessons.map((l) => [l.id, l]));
    expect(byId.get('what-alignment-means')).toMatchObject({ status: 'read', sectionsSeen: 6 });
    expect(JSON.stringify(byId.get('specification-problem'))).toMatch(/0\.9/);
    for (const id of [
      'what-is-at-stake',
      'interpretability',
      'control-and-evaluations',
      'scalable-oversight',
      'reward-hacking-in-language-models',
    ]) {
      expect(byId.get(id)).toMatchObject({ status: 'not-started', sectionsSeen: 0 });
    }
  });

  it('keeps the answer to a question that is no longer in the course after saving new progress', async () => {
    const r = await run(['learn', 'what-is-at-stake', '--plain'], { env, input: ['q'] });
    expect(r.code).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      courses: Record<string, { quizzes: Record<string, { answers: { question: string }[] }> }>;
    };
    const answers = saved.courses['alignment-tutor']!.quizzes['what-alignment-means']!.answers;
    expect(answers.map((a) => a.question)).toContain('which-are-broad');
  });
});
