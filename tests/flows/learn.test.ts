import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run.ts';
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
});
