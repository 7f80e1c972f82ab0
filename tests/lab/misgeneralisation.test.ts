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

describe('misgeneralisation drawn in steps', () => {
  it('first draws the knob’s own training, then one point of the curve per call, ending where run() does', () => {
    const seed = 90_001;
    const first = misgeneralisationLab.runInSteps!({ 'random-share': 10 }, seed);
    expect(first.done).toBe(false);
    expect(first.result.sweep.map((s) => s.randomShare)).toEqual([10]);
    expect(misgeneralisationLab.chart(first.result, { width: 80, ascii: true }).join('\n')).toContain(
      'Training one agent per setting for the curve: 1 of 11...',
    );
    let calls = 1;
    let step = first;
    while (!step.done) {
      step = misgeneralisationLab.runInSteps!({ 'random-share': 10 }, seed);
      calls++;
    }
    expect(calls).toBe(11);
    expect(step.result).toEqual(misgeneralisationLab.run({ 'random-share': 10 }, seed));
  });

  it('makes its first draw well within a redraw’s 100 ms', () => {
    // Fresh seeds, so nothing is cached; the best of three, as a busy machine is not the lab's fault.
    const times = [1, 2, 3].map((k) => {
      const started = performance.now();
      const { result } = misgeneralisationLab.runInSteps!({ 'random-share': 0 }, 80_000 + k);
      misgeneralisationLab.chart(result, { width: 80, ascii: false });
      return performance.now() - started;
    });
    expect(Math.min(...times)).toBeLessThan(50);
  });
});
