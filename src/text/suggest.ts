/** Edit distance (Levenshtein), for "did you mean" suggestions on ids, keys and commands. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidates close enough to `input` to be what was meant, closest first.
 * "Close" scales with length so that short words need a near match; a candidate that
 * contains the input (or is contained by it) also counts, which catches truncated ids.
 */
export function closest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase();
  const scored: Array<{ c: string; d: number }> = [];
  for (const c of new Set(candidates)) {
    const hay = c.toLowerCase();
    const d = editDistance(needle, hay);
    const limit = Math.max(2, Math.floor(Math.max(needle.length, 3) / 3));
    const contains = needle.length >= 3 && (hay.includes(needle) || needle.includes(hay));
    if (d <= limit || contains) scored.push({ c, d: contains ? Math.min(d, limit) : d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, max).map((s) => s.c);
}

/** ` (did you mean "x"?)` or the empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const [best] = closest(input, candidates, 1);
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

/** ` (did you mean "a" or "b"?)` naming up to three close candidates, or the empty string. */
export function suggestIds(id: string, known: Iterable<string>): string {
  const near = closest(id, known);
  return near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : '';
}
