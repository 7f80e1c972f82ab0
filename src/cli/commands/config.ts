import { UsageError } from '../../errors.ts';
import type { Ctx } from '../context.ts';

const SETTINGS = ['confidence'] as const;

/**
 * `alignment-tutor config [confidence [on|off]]`: the learner's choices, kept in the progress file
 * so that they travel with it (`progress --export`). Without a value, prints the setting.
 */
export async function runConfig(
  ctx: Ctx,
  name: string | undefined,
  value: string | undefined,
): Promise<void> {
  const data = await ctx.store.read();
  if (name === undefined) {
    ctx.io.stdout.write(`confidence ${data.settings?.confidence ? 'on' : 'off'}\n`);
    return;
  }
  if (!(SETTINGS as readonly string[]).includes(name))
    throw new UsageError(`there is no setting "${name}"`, `The settings are: ${SETTINGS.join(', ')}.`);
  if (value === undefined) {
    ctx.io.stdout.write(`confidence ${data.settings?.confidence ? 'on' : 'off'}\n`);
    return;
  }
  const on = value.toLowerCase();
  if (on !== 'on' && on !== 'off')
    throw new UsageError(
      `"${value}" is not a value for confidence`,
      `Use ${ctx.command('config confidence on')} or ${ctx.command('config confidence off')}.`,
    );
  await ctx.store.transact((d, now) => {
    d.settings = { ...d.settings, confidence: on === 'on', updatedAt: now.toISOString() };
  });
  ctx.io.stdout.write(
    on === 'on'
      ? 'Confidence is on: after each quiz and review answer you will be asked how sure you were, and ' +
          'stats will show how well your confidence matches your answers.\n'
      : 'Confidence is off: quizzes and reviews no longer ask how sure you were.\n',
  );
}
