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

  it('review with nothing due says so and asks what next, and Esc there goes home', async () => {
    const me = learner();
    const { stdout, prompter } = await me.run([], [{ select: 'Review' }, { back: true }, { select: 'Quit' }]);
    expect(stdout).toContain('Nothing to review yet');
    const menus = prompter.shown.filter((s) => s.kind === 'select');
    expect(menus.map((m) => m.message)).toEqual(['What next?', 'What next?', 'What next?']);
    expect(menus[1]!.lines).toEqual(['Back to the home screen']);
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
        { pager: 'close' },
        { select: 'Quiz' },
        { select: 'Basics of alignment' },
        { cancel: true },
      ],
    );
    expect(stdout).toContain('Your place is saved: Oversight at scale, section 1 of 4.');
    const report = prompter.shown.find((s) => s.kind === 'pager' && s.message === 'note')!;
    expect(report.lines.join('\n')).toMatch(/Your progress[\s\S]*Oversight at scale/);
    expect(prompter.shown.at(-1)!.message).toBe('Your answer');
    expect(prompter.left).toEqual([]);
  });
});

describe('one way back (in-process)', () => {
  it('"Stop here" in a quiz from the home screen returns home, with the answers saved', async () => {
    const me = learner();
    const { stdout, prompter } = await me.run(
      [],
      [
        { select: 'Quiz' },
        { select: 'Basics of alignment' },
        { select: 'True' },
        { select: 'Stop here' },
        { back: true },
      ],
    );
    expect(stdout).toContain('Your answers are saved. Resume with alignment-tutor quiz basics.');
    expect(prompter.shown.at(-1)!.message).toBe('What next?');
    expect(stdout).not.toContain('Stopped.');
    expect(me.progress().quizzes['basics']!.current).toBeDefined();
  });

  it('Esc on a lesson check shows the section again, and the check is asked on the next →', async () => {
    const me = learner();
    const { prompter } = await me.run(
      ['learn', 'basics'],
      [
        { pager: 'next' },
        { pager: 'next' },
        { back: true },
        { pager: 'next' },
        { back: true },
        { pager: 'quit' },
      ],
    );
    const kinds = prompter.shown.map((s) => `${s.kind}:${s.message}`);
    expect(kinds).toEqual([
      'pager:section',
      'pager:section',
      'select:Your answer',
      'pager:section',
      'select:Your answer',
      'pager:section',
    ]);
    expect(prompter.shown[3]!.lines.at(-1)).toContain('The question is still open');
    expect(me.progress().quizzes['basics']).toBeUndefined();
  });
});
