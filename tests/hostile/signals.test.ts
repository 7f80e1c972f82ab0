import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TerminalSession } from '../helpers/pty.ts';
import { courseCopy, scratch, spawnPlainQuiz } from './child-run.ts';

// A signal ends a session the way Ctrl-C in a menu does: terminal restored, progress saved, said so.

const tmp = scratch();
afterAll(tmp.cleanup);
const course = courseCopy(tmp.dir, 'course');

describe.runIf(process.platform !== 'win32')('signals', () => {
  it('SIGINT in --plain prints "Stopped" and exits 0, as the README promises', async () => {
    const child = spawnPlainQuiz(course, path.join(tmp.dir, 'plain.json'));
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let waited = 0; !out.includes('Answer') && waited < 10_000; waited += 25)
      await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    expect(code).toBe(0);
    expect(out.trim().split('\n').at(-1)).toBe('Stopped. Your progress is saved.');
  }, 20_000);

  it('SIGTERM during an interactive quiz shows the cursor again before the process ends', async () => {
    const session = new TerminalSession(['--content', course, 'quiz', 'oversight', '--no-shuffle'], {
      env: { ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'pty.json'), ALIGNMENT_TUTOR_CACHE: 'off' },
    });
    await session.waitFor('Question 1 of 2');
    for (let waited = 0; !session.raw.includes('\u001b[?25l') && waited < 5000; waited += 25)
      await new Promise((r) => setTimeout(r, 25));
    session.kill('SIGTERM');
    const code = await session.exit();
    await new Promise((r) => setTimeout(r, 100));
    const raw = session.raw;
    expect(raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001b[?25l'));
    expect(session.fullText()).toContain('Stopped. Your progress is saved.');
    expect(code).toBe(143);
  }, 20_000);
});
