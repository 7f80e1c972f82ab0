import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run.ts';
import { courseCopy, RAW_CONTROL, scratch } from './child-run.ts';

// Whatever a course, a progress file or the command line holds, no raw control byte reaches the
// terminal and nothing throws: every place that prints an id, a title, a term, a file name or a
// progress key is fed arbitrary strings, control characters and Object.prototype's names among them.

const tmp = scratch();
afterAll(tmp.cleanup);
const env = { ALIGNMENT_TUTOR_CACHE: 'off' };
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const hostile = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.constantFrom(
    '\u001b]52;c;aGk=\u0007',
    '\u001b]0;title\u0007',
    '\u001b[2J\u001b[H',
    '\u009b31m',
    '\u0085next',
    ...PROTOTYPE_NAMES,
  ),
);
const at = '2025-01-01T00:00:00.000Z';
let n = 0;

function clean(r: { stdout: string; stderr: string }) {
  expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  expect(r.stderr).not.toContain('internal error');
}

describe('arbitrary strings', () => {
  it('as progress keys, ids and answers: progress, list, learn, quiz, home and import print them safely', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (key, text) => {
        const file = path.join(tmp.dir, `p${n++}.json`);
        const course = {
          lessons: {
            [key]: { sectionsSeen: [key], sectionReached: key, updatedAt: at },
            'what-alignment-means': { sectionsSeen: [key], sectionReached: key, updatedAt: at },
          },
          quizzes: {
            [key]: {
              answers: [
                {
                  id: key,
                  question: key,
                  source: 'quiz',
                  response: { type: 'short', text },
                  correct: false,
                  hintUsed: false,
                  at,
                },
              ],
              attempts: [],
            },
          },
          last: { kind: 'lesson', lesson: key, at },
        };
        const data = { version: 1, courses: { 'alignment-tutor': course, [key]: course } };
        writeFileSync(file, JSON.stringify(data));
        const p = ['--progress-file', file];
        for (const argv of [['progress'], ['progress', '--json'], ['list'], ['learn', '--print']]) {
          clean(await run([...p, ...argv], { env }));
        }
        clean(await run([...p, '--plain'], { env, input: ['q'] }));
        clean(await run([...p, '--plain', 'quiz'], { env, input: [] }));
        clean(
          await run(
            ['--progress-file', path.join(tmp.dir, `import${n}.json`), 'progress', '--import', file],
            { env },
          ),
        );
      }),
      { numRuns: 5 },
    );
  }, 120_000);

  it('in a course: titles, terms, ids, question types, keys and file names are reported, never obeyed', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (a, b) => {
        const dir = courseCopy(tmp.dir, `c${n++}`);
        const name = a.replace(/[/\u0000]/g, '_');
        const y = JSON.stringify;
        mkdirSync(path.join(dir, 'lessons'), { recursive: true });
        writeFileSync(
          path.join(dir, 'lessons', `${name}.yaml`),
          `id: ${y(a)}\ntitle: ${y(b)}\norder: 9\nsummary: ${y(a)}\n${y(b)}: 1\nterms:\n  - term: ` +
            `${y(a)}\n    definition: ${y(b)}\nsections:\n  - id: s\n    title: ${y(b)}\n    body: ` +
            `${y(a)}\n`,
        );
        writeFileSync(
          path.join(dir, 'quizzes', `${name}.yaml`),
          `lesson: ${y(a)}\nquestions:\n  - id: ${y(b)}\n    type: ${y(a)}\n    prompt: p\n    explanation: e\n`,
        );
        const progress = ['--progress-file', path.join(tmp.dir, `cp${n}.json`)];
        for (const argv of [['validate'], ['list'], ['glossary'], ['learn', a, '--print'], ['quiz', b]]) {
          clean(await run(['--content', dir, ...progress, ...argv], { env }));
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('on the command line: every command that quotes an argument back', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (arg) => {
        const p = ['--progress-file', path.join(tmp.dir, 'cli.json')];
        for (const argv of [
          [arg],
          ['learn', arg],
          ['quiz', arg],
          ['glossary', arg],
          ['search', arg],
          ['reset', arg, '--yes'],
          ['list', arg],
          ['quiz', '--seed', arg],
          ['progress', '--import', arg],
          ['validate', arg],
          ['--content', arg, 'list'],
        ]) {
          clean(await run([...p, ...argv], { env }));
        }
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
