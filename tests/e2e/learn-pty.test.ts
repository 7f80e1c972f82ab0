import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYS, TerminalSession } from '../helpers/pty.ts';
import { tempDir } from '../helpers/run.ts';
import { FIXTURE, fixtureLearner } from '../lesson/course.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;

function learner() {
  const me = fixtureLearner(tmp.dir, `progress-${++n}`);
  return {
    open: (args: string[], size: { cols?: number; rows?: number } = {}) =>
      new TerminalSession(me.args(args), { env: me.env, ...size }),
    reached: () => me.progress().lessons['oversight']?.sectionReached,
  };
}

describe('reading a lesson in a real terminal', () => {
  it('opens a lesson, advances two sections, quits, and reopens on the third', async () => {
    const me = learner();
    const first = me.open(['learn', 'oversight']);
    await first.waitFor('Lesson 2 of 3 · Section 1 of 4');
    await first.waitFor('→/Enter/space next · ←/b back · 1-4 jump · t key terms · q quit');
    first.write(KEYS.enter);
    await first.waitFor('Section 2 of 4');
    first.write(KEYS.right);
    await first.waitFor('Section 3 of 4');
    await first.waitFor('Amplification breaks a hard question');
    first.write('q');
    await first.waitFor('Your place is saved: Oversight at scale, section 3 of 4.');
    expect(await first.exit()).toBe(0);

    const again = me.open(['learn']);
    await again.waitFor('Lesson 2 of 3 · Section 3 of 4');
    expect(again.screen()).toContain('Welcome back: picking up at section 3 of 4.');
    expect(again.screen()).toContain('Amplification breaks a hard question');
    again.write('q');
    expect(await again.exit()).toBe(0);
  });

  it('keeps the section reached through Ctrl-C and through a closed terminal', async () => {
    const me = learner();
    const first = me.open(['learn', 'oversight']);
    await first.waitFor('Section 1 of 4');
    first.write(KEYS.enter);
    await first.waitFor('Section 2 of 4');
    first.write(KEYS.ctrlC);
    await first.waitFor('Stopped. Your progress is saved.');
    expect(await first.exit()).toBe(0);
    expect(me.reached()).toBe('debate');

    const second = me.open(['learn']);
    await second.waitFor('Section 2 of 4');
    second.write('4');
    await second.waitFor('Section 4 of 4');
    second.kill('SIGHUP');
    await second.exit();
    expect(me.reached()).toBe('limits');
  });

  it('shows the key terms and comes back to the section; the page fits a small screen', async () => {
    const me = learner();
    const session = me.open(['learn', 'basics'], { cols: 36, rows: 12 });
    await session.waitFor('Section 1 of 3');
    const screen = session.screen().split('\n');
    expect(screen.length).toBeLessThanOrEqual(12);
    expect(screen[0]).toBe('Lesson 1 of 3 · Section 1 of 3');
    session.write('t');
    await session.waitFor('Key terms · Basics of');
    // The terms are longer than this small screen: Enter reads on, t (like Esc) goes back at once.
    session.write(KEYS.enter);
    await session.waitFor('end · ');
    session.write('t');
    await session.waitFor('Lesson 1 of 3 · Section 1 of 3');
    session.write('q');
    expect(await session.exit()).toBe(0);
  });

  it('asks a check with arrow keys, explains it, and ends with the recap and the offer of the quiz', async () => {
    const me = learner();
    const session = me.open(['learn', 'basics/proxies', '--no-shuffle']);
    await session.waitFor('Section 2 of 3');
    await session.waitFor('A question on this section comes next.');
    session.write(KEYS.enter);
    await session.waitFor('A measurable stand-in for the goal');
    expect(session.screen()).toContain('Check your understanding\nWhat is a proxy?');
    session.write(KEYS.down + KEYS.enter);
    await session.waitFor('Correct. A measurable stand-in for the goal');
    await session.waitFor('→/Enter/space next section · ←/b back to the section · q quit');
    // The feedback page names the question again; the prompt's own answer line is gone with it.
    expect(session.screen().split('\n').slice(0, 2)).toEqual([
      'Check your understanding',
      'What is a proxy?',
    ]);
    // Every page after the check starts on the top row of a clean screen.
    const top = () => session.screen().split('\n')[0];
    session.write(KEYS.enter);
    await session.waitFor('Section 3 of 3');
    expect(top()).toBe('Lesson 1 of 3 · Section 3 of 3');
    session.write('t');
    await session.waitFor('Key terms · Basics of');
    expect(top()).toBe('Key terms · Basics of alignment');
    session.write(KEYS.enter);
    await session.waitFor('Lesson 1 of 3 · Section 3 of 3');
    expect(top()).toBe('Lesson 1 of 3 · Section 3 of 3');
    session.write(KEYS.enter);
    await session.waitFor('You have finished "Basics of alignment".');
    await session.waitFor('Victoria Krakovna (2018)');
    expect(top()).toBe('You have finished "Basics of alignment".');
    session.write(KEYS.enter);
    await session.waitFor('Take the quiz on this lesson now?');
    expect(top()).toMatch(/^\? Take the quiz on this lesson now\?/);
    expect(session.fullText()).not.toContain('✔');
    session.write('n' + KEYS.enter);
    await session.waitFor('Take it later with alignment-tutor quiz basics.');
    expect(await session.exit()).toBe(0);
  });

  it("shows the progress file's notices whole at the top of the page, not drawn over by it", async () => {
    // A progress file under a plain file can be neither read nor saved, even by root.
    const blocker = path.join(tmp.dir, 'blocker');
    writeFileSync(blocker, '');
    const file = path.join(blocker, 'progress.json');
    const session = new TerminalSession(['--content', FIXTURE, 'learn', 'basics'], {
      env: { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' },
    });
    await session.waitFor('Lesson 1 of 3 · Section 1 of 3');
    const screen = session.screen();
    expect(screen.split('\n')[0]).toBe('Lesson 1 of 3 · Section 1 of 3');
    // A path longer than a line is cut wherever the line ends: compared without line breaks.
    const unbroken = (s: string) => s.replace(/\s+/g, '');
    expect(unbroken(screen)).toContain(unbroken(`Could not read your progress file ${file}`));
    expect(screen.replace(/\s*\n\s*/g, ' ')).toContain('progress made now will not be saved.');
    session.write('q');
    // Nothing read could be saved: the session ends saying where a copy is kept, and fails.
    expect(await session.exit()).toBe(1);
    expect(session.fullText().replace(/\s*\n\s*/g, ' ')).toContain(
      'Your progress from this session was not saved',
    );
  });

  it('starts from the home screen and comes back to it with Continue offered', async () => {
    const me = learner();
    const home = me.open([]);
    await home.waitFor('Welcome!');
    await home.waitFor('Start lesson 1: Basics of alignment');
    home.write(KEYS.enter);
    await home.waitFor('Lesson 1 of 3 · Section 1 of 3');
    home.write(KEYS.enter);
    await home.waitFor('Section 2 of 3');
    home.write('q');
    await home.waitFor('Continue "Basics of alignment"');
    expect(home.screen()).toMatch(/1\. Basics of alignment\s+█+░+ 2\/3 sections/);
    // Quit is the last entry; the menu does not wrap round, so extra steps down stay on it.
    home.write(KEYS.down.repeat(12) + KEYS.enter);
    expect(await home.exit()).toBe(0);
  });
});
