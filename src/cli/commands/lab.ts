import { withDefaults } from '../../lab/knobs.ts';
import { findLab, LABS } from '../../lab/registry.ts';
import type { Lab } from '../../lab/types.ts';
import { UsageError } from '../../errors.ts';
import { closest } from '../../text/suggest.ts';
import { parseKnobValue, renderLabList } from '../../ui/screens/lab.ts';
import type { Ctx } from '../context.ts';
import { DEFAULT_SEED, labScreen, runLab } from '../flows/lab.ts';

export interface LabOptions {
  seed?: number;
  json?: boolean;
  /** `id=value`, once per knob. */
  knob?: string[];
}

/**
 * `lab [name]`: without a name, the labs one line each; with one, that lab on the terminal (or as
 * numbered lines with `--plain`), or with `--json` the simulation's numbers for the knobs given.
 */
export async function runLabCommand(
  ctx: Ctx,
  name: string | undefined,
  opts: LabOptions = {},
): Promise<void> {
  const out = (s: string) => ctx.io.stdout.write(s);
  if (name === undefined) {
    if (opts.knob?.length || opts.seed !== undefined)
      throw new UsageError(
        '--knob and --seed need a lab',
        `Name one, e.g. ${ctx.command('lab goodhart --seed 2')}.`,
      );
    if (opts.json) {
      out(`${JSON.stringify(LABS.map(labJson), null, 2)}\n`);
      return;
    }
    const course = await ctx.course();
    const titleOf = (id: string) => course.lessons.find((l) => l.id === id)?.title;
    out(
      `${renderLabList(LABS, titleOf, labScreen(ctx))}\n\nOpen one with ` +
        `${ctx.theme.accent(ctx.command('lab <name>'))}.\n`,
    );
    return;
  }
  const lab = labNamed(ctx, name);
  const knobs = knobsFromArgs(lab, opts.knob ?? []);
  const seed = opts.seed ?? DEFAULT_SEED;
  if (opts.json) {
    const values = withDefaults(lab.knobs, knobs);
    out(`${JSON.stringify({ lab: lab.id, seed, knobs: values, result: lab.run(values, seed) }, null, 2)}\n`);
    return;
  }
  await runLab(ctx, lab, { seed, knobs });
}

function labJson(lab: Lab<unknown>) {
  return {
    id: lab.id,
    title: lab.title,
    lesson: lab.lesson,
    knobs: lab.knobs.map(({ id, label, min, max, step, default: value, options, unit }) => ({
      id,
      label,
      min,
      max,
      step,
      default: value,
      ...(options ? { options } : {}),
      ...(unit ? { unit } : {}),
    })),
    question: lab.question.id,
  };
}

/** The lab by id (any case); the labs are part of the program, so a wrong name is a usage error. */
function labNamed(ctx: Ctx, name: string): Lab<unknown> {
  const lab = findLab(name.toLowerCase());
  if (lab) return lab;
  const ids = LABS.map((l) => l.id);
  const near = closest(name, ids, 2);
  const guess = near.length ? `; did you mean ${near.map((id) => `"${id}"`).join(' or ')}?` : '';
  throw new UsageError(
    `there is no lab "${name}"${guess}`,
    `The labs are ${ids.join(', ')}; ${ctx.command('lab')} lists them.`,
  );
}

/** `--knob id=value` pairs checked against the lab's knobs; each problem names the value and what is allowed. */
export function knobsFromArgs(lab: Lab<unknown>, pairs: readonly string[]): Record<string, number> {
  const values: Record<string, number> = {};
  const ids = lab.knobs.map((k) => k.id).join(', ');
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const id = (at < 0 ? pair : pair.slice(0, at)).trim();
    const knob = lab.knobs.find((k) => k.id === id.toLowerCase());
    if (at < 0 || !knob)
      throw new UsageError(
        at < 0
          ? `--knob ${pair}: write it as id=value, e.g. --knob ${lab.knobs[0]!.id}=${lab.knobs[0]!.default}`
          : `the ${lab.id} lab has no knob "${id}"`,
        `Its knobs are ${ids}.`,
      );
    const value = parseKnobValue(knob, pair.slice(at + 1));
    if (typeof value === 'object') throw new UsageError(`--knob ${knob.id}: ${value.error}`);
    values[knob.id] = value;
  }
  return values;
}
