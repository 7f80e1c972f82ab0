import { afterAll, describe, expect, it } from 'vitest';
import { KEYS, TerminalSession } from '../helpers/pty.ts';
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
});
