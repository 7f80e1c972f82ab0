import type { Course } from '../../content/course.ts';
import type { Lesson } from '../../content/schema.ts';
import { lessonFigures, type LessonStatus, type LessonFigures } from '../../lesson/status.ts';
import type { CourseProgress } from '../../progress/types.ts';
import type { Theme } from '../theme.ts';
import { visibleLength, wrapText } from '../wrap.ts';
import { plural } from '../../text/plural.ts';

/** The home screen and `list`: the course at a glance, one lesson per line. */

export interface OverviewScreen {
  theme: Theme;
  width: number;
  /** `--plain`: sentences for a screen reader instead of bars. */
  plain: boolean;
}

export function statusText(status: LessonStatus): string {
  switch (status.kind) {
    case 'not-started':
      return 'not started';
    case 'in-progress':
      return `in progress at section ${status.section} of ${status.total}`;
    case 'read':
      return 'read';
    case 'quiz-passed':
      return 'quiz passed';
  }
}

export function styledStatus(status: LessonStatus, theme: Theme): string {
  const text = statusText(status);
  if (status.kind === 'quiz-passed') return theme.ok(text);
  if (status.kind === 'read') return theme.accent(text);
  if (status.kind === 'in-progress') return theme.warn(text);
  return theme.dim(text);
}

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

const BAR = 8;

/** A bar of `length` cells, filled in proportion to `done` of `total`. */
export function bar(done: number, total: number, theme: Theme, length = BAR): string {
  const full = total === 0 ? 0 : Math.round((done / total) * length);
  return `${theme.ok('█'.repeat(full))}${theme.dim('░'.repeat(length - full))}`;
}

/** "3/5 sections · quiz best 80%" */
function progressWords(s: LessonFigures, theme: Theme): string {
  const quiz =
    s.best === undefined
      ? s.quizUnfinished
        ? ' · quiz started'
        : ''
      : ` · quiz best ${s.status.kind === 'quiz-passed' ? theme.ok(percent(s.best)) : percent(s.best)}`;
  return `${s.seen}/${s.total} sections${quiz}`;
}

/**
 * Per lesson, its lines: one (two or more on a narrow screen, where a title may wrap): number,
 * title, bar, sections seen, best quiz score.
 */
function renderLessonBlocks(
  course: Course,
  progress: CourseProgress | undefined,
  screen: OverviewScreen,
): string[] {
  const { theme, width } = screen;
  const rows = course.lessons.map((lesson, i) => ({
    lesson,
    n: `${i + 1}.`,
    s: lessonFigures(lesson, progress, course.quizzes.get(lesson.id)),
  }));
  if (screen.plain) {
    return rows.map(({ lesson, n, s }) =>
      wrapText(
        `${n} ${lesson.title}: ${statusText(s.status)}; ${s.seen} of ${s.total} sections seen` +
          `${s.best === undefined ? '' : `, quiz best ${percent(s.best)}`}.`,
        width,
      ),
    );
  }
  const numberWidth = String(rows.length).length + 2;
  const right = rows.map((r) => `${bar(r.s.seen, r.s.total, theme)} ${progressWords(r.s, theme)}`);
  const rightWidth = Math.max(...right.map(visibleLength));
  const longest = Math.max(...rows.map((r) => r.lesson.title.length));
  const titleWidth = Math.min(longest, width - numberWidth - 2 - rightWidth - 2);
  // Below this, a title would be cut to nothing: the progress goes on a line of its own.
  if (titleWidth < 16) {
    return rows.map(
      ({ lesson, n }, i) =>
        `${wrapText(`${n.padEnd(numberWidth)}${lesson.title}`, width)}\n${' '.repeat(numberWidth)}${right[i]}`,
    );
  }
  return rows.map(
    ({ lesson, n }, i) =>
      `  ${n.padEnd(numberWidth)}${fit(lesson.title, titleWidth).padEnd(titleWidth)}  ${right[i]}`,
  );
}

