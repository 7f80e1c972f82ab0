import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYS, TerminalSession } from '../helpers/pty.ts';
import { tempDir } from '../helpers/run.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('a lab in a real terminal (80x24)', () => {
  it('opens the Goodhart lab, turns one knob, and the chart and numbers change; q goes back', async () => {
    const session = new TerminalSession(['lab', 'goodhart'], {
      env: { ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'pty.json'), ALIGNMENT_TUTOR_CACHE: 'off' },
    });
    await session.waitFor('Start the lab');
    session.write(KEYS.enter);
    await session.waitFor('proxy 3.80, true value 1.92, gap 1.89');
    const before = session.screen();
    const lines = before.split('\n');
    // The whole screen in view: title at the top, knobs and keys at the bottom, nothing wider than 80.
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(lines[0]).toBe('Lab: Goodhart under selection · seed 1');
    expect(before).toContain('❯ Proxy noise         ◂ 1 ▸');
    expect(lines.at(-1)).toContain('←→ turn');
    session.write(KEYS.down + KEYS.right);
    await session.waitFor('Keeping the top 0.39% by the proxy');
    const after = session.screen();
    expect(after).toContain('❯ Selection pressure  ◂ 7 ▸');
    // The chart's mark moved one point to the right.
    const mark = (screen: string) =>
      screen
        .split('\n')
        .find((l) => l.includes('▲'))!
        .indexOf('▲');
    expect(mark(after)).toBeGreaterThan(mark(before));
    session.write('q');
    expect(await session.exit()).toBe(0);
  });

  it('draws the chart again for a new terminal size, with the knobs where they were', async () => {
    const session = new TerminalSession(['lab', 'goodhart'], {
      env: { ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'resize.json'), ALIGNMENT_TUTOR_CACHE: 'off' },
    });
    await session.waitFor('Start the lab');
    session.write(KEYS.enter);
    await session.waitFor('❯ Proxy noise         ◂ 1 ▸');
    session.write(KEYS.right);
    await session.waitFor('◂ 1.1 ▸');
    session.resize(50, 24);
    // Drawn for 50 columns: the axis ends at the edge (not an 80-column rule the terminal wrapped),
    // and the share labels are packed closer.
    await session.waitFor((screen) => /^ {5}└─{44}\n(?!─)/m.test(screen));
    const narrow = session.screen();
    expect(narrow).toMatch(/^ {6}50% 25% 13% /m);
    expect(narrow).toContain('❯ Proxy noise         ◂ 1.1 ▸');
    session.write('q');
    expect(await session.exit()).toBe(0);
  });
});
