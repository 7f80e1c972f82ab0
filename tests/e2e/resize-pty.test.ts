import { afterAll, describe, expect, it } from 'vitest';
import { KEYS, TerminalSession } from '../helpers/pty.ts';
import { tempDir } from '../helpers/run.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;

/** The shipped course, whose paragraphs are long enough to show the wrapping. */
function open(args: string[]) {
  const env = { ALIGNMENT_TUTOR_PROGRESS: `${tmp.dir}/resize-${++n}.json`, ALIGNMENT_TUTOR_CACHE: 'off' };
  return new TerminalSession(args, { env, cols: 80, rows: 24 });
}
const longest = (screen: string) => Math.max(...screen.split('\n').map((l) => l.length));

describe('resizing the terminal (a real terminal)', () => {
  it('re-wraps the lesson reader to a wider and to a narrower window', async () => {
    const t = open(['learn', '2']);
    await t.waitFor('Lesson 2 of 12 · Section 1 of 6');
    expect(longest(t.screen())).toBeLessThanOrEqual(80);
    t.resize(110, 30);
    await t.waitFor(/^.{85,}$/m);
    t.resize(40, 20);
    await t.waitFor('↓ more · 1-');
    await new Promise((r) => setTimeout(r, 300));
    expect(longest(t.screen())).toBeLessThanOrEqual(40);
    expect(t.screen()).toContain('Lesson 2 of 12 · Section 1 of 6');
    t.write(KEYS.ctrlC);
    expect(await t.exit()).toBe(0);
  });

  it('draws the home screen again at the new width', async () => {
    const t = open([]);
    await t.waitFor('What next?');
    t.resize(50, 44);
    await new Promise((r) => setTimeout(r, 500));
    await t.waitFor('What next?');
    const home = t.screen().split('\n');
    const last = home.lastIndexOf('alignment-tutor · The AI alignment problem');
    expect(last).toBeGreaterThanOrEqual(0);
    expect(Math.max(...home.slice(last).map((l) => l.length))).toBeLessThanOrEqual(50);
    t.write('q');
    expect(await t.exit()).toBe(0);
  });
});
