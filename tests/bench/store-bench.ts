// Bundled by run.mjs: times saving one answer into a progress file that holds 100,000 answers,
// against serialising and writing the same JSON alone.
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { openStore } from '../../src/progress/store.ts';
import { newRecordId, recordAnswer } from '../../src/progress/record.ts';
import { PROGRESS_VERSION, type ProgressData } from '../../src/progress/types.ts';

const [file, countArg, roundsArg] = process.argv.slice(2);
const count = Number(countArg ?? 100_000);
const rounds = Number(roundsArg ?? 25);
// The first saves after writing 17 MB contend with the kernel still flushing it; they are not measured.
const WARM_UP = 3;
const COURSE = 'alignment-tutor';

function bigProgress(): ProgressData {
  const answers = [];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    const at = new Date(start + i * 1000).toISOString();
    answers.push({
      id: `${at}-${i.toString(36).padStart(8, '0')}`,
      question: `q${i % 12}`,
      source: 'quiz' as const,
      response: { type: 'single' as const, choice: i % 4 },
      correct: i % 3 !== 0,
      hintUsed: false,
      at,
    });
  }
  return {
    version: PROGRESS_VERSION,
    courses: { [COURSE]: { lessons: {}, quizzes: { 'what-alignment-means': { answers, attempts: [] } } } },
  };
}

function plainWrite(path: string, data: ProgressData) {
  const text = `${JSON.stringify(data)}\n`;
  const tmp = `${path}.plain.tmp`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, text);
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, path);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const data = bigProgress();
plainWrite(file!, data);
const size = JSON.stringify(data).length;

const store = openStore({ file: file!, now: () => new Date(), notify: (m) => console.error(m) });
let t = performance.now();
await store.read();
const loadMs = performance.now() - t;

const saves: number[] = [];
const plains: number[] = [];
for (let i = 0; i < rounds + WARM_UP; i++) {
  t = performance.now();
  await store.update(COURSE, (course, now) => {
    const at = now.toISOString();
    recordAnswer(course, 'what-alignment-means', {
      id: newRecordId(at),
      question: 'q1',
      source: 'quiz',
      response: { type: 'single', choice: 1 },
      correct: true,
      hintUsed: false,
      at,
    });
  });
  const saved = performance.now() - t;
  t = performance.now();
  plainWrite(`${file}.baseline`, data);
  const plain = performance.now() - t;
  if (i < WARM_UP) continue;
  saves.push(saved);
  plains.push(plain);
}
console.log(
  JSON.stringify({ answers: count, bytes: size, loadMs, saveMs: median(saves), plainMs: median(plains) }),
);