function fit(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, width - 1)}…`;
}

/** The top of the home screen: the course, the learner's lessons, and a greeting on the first run. */
export function renderHome(
  course: Course,
  progress: CourseProgress | undefined,
  screen: OverviewScreen,
  opts: { shipped: boolean; courseDir: string; rows?: number },
): string {
  const { theme, width } = screen;
  const minutes = course.lessons.reduce((sum, l) => sum + (l.minutes ?? 0), 0);
  const title = opts.shipped
    ? 'alignment-tutor · The AI alignment problem'
    : `alignment-tutor · the course in ${opts.courseDir}`;
  const parts = [
    theme.heading(wrapText(title, width)),
    theme.dim(
      wrapText(
        plural(course.lessons.length, 'lesson') +
          (minutes ? ` · about ${Math.round(minutes / 5) * 5} minutes in all` : ''),
        width,
      ),
    ),
    '',
  ];
  const started =
    progress && (Object.keys(progress.lessons).length > 0 || Object.keys(progress.quizzes).length > 0);
  const height = (lines: string[]) => lines.join('\n').split('\n').length;
  const welcome = wrapText(
    'Welcome! Start with lesson 1 below. Each lesson ends with a quiz that explains every answer; ' +
      'stop whenever you like, the tutor remembers where you were.',
    width,
  );
  // On a short screen the greeting gives way, so that the title stays in view above the menu.
  if (!started && height([...parts, welcome, '', '']) <= (opts.rows ?? Infinity)) parts.push(welcome, '');
  const blocks = renderLessonBlocks(course, progress, screen);
  const room = opts.rows === undefined ? Infinity : opts.rows - height(parts);
  const lessons = fitLessons(course, progress, blocks, room, screen);
  if (lessons.length > 0) parts.push(...lessons);
  else parts.pop();
  return `${parts.join('\n')}\n`;
}

/**
 * The lessons that fit in `room` rows: a long course shows the lessons around the first one not
 * yet read, and says how many more there are, so the menu under it stays on the screen. A screen
 * too short for any shows only that line.
 */
function fitLessons(
  course: Course,
  progress: CourseProgress | undefined,
  blocks: string[],
  room: number,
  { theme, width }: OverviewScreen,
): string[] {
  const height = (block: string) => block.split('\n').length;
  if (blocks.reduce((sum, b) => sum + height(b), 0) <= room) return blocks;
  const focus = Math.max(
    0,
    course.lessons.findIndex((l) => !progress?.lessons[l.id]?.finishedAt),
  );
  // From the lesson before the focus, as many as fit with the closing line.
  let start = Math.max(0, focus - 1);
  let end = start;
  let used = 1;
  const grow = (i: number) => i >= 0 && i < blocks.length && used + height(blocks[i]!) <= room;
  for (;;) {
    if (grow(end)) used += height(blocks[end++]!);
    else if (grow(start - 1)) used += height(blocks[--start]!);
    else break;
  }
  const hidden = blocks.length - (end - start);
  const more = wrapText(
    `  … and ${plural(hidden, end > start ? 'more lesson' : 'lesson')}: Lessons lists them all`,
    width,
  );
  // Not even room to say so: the menu's Lessons entry is there.
  if (end === start && height(more) > room) return [];
  return [...blocks.slice(start, end), theme.dim(more)];
}

/** `list`: course order with id, title, minutes, prerequisites and status. */
export function renderList(
  course: Course,
  progress: CourseProgress | undefined,
  screen: OverviewScreen,
): string {
  const { theme, width } = screen;
  const pad = String(course.lessons.length).length + 2;
  return `${course.lessons
    .map((lesson, i) => {
      const s = lessonFigures(lesson, progress, course.quizzes.get(lesson.id));
      const head = wrapText(
        `${`${i + 1}.`.padEnd(pad)}${theme.strong(lesson.title)}` +
          `${lesson.minutes ? theme.dim(` · ${lesson.minutes} min`) : ''} · ${styledStatus(s.status, theme)}`,
        width,
      );
      const detail = [
        `id: ${lesson.id}`,
        lesson.requires?.length ? `requires: ${lesson.requires.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' · ');
      return `${head}\n${wrapText(`${' '.repeat(pad)}${theme.dim(detail)}`, width)}`;
    })
    .join('\n')}\n`;
}

/** `list --json`: one object per lesson, in course order. */
export function listJson(course: Course, progress: CourseProgress | undefined): unknown[] {
  return course.lessons.map((lesson: Lesson, i) => {
    const s = lessonFigures(lesson, progress, course.quizzes.get(lesson.id));
    return {
      position: i + 1,
      id: lesson.id,
      title: lesson.title,
      minutes: lesson.minutes ?? null,
      requires: lesson.requires ?? [],
      sections: s.total,
      sectionsSeen: s.seen,
      status: s.status.kind,
      ...(s.status.kind === 'in-progress' ? { section: s.status.section } : {}),
      quizBest: s.best ?? null,
    };
  });
}
