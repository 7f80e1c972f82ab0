import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { courseCopy, scratch, spawnPlainQuiz } from './child-run.ts';

// An answer the learner has seen judged is already in the progress file: `kill -9` the moment
// the feedback appears, and the answer is there.

const tmp = scratch();
afterAll(tmp.cleanup);
const course = courseCopy(tmp.dir, 'course');

async function killAtFeedback(file: string): Promise<void> {
  const child = spawnPlainQuiz(course, file, 'ignore');
  let out = '';
  let answered = false;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // The child is killed with its input open: a write that lands after is no error of the test's.
  child.stdin.on('error', () => {});
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (!answered && out.includes('Answer (true or false):')) {
      answered = true;
      child.stdin.write('t\n');
    }
    if (/Correct/.test(out)) child.kill('SIGKILL');
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  expect(out).toContain('Correct');
}

it('an answer is saved before its feedback is shown', async () => {
  for (let i = 0; i < 6; i++) {
    const file = path.join(tmp.dir, `kill-${i}.json`);
    await killAtFeedback(file);
    expect(existsSync(file) ? readFileSync(file, 'utf8') : '').toContain('"question":"debate-judge"');
  }
}, 60_000);
