// A separate process writing progress, for the tests that need real processes (kill -9, two
// writers at once, a user who cannot write). Bundled by helpers.ts; run as `node child.mjs MODE FILE ...`.
import { recordAnswer } from '../../src/progress/record.ts';
import { openStore } from '../../src/progress/store.ts';

const [mode, file, ...args] = process.argv.slice(2);
const COURSE = 'test-course';
const store = openStore({
  file: file!,
  now: () => new Date(),
  notify: (m) => process.stderr.write(`${m}\n`),
});

function answer(id: string, at: string) {
  return {
    id,
    question: 'q',
    source: 'quiz' as const,
    response: { type: 'single' as const, choice: 0 },
    correct: true,
    hintUsed: false,
    at,
  };
}

if (mode === 'loop') {
  // Appends w0, w1, w2, ... continuing from what the file holds, until killed.
  for (let i = 0; ; i++) {
    await store.update(COURSE, (course, now) => {
      const quiz = course.quizzes['lesson'];
      recordAnswer(course, 'lesson', answer(`w${quiz?.answers.length ?? 0}`, now.toISOString()));
    });
    if (i === 0) process.stdout.write('ready\n');
  }
} else if (mode === 'record') {
  // Records `count` answers with ids `<prefix>-<n>`, then says how many answers it knows of.
  const [prefix, count] = args;
  for (let i = 0; i < Number(count); i++) {
    await store.update(COURSE, (course, now) =>
      recordAnswer(course, 'lesson', answer(`${prefix}-${i}`, now.toISOString())),
    );
  }
  const data = await store.read();
  process.stdout.write(`${data.courses[COURSE]?.quizzes['lesson']?.answers.length ?? 0}\n`);
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exitCode = 2;
}
