/** How a `short` question's `pattern` is compiled, shared by the validator and the grader. */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(pattern, 'i');
}
