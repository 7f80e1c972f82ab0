import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressData } from '../../src/progress/types.ts';
import { ScriptedPrompter, type Step } from '../helpers/fake-prompter.ts';
import { run, tempDir } from '../helpers/run.ts';
import { FIXTURE } from '../lesson/course.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;

/** A learner answering every prompt from a script, in-process, with a progress file of their own. */
function learner(content?: string) {
  const file = path.join(tmp.dir, `lab-flow-${++n}.json`);
  return {
    async run(argv: string[], steps: Step[]) {
      const prompter = new ScriptedPrompter(steps);
      const args = content ? ['--content', content, ...argv] : argv;
      const env = { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' };
      return { ...(await run(args, { env, prompter })), prompter };
    },
    answers: (lesson: string) =>
      Object.values((JSON.parse(readFileSync(file, 'utf8')) as ProgressData).courses)[0]!.quizzes[lesson]
        ?.answers ?? [],
  };
}

describe('a lab with keys (in-process, scripted)', () => {
  it('turns a knob, shows the numbers change, and records the closing question like a check', async () => {
    const me = learner();
    const { code, stdout, prompter } = await me.run(
      ['lab', 'goodhart'],
      [
        { select: 'Start the lab' },
        { tune: [{ turn: 'noise', by: -10 }], then: 'done' },
        { select: 'Selecting on the proxy also selected candidates whose noise ran high' },
        { select: 'Done' },
      ],
    );
    expect(code).toBe(0);
    const [before, after] = prompter.shown.filter((s) => s.kind === 'tune');
    expect(before!.lines[1]).toBe('proxy 3.80, true value 1.92, gap 1.89');
    // No noise: the proxy is the true value, and the gap closes.
    expect(after!.lines[1]).toMatch(/^proxy (\S+), true value \1, gap 0\.00$/);
    expect(after!.lines).toContain('Proxy noise: 0');
    expect(stdout).toContain('What the simulation leaves out');
    expect(stdout).toContain('Correct.');
    expect(me.answers('specification-problem')).toMatchObject([
      { question: 'lab-goodhart-pressure', source: 'check', correct: true, hintUsed: false },
    ]);
  });

  it('goes back from the knobs without the question, and nothing is recorded', async () => {
    const me = learner();
    const { code, stdout, prompter } = await me.run(
      ['lab', 'off-switch'],
      [{ select: 'Start the lab' }, { tune: [{ turn: 'spread', by: 3 }], then: 'back' }],
    );
    expect(code).toBe(0);
    expect(prompter.left).toEqual([]);
    expect(stdout).not.toContain('What the simulation leaves out');
    expect(() => me.answers('corrigibility')).toThrow();
  });

  it('draws the misgeneralisation curve once its agents are trained, starting from the knob given', async () => {
    const me = learner();
    const { prompter } = await me.run(
      ['lab', 'misgeneralisation', '--knob', 'random-share=20'],
      [{ select: 'Start the lab' }, { tune: [], then: 'back' }],
    );
    const [view] = prompter.shown.filter((s) => s.kind === 'tune');
    expect(view!.lines[0]).toMatch(/^Trained with 20% of coins placed at random/);
    expect(view!.lines.join('\n')).toContain('training levels with the coin placed at random');
  });

  it('is offered from the home screen under Labs, and comes back to the list', async () => {
    const me = learner();
    const { prompter } = await me.run(
      [],
      [
        { select: 'Labs' },
        { select: 'Whose preferences' },
        { select: 'Back' },
        { select: 'Back' },
        { select: 'Quit' },
      ],
    );
    const menus = prompter.shown.filter((s) => s.kind === 'select').map((s) => s.message);
    expect(menus).toEqual(['What next?', 'Which lab?', 'What next?', 'Which lab?', 'What next?']);
    expect(prompter.shown[1]!.lines).toContain('Goodhart under selection');
  });

  it("offers a lesson's lab after its last section", async () => {
    // The fixture's one-section lesson, renamed to a lesson that has a lab.
    const course = path.join(tmp.dir, 'course-with-lab');
    cpSync(FIXTURE, course, { recursive: true });
    const lessons = path.join(course, 'lessons');
    writeFileSync(
      path.join(lessons, 'corrigibility.yaml'),
      readFileSync(path.join(lessons, 'values.yaml'), 'utf8').replace('id: values', 'id: corrigibility'),
    );
    rmSync(path.join(lessons, 'values.yaml'));
    rmSync(path.join(course, 'quizzes', 'values.yaml'));
    const me = learner(course);
    const { stdout, prompter } = await me.run(
      ['learn', 'corrigibility'],
      [
        { pager: 'next' },
        { pager: 'finish' },
        { select: 'Try the lab: The off-switch game' },
        { select: 'Start the lab' },
        { tune: [], then: 'back' },
      ],
    );
    expect(prompter.left).toEqual([]);
    expect(prompter.shown.find((s) => s.message === 'What next?')!.lines).toEqual([
      'Try the lab: The off-switch game',
      'Not now',
    ]);
    expect(stdout).toContain('Lab: The off-switch game');
  });
});
