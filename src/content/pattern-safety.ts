import { reconstruct, types, type Root, type Tokens } from 'ret';
// The package's main export is this function under CommonJS only; the module itself is the same in every loader.
import { tokenizer } from 'ret/dist/tokenizer.js';

/**
 * Whether a short answer's pattern can take exponential time on some answer: a repetition inside
 * a repetition, like `^(a+)+$` or `(\w+\s?)*` (the classic cases of catastrophic backtracking).
 * Only repetitions that can match more than once count, so the usual optional parts, as in
 * `^(an? )?mesa-?optimi[sz]ers?$`, pass. safe-regex2 applies the same star-height rule but counts
 * `?` too, which would reject most of the shipped patterns. Overlapping alternatives such as
 * `(a|a)*` are not recognised here; the grader's time limit (pattern.ts) covers those.
 *
 * Returns the offending part, or undefined when the pattern is fine (or is syntax ret does not
 * know, such as a lookbehind: the time limit still applies).
 */
export function nestedRepetition(pattern: string): string | undefined {
  let tree: Root;
  try {
    tree = tokenizer(pattern);
  } catch {
    return undefined;
  }
  // Iterative, with the outermost repeating repetition above each token.
  const todo: Array<{ token: Tokens; outer: Tokens | undefined }> = [{ token: tree, outer: undefined }];
  while (todo.length > 0) {
    const { token, outer } = todo.pop()!;
    let inner = outer;
    if (token.type === types.REPETITION) {
      // ret gives `max: null` for an open end, though its types say number.
      const max = token.max as number | null;
      const repeats = max === null || max > 1;
      if (repeats && outer) return reconstruct(outer);
      if (repeats) inner = token;
      todo.push({ token: token.value, outer: inner });
      continue;
    }
    if ('stack' in token && token.stack) for (const t of token.stack) todo.push({ token: t, outer: inner });
    if ('options' in token && token.options)
      for (const stack of token.options) for (const t of stack) todo.push({ token: t, outer: inner });
  }
  return undefined;
}
