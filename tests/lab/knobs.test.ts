import { describe, expect, it } from 'vitest';
import { formatKnob, knobProblem, stepKnob } from '../../src/lab/knobs.ts';
import type { Knob } from '../../src/lab/types.ts';

const noise: Knob = { id: 'noise', label: 'Proxy noise', help: '', min: 0, max: 2, step: 0.1, default: 1 };
const variant: Knob = {
  ...noise,
  id: 'variant',
  label: 'Variant',
  max: 1,
  step: 1,
  options: ['regressional', 'extremal'],
};

describe('knobs', () => {
  it('names the knob, the allowed values and the bad value', () => {
    expect(knobProblem(noise, 5)).toBe('Proxy noise must be a number from 0 to 2 in steps of 0.1; got 5');
    expect(knobProblem(noise, 0.15)).toContain('in steps of 0.1');
    expect(knobProblem(noise, 0.3)).toBeUndefined();
    expect(knobProblem(variant, 2)).toBe('Variant must be one of 0 (regressional), 1 (extremal); got 2');
  });

  it('steps without floating-point dust and stays in range', () => {
    let values = { noise: 0 };
    for (let i = 0; i < 3; i++) values = stepKnob([noise], values, 'noise', 1) as { noise: number };
    expect(values.noise).toBe(0.3);
    expect(stepKnob([noise], { noise: 2 }, 'noise', 1)).toEqual({ noise: 2 });
    expect(stepKnob([noise], { noise: 0 }, 'noise', -1)).toEqual({ noise: 0 });
  });

  it('shows an option by name and a number with its unit', () => {
    expect(formatKnob(variant, 1)).toBe('extremal');
    expect(formatKnob({ ...noise, unit: '%' }, 0.30000000000000004)).toBe('0.3%');
  });
});
