import { withDefaults } from '../../lab/knobs.ts';
import { LABS } from '../../lab/registry.ts';
import type { KnobValues, Lab } from '../../lab/types.ts';
import { grade } from '../../quiz/grade.ts';
import { textWidth } from '../../ui/io.ts';
import { askQuestion, explain } from '../../ui/question.ts';
import { labTuning, renderLabIntro, renderLeavesOut, type LabScreen } from '../../ui/screens/lab.ts';
import { CHECK_HEADING } from '../../ui/screens/lesson.ts';
import { questionScreen, type Ctx } from '../context.ts';
import { saveCheckAnswer } from './lesson.ts';

/** The seed when none is given: every learner sees the same run, and `--seed` tries another. */
export const DEFAULT_SEED = 1;

export interface LabRun {
  seed: number;
  /** Knob values to start from (`--knob`); the rest start at their defaults. */
  knobs: KnobValues;
}

export function labScreen(ctx: Ctx): LabScreen {
  return {
    theme: ctx.theme,
    width: textWidth(ctx.io),
    // Box-drawing and block characters need a terminal that draws them; a plain reader gets ASCII.
    ascii: ctx.prompter.plain || ctx.env['TERM'] === 'dumb',
  };
}

/**
 * One lab: its intro, the knobs with the chart redrawn on each turn, then what the toy leaves out
 * and its closing question, answered and recorded like a lesson's check. Esc or q on the knobs
 * goes back (to the labs or wherever the lab was opened from); the question is asked once a run.
 */
export async function runLab(ctx: Ctx, lab: Lab<unknown>, opts: LabRun): Promise<void> {
  let screen = labScreen(ctx);
  const out = (s: string) => ctx.io.stdout.write(s);
  const { prompter } = ctx;
  out(`${renderLabIntro(lab, screen)}\n`);
  if (!prompter.plain) {
    const start = await prompter.select('What next?', [
      { label: 'Start the lab', value: true },
      { label: 'Back', value: false },
    ]);
    if (!start) return;
  }
  let values: KnobValues = withDefaults(lab.knobs, opts.knobs);
  let asked = false;
  for (;;) {
    const tuned = await prompter.tune(labTuning(lab, opts.seed, values, screen));
    values = tuned.values;
    if (tuned.action === 'back') return;
    if (tuned.action === 'resize') {
      // The chart again, drawn for the new width, with the knobs where the learner left them.
      screen = labScreen(ctx);
      continue;
    }
    if (!asked) {
      asked = true;
      out(`\n${renderLeavesOut(lab, screen)}\n`);
      await askClosingQuestion(ctx, lab);
    }
    if (prompter.plain) return;
    const again = await prompter.select('What next?', [
      { label: 'Turn the knobs again', value: true },
      { label: 'Done', value: false },
    ]);
    if (!again) return;
  }
}

/** The lab's question on the same screen as a check, its feedback, and the answer recorded under its lesson. */
async function askClosingQuestion(ctx: Ctx, lab: Lab<unknown>): Promise<void> {
  const qs = questionScreen(ctx);
  const asked = await askQuestion(qs, lab.question, { heading: CHECK_HEADING });
  const graded = grade(lab.question, asked.response);
  ctx.io.stdout.write(
    `\n${explain(lab.question, asked.response, graded, { theme: ctx.theme, width: qs.width() })}\n`,
  );
  await saveCheckAnswer(ctx, lab.lesson, lab.question.id, asked, graded.correct);
}

/** The home screen's "Labs": pick one, run it, come back to the list until Back. */
export async function pickLab(ctx: Ctx): Promise<void> {
  const course = await ctx.course();
  const titleOf = (id: string) => course.lessons.find((l) => l.id === id)?.title;
  for (;;) {
    const picked = await ctx.prompter.select<Lab<unknown> | undefined>('Which lab?', [
      ...LABS.map((lab) => ({
        label: lab.title,
        value: lab,
        hint: `lesson: ${titleOf(lab.lesson) ?? lab.lesson}`,
      })),
      { label: 'Back', value: undefined },
    ]);
    if (!picked) return;
    await runLab(ctx, picked, { seed: DEFAULT_SEED, knobs: {} });
  }
}
