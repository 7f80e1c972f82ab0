import type { CourseReport, LessonReport } from '../../progress/summary.ts';
import { plural } from '../../text/plural.ts';
import type { Theme } from '../theme.ts';
import { visibleLength, wrapText } from '../wrap.ts';
import { bar, percent } from './overview.ts';
import { printableLine } from '../../text/printable.ts';

/** `progress`: per lesson a bar, scores and answers; then the course totals. */

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

/**
 * Per lesson: title and last activity, then sections read, quiz scores, answers and accuracy;
 * then the course totals.
 */
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
    // One column short of the edge: a line filling the last column wraps in some terminals.
    const gap = width - 1 - visibleLength(lesson.title) - when.length;
    lines.push(
      gap >= 2
        ? `${title}${' '.repeat(gap)}${theme.dim(when)}`
        : wrapText(`${title}  ${theme.dim(when)}`, width),
    );
    lines.push(
      wrapText(
        `  ${bar(lesson.sectionsRead, lesson.sections, theme, BAR)} ` +
          `${lesson.sectionsRead}/${lesson.sections} sections · ${quizWords(lesson, theme)} · ${answerWords(lesson)}`,
        width,
      ),
    );
  }
  const t = report.totals;
  lines.push(
    '',
    wrapText(
      `${theme.strong('Course:')} ${t.sectionsRead} of ${t.sections} sections read, ` +
        `${t.lessonsFinished} of ${t.lessons} lessons finished, ${t.quizzesPassed} of ${t.lessons} quizzes passed; ` +
        `${plural(t.answered, 'answer')}${t.answered ? ` (${percent(t.correct / t.answered)} right)` : ''} ` +
        `in ${plural(t.attempts, 'quiz attempt')}.`,
      width,
    ),
  );
  if (report.unknownLessons.length) {
    lines.push(
      theme.dim(
        wrapText(
          `Progress is also kept for ${plural(report.unknownLessons.length, 'lesson')} ` +
            `no longer in this course (${unknownList(report.unknownLessons)}).`,
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

/** Ids from the progress file, which anyone may have written: shown escaped, and only the first few. */
function unknownList(ids: readonly string[]): string {
  const shown = ids.slice(0, 10).map((id) => printableLine(id, 80));
  return ids.length > shown.length
    ? `${shown.join(', ')} and ${ids.length - shown.length} more`
    : shown.join(', ');
}
