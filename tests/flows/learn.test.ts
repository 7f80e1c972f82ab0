import { afterAll, describe, expect, it } from 'vitest';
import { displayFor } from '../../src/quiz/session.ts';
import { seededRandom } from '../../src/quiz/shuffle.ts';
import { tempDir } from '../helpers/run.ts';
import { fixtureCourse } from '../lesson/course.ts';
import { scriptedLearner } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;
const learner = () => scriptedLearner(tmp.dir, `learn-${++n}`);

describe('learn, with keys (in-process, scripted)', () => {
  it('pages through the sections, asks the check, shows feedback, the recap, and offers the quiz', async () => {
    const me = learner();
    const { code, stdout, prompter } = await me.run(
      ['learn', 'basics'],
      [
        { pager: 'next' },
        { pager: 'next' },
        { select: 'A measurable stand-in' },
        { pager: 'next' },
        { pager: 'next' },
        { pager: 'finish' },
        { confirm: false },
      ],
    );
    expect(code).toBe(0);
    expect(prompter.left).toEqual([]);
    const pages = prompter.shown.filter((s) => s.kind === 'pager');
    expect(pages.map((p) => p.message)).toEqual(['section', 'section', 'feedback', 'section', 'end']);
    expect(pages[0]!.lines[0]).toContain('Lesson 1 of 3 · Section 1 of 3');
    // The feedback page repeats the question above the verdict, since the screen was cleared.
    expect(pages[2]!.lines.join('\n')).toMatch(/What is a proxy\?[\s\S]*Correct\./);
    expect(stdout).toContain('Take it later with alignment-tutor quiz basics.');
    const saved = me.progress();
    expect(saved.lessons['basics']!.finishedAt).toBeDefined();
    expect(saved.quizzes['basics']!.answers).toMatchObject([
      { question: 'check-proxy', source: 'check', correct: true },
    ]);
  });

  it('goes back, jumps, shows the key terms and returns to the section, and saves the place on quit', async () => {
    const me = learner();
    const { stdout, prompter } = await me.run(
      ['learn', 'oversight'],
      [{ pager: 'back' }, { pager: { jump: 2 } }, { pager: 'terms' }, { pager: 'close' }, { pager: 'quit' }],
    );
    const pages = prompter.shown.filter((s) => s.kind === 'pager');
    expect(pages.map((p) => p.message)).toEqual(['section', 'section', 'section', 'note', 'section']);
    expect(pages[1]!.lines.join('\n')).toContain('This is the first section.');
    expect(pages[2]!.lines[0]).toContain('Section 3 of 4');
    expect(pages[4]!.lines[0]).toContain('Section 3 of 4');
    expect(stdout).toContain('Your place is saved: Oversight at scale, section 3 of 4.');
    expect(me.progress().lessons['oversight']!.sectionReached).toBe('amplification');
  });

  describe("a check's choices", () => {
    const check = fixtureCourse().lessons.find((l) => l.id === 'basics')!.sections[1]!.check!;
    const texts = check.type === 'single' ? check.choices.map((c) => c.text) : [];
    // A seed that shows the check's choices out of file order, and that would draw another order
    // if the check were shuffled again when the learner comes back to it.
    const seed = [...Array(50).keys()].find((s) => {
      const random = seededRandom(s);
      const first = displayFor(check, undefined, random)!.join();
      return first !== '0,1,2' && displayFor(check, undefined, random)!.join() !== first;
    })!;
    const asked = (prompter: { shown: Array<{ kind: string; message: string; lines: string[] }> }) =>
      prompter.shown
        .filter((s) => s.kind === 'select' && s.message === 'Your answer')
        .map((s) => s.lines.slice(0, 3));

    it('are shuffled, stay in the same order when the learner leaves to re-read, and are graded right', async () => {
      const me = learner();
      const { prompter } = await me.run(
        ['learn', 'basics', '--seed', String(seed)],
        [
          { pager: 'next' },
          { pager: 'next' },
          { back: true },
          { pager: 'next' },
          { select: 'A measurable stand-in' },
          { pager: 'quit' },
        ],
      );
      const [first, again] = asked(prompter);
      expect(first).toEqual(displayFor(check, undefined, seededRandom(seed))!.map((i) => texts[i]));
      expect(first).not.toEqual(texts);
      expect(again).toEqual(first);
      expect(me.progress().quizzes['basics']!.answers).toMatchObject([
        { question: 'check-proxy', source: 'check', correct: true, response: { type: 'single', choice: 1 } },
      ]);
    });

    it('are in file order with --no-shuffle', async () => {
      const me = learner();
      const { prompter } = await me.run(
        ['learn', 'basics', '--no-shuffle', '--seed', String(seed)],
        [{ pager: 'next' }, { pager: 'next' }, { select: 'The real goal' }, { pager: 'quit' }],
      );
      expect(asked(prompter)).toEqual([texts]);
      expect(me.progress().quizzes['basics']!.answers).toMatchObject([
        { question: 'check-proxy', correct: false, response: { type: 'single', choice: 0 } },
      ]);
    });
  });
});
