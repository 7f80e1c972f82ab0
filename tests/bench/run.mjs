// `npm run bench`: start-up and throughput of the built CLI, as whole processes, each measured
// side by side with Node's own start-up (`node -e 0`) in the same run. Reports; never fails.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'alignment-tutor.js');
const rssPreload = path.join(root, 'tests', 'bench', 'rss.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const tmp = mkdtempSync(path.join(tmpdir(), 'alignment-tutor-bench-'));
const env = {
  ...process.env,
  HOME: tmp,
  XDG_DATA_HOME: path.join(tmp, 'data'),
  XDG_CACHE_HOME: path.join(tmp, 'cache'),
  ALIGNMENT_TUTOR_PROGRESS: path.join(tmp, 'progress.json'),
  NO_COLOR: '1',
};

/** `extraEnv` may be a function, called for each run (a fresh cache folder per run). */
const envOf = (extraEnv) => ({ ...env, ...(typeof extraEnv === 'function' ? extraEnv() : extraEnv) });

function once(args, extraEnv = {}) {
  const runEnv = envOf(extraEnv);
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    env: runEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && !args.includes('validate'))
    throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function peakRss(args, extraEnv = {}) {
  const file = path.join(tmp, 'rss');
  const samples = [];
  for (let i = 0; i < 3; i++) {
    spawnSync(process.execPath, ['-r', rssPreload, ...args], {
      env: { ...envOf(extraEnv), BENCH_RSS_FILE: file },
      stdio: 'ignore',
    });
    samples.push(Number(readFileSync(file, 'utf8')));
  }
  return median(samples);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `args` and a baseline alternately, after a warm-up, and returns both medians. */
function versus(args, baseArgs, runs = RUNS, extraEnv = {}) {
  for (let i = 0; i < 2; i++) {
    once(baseArgs);
    once(args, extraEnv);
  }
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    b.push(once(baseArgs));
    a.push(once(args, extraEnv));
  }
  return { ms: median(a), baseMs: median(b) };
}

function generateCourse(dir, n) {
  mkdirSync(path.join(dir, 'lessons'), { recursive: true });
  mkdirSync(path.join(dir, 'quizzes'), { recursive: true });
  const para =
    'Optimisers find the gap between the measure and the goal, and the gap widens as they grow stronger. '.repeat(
      12,
    );
  for (let i = 0; i < n; i++) {
    const id = `lesson-${i}`;
    const sections = [0, 1, 2, 3]
      .map((s) => `  - id: s${s}\n    title: Section ${s}\n    body: |\n      ${para}\n`)
      .join('');
    const requires = i > 0 ? `requires: [lesson-${i - 1}]\n` : '';
    const terms = [0, 1, 2, 3, 4]
      .map((t) => `  - term: Term ${t}\n    definition: What term ${t} means in a sentence or two.\n`)
      .join('');
    writeFileSync(
      path.join(dir, 'lessons', `${id}.yaml`),
      `id: ${id}\ntitle: Lesson ${i}\norder: ${i}\nsummary: A generated lesson.\n${requires}minutes: 10\n` +
        `objectives:\n  - Explain the gap\nsections:\n${sections}terms:\n${terms}references:\n  - title: ` +
        'A paper\n    authors: [A. Author]\n    year: 2019\n    url: https://arxiv.org/abs/1906.01820\n',
    );
    const qs = [];
    for (let q = 0; q < 8; q++) {
      const base =
        `  - id: q${q}\n    prompt: Question ${q} about the gap?\n    explanation: Because the optimiser ` +
        `found the gap.\n    section: s${q % 4}\n`;
      if (q % 4 === 0)
        qs.push(
          `${base}    type: single\n    choices:\n      - text: One\n        feedback: No.\n      - ` +
            'text: Two\n        correct: true\n      - text: Three\n        feedback: No.\n',
        );
      else if (q % 4 === 1)
        qs.push(
          `${base}    type: multiple\n    choices:\n      - text: One\n        correct: true\n      - ` +
            'text: Two\n        correct: true\n      - text: Three\n        feedback: No.\n',
        );
      else if (q % 4 === 2)
        qs.push(`${base}    type: short\n    accept: [proxy, a proxy]\n    pattern: "^prox(y|ies)$"\n`);
      else qs.push(`${base}    type: order\n    items: [First, Second, Third]\n`);
    }
    writeFileSync(
      path.join(dir, 'quizzes', `${id}.yaml`),
      `lesson: ${id}\npass: 0.7\nquestions:\n${qs.join('')}`,
    );
  }
}

/**
 * Milliseconds until the process has printed `lines` lines (a screen), or text matching `lines`
 * when it is a RegExp (a question's answer line), and until it exits.
 */
function firstScreen(args, lines = 24, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const runEnv = envOf(extraEnv);
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      env: runEnv,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let seen = 0;
    let text = '';
    let screenMs;
    child.stdout.on('data', (d) => {
      if (lines instanceof RegExp) text += d.toString();
      else for (const byte of d) if (byte === 10) seen++;
      const reached = lines instanceof RegExp ? lines.test(text) : seen >= lines;
      if (screenMs === undefined && reached) screenMs = Number(process.hrtime.bigint() - start) / 1e6;
    });
    child.on('error', reject);
    child.on('close', () => {
      const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
      resolve({ screenMs: screenMs ?? totalMs, totalMs });
    });
  });
}

