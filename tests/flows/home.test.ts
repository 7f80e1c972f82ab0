import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run.ts';
import { scriptedLearner } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;
const learner = () => scriptedLearner(tmp.dir, `home-${++n}`);

describe('home, with keys (in-process, scripted)', () => {
  it('starts lesson 1, comes back to the home screen when the lesson is left, and offers to continue it', async () => {
    const me = learner();
    const { code, stdout, prompter } = await me.run(
      [],
      [
        { select: 'Start lesson 1' },
        { pager: 'next' },
        { pager: 'quit' },
        { select: 'Continue' },
        { cancel: true },
      ],
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Welcome! Start with lesson 1 below.');
    expect(stdout).toContain('Your place is saved: Basics of alignment, section 2 of 3.');
    const menus = prompter.shown.filter((s) => s.kind === 'select');
    expect(menus[1]!.lines[0]).toBe('Continue "Basics of alignment"');
    expect(stdout).toContain('Stopped. Your progress is saved.');
  });

  it('opens a lesson from the list, the progress report, and a quiz, each returning home', async () => {
    const me = learner();
    const { stdout, prompter } = await me.run(
      [],
      [
        { select: 'Lessons' },
        { select: 'Oversight at scale' },
        { pager: 'quit' },
        { select: 'Progress' },
        { select: 'Back to the home screen' },
        { select: 'Quiz' },
        { select: 'Basics of alignment' },
        { cancel: true },
      ],
    );
    expect(stdout).toContain('Your place is saved: Oversight at scale, section 1 of 4.');
    expect(stdout).toMatch(/Your progress[\s\S]*Oversight at scale/);
    expect(prompter.shown.at(-1)!.message).toBe('Your answer');
    expect(prompter.left).toEqual([]);
  });
});
