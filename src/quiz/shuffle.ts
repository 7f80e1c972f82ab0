/**
 * Seeded shuffling, so `--shuffle --seed N` gives the same order every run and a script can
 * know which number means which choice.
 */

/** mulberry32: small, fast and good enough to shuffle a quiz; the same seed gives the same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * A display order for `n` things (indices into the file order). Never the file order itself when
 * n >= 2: for an ordering question that would show the answer.
 */
export function randomDisplay(n: number, random: () => number): number[] {
  const identity = Array.from({ length: n }, (_, i) => i);
  if (n < 2) return identity;
  const order = shuffled(identity, random);
  // Rotating by one is still a shuffle, and never the identity.
  return order.every((x, i) => x === i) ? [...order.slice(1), order[0]!] : order;
}

/** Whether `xs` holds each of 0..n-1 exactly once: an order of n things. */
export function isPermutation(xs: readonly number[], n: number): boolean {
  return xs.length === n && new Set(xs).size === n && xs.every((x) => Number.isInteger(x) && x >= 0 && x < n);
}
