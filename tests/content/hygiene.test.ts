import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/load.ts';
import type { Question } from '../../src/content/schema.ts';
import { PACKAGE_ROOT } from '../helpers/run.ts';

/**
 * Quiz hygiene over the whole shipped course (issue 11): a test-wise learner who has not read a
 * lesson must score near chance. Every gradable item counts: quiz questions AND lesson checks.
 *
 * Measured here, course-wide, failing on regression:
 *  - the share of true/false items keyed true (40-60%);
 *  - multiple-select keys: no keyed position pattern on more than a quarter of the items, and
 *    keyed set sizes that vary;
 *  - blind strategies, each scored on every single, multiple and true-false item in FILE order
 *    (the tutor shuffles choices, but a file that only passes because of the shuffle is not fixed):
 *    each must score no more than chance + 10 percentage points.
 *
 * Chance is the average over items of 1/choices (single), 1/2 (true-false) and 1/(2^n - 1)
 * (multiple: any non-empty subset of n choices). A true-false item is shown as [True, False].
 *
 * Run `npx vitest run --config tests/vitest.config.ts tests/content/hygiene.test.ts` to see the
 * per-strategy and per-file figures (printed even when everything passes). With HYGIENE_DETAIL=1
 * (or HYGIENE_DETAIL=<part of a file name>) it also prints which strategies get each item right.
 */

type Gradable = Extract<Question, { type: 'single' | 'multiple' | 'true-false' }>;

interface Item {
  /** e.g. "quiz what-alignment-means / wrong-date-booking" or "lesson corrigibility / check-x" */
  label: string;
  /** The file an author would open, e.g. "quizzes/corrigibility.yaml". */
  file: string;
  q: Gradable;
}

const result = loadCourse(PACKAGE_ROOT);
const course = result.course!;

