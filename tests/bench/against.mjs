// `node tests/bench/against.mjs <other checkout>`: start-up of this build and of another one (an
// earlier commit, built with `npm run build` in its own worktree), side by side in the same run,
// each as a ratio to `node -e 0`. For "no slower than before" claims, which ratios measured in
// different runs cannot support on a machine whose speed drifts. Each build gets its own empty
// progress file and cache folder, warmed by one run; "first run" rows get an empty cache each time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const other = path.resolve(process.argv[2] ?? '');
if (!process.argv[2]) throw new Error('usage: node tests/bench/against.mjs <other checkout, built>');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const tmp = mkdtempSync(path.join(tmpdir(), 'alignment-tutor-against-'));
const builds = { this: root, other };
let fresh = 0;

function once(args, build, firstRun) {
  const dir = path.join(tmp, build);
  const env = {
    ...process.env,
    HOME: dir,
    NO_COLOR: '1',
    ALIGNMENT_TUTOR_PROGRESS: path.join(dir, 'progress.json'),
    ALIGNMENT_TUTOR_CACHE: firstRun ? path.join(tmp, `fresh-${fresh++}`) : path.join(dir, 'cache'),
  };
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ROWS = [
  ['`--version`', ['--version']],
  ['`list`', ['list']],
  ['`progress`', ['progress']],
  ['`learn what-alignment-means --print`', ['learn', 'what-alignment-means', '--print']],
  ['`list`, first run (empty cache folder)', ['list'], true],
  ['`learn what-alignment-means --print`, first run', ['learn', 'what-alignment-means', '--print'], true],
];

console.log(`Node ${process.version}, ${RUNS} runs each, alternating; ratios to \`node -e 0\`.\n`);
console.log(`| command | this build | ${path.basename(other)} | difference |`);
console.log('| --- | ---: | ---: | ---: |');
for (const [name, args, firstRun] of ROWS) {
  const t = { base: [], this: [], other: [] };
  const bins = Object.fromEntries(
    Object.entries(builds).map(([k, dir]) => [k, [path.join(dir, 'bin', 'alignment-tutor.js'), ...args]]),
  );
  for (const k of Object.keys(builds)) for (let i = 0; i < 2; i++) once(bins[k], k, firstRun);
  for (let i = 0; i < RUNS; i++) {
    t.base.push(once(['-e', '0'], 'base'));
    for (const k of Object.keys(builds)) t[k].push(once(bins[k], k, firstRun));
  }
  const ratio = (k) => median(t[k]) / median(t.base);
  const diff = ratio('this') - ratio('other');
  const sign = diff > 0 ? '+' : '';
  console.log(
    `| ${name} | ${ratio('this').toFixed(2)}x | ${ratio('other').toFixed(2)}x | ${sign}${diff.toFixed(2)}x |`,
  );
}
rmSync(tmp, { recursive: true, force: true });
