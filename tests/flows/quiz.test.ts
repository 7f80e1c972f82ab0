import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressData } from '../../src/progress/types.ts';
import { ScriptedPrompter, type Step } from '../helpers/fake-prompter.ts';
import { run, tempDir } from '../helpers/run.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/quiz/course', import.meta.url));
const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;

/** A learner with a progress file of their own, answering through a script. */
function learner(course = FIXTURE) {
  const file = path.join(tmp.dir, `progress-${++n}.json`);
  return {
    file,
    async run(argv: string[], steps: Step[]) {
      const prompter = new ScriptedPrompter(steps);
      const result = await run(['--content', course, ...argv], {
        env: { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' },
        prompter,
      });
      return { ...result, prompter };
    },
    saved: () => Object.values((JSON.parse(readFileSync(file, 'utf8')) as ProgressData).courses)[0]!,
  };
}

const NEXT: Step = { select: 'Next question' };
const RIGHT: Step[] = [
  { select: 'A measurable stand-in' },
  NEXT,
  { checkbox: ['boat', 'Teaching'] },
  NEXT,
  { select: 'False' },
  NEXT,
  { input: 'Goodhart' },
  NEXT,
  { order: ['Act in the environment', 'Receive a reward', 'Update the policy'] },
];

describe('quiz, with keys (in-process, scripted)', () => {
  it('asks each question through the prompter, explains it, and saves a passed attempt', async () => {
    const me = learner();
    const { code, stdout, prompter } = await me.run(['quiz', 'rewards'], RIGHT);
    expect(code).toBe(0);
    expect(prompter.left).toEqual([]);
    expect(stdout).toContain('Question 5 of 5');
    expect(stdout).toContain('Correct. That is the right order:');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('Score: 5/5 (100%) passed');
    const attempts = me.saved().quizzes['rewards']!.attempts;
    expect(attempts).toMatchObject([{ right: 5, total: 5, passed: true, mode: 'all' }]);
  });

  it('shows the hint when asked for it, records that it was used, and then asks again', async () => {
    const me = learner();
    const { stdout, prompter } = await me.run(
      ['quiz', 'rewards'],
      [{ select: 'Show the hint' }, { select: 'A measurable stand-in' }, { cancel: true }],
    );
    expect(stdout).toContain('Hint: It stands in for something else.');
    // The second menu no longer offers the hint.
    expect(prompter.shown[1]!.lines.some((l) => l.includes('Show the hint'))).toBe(false);
    expect(me.saved().quizzes['rewards']!.answers).toMatchObject([
      { question: 'proxy-meaning', hintUsed: true },
    ]);
  });
});

/** The fixture course with a hint on its select-all question. */
function courseWithHint(): string {
  const dir = path.join(tmp.dir, 'hinted');
  cpSync(FIXTURE, dir, { recursive: true });
  const quiz = path.join(dir, 'quizzes', 'rewards.yaml');
  const hinted = readFileSync(quiz, 'utf8').replace(
    '    section: goodhart\n    choices:',
    '    hint: Look for a measure pushed away from what it measured.\n    section: goodhart\n    choices:',
  );
  writeFileSync(quiz, hinted);
  return dir;
}

describe('the hint of a select-all question', () => {
  it('keeps the choices ticked before it was asked for, and is not part of the answer', async () => {
    const me = learner(courseWithHint());
    const { stdout, prompter } = await me.run(
      ['quiz', 'rewards'],
      [
        { select: 'A measurable stand-in' },
        NEXT,
        { checkbox: 'hint', ticked: ['boat'] },
        { checkbox: ['boat', 'Teaching'] },
        { cancel: true },
      ],
    );
    expect(stdout).toContain('Hint: Look for a measure pushed away from what it measured.');
    const [first, again] = prompter.shown.filter((s) => s.kind === 'checkbox');
    expect(first!.lines).toContain('h: the hint');
    // The hint is a key, not a choice: never among the boxes to tick.
    expect(first!.lines.some((l) => /hint/i.test(l) && l !== 'h: the hint')).toBe(false);
    expect(again!.lines).toContain('[x] A boat racing agent circling for points');
    expect(again!.lines).not.toContain('h: the hint');
    expect(me.saved().quizzes['rewards']!.answers[1]).toMatchObject({
      question: 'goodhart-effects',
      correct: true,
      hintUsed: true,
    });
  });
});

describe('a new terminal size during a question (Redraw)', () => {
  const count = (text: string, part: string) => text.split(part).length - 1;

  it('draws the question again with its hint, keeps the ticks, and records the answer once', async () => {
    const me = learner(courseWithHint());
    const { stdout, prompter } = await me.run(
      ['quiz', 'rewards'],
      [
        { select: 'A measurable stand-in' },
        // At the menu between questions: the question and its feedback again.
        { resize: true },
        NEXT,
        { checkbox: 'hint', ticked: ['boat'] },
        { resize: true, ticked: ['boat', 'Teaching'] },
        { checkbox: ['boat', 'Teaching'] },
        { cancel: true },
      ],
    );
    expect(count(stdout, 'Question 1 of 5')).toBe(2);
    expect(count(stdout, 'A proxy is what we can measure in place of what we care about.')).toBe(2);
    expect(count(stdout, 'Question 2 of 5')).toBe(2);
    expect(count(stdout, 'Hint: Look for a measure pushed away from what it measured.')).toBe(2);
    const asked = prompter.shown.filter((s) => s.kind === 'checkbox');
    expect(asked).toHaveLength(3);
    // Asked again at the new size with what was ticked when it changed, and no hint to offer.
    expect(asked[2]!.lines).toEqual(
      expect.arrayContaining(['[x] A boat racing agent circling for points', '[x] Teaching to the test']),
    );
    expect(asked[2]!.lines).not.toContain('h: the hint');
    expect(me.saved().quizzes['rewards']!.answers).toMatchObject([
      { question: 'proxy-meaning', correct: true },
      { question: 'goodhart-effects', correct: true, hintUsed: true },
    ]);
    expect(me.saved().quizzes['rewards']!.answers).toHaveLength(2);
  });
});
