import { afterAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProgressData } from '../../src/progress/types.ts';
import { KEYS, TerminalSession } from '../helpers/pty.ts';
import { tempDir } from '../helpers/run.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/quiz/course', import.meta.url));
const tmp = tempDir();
afterAll(tmp.cleanup);

it('resumes a killed quiz at the next question with the earlier answers kept', async () => {
  const file = path.join(tmp.dir, 'progress.json');
  const env = { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' };
  const args = ['--content', FIXTURE, 'quiz', 'rewards', '--no-shuffle', '--seed', '1'];

  const first = new TerminalSession(args, { env });
  await first.waitFor('Question 1 of 5');
  await first.waitFor('A measurable stand-in');
  first.write(KEYS.down + KEYS.enter);
  await first.waitFor('Next question');
  first.write(KEYS.enter);
  await first.waitFor('Question 2 of 5');
  await first.waitFor('Teaching to the test');
  first.write(KEYS.space + KEYS.down + KEYS.down + KEYS.space + KEYS.enter);
  await first.waitFor('You picked exactly the right choices');
  await first.waitFor('Next question');
  first.kill('SIGKILL');
  await first.exit();

  const again = new TerminalSession(args, { env });
  await again.waitFor('You left this quiz after answering 2 of 5 questions.');
  await again.waitFor('Resume at question 3');
  again.write(KEYS.enter);
  await again.waitFor('Question 3 of 5');
  expect(again.fullText()).not.toContain('Question 2 of 5');
  const progress = JSON.parse(readFileSync(file, 'utf8')) as ProgressData;
  const quiz = Object.values(progress.courses)[0]!.quizzes['rewards']!;
  expect(Object.keys(quiz.current!.answers)).toEqual(['proxy-meaning', 'goodhart-effects']);

  // Answer the rest: false, a short answer, and the order as shown (never the right order).
  await again.waitFor('False');
  again.write(KEYS.down + KEYS.enter);
  await again.waitFor('Next question');
  again.write(KEYS.enter);
  await again.waitFor('Question 4 of 5');
  again.write('goodhart' + KEYS.enter);
  await again.waitFor('Next question');
  again.write(KEYS.enter);
  await again.waitFor('Put these in order');
  again.write(KEYS.enter);
  await again.waitFor('Score: 4/5 (80%) passed');
  await again.waitFor('Retry the question you missed');
  again.write(KEYS.down.repeat(6) + KEYS.enter);
  expect(await again.exit()).toBe(0);
});
