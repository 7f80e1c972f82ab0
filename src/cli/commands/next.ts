import { nextStepSentence, stepCommand } from '../../ui/screens/next-step.ts';
import { wrapText } from '../../ui/wrap.ts';
import { textWidth } from '../../ui/io.ts';
import type { Ctx } from '../context.ts';
import { findNextStep } from '../review-state.ts';

/** `alignment-tutor next [--json]`: the single most useful next step, with the command to run it. */
export async function runNext(ctx: Ctx, opts: { json?: boolean }): Promise<void> {
  const course = await ctx.course();
  const step = findNextStep(ctx, course, await ctx.store.read());
  if (opts.json) {
    const command = stepCommand(step, ctx.command);
    ctx.io.stdout.write(`${JSON.stringify({ ...step, ...(command ? { command } : {}) }, null, 2)}\n`);
    return;
  }
  const text = nextStepSentence(step, {
    course,
    now: ctx.now(),
    utcOffsetMinutes: ctx.utcOffsetMinutes,
    command: ctx.command,
  });
  ctx.io.stdout.write(`${ctx.io.stdout.isTTY ? wrapText(text, textWidth(ctx.io)) : text}\n`);
}
