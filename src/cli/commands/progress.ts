// fs.promises is a lazy getter: `progress` loads it only to import a file.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describeFsError, ExitError, UsageError, UserError } from '../../errors.ts';
import { writeAtomically } from '../../progress/atomic-file.ts';
import { mergeProgress } from '../../progress/merge.ts';
import { parseProgress } from '../../progress/parse.ts';
import { ProgressSerializer } from '../../progress/serialize.ts';
import { reportProgress, type CourseReport, type LessonReport } from '../../progress/summary.ts';
import type { ProgressData } from '../../progress/types.ts';
import { textWidth } from '../../ui/io.ts';
import { bar, percent } from '../../ui/screens/overview.ts';
import { plural } from '../../text/plural.ts';
import type { Theme } from '../../ui/theme.ts';
import { visibleLength, wrapText } from '../../ui/wrap.ts';
import type { Ctx } from '../context.ts';

export interface ProgressOptions {
  json?: boolean;
  path?: boolean;
  export?: string;
  import?: string;
}

/** `progress [--json | --path | --export FILE | --import FILE]`. */
export async function runProgress(ctx: Ctx, opts: ProgressOptions = {}): Promise<void> {
  const modes = (['json', 'path', 'export', 'import'] as const).filter(
    (k) => opts[k] !== undefined && opts[k] !== false,
  );
  if (modes.length > 1)
    throw new UsageError(
      `--${modes[0]} and --${modes[1]} cannot be used together`,
      'Run alignment-tutor progress --help for usage.',
    );
  if (opts.path) {
    ctx.io.stdout.write(`${ctx.progressFile}\n`);
    return;
  }
  if (opts.import !== undefined) return importProgress(ctx, opts.import);

  const data = await ctx.store.read();
  // The store has already said why (a newer format, an unreadable file); showing empty progress would mislead.
  if (await ctx.store.refusal()) throw new ExitError(1);
  if (opts.export !== undefined) return exportProgress(ctx, data, opts.export);

  const report = reportProgress(await ctx.course(), ctx.courseId, data.courses[ctx.courseId]);
  if (opts.json) {
    ctx.io.stdout.write(`${JSON.stringify(progressJson(report), null, 2)}\n`);
    return;
  }
  ctx.io.stdout.write(
    renderProgress(report, {
      theme: ctx.theme,
      width: textWidth(ctx.io),
      plain: ctx.plain,
      now: ctx.now(),
      courseDir: ctx.shippedContent ? undefined : ctx.displayPath(ctx.contentDir),
      file: ctx.displayPath(ctx.progressFile),
    }),
  );
}

/** The documented `progress --json` shape (README.md); scores are fractions 0..1, null when none. */
export function progressJson(report: CourseReport): unknown {
  return {
    course: report.course,
    lessons: report.lessons,
    totals: report.totals,
  };
}

export interface ProgressScreen {
  theme: Theme;
  width: number;
  plain: boolean;
  now: Date;
  /** The course folder when it is not the shipped course. */
  courseDir: string | undefined;
  file: string;
}

const BAR = 10;

/** Per lesson: title and last activity, then sections read, quiz scores, answers and accuracy; then the course totals. */
export function renderProgress(report: CourseReport, screen: ProgressScreen): string {
  const { theme, width } = screen;
  const lines: string[] = [
    theme.heading(
      wrapText(
        screen.courseDir ? `Your progress in the course in ${screen.courseDir}` : 'Your progress',
        width,
      ),
    ),
    '',
  ];
  for (const lesson of report.lessons) {
    const when = lesson.lastActivity ? ago(lesson.lastActivity, screen.now) : 'not started';
    if (screen.plain) {
      lines.push(wrapText(`${lesson.title} (${when}): ${sentence(lesson)}`, width));
      continue;
    }
    const title = theme.strong(lesson.title);
    const gap = width - visibleLength(lesson.title) - when.length;
    lines.push(
      gap >= 2
        ? `${title}${' '.repeat(gap)}${theme.dim(when)}`
        : wrapText(`${title}  ${theme.dim(when)}`, width),
    );
    lines.push(
      wrapText(
        `  ${bar(lesson.sectionsRead, lesson.sections, theme, BAR)} ${lesson.sectionsRead}/${lesson.sections} sections · ${quizWords(lesson, theme)} · ${answerWords(lesson)}`,
        width,
      ),
    );
  }
  const t = report.totals;
  lines.push(
    '',
    wrapText(
      `${theme.strong('Course:')} ${t.sectionsRead} of ${t.sections} sections read, ${t.lessonsFinished} of ${t.lessons} lessons finished, ${t.quizzesPassed} of ${t.lessons} quizzes passed; ${plural(t.answered, 'answer')}${t.answered ? ` (${percent(t.correct / t.answered)} right)` : ''} in ${plural(t.attempts, 'quiz attempt')}.`,
      width,
    ),
  );
  if (report.unknownLessons.length) {
    lines.push(
      theme.dim(
        wrapText(
          `Progress is also kept for ${plural(report.unknownLessons.length, 'lesson')} no longer in this course (${report.unknownLessons.join(', ')}).`,
          width,
        ),
      ),
    );
  }
  lines.push(theme.dim(wrapText(`Progress file: ${screen.file}`, width)));
  return `${lines.join('\n')}\n`;
}