async function screenVersus(args, runs = RUNS, extraEnv = {}, lines = 24) {
  for (let i = 0; i < 2; i++) {
    await firstScreen(['-e', '0']);
    await firstScreen(args, lines, extraEnv);
  }
  const base = [];
  const screen = [];
  const total = [];
  for (let i = 0; i < runs; i++) {
    base.push((await firstScreen(['-e', '0'])).totalMs);
    const r = await firstScreen(args, lines, extraEnv);
    screen.push(r.screenMs);
    total.push(r.totalMs);
  }
  return { baseMs: median(base), screenMs: median(screen), totalMs: median(total) };
}

const rows = [];
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const nodeRss = peakRss(['-e', '0']);

function row(name, args, target, extraEnv = {}) {
  const t = versus(args, ['-e', '0'], RUNS, extraEnv);
  const rss = peakRss(args, extraEnv);
  rows.push({ name, ms: t.ms, base: t.baseMs, ratio: t.ms / t.baseMs, rss, rssRatio: rss / nodeRss, target });
}

// A learner some way into the course, so list and progress have something to show, and
// review, next and stats have cards: a quiz answered with "1" to everything (the order question,
// which needs every number, stops it unfinished).
once([bin, 'learn', 'what-alignment-means', '--print']);
once([bin, 'list']);
spawnSync(process.execPath, [bin, 'quiz', 'what-alignment-means'], { env, input: '1\n'.repeat(40) });
/** A month later, when every card is due. */
const later = { ALIGNMENT_TUTOR_NOW: new Date(Date.now() + 30 * 86_400_000).toISOString() };

console.log(`Node ${process.version}, ${RUNS} runs each after a warm-up, alternating with \`node -e 0\`.\n`);
row('`--version`', [bin, '--version'], '≤ 1.3x');
row('`list`', [bin, 'list'], '≤ 1.3x');
row('`progress`', [bin, 'progress'], '≤ 1.3x');
row('`next`', [bin, 'next'], '≤ 1.3x', later);
row('`stats`', [bin, 'stats'], '≤ 1.3x', later);
{
  const args = [bin, 'review'];
  const t = await screenVersus(args, RUNS, later, /^Answer[^\n]*: $/m);
  rows.push({
    name: '`review`: first question on screen (cards due)',
    ms: t.screenMs,
    base: t.baseMs,
    ratio: t.screenMs / t.baseMs,
    rss: peakRss(args, later),
    rssRatio: peakRss(args, later) / nodeRss,
    target: '≤ 1.8x',
  });
}
{
  const args = [bin, 'learn', 'what-alignment-means', '--print'];
  const t = await screenVersus(args);
  const rss = peakRss(args);
  rows.push({
    name: '`learn what-alignment-means --print`: first screen (24 lines)',
    ms: t.screenMs,
    base: t.baseMs,
    ratio: t.screenMs / t.baseMs,
    rss,
    rssRatio: rss / nodeRss,
    target: '≤ 1.8x',
  });
  rows.push({
    name: '`learn what-alignment-means --print`: whole lesson (6 sections)',
    ms: t.totalMs,
    base: t.baseMs,
    ratio: t.totalMs / t.baseMs,
    rss,
    rssRatio: rss / nodeRss,
    target: 'report',
  });
  // Nothing cached: the first time a lesson is shown after a new build, parsed, checked and rendered.
  const cold = await screenVersus(args, RUNS, { ALIGNMENT_TUTOR_CACHE: 'off' });
  rows.push({
    name: 'the same, first screen, nothing cached (`ALIGNMENT_TUTOR_CACHE=off`)',
    ms: cold.screenMs,
    base: cold.baseMs,
    ratio: cold.screenMs / cold.baseMs,
    rss: NaN,
    rssRatio: NaN,
    target: 'report',
  });
}
// The first run after installing: an empty cache folder, as right after `npm ci`.
let fresh = 0;
const emptyCache = () => ({ ALIGNMENT_TUTOR_CACHE: path.join(tmp, `fresh-cache-${fresh++}`) });
row('`list`, first run (empty cache folder)', [bin, 'list'], '≤ 1.5x', emptyCache);
{
  const args = [bin, 'learn', 'what-alignment-means', '--print'];
  const t = await screenVersus(args, RUNS, emptyCache);
  rows.push({
    name: '`learn what-alignment-means --print`, first run (empty cache folder): first screen',
    ms: t.screenMs,
    base: t.baseMs,
    ratio: t.screenMs / t.baseMs,
    rss: NaN,
    rssRatio: NaN,
    target: '≤ 1.5x',
  });
}
row('`list`, nothing cached (`ALIGNMENT_TUTOR_CACHE=off`)', [bin, 'list'], 'report', {
  ALIGNMENT_TUTOR_CACHE: 'off',
});
row('`validate` (shipped course)', [bin, 'validate'], 'report');
// A lab's first screen: intro, chart and knobs printed, then stdin is found closed and it stops.
row('`lab goodhart --plain`: first screen (stdin closed)', [bin, 'lab', 'goodhart', '--plain'], '≤ 1.8x');
row('`lab goodhart --json`', [bin, 'lab', 'goodhart', '--json'], '≤ 1.8x');

