import { describe, expect, it } from 'vitest';
import { misgeneralisationLab } from '../../src/lab/misgeneralisation.ts';

describe('the misgeneralisation corridor', () => {
  it('trained with the coin always at the exit, the agent ignores a moved coin and runs to the exit', () => {
    for (const seed of [1, 2, 3]) {
      const r = misgeneralisationLab.run({ 'random-share': 0 }, seed);
      expect(r.gotCoin / r.testLevels).toBeLessThan(0.15);
      expect(r.reachedExit / r.testLevels).toBeGreaterThan(0.8);
      expect(r.policy.drive).toBeGreaterThan(r.policy.follow);
    }
  });

  it('with a larger share of randomly placed coins in training, it goes for the moved coin far more often', () => {
    for (const seed of [1, 2, 3]) {
      const none = misgeneralisationLab.run({ 'random-share': 0 }, seed);
      const some = misgeneralisationLab.run({ 'random-share': 30 }, seed);
      expect(some.gotCoin / some.testLevels).toBeGreaterThan(0.7);
      expect(some.gotCoin).toBeGreaterThan(none.gotCoin * 4);
      expect(some.policy.follow).toBeGreaterThan(some.policy.drive);
    }
  });

  it('draws the test levels, marking an ignored coin and the run to the exit', () => {
    const lines = misgeneralisationLab.chart(misgeneralisationLab.run({ 'random-share': 0 }, 1), {
      width: 80,
      ascii: true,
    });
    expect(lines.some((l) => l.includes('$') && l.includes('ran to the exit, coin ignored'))).toBe(true);
  });
});
