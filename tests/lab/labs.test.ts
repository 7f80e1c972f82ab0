import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionSchema } from '../../src/content/schema.ts';
import { defaultKnobs, knobProblem } from '../../src/lab/knobs.ts';
import { LABS, findLab, labsForLesson } from '../../src/lab/registry.ts';
import type { Lab } from '../../src/lab/types.ts';

const root = new URL('../../', import.meta.url);

/** Paths to numbers that JSON would turn into null (NaN, Infinity). */
function nonFinite(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

/** Every knob at its minimum, then every knob at its maximum: the extremes a learner can reach. */
function extremes(lab: Lab<unknown>) {
  return [
    defaultKnobs(lab.knobs),
    Object.fromEntries(lab.knobs.map((k) => [k.id, k.min])),
    Object.fromEntries(lab.knobs.map((k) => [k.id, k.max])),
  ];
}

describe('the labs registry', () => {
  it('has the six labs of issue 14, with unique ids and unique question ids', () => {
    expect(LABS.map((l) => l.id)).toEqual([
      'goodhart',
      'write-the-reward',
      'misgeneralisation',
      'off-switch',
      'reward-model',
      'preferences',
    ]);
    expect(new Set(LABS.map((l) => l.question.id)).size).toBe(LABS.length);
    expect(findLab('off-switch')?.title).toBe('The off-switch game');
    expect(labsForLesson('specification-problem').map((l) => l.id)).toEqual(['goodhart', 'write-the-reward']);
  });

  describe.each(LABS.map((lab) => [lab.id, lab] as const))('%s', (_id, lab) => {
    it('belongs to a lesson that exists and tells the learner what it is and what it leaves out', () => {
      expect(existsSync(new URL(`lessons/${lab.lesson}.yaml`, root))).toBe(true);
      expect(lab.intro.length).toBeGreaterThanOrEqual(2);
      expect(lab.intro.length).toBeLessThanOrEqual(4);
      expect(lab.reproduces).toMatch(/\(?\d{4}/);
      expect(lab.leavesOut.length).toBeGreaterThan(40);
    });

    it('closes with a question in the course format', () => {
      const parsed = questionSchema.safeParse(lab.question);
      expect(parsed.error?.issues ?? []).toEqual([]);
      const q = lab.question;
      if (q.type === 'single' || q.type === 'multiple')
        for (const c of q.choices) expect(c.feedback, `feedback on "${c.text}"`).toBeTruthy();
    });

    it('has knobs whose defaults are allowed values', () => {
      expect(lab.knobs.length).toBeGreaterThan(0);
      for (const k of lab.knobs) expect(knobProblem(k, k.default)).toBeUndefined();
    });

    it('gives the same numbers and the same chart for the same seed, as plain JSON', () => {
      const a = lab.run(defaultKnobs(lab.knobs), 42);
      const b = lab.run(defaultKnobs(lab.knobs), 42);
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      expect(nonFinite(a)).toEqual([]);
      expect(lab.chart(b, { width: 80, ascii: false })).toEqual(lab.chart(a, { width: 80, ascii: false }));
    });

    it('draws within 80 columns, and in plain ASCII when asked, at every extreme of its knobs', () => {
      for (const knobs of extremes(lab)) {
        const result = lab.run(knobs, 3);
        for (const ascii of [false, true]) {
          const lines = lab.chart(result, { width: 80, ascii });
          expect(lines.length).toBeGreaterThan(0);
          for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
          if (ascii) for (const line of lines) expect(line).toMatch(/^[\x20-\x7e]*$/);
        }
      }
    });

    it('recomputes within 100 ms after a knob change', () => {
      lab.run(defaultKnobs(lab.knobs), 5);
      for (const knobs of extremes(lab)) {
        // The best of three, so a busy machine (tests run in parallel) does not count against the lab.
        const times = [0, 1, 2].map(() => {
          const started = performance.now();
          lab.chart(lab.run(knobs, 5), { width: 80, ascii: false });
          return performance.now() - started;
        });
        expect(Math.min(...times)).toBeLessThan(100);
      }
    });
  });
});
