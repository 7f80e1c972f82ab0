import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/schema.ts';
import { defaultKnobs, formatKnob, stepKnob } from '../../src/lab/knobs.ts';
import { LABS } from '../../src/lab/registry.ts';
import type { ProgressData } from '../../src/progress/types.ts';
import { run, tempDir } from '../helpers/run.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;

/** A learner of the shipped course (the labs belong to its lessons) with a progress file of their own. */
function learner() {
  const file = path.join(tmp.dir, `lab-${++n}.json`);
  return {
    run: (argv: string[], input?: string[]) =>
      run(argv, { env: { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' }, input }),
    answers: (lesson: string) =>
      Object.values((JSON.parse(readFileSync(file, 'utf8')) as ProgressData).courses)[0]!.quizzes[lesson]
        ?.answers ?? [],
  };
}

/** The part of --plain output that shows one run of the simulation: from its title to the knob list. */
function views(stdout: string, title: string): string[] {
  return stdout
    .split(`Lab: ${title} · seed`)
    .slice(1)
    .map((part) => part.slice(0, part.indexOf('\nKnobs:')));
}

/** The right answer in the --plain protocol: true or false, or the numbers of the correct choices. */
function rightAnswer(q: Question): string {
  if (q.type === 'true-false') return String(q.answer);
  if (q.type !== 'single' && q.type !== 'multiple')
    throw new Error(`no plain answer for a ${q.type} question`);
  return q.choices.flatMap((c, i) => (c.correct ? [String(i + 1)] : [])).join(' ');
}

describe('alignment-tutor lab', () => {
  it('lists the six labs, one line each, with the lesson each belongs to', async () => {
    const { code, stdout } = await learner().run(['lab']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    for (const lab of LABS)
      expect(lines.some((l) => l.startsWith(lab.id) && l.includes(lab.title))).toBe(true);
    expect(stdout).toContain(
      'goodhart           Goodhart under selection (lesson: The specification problem)',
    );
    expect(stdout).toContain('Open one with alignment-tutor lab <name>.');
  });

  it('lists the labs as JSON, knobs and question ids included', async () => {
    const { stdout } = await learner().run(['lab', '--json']);
    const list = JSON.parse(stdout) as Array<{ id: string; knobs: Array<{ id: string }>; question: string }>;
    expect(list.map((l) => l.id)).toEqual(LABS.map((l) => l.id));
    expect(list[0]!.knobs.map((k) => k.id)).toEqual(['noise', 'pressure', 'variant']);
    expect(list[0]!.question).toBe('lab-goodhart-pressure');
  });

  it('prints the simulation for the knobs and seed given, as the lab computes it', async () => {
    const { code, stdout } = await learner().run([
      'lab',
      'goodhart',
      '--json',
      '--knob',
      'noise=0.5',
      '--knob',
      'variant=extremal',
      '--seed',
      '7',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { seed: number; knobs: Record<string, number>; result: unknown };
    expect(out.seed).toBe(7);
    expect(out.knobs).toEqual({ noise: 0.5, pressure: 6, variant: 1 });
    expect(out.result).toEqual(LABS[0]!.run(out.knobs, 7));
    // The extremal variant: the true value of the kept group turns down under enough pressure.
    const levels = (out.result as { levels: Array<{ meanTrue: number }> }).levels;
    expect(levels.at(-1)!.meanTrue).toBeLessThan(Math.max(...levels.map((l) => l.meanTrue)));
  });

  it('says which lab or knob value is wrong and what is allowed (exit 2)', async () => {
    const me = learner();
    const unknown = await me.run(['lab', 'goodhat']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no lab "goodhat"; did you mean "goodhart"?');
    expect(unknown.stderr).toContain('The labs are goodhart, write-the-reward, misgeneralisation');

    const high = await me.run(['lab', 'goodhart', '--json', '--knob', 'noise=5']);
    expect(high.code).toBe(2);
    expect(high.stderr).toContain(
      '--knob noise: Proxy noise must be a number from 0 to 2 in steps of 0.1; got 5',
    );
    expect(high.stdout).toBe('');

    const word = await me.run(['lab', 'goodhart', '--knob', 'variant=sideways']);
    expect(word.code).toBe(2);
    expect(word.stderr).toContain('Variant must be one of 0 (regressional), 1 (extremal); got "sideways"');

    const noKnob = await me.run(['lab', 'off-switch', '--knob', 'volume=3']);
    expect(noKnob.code).toBe(2);
    expect(noKnob.stderr).toContain('the off-switch lab has no knob "volume"');
    expect(noKnob.stderr).toContain('Its knobs are mean, spread, noise.');

    const bare = await me.run(['lab', 'goodhart', '--knob', 'noise']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('write it as id=value, e.g. --knob noise=1');

    expect((await me.run(['lab', '--seed', '3'])).code).toBe(2);
  });

  describe.each(LABS.map((lab) => [lab.id, lab] as const))('%s in --plain', (_id, lab) => {
    it('turns the first knob, redraws, then asks the closing question and records it as a check', async () => {
      const me = learner();
      const knob = lab.knobs[0]!;
      const before = defaultKnobs(lab.knobs);
      const after = stepKnob(lab.knobs, before, knob.id, 1);
      const q = lab.question;
      const right = rightAnswer(q);
      const { code, stdout } = await me.run(
        ['--plain', 'lab', lab.id],
        [`1 ${formatKnob(knob, after[knob.id]!)}`, '', right],
      );
      expect(code).toBe(0);
      expect(stdout).toContain(lab.intro[0]!.slice(0, 40));
      const [first, second] = views(stdout, lab.title);
      expect(first).toBeDefined();
      expect(second).toBeDefined();
      expect(second).not.toEqual(first);
      // The chart as plain ASCII, each line within 80 columns.
      for (const line of `${first}${second}`.split('\n')) {
        expect(line).toMatch(/^[\x20-\x7e]*$/);
        expect(line.length).toBeLessThanOrEqual(80);
      }
      expect(stdout).toContain(`1. ${knob.label}: ${formatKnob(knob, after[knob.id]!)}`);
      expect(stdout).toContain('What the simulation leaves out');
      expect(stdout).toContain(lab.leavesOut.slice(0, 40));
      expect(stdout).toContain('Correct.');
      const answers = me.answers(lab.lesson);
      expect(answers).toHaveLength(1);
      expect(answers[0]).toMatchObject({ question: q.id, source: 'check', correct: true });
    });
  });

  it('in --plain, a value out of range is refused with what is allowed, and asked again', async () => {
    const me = learner();
    const { stdout } = await me.run(['--plain', 'lab', 'goodhart'], ['2 12', '2', '9', 'q']);
    expect(stdout).toContain('Selection pressure must be a number from 0 to 10 in steps of 1; got 12');
    expect(stdout).toContain('Keeping the top 0.10% by the proxy (20 of 20000');
    // q went back before the question: nothing recorded.
    expect(stdout).not.toContain('What the simulation leaves out');
  });

  it('the lesson printed whole ends with the command for its labs', async () => {
    const { stdout } = await learner().run(['learn', 'specification-problem', '--print']);
    expect(stdout).toContain('Try the lab: Goodhart under selection (alignment-tutor lab goodhart).');
    expect(stdout).toContain('Try the lab: Write the reward (alignment-tutor lab write-the-reward).');
  });
});
