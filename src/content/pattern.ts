/** How a `short` question's `pattern` is compiled, shared by the validator and the grader. */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(pattern, 'i');
}

/** Long enough for any sane pattern on a typed answer; short enough that a learner barely waits. */
const MATCH_MS = 250;
let sandbox: { script: import('node:vm').Script; context: import('node:vm').Context } | undefined;

/**
 * Whether `text` matches, given at most MATCH_MS to decide. A pattern that backtracks
 * catastrophically (validate rejects those it can recognise, see pattern-safety.ts) would
 * otherwise hold the quiz at full CPU for ever; past the time it counts as no match. The test
 * runs as a script in a context of its own only because that is what Node can interrupt.
 */
export function patternMatches(re: RegExp, text: string): boolean {
  const vm = process.getBuiltinModule('node:vm');
  sandbox ??= { script: new vm.Script('re.test(text)'), context: vm.createContext({}) };
  sandbox.context['re'] = re;
  sandbox.context['text'] = text;
  try {
    return sandbox.script.runInContext(sandbox.context, { timeout: MATCH_MS }) === true;
  } catch {
    return false;
  } finally {
    sandbox.context['re'] = undefined;
    sandbox.context['text'] = undefined;
  }
}
