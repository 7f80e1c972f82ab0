import { formatKnob, knobProblem, stepKnob } from '../../lab/knobs.ts';
import type { Knob, KnobValues, Lab } from '../../lab/types.ts';
import type { Dial, TuneConfig } from '../prompts/prompter.ts';
import type { Theme } from '../theme.ts';
import { wrapText } from '../wrap.ts';

/** A lab on screen: its list line, its intro and closing notes, and its knobs as dials. */
export interface LabScreen {
  theme: Theme;
  width: number;
  /** Plain ASCII charts: `--plain`, no colour, or a dumb terminal. */
  ascii: boolean;
}

/** The labs, one line each: id, title and the lesson it belongs to (by title when the course has it). */
export function renderLabList(
  labs: readonly Lab<unknown>[],
  lessonTitle: (id: string) => string | undefined,
  screen: LabScreen,
): string {
  const idWidth = Math.max(...labs.map((l) => l.id.length));
  return labs
    .map((lab) => {
      const lesson = lessonTitle(lab.lesson) ?? lab.lesson;
      return wrapText(
        `${screen.theme.accent(lab.id.padEnd(idWidth))}  ${lab.title} (lesson: ${lesson})`,
        screen.width,
      );
    })
    .join('\n');
}

/** The title, the intro's paragraphs and the result it reproduces, before the first run. */
export function renderLabIntro(lab: Lab<unknown>, screen: LabScreen): string {
  return [
    screen.theme.heading(`Lab: ${lab.title}`),
    ...lab.intro.map((p) => wrapText(p, screen.width)),
    screen.theme.dim(wrapText(`It reproduces in miniature: ${lab.reproduces}`, screen.width)),
  ].join('\n\n');
}

/** Said after the knobs and before the question, so nobody takes the toy for the real system. */
export function renderLeavesOut(lab: Lab<unknown>, screen: LabScreen): string {
  return `${screen.theme.heading('What the simulation leaves out')}\n${wrapText(lab.leavesOut, screen.width)}`;
}

/** A knob as the prompt's dial: shown, stepped and typed by the lab's own rules (lab/knobs.ts). */
export function dialOf(knobs: readonly Knob[], knob: Knob): Dial {
  return {
    id: knob.id,
    label: knob.label,
    help: knob.help,
    range: knob.options
      ? knob.options.map((o, i) => `${i} ${o}`).join(', ')
      : `${knob.min} to ${knob.max}${knob.unit ?? ''}, steps of ${knob.step}`,
    show: (value) => formatKnob(knob, value),
    move: (value, steps) => stepKnob(knobs, { [knob.id]: value }, knob.id, steps)[knob.id]!,
    parse: (text) => parseKnobValue(knob, text),
  };
}

/**
 * A value typed for a knob: a number, or for a choice its number or name. The error names the
 * value and what is allowed, in the words of `knobProblem`.
 */
export function parseKnobValue(knob: Knob, text: string): number | { error: string } {
  const typed = text.trim().replace(/%$/, '');
  const byName = knob.options?.findIndex((o) => o.toLowerCase() === typed.toLowerCase()) ?? -1;
  const value = byName >= 0 ? byName : typed === '' ? NaN : Number(typed);
  const problem = knobProblem(knob, value);
  if (problem === undefined) return value;
  return { error: Number.isNaN(value) ? problem.replace(/got NaN$/, `got "${text.trim()}"`) : problem };
}

/**
 * The tuning screen of one lab: its chart and numbers for the values, recomputed on each change.
 * A lab with `runInSteps` draws what it has and asks to be called again until its result is whole.
 */
export function labTuning(
  lab: Lab<unknown>,
  seed: number,
  values: KnobValues,
  screen: LabScreen,
): TuneConfig {
  return {
    title: `Lab: ${lab.title} · seed ${seed}`,
    dials: lab.knobs.map((k) => dialOf(lab.knobs, k)),
    values,
    doneLabel: 'the question',
    view: (current) => {
      const { result, done } = lab.runInSteps
        ? lab.runInSteps(current, seed)
        : { result: lab.run(current, seed), done: true };
      return { lines: lab.chart(result, { width: screen.width, ascii: screen.ascii }), pending: !done };
    },
  };
}

/** After a lesson in `--plain` or `--print`: the command that opens each of its labs. */
export function labOffers(
  labs: readonly Lab<unknown>[],
  command: (args: string) => string,
  theme: Theme,
): string[] {
  return labs.map((lab) => `Try the lab: ${lab.title} (${theme.accent(command(`lab ${lab.id}`))}).`);
}
