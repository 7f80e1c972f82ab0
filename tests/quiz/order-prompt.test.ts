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
    expect(getScreen()).toMatch(/1\. Act in the environment\n\s+2\. Receive a reward\n❯ 3\. Update the policy/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual([1, 2, 0]);
    expect(getScreen().replace(/\s+/g, ' ')).toContain('Act in the environment → Receive a reward → Update the policy');
  });

  it('only moves the cursor when nothing is held, and stops at the ends', async () => {
    const { answer, events } = await render(orderPrompt, { message: 'm', items });
    events.keypress('up');
    events.keypress('down');
    events.keypress('space');
    events.keypress('up');
    events.keypress('up');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([1, 0, 2]);
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
});
