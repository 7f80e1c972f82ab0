import { existsSync } from 'node:fs';
import path from 'node:path';
import { describeFsError, ExitError, UsageError, UserError } from '../../errors.ts';
import { writeAtomically } from '../../progress/atomic-file.ts';
import { mergeProgress } from '../../progress/merge.ts';
import { loadReplay } from '../../progress/cards.ts';
import { MAX_PROGRESS_BYTES, readProgressBytes } from '../../progress/parse.ts';
import { readRegularFile } from '../../files/read-regular.ts';
import { ProgressSerializer } from '../../progress/serialize.ts';
import { reportProgress } from '../../progress/summary.ts';
import type { ProgressData } from '../../progress/types.ts';
import { progressJson } from '../../ui/screens/progress.ts';
import { progressReport } from '../flows/progress.ts';
import { plural } from '../../text/plural.ts';
import type { Ctx } from '../context.ts';

export interface ProgressOptions {
  json?: boolean;
  path?: boolean;
  export?: string;
  import?: string;
  /** With --export: replace an existing file. */
  force?: boolean;
}

/** `progress [--json | --path | --export FILE | --import FILE]`. */
export async function runProgress(ctx: Ctx, opts: ProgressOptions = {}): Promise<void> {
  const modes = (['json', 'path', 'export', 'import'] as const).filter(
    (k) => opts[k] !== undefined && opts[k] !== false,
  );
  if (modes.length > 1)
    throw new UsageError(
      `--${modes[0]} and --${modes[1]} cannot be used together`,
      `Run ${ctx.command('progress --help')} for usage.`,
    );
  if (opts.path) {
    ctx.io.stdout.write(`${ctx.progressFile}\n`);
    return;
  }
  if (opts.import !== undefined) return importProgress(ctx, opts.import);

  const data = await ctx.store.read();
  // The store has already said why (a newer format, an unreadable file); showing empty progress would mislead.
  if (await ctx.store.refusal()) throw new ExitError(1);
  if (opts.export !== undefined) return exportProgress(ctx, data, opts.export, Boolean(opts.force));

  if (opts.json) {
    const report = reportProgress(await ctx.course(), ctx.courseId, data.courses[ctx.courseId]);
    ctx.io.stdout.write(`${JSON.stringify(progressJson(report), null, 2)}\n`);
    return;
  }
  ctx.io.stdout.write(await progressReport(ctx));
}

/** `--export FILE` (or `-` for standard output): the whole progress file, every course, as it is saved. */
async function exportProgress(ctx: Ctx, data: ProgressData, target: string, force: boolean): Promise<void> {
  const parts = new ProgressSerializer().serialize(data);
  if (target === '-') {
    for (const p of parts) ctx.io.stdout.write(p);
    return;
  }
  const file = path.resolve(ctx.cwd, target);
  if (!force && existsSync(file))
    throw new UserError(
      `${ctx.displayPath(file)} already exists; nothing was written`,
      `To replace it: ${ctx.command(`progress --export ${ctx.displayPath(file)} --force`)}`,
    );
  try {
    await writeAtomically(file, parts);
  } catch (e) {
    throw new UserError(
      `could not write ${ctx.displayPath(file)}: ${describeFsError(e, ctx.displayPath(file)) ?? (e as Error).message}`,
    );
  }
  const c = counts(data);
  ctx.io.stdout.write(
    `Exported your progress (${plural(c.answers, 'answer')}, ${plural(c.attempts, 'quiz attempt')}) ` +
      `to ${ctx.displayPath(file)}.\n` +
      `To merge it into another progress file: ${ctx.command(`progress --import ${ctx.displayPath(file)}`)}\n`,
  );
}

/** `--import FILE`: checked in full before anything changes, then merged; nothing already here is lost. */
async function importProgress(ctx: Ctx, source: string): Promise<void> {
  const file = path.resolve(ctx.cwd, source);
  const shown = ctx.displayPath(file);
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_PROGRESS_BYTES);
  } catch (e) {
    throw new UserError(
      `could not read ${shown}: ${describeFsError(e, shown) ?? (e as Error).message}`,
      'Nothing was imported.',
    );
  }
  const parsed = await readProgressBytes(bytes);
  if (parsed.kind === 'corrupt')
    throw new UserError(`${shown} ${parsed.problem}`, 'Nothing was imported; your progress is unchanged.');
  if (parsed.kind === 'newer') {
    throw new UserError(
      `${shown} was written by a newer version of alignment-tutor (format version ${parsed.version})`,
      'Update alignment-tutor to import it. Nothing was imported.',
    );
  }
  if (await ctx.store.refusal()) throw new ExitError(1);
  const incoming = parsed.data;
  const replay = await loadReplay();
  const { before, after } = await ctx.store.transact((data) => {
    const before = counts(data);
    data.courses = mergeProgress(data, incoming, replay).courses;
    if (incoming.settings && !data.settings) data.settings = incoming.settings;
    return { before, after: counts(data) };
  });
  const added = { answers: after.answers - before.answers, attempts: after.attempts - before.attempts };
  const known = counts(incoming).answers - added.answers;
  ctx.io.stdout.write(
    `Merged ${shown} into your progress: ${plural(added.answers, 'new answer')} and ` +
      `${plural(added.attempts, 'new quiz attempt')}` +
      `${known > 0 ? ` (${known} of its answers were already here)` : ''}; nothing of yours was removed.\n`,
  );
}

function counts(data: ProgressData): { answers: number; attempts: number } {
  let answers = 0;
  let attempts = 0;
  for (const course of Object.values(data.courses)) {
    for (const quiz of Object.values(course.quizzes)) {
      answers += quiz.answers.length;
      attempts += quiz.attempts.length;
    }
  }
  return { answers, attempts };
}
