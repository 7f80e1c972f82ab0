import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/run.ts';
import { fixtureLearner } from '../lesson/course.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;
/** A fresh progress file per test, and the lesson fixture course. */
function learner() {
  const me = fixtureLearner(tmp.dir, `progress-${++n}`);
  return {
    ...me,
    run: (argv: string[], opts: Parameters<typeof run>[1] = {}) =>
      run(me.args(argv), { ...opts, env: { ...me.env, ...opts.env } }),
  };
}
const ESC = /\u001b/;

describe('learn --plain: the line protocol', () => {
  it('shows one section per empty line with its header, and quitting keeps the section reached', async () => {
    const me = learner();
    const first = await me.run(['--plain', 'learn', 'oversight'], { input: ['', '', 'q'] });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Lesson 2 of 3 · Section 1 of 4');
    expect(first.stdout).toContain('Lesson 2 of 3 · Section 3 of 4');
    expect(first.stdout).toContain('Amplification breaks a hard question');
    expect(first.stdout).toContain('Your place is saved: Oversight at scale, section 3 of 4.');
    expect(me.progress().lessons['oversight']).toMatchObject({
      sectionsSeen: ['problem', 'debate', 'amplification'],
      sectionReached: 'amplification',
    });

    const again = await me.run(['--plain', 'learn'], { input: ['q'] });
    expect(again.stdout).toContain('Welcome back: picking up at section 3 of 4.');
    expect(again.stdout).toContain('Lesson 2 of 3 · Section 3 of 4');
    expect(again.stdout).not.toContain('Section 1 of 4');
  });

  it('notes unread prerequisites in one line, and opens the lesson anyway', async () => {
    const me = learner();
    const { stdout } = await me.run(['--plain', 'learn', 'oversight'], { input: ['q'] });
    expect(stdout).toMatch(
      /^Note: this lesson builds on "Basics of alignment" \(basics\), which you have not\s+finished yet\.\n/,
    );
    expect(stdout).toContain('The oversight problem');
  });

  it('goes back with b, jumps with a number, lists key terms with t, and explains a wrong command', async () => {
    const me = learner();
    const { stdout } = await me.run(['--plain', 'learn', 'oversight'], {
      input: ['b', '4', 'b', 't', 'what', 'q'],
    });
    expect(stdout).toContain('This is the first section.');
    expect(stdout).toContain('Lesson 2 of 3 · Section 4 of 4');
    expect(stdout).toContain('Key terms · Oversight at scale');
    expect(stdout).toContain('Two systems argue opposite sides and a person judges.');
    expect(stdout).toContain('"what" is not a lesson command.');
    expect(stdout).toContain('Your place is saved: Oversight at scale, section 3 of 4.');
  });

  it('asks a section check inline, explains it, and records the answer as a check', async () => {
    const me = learner();
    const { stdout } = await me.run(['--plain', 'learn', 'basics', '--no-shuffle'], {
      input: ['', '', '1', 'q'],
    });
    expect(stdout).toContain('What is a proxy?');
    expect(stdout).toContain('Not correct. You chose: The real goal');
    expect(stdout).toContain('A proxy is what we can measure in place of what we care about.');
    expect(stdout).toContain('Lesson 1 of 3 · Section 3 of 3');
    const answers = me.progress().quizzes['basics']!.answers;
    expect(answers).toEqual([
      expect.objectContaining({
        question: 'check-proxy',
        source: 'check',
        correct: false,
        hintUsed: false,
        response: { type: 'single', choice: 0 },
      }),
    ]);
  });

  it('ends with the recap, marks the lesson read, and offers the quiz', async () => {
    const me = learner();
    const { stdout, code } = await me.run(['--plain', 'learn', 'values'], { input: ['', 'n'] });
    expect(code).toBe(0);
    expect(stdout).toContain('You have finished "Whose values?".');
    expect(stdout).toContain('Value pluralism');
    expect(stdout).toContain('Take the quiz on this lesson now? (Y/n)');
    expect(stdout).toMatch(
      /Take it later with alignment-tutor quiz values\. Next: start "Basics of\s+alignment":\s+alignment-tutor learn basics/,
    );
    expect(me.progress().lessons['values']!.finishedAt).toBeDefined();
    const list = await me.run(['list', '--json']);
    expect(JSON.parse(list.stdout)).toContainEqual(
      expect.objectContaining({ id: 'values', status: 'read', sectionsSeen: 1 }),
    );
  });

  it('stops cleanly at the end of input, keeping the place', async () => {
    const me = learner();
    const { code, stdout } = await me.run(['--plain', 'learn', 'oversight'], { input: [''] });
    expect(code).toBe(0);
    expect(stdout).toContain('Stopped. Your progress is saved.');
    expect(me.progress().lessons['oversight']!.sectionReached).toBe('debate');
  });

  it('is the protocol whenever input is not a terminal, even without --plain', async () => {
    const me = learner();
    const { stdout } = await me.run(['learn', 'oversight'], { input: ['q'] });
    expect(stdout).toContain(
      'Press Enter for the next section, b to go back, 1-4 to jump to a section, t for key terms, q to quit.',
    );
  });

  it('opens at a section given as lesson/section, by id or number', async () => {
    const me = learner();
    expect((await me.run(['learn', 'oversight/limits'], { input: ['q'] })).stdout).toContain(
      'Section 4 of 4',
    );
    expect((await me.run(['learn', 'oversight/2'], { input: ['q'] })).stdout).toContain('Section 2 of 4');
    const bad = await me.run(['learn', 'oversight/nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('lesson "oversight" has no section "nope"');
  });
});

describe('learn: choosing the lesson', () => {
  it('rejects an unknown id with the closest ids, exit 1', async () => {
    const me = learner();
    const { code, stderr, stdout } = await me.run(['learn', 'oversigt']);
    expect(code).toBe(1);
    expect(stderr).toContain('error: there is no lesson "oversigt"; did you mean "oversight"?');
    expect(stderr).toContain('Name a lesson by its number (1-3) or its id; alignment-tutor list shows both.');
    expect(stdout).toBe('');
  });

  it('lists every id when none is close', async () => {
    const { stderr } = await learner().run(['learn', 'zzz']);
    expect(stderr).toContain('error: there is no lesson "zzz"\n');
    expect(stderr).toContain('Lesson ids: basics, oversight, values.');
  });

  it('opens the first lesson on a first run', async () => {
    const { stdout } = await learner().run(['learn'], { input: ['q'] });
    expect(stdout).toContain('Lesson 1 of 3 · Section 1 of 3');
  });

  it("reports content errors with the validator's messages and draws nothing", async () => {
    const me = learner();
    const bad = path.join(tmp.dir, 'bad-course');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(path.join(bad, 'lessons'), { recursive: true });
    writeFileSync(path.join(bad, 'lessons', 'broken.yaml'), 'id: broken\ntitle: Broken\norder: one\n');
    for (const argv of [['learn'], ['list'], [], ['glossary'], ['search', 'x']]) {
      const res = await run(['--content', bad, ...argv], { env: me.env });
      expect(res.code, argv.join(' ')).toBe(1);
      expect(res.stderr).toContain('broken.yaml:3:');
      expect(res.stdout).toBe('');
    }
  });
});

describe('learn --print', () => {
  it('prints the whole lesson without prompts or escape codes, and records nothing', async () => {
    const me = learner();
    const { code, stdout } = await me.run(['learn', 'basics', '--print']);
    expect(code).toBe(0);
    for (const text of [
      'Basics of alignment',
      'Section 1 of 3',
      'Section 3 of 3',
      'What is a proxy?',
      'Key terms',
      'Victoria Krakovna (2018)',
    ])
      expect(stdout).toContain(text);
    expect(stdout).not.toMatch(ESC);
    expect(() => me.progress()).toThrow();
  });

  it('has no escape codes with --no-color or NO_COLOR even on a terminal, and colour otherwise', async () => {
    const me = learner();
    expect(
      (
        await me.run(['--no-color', 'learn', 'basics', '--print'], {
          tty: true,
          env: { NO_COLOR: undefined },
        })
      ).stdout,
    ).not.toMatch(ESC);
    expect(
      (await me.run(['learn', 'basics', '--print'], { tty: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toMatch(ESC);
    expect(
      (await me.run(['learn', 'basics', '--print'], { tty: true, env: { NO_COLOR: undefined } })).stdout,
    ).toMatch(ESC);
  });

  it('wraps to a narrow terminal', async () => {
    const { stdout } = await learner().run(['learn', 'basics', '--print'], { tty: true, columns: 32 });
    for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(32);
  });
});

describe('list', () => {
  it('shows each lesson with id, minutes, prerequisites and status', async () => {
    const me = learner();
    await me.run(['learn', 'oversight'], { input: ['', 'q'] });
    const { stdout } = await me.run(['list']);
    expect(stdout).toContain('1. Basics of alignment · 10 min · not started');
    expect(stdout).toContain('2. Oversight at scale · 8 min · in progress at section 2 of 4');
    expect(stdout).toContain('id: oversight · requires: basics');
  });

  it('prints JSON with --json', async () => {
    const { stdout } = await learner().run(['list', '--json']);
    expect(JSON.parse(stdout)[1]).toEqual({
      position: 2,
      id: 'oversight',
      title: 'Oversight at scale',
      minutes: 8,
      requires: ['basics'],
      sections: 4,
      sectionsSeen: 0,
      status: 'not-started',
      quizBest: null,
    });
  });
});

describe('glossary and search', () => {
  it('lists every term alphabetically with its lesson', async () => {
    const { stdout } = await learner().run(['glossary']);
    const terms = stdout
      .split('\n')
      .filter((l) => / {2,}/.test(l))
      .map((l) => l.split(/ {2,}/)[0]);
    expect(terms).toEqual([
      'Alignment',
      'Debate',
      'Proxy',
      'Scalable oversight',
      'Specification gaming (SG)',
      'Value pluralism',
    ]);
    expect(stdout).toMatch(/Scalable oversight\s+Oversight at scale/);
  });

  it('defines a term looked up in any case, and suggests close ones for a miss (exit 1)', async () => {
    const me = learner();
    const hit = await me.run(['glossary', 'SCALABLE OVERSIGHT']);
    expect(hit.stdout).toContain("Supervising systems whose abilities exceed the supervisor's.");
    expect(hit.stdout).toContain('from "Oversight at scale" (alignment-tutor learn oversight)');
    const miss = await me.run(['glossary', 'debait']);
    expect(miss.code).toBe(1);
    expect(miss.stderr).toContain('"debait" is not a key term in this course');
    expect(miss.stderr).toContain('Closest terms: Debate.');
  });

  it('prints ranked hits as lesson › section, the matching line and the command to open it', async () => {
    const { stdout, code } = await learner().run(['search', 'boat', 'race']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Basics of alignment › Specification gaming\n' +
        '  Systems trained on a proxy can find ways to score well that miss the point,\n' +
        '  like the boat that circled for points instead of finishing the race.\n' +
        '  alignment-tutor learn basics/gaming\n',
    );
  });

  it('says so when nothing matches, exit 1', async () => {
    const { stderr, code } = await learner().run(['search', 'xylophone']);
    expect(code).toBe(1);
    expect(stderr).toContain('Nothing in the lessons matches "xylophone"');
  });
});

describe('home screen in --plain', () => {
  it('greets a new learner, offers the first lesson, says there is nothing to review yet, and quits', async () => {
    const { stdout, code } = await learner().run(['--plain'], { input: ['4', '9'] });
    expect(code).toBe(0);
    expect(stdout).toContain('Welcome!');
    expect(stdout).toContain('1. Start lesson 1: Basics of alignment');
    expect(stdout).toContain('4. Review - nothing to review yet: answer some questions first');
    expect(stdout).toContain('Nothing to review yet: cards come from the questions you answer');
    expect(stdout).toContain('1. Basics of alignment: not started; 0 of 3 sections seen.');
  });

  it('continues where the learner stopped, and shows it in the progress lines', async () => {
    const me = learner();
    const { stdout } = await me.run(['--plain'], { input: ['', '', 'q', '1', 'q', '9'] });
    expect(stdout).toContain('Lesson 1 of 3 · Section 2 of 3');
    expect(stdout).toContain('1. Continue "Basics of alignment" - section 2 of 3');
    expect(stdout).toContain('1. Basics of alignment: in progress at section 2 of 3; 2 of 3 sections seen.');
    expect(stdout).toContain('Welcome back: picking up at section 2 of 3.');
  });

  it('opens any lesson from Lessons', async () => {
    const { stdout } = await learner().run(['--plain'], { input: ['2', '3', 'q', '9'] });
    expect(stdout).toContain('Which lesson?');
    expect(stdout).toContain('Lesson 3 of 3 · Section 1 of 1');
  });

  it('offers to continue a quiz left unfinished, and opens it', async () => {
    const me = learner();
    await me.run(['quiz', 'basics'], { input: ['true'] });
    const { stdout } = await me.run([], { input: ['1', '1'] });
    expect(stdout).toContain('1. Continue the quiz on "Basics of alignment" - 1 of 2 questions answered');
    expect(stdout).toContain('You left this quiz after answering 1 of 2 questions.');
    expect(stdout).toContain('Pick two.');
  });
});