const items: Item[] = [];
for (const lesson of course.lessons) {
  const quiz = course.quizzes.get(lesson.id);
  for (const q of quiz?.questions ?? []) {
    if (q.type === 'single' || q.type === 'multiple' || q.type === 'true-false') {
      items.push({ label: `quiz ${lesson.id} / ${q.id}`, file: `quizzes/${lesson.id}.yaml`, q });
    }
  }
  for (const s of lesson.sections) {
    const q = s.check;
    if (q && (q.type === 'single' || q.type === 'multiple' || q.type === 'true-false')) {
      items.push({ label: `lesson ${lesson.id} / ${q.id}`, file: `lessons/${lesson.id}.yaml`, q });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Words

/** Words that make a claim absolute; test-wise learners reject choices that use them. */
const ABSOLUTE = new RegExp(
  '\\b(never|always|only|solely|proven|proves?|guarantee[sd]?|guaranteeing|all|none|nothing|every|' +
    "cannot|can't|must|impossible|entirely|completely|certainly|definitely)\\b",
  'i',
);
const hasAbsolute = (s: string) => ABSOLUTE.test(s);

const STOP = new Set(
  (
    'a an the and or but if then than that this these those there their them they it its is are was ' +
    'were be been being ' +
    'of in on at to for from by with as into onto about over under between through so such not no nor ' +
    'do does did done ' +
    'has have had having can could would should will shall may might which who whom whose what when where why how ' +
    'i you he she we me my your our his her us one ones some any more most less other another each both same very ' +
    'just also too up out off again further once here all only own while because until against during before after ' +
    'above below s t don now following best describes describe true false select apply statement'
  ).split(/\s+/),
);

function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const raw of s.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? []) {
    let w = raw.replace(/'s$/, '');
    if (STOP.has(w) || w.length < 2) continue;
    if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1); // crude plural folding
    out.add(w);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** Chance of a uniform blind guess being right. */
function chance(q: Gradable): number {
  if (q.type === 'true-false') return 1 / 2;
  if (q.type === 'single') return 1 / q.choices.length;
  return 1 / (2 ** q.choices.length - 1);
}

const keySet = (q: Extract<Gradable, { type: 'single' | 'multiple' }>) =>
  q.choices.flatMap((c, i) => (c.correct ? [i] : []));

const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A strategy answers a choice item with candidate picks: a list of equally good index sets (ties);
 * its expected score is the share of those that are exactly the key. For true/false it answers a
 * boolean.
 */
interface Strategy {
  name: string;
  choice: (q: Extract<Gradable, { type: 'single' | 'multiple' }>, prompt: string) => number[][];
  trueFalse: (q: Extract<Gradable, { type: 'true-false' }>) => boolean;
  /** How it treats a true/false item, for the report. */
  note: string;
}

const FIRST = [[0]];

function argmaxTies(values: number[]): number[][] {
  const best = Math.max(...values);
  return values.flatMap((v, i) => (v === best ? [[i]] : []));
}

const STRATEGIES: Strategy[] = [
  {
    name: 'always "false"',
    note: 'choice items: the first choice',
    choice: () => FIRST,
    trueFalse: () => false,
  },
  { name: 'first choice', note: 'true/false: True', choice: () => FIRST, trueFalse: () => true },
  {
    name: 'last choice',
    note: 'true/false: False',
    choice: (q) => [[q.choices.length - 1]],
    trueFalse: () => false,
  },
  {
    name: 'longest choice',
    note: 'true/false: True (no choice text)',
    choice: (q) => argmaxTies(q.choices.map((c) => c.text.length)),
    trueFalse: () => true,
  },
  {
    name: 'odd positions',
    note: 'single: the first; multiple: choices 1, 3, 5...; true/false: True',
    choice: (q) => (q.type === 'single' ? FIRST : [q.choices.flatMap((_, i) => (i % 2 === 0 ? [i] : []))]),
    trueFalse: () => true,
  },
  {
    name: 'only choice without an absolute word',
    note:
      'single: that choice, else the first; multiple: every choice without one, else the first; ' +
      'true/false: False if the prompt has one',
    choice: (q) => {
      const plain = q.choices.flatMap((c, i) => (hasAbsolute(c.text) ? [] : [i]));
      if (q.type === 'single') return plain.length === 1 ? [plain] : FIRST;
      return plain.length > 0 && plain.length < q.choices.length ? [plain] : FIRST;
    },
    trueFalse: (q) => !hasAbsolute(q.prompt),
  },
  {
    name: 'most words shared with the prompt',
    note: 'true/false: True (no choice text)',
    choice: (q, prompt) => {
      const p = contentWords(prompt);
      return argmaxTies(q.choices.map((c) => [...contentWords(c.text)].filter((w) => p.has(w)).length));
    },
    trueFalse: () => true,
  },
];

function score(s: Strategy, q: Gradable): number {
  if (q.type === 'true-false') return s.trueFalse(q) === q.answer ? 1 : 0;
  const key = keySet(q);
  const picks = s.choice(q, q.prompt);
  return (
    picks.filter((p) =>
      sameSet(
        [...p].sort((a, b) => a - b),
        key,
      ),
    ).length / picks.length
  );
}

// ---------------------------------------------------------------------------------------------
// Figures

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

const files = [...new Set(items.map((i) => i.file))];

interface StrategyFigures {
  strategy: Strategy;
  score: number;
  chance: number;
  /** Per file: score, chance, and the items this strategy gets right (fully or partly). */
  perFile: Array<{ file: string; n: number; score: number; chance: number; right: string[] }>;
}

function figures(s: Strategy): StrategyFigures {
  const perFile = files.map((file) => {
    const mine = items.filter((i) => i.file === file);
    const scores = mine.map((i) => score(s, i.q));
    return {
      file,
      n: mine.length,
      score: mean(scores),
      chance: mean(mine.map((i) => chance(i.q))),
      right: mine.flatMap((i, k) =>
        scores[k]! > 0 ? [`${i.label}${scores[k]! < 1 ? ` (${scores[k]!.toFixed(2)})` : ''}`] : [],
      ),
    };
  });
  return {
    strategy: s,
    score: mean(items.map((i) => score(s, i.q))),
    chance: mean(items.map((i) => chance(i.q))),
    perFile,
  };
}

const ALL = STRATEGIES.map(figures);
const MARGIN = 0.1;

const trueFalse = items.filter(
  (i): i is Item & { q: Extract<Gradable, { type: 'true-false' }> } => i.q.type === 'true-false',
);
const multiples = items.filter(
  (i): i is Item & { q: Extract<Gradable, { type: 'multiple' }> } => i.q.type === 'multiple',
);
const patternOf = (q: Extract<Gradable, { type: 'multiple' }>) =>
  `${keySet(q)
    .map((i) => i + 1)
    .join(',')} of ${q.choices.length}`;

function report(): string {
  const lines: string[] = [];
  const counts = ['single', 'multiple', 'true-false'].map(
    (t) => `${items.filter((i) => i.q.type === t).length} ${t}`,
  );
  lines.push(
    `Quiz hygiene: ${items.length} gradable items (${counts.join(', ')}); chance ` +
      `${pct(ALL[0]!.chance)}, limit chance + ${100 * MARGIN} points`,
  );
  const trueShare = mean(trueFalse.map((i) => (i.q.answer ? 1 : 0)));
  lines.push(
    `true/false keyed true: ${trueFalse.filter((i) => i.q.answer).length}/${trueFalse.length} = ` +
      `${pct(trueShare)} (40-60% required)`,
  );
  for (const file of files) {
    const tf = trueFalse.filter((i) => i.file === file);
    if (tf.length)
      lines.push(`  ${file.padEnd(40)} ${tf.filter((i) => i.q.answer).length}/${tf.length} true`);
  }
  const patterns = new Map<string, string[]>();
  for (const m of multiples) patterns.set(patternOf(m.q), [...(patterns.get(patternOf(m.q)) ?? []), m.label]);
  lines.push(
    `multiple-select key patterns (${multiples.length} items; at most ${Math.floor(multiples.length / 4)} each):`,
  );
  for (const [p, who] of [...patterns].sort((a, b) => b[1].length - a[1].length))
    lines.push(`  ${p.padEnd(10)} x${who.length}: ${who.join(', ')}`);
  lines.push('blind strategies (score / chance, course then per file):');
  for (const f of ALL) {
    const over = f.score - f.chance;
    lines.push(
      `  ${f.strategy.name.padEnd(38)} ${pct(f.score).padStart(6)} / ${pct(f.chance).padStart(6)}  ` +
        `${over > MARGIN ? 'FAIL' : 'ok'}   [${f.strategy.note}]`,
    );
    for (const p of f.perFile) {
      const flag = p.score - p.chance > MARGIN ? '  over' : '';
      lines.push(
        `      ${p.file.padEnd(40)} ${pct(p.score).padStart(6)} / ${pct(p.chance).padStart(6)} (${p.n} items)${flag}`,
      );
    }
  }
  lines.push(
    'per file (course-wide rules are what fail; a file with few items is noisy, so this is a guide to where to look):',
  );
  for (const file of files) {
    const mine = items.filter((i) => i.file === file);
    const tf = mine.filter((i) => i.q.type === 'true-false');
    const over = ALL.filter((f) => {
      const p = f.perFile.find((x) => x.file === file)!;
      return p.score - p.chance > MARGIN;
    }).map((f) => f.strategy.name);
    const tfText = tf.length
      ? `${tf.filter((i) => i.q.type === 'true-false' && i.q.answer).length}/${tf.length} true`
      : 'no t/f';
    lines.push(
      `  ${file.padEnd(40)} ${String(mine.length).padStart(2)} items, ${tfText.padEnd(9)} over ` +
        `chance+10: ${over.join('; ') || 'none'}`,
    );
  }
  return lines.join('\n');
}

/** One line per item: which strategies get it right (set HYGIENE_DETAIL=1, optionally to a file name part). */
function detail(filter: string): string {
  const head = STRATEGIES.map((_, k) => String.fromCharCode(65 + k)).join(' ');
  const legend = STRATEGIES.map((s, k) => `${String.fromCharCode(65 + k)}=${s.name}`).join('; ');
  const rows = items
    .filter((i) => filter === '1' || i.file.includes(filter))
    .map((i) => {
      const key =
        i.q.type === 'true-false'
          ? String(i.q.answer)
          : keySet(i.q)
              .map((x) => x + 1)
              .join(',');
      const marks = STRATEGIES.map((s) => {
        const x = score(s, i.q);
        return x === 1 ? 'x' : x > 0 ? '~' : '.';
      }).join(' ');
      return `  ${marks}  ${i.q.type.padEnd(10)} key ${key.padEnd(6)} ${i.label}`;
    });
  return `per item (x right, ~ partly, . wrong): ${legend}\n  ${head}\n${rows.join('\n')}`;
}

describe('quiz hygiene over the whole course', () => {
  it('prints the figures', () => {
    console.log(report());
    if (process.env['HYGIENE_DETAIL']) console.log(detail(process.env['HYGIENE_DETAIL']));
    expect(items.length).toBeGreaterThan(0);
  });

  it('keys 40-60% of the true/false items true', () => {
    const keyedTrue = trueFalse.filter((i) => i.q.answer);
    const share = keyedTrue.length / trueFalse.length;
    const byFile = files
      .map((file) => {
        const tf = trueFalse.filter((i) => i.file === file);
        const falses = tf.filter((i) => !i.q.answer).map((i) => i.q.id);
        return tf.length
          ? `  ${file}: ${tf.length - falses.length}/${tf.length} true; keyed false: ${falses.join(', ') || '-'}`
          : '';
      })
      .filter(Boolean);
    const msg =
      `${keyedTrue.length}/${trueFalse.length} true/false items keyed true (${pct(share)}); by file:\n` +
      `${byFile.join('\n')}`;
    expect(share, msg).toBeGreaterThanOrEqual(0.4);
    expect(share, msg).toBeLessThanOrEqual(0.6);
  });

  it('varies the multiple-select keys: no position pattern on more than a quarter of the items', () => {
    const patterns = new Map<string, string[]>();
    for (const m of multiples)
      patterns.set(patternOf(m.q), [...(patterns.get(patternOf(m.q)) ?? []), m.label]);
    const crowded = [...patterns].filter(([, who]) => who.length > multiples.length / 4);
    const msg = crowded
      .map(
        ([p, who]) =>
          `keyed "${p}" on ${who.length} of ${multiples.length} multiple items: ${who.join(', ')}`,
      )
      .join('\n');
    expect(crowded.length, msg).toBe(0);
  });

  it('varies the multiple-select keyed set sizes', () => {
    const bySize = new Map<number, string[]>();
    for (const m of multiples) {
      const n = keySet(m.q).length;
      bySize.set(n, [...(bySize.get(n) ?? []), m.label]);
    }
    const desc = [...bySize]
      .sort((a, b) => a[0] - b[0])
      .map(([n, who]) => `  ${n} keyed: ${who.length} (${who.join(', ')})`)
      .join('\n');
    expect(bySize.size, `keyed set sizes used:\n${desc}`).toBeGreaterThanOrEqual(3);
    const most = Math.max(...[...bySize.values()].map((w) => w.length));
    expect(most, `one keyed set size on more than half the multiple items:\n${desc}`).toBeLessThanOrEqual(
      multiples.length / 2,
    );
  });

  it.each(ALL.map((f) => [f.strategy.name, f] as const))(
    'blind strategy "%s" scores no more than chance + 10 points',
    (_, f) => {
      // Every file where the strategy beats chance, worst first, with the items it gets right there.
      const worst = f.perFile
        .filter((p) => p.score > p.chance)
        .sort((x, y) => y.score - y.chance - (x.score - x.chance))
        .map(
          (p) =>
            `  ${p.file}: ${pct(p.score)} vs chance ` +
            `${pct(p.chance)}${p.score - p.chance > MARGIN ? ' (over the limit)' : ''}; answered right: ` +
            `${p.right.join(', ')}`,
        );
      const msg =
        `"${f.strategy.name}" scores ${pct(f.score)} against chance ${pct(f.chance)} [${f.strategy.note}]\n` +
        'files where it beats chance, worst first, and the items it gets right there:\n' +
        `${worst.join('\n') || '  (none)'}`;
      expect(f.score - f.chance, msg).toBeLessThanOrEqual(MARGIN);
    },
  );
});
