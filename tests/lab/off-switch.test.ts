import { describe, expect, it } from 'vitest';
import { offSwitchLab, offSwitchValues } from '../../src/lab/off-switch.ts';

describe('the off-switch game', () => {
  it('with a rational human, deferring is worth E[max(U, 0)]: pdf(0) for a belief N(0, 1)', () => {
    const v = offSwitchValues(0, 1, 0);
    expect(v.defer).toBeCloseTo(0.398942, 5);
    expect(v.incentive).toBeCloseTo(0.398942, 5);
    expect(v.humanError).toBeCloseTo(0, 6);
  });

  it('for N(0.5, 1) and a rational human: defer 0.5 * cdf(0.5) + pdf(0.5), less max(0.5, 0)', () => {
    const v = offSwitchValues(0.5, 1, 0);
    expect(v.act).toBe(0.5);
    expect(v.off).toBe(0);
    expect(v.defer).toBeCloseTo(0.345731 + 0.352065, 5);
    expect(v.incentive).toBeCloseTo(0.197796, 5);
  });

  it('a robot certain of a value of 1 facing a noisy human (noise 0.5) loses by deferring: 1 * sigmoid(2) - 1', () => {
    const v = offSwitchValues(1, 0, 0.5);
    expect(v.defer).toBeCloseTo(0.880797, 5);
    expect(v.incentive).toBeCloseTo(-0.119203, 5);
  });

  it('the noisy human tends to the rational one as its noise goes to 0', () => {
    expect(offSwitchValues(0.3, 1.2, 1e-4).defer).toBeCloseTo(offSwitchValues(0.3, 1.2, 0).defer, 4);
  });

  it('the incentive falls as the human gets noisier and rises as the robot gets less certain', () => {
    const byNoise = [0, 0.5, 1, 2].map((noise) => offSwitchValues(0.5, 1, noise).incentive);
    expect(byNoise).toEqual([...byNoise].sort((a, b) => b - a));
    const bySpread = [0.5, 1, 2, 3].map((spread) => offSwitchValues(0.5, spread, 0.5).incentive);
    expect(bySpread).toEqual([...bySpread].sort((a, b) => a - b));
  });

  it('says whether the robot defers, and charts the incentive across uncertainty', () => {
    const sure = offSwitchLab.chart(offSwitchLab.run({ mean: 1, spread: 0, noise: 1 }, 1), {
      width: 80,
      ascii: true,
    });
    expect(sure[1]).toContain('acts without asking');
    expect(sure[2]).toMatch(/wrong call \d+% of the time/);
    const unsure = offSwitchLab.chart(offSwitchLab.run({ mean: 1, spread: 3, noise: 0 }, 1), {
      width: 80,
      ascii: true,
    });
    expect(unsure[1]).toContain('defers to the human');
  });
});
