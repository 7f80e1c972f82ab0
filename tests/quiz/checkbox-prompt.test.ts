import { describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { checkboxPrompt } from '../../src/ui/prompts/checkbox.ts';

const choices = [
  { label: 'A boat racing agent circling for points' },
  { label: 'A thermostat holding a temperature' },
  { label: 'Teaching to the test' },
];

describe('the select-all prompt', () => {
  it('ticks with space, a and i, tells every change, and answers with the ticked indices', async () => {
    const told: number[][] = [];
    const { answer, events, getScreen } = await render(checkboxPrompt, {
      message: 'Your answer',
      choices,
      onChange: (checked: number[]) => told.push(checked),
    });
    expect(getScreen()).toContain('❯◯ A boat racing agent circling for points');
    events.keypress('space');
    events.keypress('down');
    events.keypress('down');
    events.keypress('space');
    expect(getScreen()).toMatch(/ ◉ A boat racing.*\n ◯ A thermostat.*\n❯◉ Teaching/);
    events.keypress('i');
    events.keypress('a');
    events.keypress('a');
    events.keypress('3');
    expect(told).toEqual([[0], [0, 2], [1], [0, 1, 2], [], [2]]);
    events.keypress('enter');
    await expect(answer).resolves.toEqual([2]);
    expect(getScreen()).toBe('› Your answer Teaching to the test');
  });

  it('starts from the ticks given, skips a disabled choice, and will not answer with none', async () => {
    const { answer, events, getScreen } = await render(checkboxPrompt, {
      message: 'm',
      choices: [choices[0]!, { label: 'Not now', disabled: 'closed' }, choices[2]!],
      checked: [2],
      columns: 40,
    });
    expect(getScreen()).toContain(' ◉ Teaching to the test');
    events.keypress('down');
    events.keypress('space');
    events.keypress('enter');
    expect(getScreen()).toContain('Tick at least one choice');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([2]);
  });

  it('offers the hint as a key: `a` and `i` never tick it, and `h` keeps the ticks', async () => {
    const told: number[][] = [];
    const { answer, events, getScreen } = await render(checkboxPrompt, {
      message: 'm',
      choices,
      hint: true,
      onChange: (checked: number[]) => told.push(checked),
    });
    expect(getScreen()).toContain('h hint');
    expect(getScreen().match(/[◯◉]/g)).toHaveLength(3);
    events.keypress('2');
    events.keypress('a');
    events.keypress('i');
    events.keypress('2');
    expect(told.at(-1)).toEqual([1]);
    events.keypress('h');
    await expect(answer).resolves.toBe('hint');
    expect(told.at(-1)).toEqual([1]);
  });

  it('has no hint key when the question has no hint', async () => {
    const { answer, events, getScreen } = await render(checkboxPrompt, { message: 'm', choices });
    expect(getScreen()).not.toContain('hint');
    events.keypress('h');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([0]);
  });
});
