import { describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { pager, type PagerConfig } from '../../src/ui/prompts/pager.ts';

const lines = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`);
const base: PagerConfig = {
  header: ['Lesson 1 of 3 · Section 2 of 4', ''],
  lines,
  mode: 'section',
  rows: 24,
  columns: 80,
  sections: 4,
};

async function open(config: Partial<PagerConfig> = {}) {
  return render(pager, { ...base, ...config });
}

describe('the lesson pager', () => {
  it('shows the header, one screenful of text and the keys, never more lines than the screen', async () => {
    const { getScreen, events, answer } = await open();
    const screen = getScreen().split('\n');
    expect(screen[0]).toBe('Lesson 1 of 3 · Section 2 of 4');
    expect(screen).toContain('line 1');
    expect(screen).not.toContain('line 20');
    expect(screen.length).toBeLessThanOrEqual(23);
    expect(getScreen()).toContain('lines 1-19 of 40');
    expect(getScreen()).toContain('→ next · ←/b back · 1-4 jump · t key terms · q quit');
    events.keypress('q');
    await expect(answer).resolves.toEqual({ action: 'quit', scroll: 0 });
  });

  it('scrolls with the arrows and pages with space, keeping one line of the last page', async () => {
    const { getScreen, events } = await open();
    events.keypress('down');
    expect(getScreen()).toContain('lines 2-20 of 40');
    events.keypress('space');
    expect(getScreen()).toContain('lines 20-38 of 40');
    events.keypress('space');
    expect(getScreen()).toContain('end · lines 22-40 of 40');
    events.keypress('up');
    expect(getScreen()).toContain('lines 21-39 of 40');
  });

  it('turns the page to the next section with space at the end, like less', async () => {
    const { events, answer } = await open({ lines: ['short'] });
    events.keypress('space');
    await expect(answer).resolves.toMatchObject({ action: 'next' });
  });

  it('reads on with Enter while there is more text, so carrying on never skips unread lines', async () => {
    const { getScreen, events, answer } = await open();
    events.keypress('enter');
    expect(getScreen()).toContain('lines 19-37 of 40');
    events.keypress('enter');
    expect(getScreen()).toContain('end · lines 22-40 of 40');
    events.keypress('enter');
    await expect(answer).resolves.toMatchObject({ action: 'next' });
  });

  it.each([
    ['right', 'next'],
    ['b', 'back'],
    ['left', 'back'],
    ['t', 'terms'],
    ['escape', 'quit'],
  ])('answers %s with %s at once', async (key, action) => {
    const { events, answer } = await open();
    events.keypress(key);
    await expect(answer).resolves.toMatchObject({ action });
  });

  it('jumps with one digit when there are fewer than ten sections, and refuses one that does not exist', async () => {
    const { events, answer, getScreen } = await open();
    events.keypress('7');
    expect(getScreen()).toContain('Type a section number from 1 to 4.');
    events.keypress('3');
    await expect(answer).resolves.toMatchObject({ action: { jump: 2 } });
  });

  it('collects two digits for a long lesson, ended by Enter or by a second digit', async () => {
    const first = await open({ sections: 12 });
    first.events.keypress('1');
    expect(first.getScreen()).toContain('Jump to section 1_');
    first.events.keypress('enter');
    await expect(first.answer).resolves.toMatchObject({ action: { jump: 0 } });
    const second = await open({ sections: 12 });
    second.events.keypress('1');
    second.events.keypress('2');
    await expect(second.answer).resolves.toMatchObject({ action: { jump: 11 } });
  });

  it('comes back to where the learner was, e.g. after the key terms', async () => {
    const { events, answer, getScreen } = await open({ scroll: 10 });
    expect(getScreen()).toContain('lines 11-29 of 40');
    events.keypress('t');
    await expect(answer).resolves.toEqual({ action: 'terms', scroll: 10 });
  });

  it('closes a note with Enter, and names the keys when another one is pressed', async () => {
    const { events, answer, getScreen } = await open({
      mode: 'note',
      header: [],
      lines: ['Key terms'],
      back: 'the lesson',
    });
    events.keypress('x');
    expect(getScreen()).toContain('Enter/space or Esc: back to the lesson');
    events.keypress('enter');
    await expect(answer).resolves.toMatchObject({ action: 'close' });
  });

  it('names Enter and space as moving on only at the end of the text; before it they read on', async () => {
    const { getScreen, events } = await open();
    expect(getScreen()).toContain(
      '↓ more · lines 1-19 of 40 · ↑↓ scroll, Enter/space read on\n→ next · ←/b back',
    );
    events.keypress('end');
    expect(getScreen()).toContain('end · lines 22-40 of 40 · ↑↓ scroll\n→/Enter/space next · ←/b back');
    const short = await open({ lines: ['short'] });
    expect(short.getScreen()).toContain('→/Enter/space next · ←/b back · 1-4 jump · t key terms · q quit');
    for (const mode of ['feedback', 'note', 'end'] as const) {
      const page = await open({ mode, header: [], lines: ['short'] });
      expect(page.getScreen(), mode).toMatch(/(Enter|⏎)\/space/);
    }
  });

  it.each([34, 44, 60, 72])(
    'fits every key line and status line in %i columns, in every mode',
    async (columns) => {
      for (const mode of ['section', 'feedback', 'note', 'end'] as const) {
        for (const sections of [4, 12]) {
          const page = await open({ mode, columns, sections });
          const check = () => {
            for (const line of page.getScreen().split('\n'))
              expect(line.length, `${mode}: ${line}`).toBeLessThan(columns);
            expect(page.getScreen(), mode).not.toContain('…');
          };
          check();
          page.events.keypress('end');
          check();
        }
      }
    },
  );

  it('keeps every line of the frame within a narrow terminal', async () => {
    const { getScreen } = await open({ columns: 30, rows: 12 });
    const screen = getScreen().split('\n');
    expect(screen.length).toBeLessThanOrEqual(11);
    for (const line of screen) expect(line.length, line).toBeLessThanOrEqual(30);
    expect(getScreen()).toContain('→ next · b · t · q quit');
  });
});
