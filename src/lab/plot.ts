/**
 * The few drawing primitives the labs share: a line chart and horizontal bars, as lines of text.
 * Our own fifty lines rather than a charting package: nothing in node_modules draws charts, and a
 * lab must start fast and fall back to plain ASCII.
 */

export interface Series {
  label: string;
  values: readonly number[];
}

export interface LineChart {
  series: readonly Series[];
  /** One label per point, shown under the x axis where there is room. */
  xLabels: readonly string[];
  /** What the x axis measures, printed after the labels. */
  xTitle: string;
  /** Index of the point the knobs are at now; marked under the axis. */
  mark?: number;
  /** Rows of the plotting area. */
  height?: number;
}

const GLYPHS = {
  unicode: {
    points: ['●', '○', '◆'],
    lines: ['•', '∘', '·'],
    both: '◉',
    axis: '│',
    tick: '┤',
    corner: '└',
    rule: '─',
    zero: '┈',
    mark: '▲',
  },
  ascii: {
    points: ['*', 'o', '+'],
    lines: ['.', ':', "'"],
    both: '@',
    axis: '|',
    tick: '+',
    corner: '+',
    rule: '-',
    zero: '-',
    mark: '^',
  },
} as const;

export function glyphs(ascii: boolean) {
  return ascii ? GLYPHS.ascii : GLYPHS.unicode;
}

/** A short number for an axis: at most four significant characters after the sign. */
export function shortNumber(x: number): string {
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1000 || a < 0.01)) return x.toExponential(0);
  return a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : x.toFixed(2);
}

export function lineChart(spec: LineChart, options: { width: number; ascii: boolean }): string[] {
  const g = glyphs(options.ascii);
  const height = spec.height ?? 10;
  const all = spec.series.flatMap((s) => s.values);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const rowOf = (v: number) => Math.round(((hi - v) / (hi - lo)) * (height - 1));
  const valueOf = (row: number) => hi - (row / (height - 1)) * (hi - lo);
  const labels = Array.from({ length: height }, (_, r) => shortNumber(valueOf(r)));
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const plotWidth = options.width - labelWidth - 2;
  const n = spec.xLabels.length;
  const columnOf = (i: number) => (n === 1 ? 0 : Math.round((i * (plotWidth - 1)) / (n - 1)));

  const grid: string[][] = Array.from({ length: height }, () => Array<string>(plotWidth).fill(' '));
  if (lo < 0 && hi > 0) grid[rowOf(0)]!.fill(g.zero);
  // Points closer than four columns apart would turn a line into a dotted blur: draw it solid.
  const sparse = n === 1 || plotWidth / (n - 1) >= 4;
  const pointColumns = new Set(sparse ? Array.from({ length: n }, (_, i) => columnOf(i)) : []);
  spec.series.forEach((s, k) => {
    for (let c = 0; c < plotWidth; c++) {
      const t = n === 1 ? 0 : (c * (n - 1)) / (plotWidth - 1);
      const i = Math.min(Math.floor(t), n - 2);
      const v = n === 1 ? s.values[0]! : s.values[i]! + (s.values[i + 1]! - s.values[i]!) * (t - i);
      const row = grid[rowOf(v)]!;
      const glyph = pointColumns.has(c) || !sparse ? g.points[k]! : g.lines[k]!;
      const taken = row[c] !== ' ' && row[c] !== g.zero;
      row[c] = taken && (pointColumns.has(c) || !sparse) ? g.both : taken ? row[c]! : glyph;
    }
  });

  // Every third row is labelled, and the bottom one, unless that would put two labels on adjacent rows.
  const labelled = (r: number) => r === height - 1 || (r % 3 === 0 && height - 1 - r >= 2);
  const lines = grid.map((row, r) =>
    `${(labelled(r) ? labels[r]! : '').padStart(labelWidth)} ${labelled(r) ? g.tick : g.axis}${row.join('')}`.trimEnd(),
  );
  lines.push(`${' '.repeat(labelWidth)} ${g.corner}${g.rule.repeat(plotWidth)}`);
  if (spec.mark !== undefined) {
    const marks = Array<string>(plotWidth).fill(' ');
    marks[columnOf(spec.mark)] = g.mark;
    lines.push(`${' '.repeat(labelWidth + 2)}${marks.join('')}`.trimEnd());
  }
  const xRow = Array<string>(plotWidth + 1).fill(' ');
  let free = 0;
  spec.xLabels.forEach((label, i) => {
    if (label === '') return;
    const start = Math.min(
      Math.max(columnOf(i) - Math.floor(label.length / 2), free),
      plotWidth - label.length,
    );
    if (start < free) return;
    for (let j = 0; j < label.length; j++) xRow[start + j] = label[j]!;
    free = start + label.length + 1;
  });
  lines.push(`${' '.repeat(labelWidth + 2)}${xRow.join('')}`.trimEnd());
  lines.push(`${' '.repeat(labelWidth + 2)}${spec.xTitle}`);
  // The key to the marks: on one line when it fits the width, else one series a line.
  const indent = ' '.repeat(labelWidth + 2);
  const keys = spec.series.map((s, k) => `${g.points[k]} ${s.label}`);
  const oneLine = `${indent}${keys.join('   ')}`;
  lines.push(...(oneLine.length <= options.width ? [oneLine] : keys.map((k) => `${indent}${k}`)));
  return lines;
}

/** Labelled horizontal bars scaled to the largest value; negative values are drawn as zero. */
export function barChart(
  rows: readonly { label: string; value: number; note?: string }[],
  options: { width: number; ascii: boolean },
): string[] {
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  const noteWidth = Math.max(...rows.map((r) => (r.note ?? shortNumber(r.value)).length));
  const room = Math.max(1, options.width - labelWidth - noteWidth - 3);
  const top = Math.max(...rows.map((r) => r.value), 1e-9);
  const full = options.ascii ? '#' : '█';
  return rows.map((r) => {
    const cells = Math.round((Math.max(0, r.value) / top) * room);
    return (
      `${r.label.padEnd(labelWidth)} ${full.repeat(cells)}${' '.repeat(room - cells)} ` +
      `${r.note ?? shortNumber(r.value)}`
    ).trimEnd();
  });
}