function quizWords(l: LessonReport, theme: Theme): string {
  if (l.best === null)
    return l.quizUnfinished
      ? 'quiz started'
      : l.attempts
        ? plural(l.attempts, 'retry', 'retries')
        : 'no quiz yet';
  const best = l.passed ? theme.ok(`${percent(l.best)} ✓`) : percent(l.best);
  return `quiz best ${best}, latest ${percent(l.latest!)}`;
}

function answerWords(l: LessonReport): string {
  return l.answered
    ? `${plural(l.answered, 'answer')}, ${percent(l.correct / l.answered)} right`
    : 'no answers yet';
}

/** The same facts as a sentence, for `--plain` (a bar means nothing to a screen reader). */
function sentence(l: LessonReport): string {
  const quiz =
    l.best === null
      ? l.quizUnfinished
        ? 'quiz started, no score yet'
        : 'no quiz score yet'
      : `quiz best ${percent(l.best)}${l.passed ? ' (passed)' : ''}, latest ${percent(l.latest!)}`;
  return `${l.sectionsRead} of ${l.sections} sections read, ${quiz}, ${answerWords(l)}.`;
}

/** "just now", "5 minutes ago", "yesterday", "12 days ago", then the date. */
export function ago(iso: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour')} ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 30) return `${days} days ago`;
  return `on ${iso.slice(0, 10)}`;
}

/** `--export FILE` (or `-` for standard output): the whole progress file, every course, as it is saved. */
async function exportProgress(ctx: Ctx, data: ProgressData, target: string): Promise<void> {
  const parts = new ProgressSerializer().serialize(data);
  if (target === '-') {
    for (const p of parts) ctx.io.stdout.write(p);
    return;
  }
  const file = path.resolve(ctx.cwd, target);
  try {
    await writeAtomically(file, parts);
  } catch (e) {
    throw new UserError(
      `could not write ${ctx.displayPath(file)}: ${describeFsError(e, ctx.displayPath(file)) ?? (e as Error).message}`,
    );
  }
  const c = counts(data);
  ctx.io.stdout.write(
    `Exported your progress (${plural(c.answers, 'answer')}, ${plural(c.attempts, 'quiz attempt')}) to ${ctx.displayPath(file)}.\nTo merge it into another progress file: alignment-tutor progress --import ${ctx.displayPath(file)}\n`,
  );
}

/** `--import FILE`: checked in full before anything changes, then merged; nothing already here is lost. */
async function importProgress(ctx: Ctx, source: string): Promise<void> {
  const file = path.resolve(ctx.cwd, source);
  const shown = ctx.displayPath(file);
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(file);
  } catch (e) {
    throw new UserError(
      `could not read ${shown}: ${describeFsError(e, shown) ?? (e as Error).message}`,
      'Nothing was imported.',
    );
  }
  const parsed = parseProgress(bytes);
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
  const { before, after } = await ctx.store.transact((data) => {
    const before = counts(data);
    data.courses = mergeProgress(data, incoming).courses;
    return { before, after: counts(data) };
  });
  const added = { answers: after.answers - before.answers, attempts: after.attempts - before.attempts };
  const theirs = counts(incoming);
  ctx.io.stdout.write(
    `Merged ${shown} into your progress: ${plural(added.answers, 'new answer')} and ${plural(added.attempts, 'new quiz attempt')}` +
      `${theirs.answers - added.answers > 0 ? ` (${theirs.answers - added.answers} of its answers were already here)` : ''}; nothing of yours was removed.\n`,
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
