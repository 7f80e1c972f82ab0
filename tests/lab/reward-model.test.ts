import { describe, expect, it } from 'vitest';
import { maxMoments, rewardModelLab } from '../../src/lab/reward-model.ts';

describe('best-of-n against a proxy reward model', () => {
  it(
    'knows the moments of the maximum of normals: one draw has mean 0 and E[M^2] 1; the best of two, ' +
      '1/sqrt(pi) and 1',
    () => {
      expect(maxMoments(1).m1).toBeCloseTo(0, 6);
      expect(maxMoments(1).m2).toBeCloseTo(1, 6);
      expect(maxMoments(2).m1).toBeCloseTo(1 / Math.sqrt(Math.PI), 6);
      expect(maxMoments(2).m2).toBeCloseTo(1, 6);
    },
  );

  it(
    'with weight 1 and penalty 1, gold starts at -1, rises to a peak at n = 8, then falls below where it ' +
      'started',
    () => {
      const r = rewardModelLab.run({ weight: 1, penalty: 1 }, 1);
      const gold = r.points.map((p) => p.gold);
      expect(gold[0]).toBeCloseTo(-1, 6);
      expect(r.bestN).toBe(8);
      expect(gold[3]!).toBeGreaterThan(gold[0]! + 1);
      expect(gold[10]!).toBeLessThan(gold[0]!);
      const proxy = r.points.map((p) => p.proxy);
      expect(proxy).toEqual([...proxy].sort((a, b) => a - b));
    },
  );

  it('with no penalty the gold reward is the proxy reward and keeps rising', () => {
    const r = rewardModelLab.run({ weight: 1, penalty: 0 }, 1);
    for (const p of r.points) expect(p.gold).toBeCloseTo(p.proxy, 9);
    expect(r.bestN).toBe(1024);
  });

  it('gives the KL divergence of best-of-n, log n - (n - 1) / n', () => {
    const r = rewardModelLab.run({}, 1);
    expect(r.points[0]!.kl).toBe(0);
    expect(r.points[10]!.kl).toBeCloseTo(Math.log(1024) - 1023 / 1024, 9);
  });
});
