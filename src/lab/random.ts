import { seededRandom } from '../quiz/shuffle.ts';

/** One seeded generator for the whole tutor: the labs draw from the same mulberry32 as quiz shuffling. */
export { seededRandom };

/** A standard normal draw (Box-Muller); `random` must return numbers in [0, 1). */
export function normal(random: () => number): number {
  // 1 - u keeps the logarithm finite: u can be 0 but never 1.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
