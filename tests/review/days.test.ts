import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressData } from '../../src/progress/types.ts';
import { PlainSession } from '../helpers/plain-session.ts';
import { tempDir } from '../helpers/run.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/quiz/course', import.meta.url));
const tmp = tempDir();
afterAll(tmp.cleanup);

/** The right answer to each fixture question, by what its prompt says; choices are found by their text. */
const RIGHT: Array<{ prompt: RegExp; id: string; answer: (choices: Map<string, number>) => string }> = [
  {
    prompt: /What is a proxy objective/,
    id: 'proxy-meaning',
    answer: (c) => `${c.get('A measurable stand-in for what we want')}`,
  },
  {
    prompt: /examples of Goodhart's law/,
    id: 'goodhart-effects',
    answer: (c) => `${c.get('A boat racing agent circling for points')} ${c.get('Teaching to the test')}`,
  },
  { prompt: /always ends up wanting its reward/, id: 'reward-is-goal', answer: () => 'false' },
  { prompt: /Whose law says/, id: 'law-name', answer: () => 'Goodhart' },
  {
    prompt: /steps of a training loop/,
    id: 'training-steps',
    answer: (c) =>
      ['Act in the environment', 'Receive a reward', 'Update the policy'].map((t) => c.get(t)).join(' '),
  },
];
const WRONG: Record<string, string> = { 'proxy-meaning': 'The thing we really want' };

/**
 * Answers every question the program asks until it ends: right, except the ids in `wrong`.
 * Returns the question ids in the order asked, and all that was printed.
 */
async function answerAll(args: string[], file: string, now: string, wrong: string[] = []) {
  const session = new PlainSession(['--content', FIXTURE, ...args], {
    ALIGNMENT_TUTOR_PROGRESS: file,
    ALIGNMENT_TUTOR_NOW: now,
  });
  const asked: string[] = [];
  for (;;) {
    // A question's answer line, or the last line of a finished quiz or review.
    const block = await session.next(
      /^Answer(?: \([^)]*\))?: $|^(?:Score|Reviewed): .*\n|^Nothing to review.*\n/m,
    );
    if (block === null || !/Answer[^\n]*: $/.test(block)) break;
    const q = RIGHT.find((r) => r.prompt.test(block));
    if (!q) throw new Error(`an unknown question:\n${block}`);
    asked.push(q.id);
    const choices = new Map<string, number>();
    for (const m of block.matchAll(/^ {2}(\d+)\. (.+)$/gm)) choices.set(m[2]!, Number(m[1]));
    session.send(wrong.includes(q.id) ? `${choices.get(WRONG[q.id]!)}` : q.answer(choices));
  }
  const code = await session.end();
  return { asked, code, out: session.text };
}

const cards = (file: string) =>
  Object.values((JSON.parse(readFileSync(file, 'utf8')) as ProgressData).courses)[0]!.cards!['rewards']!;

describe('review --plain over three simulated days', () => {
  it('asks only what is due each day, the missed question first, and spaces the rest out', async () => {
    const file = path.join(tmp.dir, 'days.json');
    const quiz = await answerAll(['quiz', 'rewards'], file, '2025-03-03T09:00:00Z', ['proxy-meaning']);
    expect(quiz.code).toBe(0);
    expect(quiz.asked).toHaveLength(5);
    // Right after the quiz nothing is due yet: the missed question comes back after a short step.
    const soon = await answerAll(['review'], file, '2025-03-03T09:05:00Z');
    expect(soon.asked, soon.out).toEqual([]);
    expect(soon.out).toContain('Nothing to review now: the next card is due in 5 minutes.');

    // Day 1, twenty minutes on: only the missed question, answered right this time.
    const day1 = await answerAll(['review'], file, '2025-03-03T09:20:00Z');
    expect(day1.asked).toEqual(['proxy-meaning']);
    expect(day1.out.trimEnd().split('\n').at(-1)).toBe('Reviewed: 1/1 right');
    const afterDay1 = cards(file);

    // Day 2: the questions answered right in the quiz are not due yet; nothing is asked.
    const day2 = await answerAll(['review'], file, '2025-03-04T09:00:00Z');
    const due2 = Object.entries(afterDay1)
      .filter(([, c]) => Date.parse(c.due) < Date.parse('2025-03-05T00:00:00Z'))
      .map(([id]) => id);
    expect(day2.asked.sort()).toEqual(due2.sort());
    expect(day2.asked).not.toContain('goodhart-effects');

    // Day 3, a week later: every card due by tonight is asked once, the most overdue first.
    const before = cards(file);
    const day3 = await answerAll(['review'], file, '2025-03-10T09:00:00Z');
    const expected = Object.keys(before)
      .filter((id) => Date.parse(before[id]!.due) < Date.parse('2025-03-11T00:00:00Z'))
      .sort((a, b) => Date.parse(before[a]!.due) - Date.parse(before[b]!.due));
    expect(day3.asked).toEqual(expected);
    expect(day3.asked).toHaveLength(5);
    // Intervals grow: each card answered right again waits longer than it did before.
    const after = cards(file);
    for (const id of day3.asked) {
      expect(after[id]!.scheduledDays).toBeGreaterThan(before[id]!.scheduledDays);
      expect(after[id]!.reps).toBe(before[id]!.reps + 1);
    }
  }, 90_000);
});