console.log('| command | median | `node -e 0` | ratio | target | peak RSS | RSS ratio |');
console.log('| --- | ---: | ---: | ---: | --- | ---: | ---: |');
for (const r of rows) {
  const rss = Number.isNaN(r.rss) ? '' : mb(r.rss);
  const rssRatio = Number.isNaN(r.rssRatio) ? '' : `${r.rssRatio.toFixed(2)}x`;
  console.log(
    `| ${r.name} | ${r.ms.toFixed(1)} ms | ${r.base.toFixed(1)} ms | ${r.ratio.toFixed(2)}x | ` +
      `${r.target} | ${rss} | ${rssRatio} |`,
  );
}

// A knob change: the same --plain run with 20 knob changes and with none; the difference over 20
// is one change (recompute, chart, print), the thing a learner waits for after each key.
function timedInput(args, input) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, input, stdio: ['pipe', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const LAB_KNOBS = {
  goodhart: ['1 0.5', '1 1.5'],
  'write-the-reward': ['1 3', '1 1'],
  misgeneralisation: ['1 10', '1 20'],
  'off-switch': ['1 0.3', '1 0.7'],
  'reward-model': ['3 8', '3 10'],
  preferences: ['1 5', '1 3'],
};
console.log(`\n| lab | one knob change (recompute, chart, print) | target |`);
console.log('| --- | ---: | --- |');
for (const [lab, [a, b]] of Object.entries(LAB_KNOBS)) {
  const args = [bin, 'lab', lab, '--plain'];
  const changes = Array.from({ length: 20 }, (_, i) => (i % 2 ? b : a));
  const none = [];
  const some = [];
  for (let i = 0; i < 5; i++) {
    none.push(timedInput(args, 'q\n'));
    some.push(timedInput(args, `${changes.join('\n')}\nq\n`));
  }
  console.log(`| ${lab} | ${((median(some) - median(none)) / 20).toFixed(1)} ms | < 100 ms |`);
}

// validate on a large generated course, against yaml alone parsing the same files.
const sizes = [1000, 2000];
const big = {};
for (const n of sizes) {
  const dir = path.join(tmp, `course-${n}`);
  generateCourse(dir, n);
  const t = versus([bin, 'validate', dir], [path.join(root, 'tests', 'bench', 'yaml-only.mjs'), dir], 5);
  big[n] = t;
}
console.log(`\n| generated course | \`validate\` | yaml alone | ratio (target ≤ 1.5x) |`);
console.log('| --- | ---: | ---: | ---: |');
for (const n of sizes)
  console.log(
    `| ${n} lessons + ${n} quizzes | ${big[n].ms.toFixed(0)} ms | ${big[n].baseMs.toFixed(0)} ms | ` +
      `${(big[n].ms / big[n].baseMs).toFixed(2)}x |`,
  );
console.log(
  `\nLinearity: 2000+2000 takes ${(big[2000].ms / big[1000].ms).toFixed(2)}x the 1000+1000 time (target ≤ 2.2x).`,
);

// Saving one answer with 100,000 on file.
const storeBench = path.join(tmp, 'store-bench.mjs');
await build({
  entryPoints: [path.join(root, 'tests', 'bench', 'store-bench.ts')],
  outfile: storeBench,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: { __VERSION__: '"bench"', __BUILD__: '"bench"' },
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
const out = spawnSync(process.execPath, [storeBench, path.join(tmp, 'big-progress.json'), '100000'], {
  env,
  encoding: 'utf8',
});
if (out.status !== 0) console.log(`\nstore benchmark failed: ${out.stderr}`);
else {
  const s = JSON.parse(out.stdout.trim().split('\n').at(-1));
  console.log(
    `\n| progress file | load | save one answer | JSON.stringify + write + fsync + rename alone | ratio |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${s.answers.toLocaleString('en')} answers, ${mb(s.bytes)} | ${s.loadMs.toFixed(1)} ms | ` +
      `${s.saveMs.toFixed(1)} ms (target < 50 ms) | ${s.plainMs.toFixed(1)} ms | ` +
      `${(s.saveMs / s.plainMs).toFixed(2)}x (target ≤ 2x) |`,
  );
}

// Review with a long history: 100,000 answers to the shipped course's questions, over 500 days.
{
  const ids = [];
  for (const file of readdirSync(path.join(root, 'quizzes')).filter((f) => f.endsWith('.yaml'))) {
    const text = readFileSync(path.join(root, 'quizzes', file), 'utf8');
    const lesson = /^lesson: (\S+)/m.exec(text)?.[1];
    for (const m of text.matchAll(/^ {2}- id: (\S+)/gm)) ids.push([lesson, m[1]]);
  }
  const quizzes = {};
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < 100_000; i++) {
    const [lesson, question] = ids[i % ids.length];
    const at = new Date(start + i * 432_000).toISOString();
    (quizzes[lesson] ??= { answers: [], attempts: [] }).answers.push({
      id: `${at}-${i.toString(36).padStart(8, '0')}`,
      question,
      source: 'quiz',
      response: { type: 'single', choice: i % 3 },
      correct: i % 4 !== 0,
      hintUsed: false,
      at,
    });
  }
  const v1 = `${JSON.stringify({ version: 1, courses: { 'alignment-tutor': { lessons: {}, quizzes } } })}\n`;
  const bigFile = path.join(tmp, 'review-big.json');
  const bigEnv = () => {
    rmSync(`${bigFile}.v1.bak`, { force: true });
    writeFileSync(bigFile, v1);
    return { ALIGNMENT_TUTOR_PROGRESS: bigFile, ...later };
  };
  // The upgrade to cards: `list` on a version 1 file, which it migrates and saves (with the original kept).
  const migrate = versus([bin, 'list'], ['-e', '0'], 5, bigEnv);
  // Then, on the upgraded file: `list` (loads it) against `stats` and `next`.
  const bigV2 = { ALIGNMENT_TUTOR_PROGRESS: bigFile, ...later };
  const load = versus([bin, 'list'], ['-e', '0'], 7, bigV2);
  const stats = versus([bin, 'stats'], ['-e', '0'], 7, bigV2);
  const next = versus([bin, 'next'], ['-e', '0'], 7, bigV2);
  console.log(
    `\n| 100,000 answers (${mb(v1.length)}) | median | ratio to \`list\` (loads the file) | target |`,
  );
  console.log('| --- | ---: | ---: | --- |');
  console.log(`| \`list\` | ${load.ms.toFixed(0)} ms | 1.00x | |`);
  console.log(`| \`stats\` | ${stats.ms.toFixed(0)} ms | ${(stats.ms / load.ms).toFixed(2)}x | ≤ 2x |`);
  console.log(`| \`next\` | ${next.ms.toFixed(0)} ms | ${(next.ms / load.ms).toFixed(2)}x | ≤ 2x |`);
  console.log(
    `| migration from version 1 (\`list\` on the old file) | ${migrate.ms.toFixed(0)} ms | | < 2000 ms |`,
  );
}

rmSync(tmp, { recursive: true, force: true });
