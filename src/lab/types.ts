import type { Question } from '../content/schema.ts';

/**
 * What every lab is made of. A lab is pure: knobs in, numbers out, lines of text drawn from the
 * numbers. The terminal adapter (prompts, redraws, `--json`) lives elsewhere and only calls these.
 */

/** One setting the learner can turn. Every knob is a number, so `--plain` can ask for it by number. */
export interface Knob {
  /** Stable key in the knob values and in `--json` output, kebab-case. */
  id: string;
  /** Shown beside the value, e.g. "Proxy noise". */
  label: string;
  /** One sentence on what turning it does, shown when the knob is selected. */
  help: string;
  min: number;
  max: number;
  /** Values are min + k * step; the adapter steps by this much per key press. */
  step: number;
  default: number;
  /** For a choice: the name of each value 0, 1, ... (then min is 0, max is length - 1 and step is 1). */
  options?: readonly string[];
  /** Shown after the value, e.g. "%". */
  unit?: string;
}

/** The knob values of one run, keyed by knob id. */
export type KnobValues = Readonly<Record<string, number>>;

export interface ChartOptions {
  /** Columns available; every line returned fits in it (80 in the course). */
  width: number;
  /** Plain ASCII only (for `--plain`, dumb terminals and logs); otherwise box-drawing and block characters. */
  ascii: boolean;
}

export interface Lab<Result> {
  /** kebab-case, stable: `alignment-tutor lab <id>`, and the key of its recorded question. */
  id: string;
  title: string;
  /** The lesson this lab belongs to (offered after its last section). */
  lesson: string;
  /** Two to four short paragraphs shown before the first run. */
  intro: readonly string[];
  /** What result the lab reproduces in miniature, with its citation. */
  reproduces: string;
  /** What the toy leaves out, so nobody takes it for the real system. */
  leavesOut: string;
  knobs: readonly Knob[];
  /** Deterministic for a given seed; the result is plain JSON (no functions, no NaN). */
  run(knobs: KnobValues, seed: number): Result;
  /**
   * Only for a lab whose full run is slower than a redraw may be (100 ms): the result so far after
   * one bounded piece of work, and whether it is complete. A screen draws each and asks again
   * until done; `run` stays the complete answer (`--json`, `--plain`, the tests).
   */
  runInSteps?(knobs: KnobValues, seed: number): { result: Result; done: boolean };
  /** Lines of text, none wider than `options.width`. */
  chart(result: Result, options: ChartOptions): string[];
  /** Asked after the lab and recorded like a check question; its id is unique among labs. */
  question: Question;
}
