import type { Calibration } from '../../quiz/calibration.ts';
import { verdictSentence } from '../../quiz/calibration.ts';
import type { Stats, Tally } from '../../quiz/stats.ts';
import type { Theme } from '../theme.ts';
import { wrapHanging } from '../wrap.ts';

export interface StatsScreen {
  theme: Theme;
  width: number;
  /** Block characters for the chart; plain ASCII when colour is off or `--plain`. */
  blocks: boolean;
  /** Lesson titles by id, in course order; question type names by type. */
  lessons: ReadonlyArray<{ id: string; title: string }>;
  command: (args: string) => string;
}

const pct = (share: number | undefined) =>
  share === undefined ? '  -' : `${Math.round(share * 100)}%`.padStart(4);
const tally = (t: Tally) => `${pct(t.share)}  ${t.right}/${t.answers}`;

const TYPE_NAMES: Record<string, string> = {
  single: 'single choice',
  multiple: 'select all',
  'true-false': 'true or false',
  short: 'short answer',
  order: 'ordering',
};

/** Eighths of a block, from empty to full, for one-line-per-row bars. */
const EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * Reviews per day as a small column chart, `height` rows high, one column per day (oldest left),
 * with the peak on the axis. Drawn with block characters, or `#` and `.` in plain ASCII.
 */
export function dayChart(counts: readonly number[], height: number, blocks: boolean): string[] {
  const peak = Math.max(1, ...counts);
  const rows: string[] = [];
  const label = String(peak).length;
  for (let r = height - 1; r >= 0; r--) {
    let line = '';
    for (const c of counts) {
      const fill = (c / peak) * height - r;
      if (blocks) line += EIGHTHS[Math.max(0, Math.min(8, Math.round(fill * 8)))];
      else line += fill >= 0.5 ? '#' : c > 0 && r === 0 ? '.' : ' ';
    }
    const axis =
      r === height - 1 ? String(peak).padStart(label) : r === 0 ? '0'.padStart(label) : ' '.repeat(label);
    rows.push(`${axis} ${blocks ? '│' : '|'}${line.trimEnd()}`);
  }
  return rows;
}

/** `alignment-tutor stats`, as text. */
export function renderStats(stats: Stats, calibration: Calibration, screen: StatsScreen): string {
  const { theme } = screen;
  const out: string[] = [];
  const titleWidth = Math.max(20, Math.min(44, screen.width - 16));
  const cut = (s: string) =>
    s.length > titleWidth ? `${s.slice(0, titleWidth - 1)}…` : s.padEnd(titleWidth);

  out.push(theme.heading('Accuracy by lesson'));
  const byLesson = screen.lessons.filter((l) => stats.accuracy.byLesson[l.id]);
  if (byLesson.length === 0) out.push('  No answers yet.');
  for (const l of byLesson) out.push(`  ${cut(l.title)} ${tally(stats.accuracy.byLesson[l.id]!)}`);
  const types = Object.entries(stats.accuracy.byType);
  if (types.length) {
    out.push('', theme.heading('Accuracy by question type'));
    for (const [type, t] of types.sort()) out.push(`  ${cut(TYPE_NAMES[type] ?? type)} ${tally(t)}`);
  }

  const s = stats.cardsByState;
  out.push('', theme.heading('Review cards'));
  out.push(`  ${s.new} new, ${s.learning} learning, ${s.review} in review, ${s.relearning} relearning`);
  out.push(
    `  Due today: ${stats.due.today}; in the next 7 days: ${stats.due.next7Days} (${stats.due.days.join(' ')})`,
  );
  const r = stats.retention;
  out.push(
    r.answers === 0
      ? '  Retention (last 30 days): no reviews of learned cards yet.'
      : `  Retention (last 30 days): ${pct(r.share).trim()} of ${r.answers} reviews of learned cards ` +
          'right (the aim is 90%).',
  );

  const counts = stats.reviewsPerDay.map((d) => d.count);
  const total = counts.reduce((a, b) => a + b, 0);
  out.push('', theme.heading(`Answers per day, last 30 days (${total} in all)`));
  out.push(...dayChart(counts, 4, screen.blocks).map((l) => `  ${l}`));
  const first = stats.reviewsPerDay[0]?.day ?? '';
  const last = stats.reviewsPerDay.at(-1)?.day ?? '';
  const pad = String(Math.max(1, ...counts)).length + 2;
  out.push(
    `  ${' '.repeat(pad)}${first.slice(5)}${' '.repeat(Math.max(1, counts.length - 10))}${last.slice(5)}`,
  );

  out.push('', theme.heading('Calibration: how sure you were, against how often you were right'));
  if (calibration.answers === 0) {
    out.push(
      '  No answers with a stated confidence yet. Turn it on with ' +
        `${screen.command('config confidence on')}, or pass --confidence to quiz or review.`,
    );
  } else {
    out.push('  Said   Answers   Right');
    for (const row of calibration.rows)
      out.push(
        `  ${`${row.stated}%`.padStart(4)}   ${String(row.answers).padStart(7)}   ${pct(row.shareRight)}`,
      );
    out.push(
      `  Brier score: ${calibration.brier!.toFixed(3)} (0 is perfect; always saying 50% scores 0.250).`,
      `  ${verdictSentence(calibration.verdict)}`,
    );
  }
  // Sentences longer than the screen wrap under their own text (an indented line stays indented).
  return out
    .map((line) => {
      const indent = /^ */.exec(line)![0].length;
      return line.length > screen.width
        ? wrapHanging(line, screen.width, { start: 0, indent: indent })
        : line;
    })
    .join('\n');
}
