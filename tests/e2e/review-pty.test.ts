import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { KEYS, TerminalSession } from '../helpers/pty.ts';
import { run, tempDir } from '../helpers/run.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/quiz/course', import.meta.url));
const tmp = tempDir();
afterAll(tmp.cleanup);

/** Moves the menu's cursor from where it is to the entry holding `text`, and picks it. */
async function pick(session: TerminalSession, text: string): Promise<void> {
  await session.waitFor(text);
  const lines = session.screen().split('\n');
  const cursor = lines.findIndex((l) => l.startsWith('❯'));
  const target = lines.findIndex((l, i) => i >= cursor && l.includes(text));
  expect(cursor).toBeGreaterThanOrEqual(0);
  expect(target).toBeGreaterThanOrEqual(cursor);
  session.write(KEYS.down.repeat(target - cursor) + KEYS.enter);
}

it('reviews two cards in a real terminal: the two missed in the quiz, each explained and rescheduled', async () => {
  const file = path.join(tmp.dir, 'progress.json');
  const env = { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' };
  // The quiz, twenty minutes earlier, with the first and third questions wrong.
  const quiz = await run(['--content', FIXTURE, 'quiz', 'rewards', '--no-shuffle', '--seed', '1'], {
    env,
    input: ['1', '1 3', 'true', 'Goodhart', '2 3 1'],
    now: () => new Date('2025-03-03T09:00:00Z'),
  });
  expect(quiz.stdout).toContain('Score: 3/5 (60%) passed');

  const session = new TerminalSession(['--content', FIXTURE, 'review'], {
    env: { ...env, ALIGNMENT_TUTOR_NOW: '2025-03-03T09:20:00Z' },
  });
  await session.waitFor('2 cards to review, most overdue first.');
  await session.waitFor('Review 1 of 2 · Rewards and goals');
  await session.waitFor('What is a proxy objective?');
  await pick(session, 'A measurable stand-in for what we want');
  await session.waitFor('Correct.');
  await pick(session, 'Next card');
  await session.waitFor('Review 2 of 2');
  await session.waitFor('A trained agent always ends up wanting its reward.');
  await pick(session, 'False');
  await session.waitFor('Reviewed: 2/2 right');
  expect(await session.exit()).toBe(0);

  const next = await run(['--content', FIXTURE, 'review', '--why', 'proxy-meaning'], {
    env,
    now: () => new Date('2025-03-03T09:30:00Z'),
  });
  expect(next.stdout).toContain('right (rated good)');
  expect(next.stdout).toContain('wrong (rated again)');
  expect(next.stdout).toMatch(/It is next due (tomorrow|in \d+ days)/);
}, 60_000);
