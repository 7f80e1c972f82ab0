import { describe, expect, it } from 'vitest';
import { pdf, quantile } from '../../src/lab/gaussian.ts';
import { goodhartLab, keptShare } from '../../src/lab/goodhart.ts';

/** For true value V ~ N(0, 1) and proxy P = V + noise * N(0, 1): the kept group's expected means. */
function expected(noise: number, share: number) {
  const sd = Math.sqrt(1 + noise * noise);
  const proxy = (sd * pdf(quantile(1 - share))) / share;
  return { proxy, truth: proxy / (1 + noise * noise) };
}

describe('Goodhart under selection', () => {
  it('matches the normal closed form: the top half on a proxy with noise 1 has proxy 1.128, true value 0.564', () => {
    const top = goodhartLab.run({ noise: 1, variant: 0 }, 1).levels[0]!;
    expect(expected(1, 0.5).proxy).toBeCloseTo(1.1284, 3);
    expect(top.meanProxy).toBeCloseTo(1.1284, 1);
    expect(top.meanTrue).toBeCloseTo(0.5642, 1);
  });

  it(
    'the selection gap grows with pressure, as the closed form says (proxy - truth = proxy * noise^2 / (1 ' +
      '+ noise^2))',
    () => {
      const result = goodhartLab.run({ noise: 1, variant: 0 }, 7);
      for (const level of [0, 3, 6]) {
        const got = result.levels[level]!;
        const want = expected(1, keptShare(level));
        expect(Math.abs(got.meanProxy - got.meanTrue - (want.proxy - want.truth))).toBeLessThan(0.12);
      }
      const gaps = result.levels.map((l) => l.meanProxy - l.meanTrue);
      expect(gaps[10]!).toBeGreaterThan(gaps[0]! + 1);
    },
  );

  it('with no noise the proxy is the true value', () => {
    const result = goodhartLab.run({ noise: 0, variant: 0 }, 1);
    for (const l of result.levels) expect(l.meanProxy).toBeCloseTo(l.meanTrue, 9);
  });

  it('in the extremal variant the true value rises and then falls while the proxy keeps rising', () => {
    const levels = goodhartLab.run({ noise: 1, variant: 1 }, 1).levels;
    const truth = levels.map((l) => l.meanTrue);
    const peak = truth.indexOf(Math.max(...truth));
    expect(peak).toBeGreaterThan(0);
    expect(truth[10]!).toBeLessThan(truth[peak]! - 0.5);
    expect(levels.map((l) => l.meanProxy)).toEqual([...levels.map((l) => l.meanProxy)].sort((a, b) => a - b));
  });
});
