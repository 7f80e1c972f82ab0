import { describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { orderPrompt } from '../../src/ui/prompts/order.ts';

const items = ['Update the policy', 'Act in the environment', 'Receive a reward'];

describe('the ordering prompt', () => {
  it('moves a picked-up item with the arrows and answers with indices into the list', async () => {
    const { answer, events, getScreen } = await render(orderPrompt, { message: 'Put these in order', items });
    expect(getScreen()).toContain('❯ 1. Update the policy');
    events.keypress('space');
    events.keypress('down');
    events.keypress('down');
    expect(getScreen()).toContain('↕ 3. Update the policy');
    events.keypress('space');
    expect(getScreen()).toMatch(
      /1\. Act in the environment\n\s+2\. Receive a reward\n❯ 3\. Update the policy/,
    );
    events.keypress('enter');
    await expect(answer).resolves.toEqual([1, 2, 0]);
    // Too long for the prompt's line at 80 columns, so one item to a line.
    expect(getScreen().replace(/\s+/g, ' ')).toContain(
      '1. Act in the environment 2. Receive a reward 3. Update the policy',
    );
    // Answered is not the same as right: no tick of approval.
    expect(getScreen()).toMatch(/^› Put these in order/);
  });

  it('wraps long items under their own text, and lists a long answer one item to a line', async () => {
    const long = [
      'The policy acts in the environment and short clips of its behaviour are recorded',
      'People compare pairs of those clips and say which one shows the better behaviour',
      'The reward model is trained on the comparisons',
    ];
    const { answer, events, getScreen } = await render(orderPrompt, {
      message: 'Put these in order',
      items: long,
      columns: 40,
    });
    const screen = getScreen().split('\n');
    for (const line of screen) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(screen.slice(1, 4)).toEqual([
      '❯ 1. The policy acts in the environment',
      '     and short clips of its behaviour',
      '     are recorded',
    ]);
    events.keypress('down');
    expect(getScreen()).toContain(
      '❯ 2. People compare pairs of those clips\n     and say which one shows the better',
    );
    events.keypress('enter');
    await expect(answer).resolves.toEqual([0, 1, 2]);
    const done = getScreen()
      .split('\n')
      .map((l) => l.trimEnd());
    expect(done[0]).toBe('› Put these in order');
    expect(done.slice(1, 4)).toEqual([
      '  1. The policy acts in the environment',
      '     and short clips of its behaviour',
      '     are recorded',
    ]);
    for (const line of done) expect(line.length, line).toBeLessThanOrEqual(40);
  });

  it('only moves the cursor when nothing is held, and stops at the ends', async () => {
    const { answer, events, getScreen } = await render(orderPrompt, { message: 'm', items });
    events.keypress('up');
    events.keypress('down');
    events.keypress('space');
    events.keypress('up');
    events.keypress('up');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([1, 0, 2]);
    // Short enough to stay on the prompt's line.
    expect(getScreen()).toBe('› m Act in the environment → Update the policy → Receive a reward');
  });

  it('answers "hint" for h when a hint is on offer, and ignores h otherwise', async () => {
    const withHint = await render(orderPrompt, { message: 'm', items, hint: true });
    expect(withHint.getScreen()).toContain('h hint');
    withHint.events.keypress('h');
    await expect(withHint.answer).resolves.toBe('hint');

    const without = await render(orderPrompt, { message: 'm', items });
    without.events.keypress('h');
    without.events.keypress('enter');
    await expect(without.answer).resolves.toEqual([0, 1, 2]);
  });

  it('starts from the order so far and tells every move, so it can be asked again from there', async () => {
    const moves: number[][] = [];
    const { answer, events, getScreen } = await render(orderPrompt, {
      message: 'm',
      items,
      start: [2, 0, 1],
      onChange: (order: number[]) => moves.push(order),
    });
    expect(getScreen()).toContain('❯ 1. Receive a reward');
    events.keypress('space');
    events.keypress('down');
    expect(moves).toEqual([[0, 2, 1]]);
    events.keypress('enter');
    await expect(answer).resolves.toEqual([0, 2, 1]);
  });
});
