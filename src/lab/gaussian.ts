/** Closed forms for the normal distribution, so labs can show exact expectations beside samples. */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Standard normal density. */
export function pdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Standard normal distribution function (Abramowitz and Stegun 26.2.17; error below 7.5e-8). */
export function cdf(x: number): number {
  if (x < 0) return 1 - cdf(-x);
  const t = 1 / (1 + 0.2316419 * x);
  const poly =
    t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 1 - pdf(x) * poly;
}

/** The x with cdf(x) = p, by bisection (labs need a handful of these, not speed). */
export function quantile(p: number): number {
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * E[f(X)] for X ~ N(mean, sd^2), by Simpson's rule over mean +- 8 sd. Exact enough (1e-9) for the
 * smooth functions the labs integrate; sd = 0 gives f(mean).
 */
export function expectNormal(f: (x: number) => number, mean: number, sd: number, intervals = 400): number {
  if (sd === 0) return f(mean);
  const h = 16 / intervals;
  let sum = 0;
  for (let i = 0; i <= intervals; i++) {
    const z = -8 + i * h;
    const w = i === 0 || i === intervals ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * pdf(z) * f(mean + sd * z);
  }
  return (sum * h) / 3;
}

/** E[max(U, 0)] for U ~ N(mean, sd^2): mean * cdf(mean/sd) + sd * pdf(mean/sd). */
export function expectedPositivePart(mean: number, sd: number): number {
  if (sd === 0) return Math.max(mean, 0);
  return mean * cdf(mean / sd) + sd * pdf(mean / sd);
}
