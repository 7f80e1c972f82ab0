import type { Knob, KnobValues } from './types.ts';

/** Knob values: defaults, checking a learner's value, and moving one step. */

export function defaultKnobs(knobs: readonly Knob[]): Record<string, number> {
  return Object.fromEntries(knobs.map((k) => [k.id, k.default]));
}

/** Rounds away floating-point dust so 0.1 + 0.2 shows as 0.3 and compares equal to it. */
function tidy(value: number, step: number): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step)) + 1);
  return Number(value.toFixed(decimals));
}

/** The knob's value shown to the learner: an option's name, or the number and its unit. */
export function formatKnob(knob: Knob, value: number): string {
  const option = knob.options?.[value];
  if (option !== undefined) return option;
  return `${tidy(value, knob.step)}${knob.unit ?? ''}`;
}

/** Why `value` is not allowed for `knob`, in words a learner can act on; undefined when it is fine. */
export function knobProblem(knob: Knob, value: number): string | undefined {
  const range = knob.options
    ? `one of ${knob.options.map((o, i) => `${i} (${o})`).join(', ')}`
    : `a number from ${knob.min} to ${knob.max} in steps of ${knob.step}`;
  if (!Number.isFinite(value) || value < knob.min || value > knob.max)
    return `${knob.label} must be ${range}; got ${value}`;
  const steps = (value - knob.min) / knob.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-6) return `${knob.label} must be ${range}; got ${value}`;
  return undefined;
}

/** The values with `id` moved by `steps` steps, held inside the knob's range. */
export function stepKnob(knobs: readonly Knob[], values: KnobValues, id: string, steps: number): KnobValues {
  const knob = knobs.find((k) => k.id === id);
  if (!knob) return values;
  const current = values[id] ?? knob.default;
  const next = Math.min(knob.max, Math.max(knob.min, current + steps * knob.step));
  return { ...values, [id]: tidy(next, knob.step) };
}

/** Every knob's value from `values`, or its default where missing. */
export function withDefaults(knobs: readonly Knob[], values: KnobValues): Record<string, number> {
  return { ...defaultKnobs(knobs), ...values };
}

/** One knob's value, for a lab's run(); falls back to the default so a partial set still runs. */
export function knobValue(knobs: readonly Knob[], values: KnobValues, id: string): number {
  const knob = knobs.find((k) => k.id === id);
  if (!knob) throw new Error(`no knob named ${id}`);
  return values[id] ?? knob.default;
}
