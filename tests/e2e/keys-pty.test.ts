import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { answerUntilQuestion, KEYS, TerminalSession } from '../helpers/pty.ts';
import { tempDir } from '../helpers/run.ts';
import { fixtureLearner } from '../lesson/course.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;
const ESC = '\u001b';

function open(args: string[], size: { cols?: number; rows?: number } = {}) {
  const me = fixtureLearner(tmp.dir, `keys-${++n}`);
  return new TerminalSession(me.args(args), { env: me.env, ...size });
}

describe('one way out, everywhere (a real terminal)', () => {
  it('q on the home screen leaves the tutor instead of jumping to "Quiz"', async () => {
    const t = open([]);
    await t.waitFor('What next?');
    t.write('q');
    expect(await t.exit()).toBe(0);
    expect(t.fullText()).not.toContain('Which quiz?');
  });

  it('Esc on a check question goes back to its section, and → asks it again', async () => {
    const t = open(['learn', 'basics']);
    await t.waitFor('Section 1 of 3');
    t.write(KEYS.right);
    await t.waitFor('Section 2 of 3');
    t.write(KEYS.right);
    await t.waitFor('What is a proxy?');
    t.write(ESC);
    await t.waitFor('The question is still open');
    expect(t.screen()).toContain('Section 2 of 3');
    t.write(KEYS.right);
    await t.waitFor('What is a proxy?');
    t.write(KEYS.ctrlC);
    await t.waitFor('Stopped. Your progress is saved.');
    expect(await t.exit()).toBe(0);
  });

  it('q in a quiz started on the home screen goes back home, and q there leaves', async () => {
    const t = open([]);
    await t.waitFor('What next?');
    t.write(KEYS.down + KEYS.down + KEYS.enter);
    await t.waitFor('Which quiz?');
    t.write(KEYS.enter);
    await t.waitFor('Question 1 of');
    t.write('q');
    await t.waitFor('Your answers are saved.');
    await t.waitFor('What next?');
    t.write('q');
    expect(await t.exit()).toBe(0);
  });

  it('Esc in a menu opened from the home screen (the labs) goes back home, not out of the tutor', async () => {
    const t = open([]);
    await t.waitFor('What next?');
    t.write(KEYS.down.repeat(5) + KEYS.enter);
    await t.waitFor('Which lab?');
    // The first lab is where the cursor starts, not "Back".
    await t.waitFor(/^❯ Goodhart under selection$/m);
    t.write(ESC);
    await t.waitFor((screen) => screen.lastIndexOf('What next?') > screen.lastIndexOf('Which lab?'));
    t.write('q');
    expect(await t.exit()).toBe(0);
  });

  it('? lists the keys of the reader, and an unknown key says so without repeating the key line', async () => {
    const t = open(['learn', 'oversight'], { rows: 12 });
    await t.waitFor('Section 1 of 4');
    t.write('z');
    await t.waitFor('Press ? to see every key.');
    t.write('?');
    await t.waitFor('jump to a section');
    expect(t.screen()).toContain('leave the lesson; your place is saved');
    t.write(' ');
    await t.waitFor(/↓ more|end ·/);
    t.write(KEYS.ctrlC);
    expect(await t.exit()).toBe(0);
  });

  it('? at a menu lists its keys and asks again', async () => {
    const t = open([]);
    await t.waitFor('What next?');
    t.write('?');
    await t.waitFor('Keys: ↑↓ choose · Enter pick · Esc or q back');
    await t.waitFor(/Keys:[\s\S]*What next\?/);
    t.write('q');
    expect(await t.exit()).toBe(0);
  });

  it('h shows the hint of a select-all question and keeps the ticks; a and i never tick the hint', async () => {
    // Lesson 1's quiz in file order: two single-choice questions, then a select-all with a hint.
    const progress = `${tmp.dir}/keys-hint.json`;
    const t = new TerminalSession(['quiz', '1', '--no-shuffle'], {
      env: { ALIGNMENT_TUTOR_PROGRESS: progress, ALIGNMENT_TUTOR_CACHE: 'off' },
    });
    await answerUntilQuestion(t, 3);
    await t.waitFor('h hint');
    // All, none, then the second choice: four boxes, and the hint is not one of them.
    t.write('a');
    await t.waitFor((screen) => (screen.match(/◉/g) ?? []).length === 6);
    t.write('i');
    await t.waitFor((screen) => !screen.includes('◉'));
    t.write('2');
    await t.waitFor(/^❯◉ An assistant carries out/m);
    t.write('h');
    await t.waitFor('Hint: First check whether the system is really trying to serve its operator.');
    await t.waitFor(/^ ◉ An assistant carries out/m);
    expect(t.screen()).not.toContain('h hint');
    t.write(KEYS.enter);
    await t.waitFor('Next question');
    t.write(KEYS.ctrlC);
    expect(await t.exit()).toBe(0);
    const saved = JSON.parse(readFileSync(progress, 'utf8')) as {
      courses: Record<string, { quizzes: Record<string, { answers: Array<Record<string, unknown>> }> }>;
    };
    const answers = Object.values(saved.courses)[0]!.quizzes['what-alignment-means']!.answers;
    expect(answers.at(-1)).toMatchObject({
      question: 'faithful-but-harmful',
      response: { type: 'multiple', choices: [1] },
      hintUsed: true,
    });
  });
});
