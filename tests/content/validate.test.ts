import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/run.ts';

const tmp = tempDir('alignment-tutor-validate-');
afterAll(tmp.cleanup);
const env = { ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'progress.json') };

const LESSON = `id: basics
title: Basics
order: 1
summary: The first lesson.
sections:
  - id: intro
    title: Intro
    body: Some text.
  - id: more
    title: More
    body: More text.
`;

const QUIZ = `lesson: basics
questions:
  - id: q1
    type: true-false
    prompt: Is it?
    explanation: Because.
    answer: true
`;

let n = 0;
/** Writes a course folder from file contents (strings or bytes) and returns its path. */
function course(files: Record<string, string | Buffer>): string {
  const dir = path.join(tmp.dir, `course-${++n}`);
  mkdirSync(path.join(dir, 'lessons'), { recursive: true });
  mkdirSync(path.join(dir, 'quizzes'), { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

async function validate(files: Record<string, string | Buffer>) {
  const dir = course(files);
  const result = await run(['validate', '.'], { env, cwd: dir });
  return { ...result, dir, lines: result.stdout.trim().split('\n') };
}

describe('validate: a clean course', () => {
  it('exits 0 and says so', async () => {
    const r = await validate({ 'lessons/basics.yaml': LESSON, 'quizzes/basics.yaml': QUIZ });
    expect(r.code).toBe(0);
    expect(r.lines).toEqual(['0 errors, 0 warnings in 2 files']);
  });

  it('warns, but passes, when a lesson has no quiz', async () => {
    const r = await validate({ 'lessons/basics.yaml': LESSON });
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      'lessons/basics.yaml:1:5: warning: lesson "basics" has no quiz; add quizzes/basics.yaml',
      '0 errors, 1 warning in 1 file',
    ]);
  });
});

describe('validate: problems inside one file', () => {
  const cases: Array<[string, Record<string, string | Buffer>, string[]]> = [
    [
      'a YAML syntax error',
      { 'lessons/basics.yaml': LESSON.replace('summary: The first lesson.', 'summary: [unclosed') },
      ['lessons/basics.yaml:5:1: YAML syntax: '],
    ],
    [
      'a file that is a list, not a mapping',
      { 'lessons/basics.yaml': '- id: basics\n- title: x\n' },
      ['lessons/basics.yaml:1:1: the file must be a mapping of keys (like "id: ..."), but it holds a list'],
    ],
    [
      'an empty file',
      { 'lessons/basics.yaml': '\n\n' },
      ['lessons/basics.yaml:1:1: the file is empty; a lesson needs id, title, order, summary and sections'],
    ],
    [
      'a wrong type',
      { 'lessons/basics.yaml': LESSON.replace('order: 1', 'order: first') },
      [
        'lessons/basics.yaml:3:8: order: order must be a whole number (the position in the course); ' +
          'expected number, found text "first"',
      ],
    ],
    [
      'a missing required key',
      { 'lessons/basics.yaml': LESSON.replace('title: Basics\n', '') },
      ['lessons/basics.yaml:1:1: missing required key "title"'],
    ],
    [
      'an unknown top-level key, with a suggestion',
      { 'lessons/basics.yaml': LESSON.replace('summary:', 'sumary:') },
      [
        'lessons/basics.yaml:1:1: missing required key "summary"',
        'lessons/basics.yaml:4:1: unknown key "sumary" (did you mean "summary"?); allowed keys: id, ' +
          'title, order, summary, requires, minutes, objectives, sections, terms, references',
      ],
    ],
    [
      'an unknown key in a section',
      { 'lessons/basics.yaml': LESSON.replace('    body: More text.', '    body: More text.\n    chek: x') },
      [
        'lessons/basics.yaml:12:5: unknown key "chek" in sections[1] (did you mean "check"?); allowed ' +
          'keys: id, title, body, check',
      ],
    ],
    [
      'an id that is not kebab-case',
      { 'lessons/basics.yaml': LESSON.replace('  - id: intro', '  - id: Intro_Part') },
      [
        'lessons/basics.yaml:6:9: sections[0].id: Section id must be kebab-case: lowercase letters, ' +
          'digits and single hyphens, like "reward-hacking"',
      ],
    ],
    [
      'a control character in text',
      { 'lessons/basics.yaml': LESSON.replace('body: Some text.', 'body: "Some \\u001b[31mred"') },
      [
        'lessons/basics.yaml:8:11: sections[0].body: contains the control character U+001B (line 1 of ' +
          "this text); delete it, since it could drive the learner's terminal",
      ],
    ],
    [
      'a control character on the second line of a block, at its own line and column',
      {
        'lessons/basics.yaml': LESSON.replace(
          '    body: Some text.',
          '    body: |\n      First line.\n      Second \u001b[31mline.',
        ),
      },
      [
        'lessons/basics.yaml:10:14: sections[0].body: contains the control character U+001B; ' +
          "delete it, since it could drive the learner's terminal",
      ],
    ],
    [
      'a file that is not UTF-8',
      {
        'lessons/basics.yaml': Buffer.concat([
          Buffer.from('id: basics\ntitle: Caf'),
          Buffer.from([0xe9]),
          Buffer.from('\n'),
        ]),
      },
      ['lessons/basics.yaml:2:11: is not valid UTF-8 text; save the file with UTF-8 encoding'],
    ],
    [
      'a file over 1 MiB',
      { 'lessons/basics.yaml': `${LESSON}# ${'x'.repeat(1024 * 1024)}\n` },
      [
        'lessons/basics.yaml:1:1: is 1.0 MiB; content files may be at most 1 MiB, so split this lesson ' +
          'into smaller ones',
      ],
    ],
    [
      'an alias bomb',
      {
        'lessons/basics.yaml':
          `${LESSON}objectives: &a [x, x, x, x, x, x, x, x, x, x]\nterms: &b [*a, *a, *a, *a, *a, *a, *a, ` +
          '*a, *a, *a]\nreferences: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nminutes: [*c, *c, *c, ' +
          '*c, *c, *c, *c, *c, *c, *c]\n',
      },
      [
        'lessons/basics.yaml:1:1: uses too many YAML aliases (more than 100 expansions); write the ' +
          'repeated text out instead of using *aliases',
      ],
    ],
    [
      'a duplicate key',
      { 'lessons/basics.yaml': LESSON.replace('order: 1', 'order: 1\norder: 2') },
      ['lessons/basics.yaml:4:1: YAML syntax: Map keys must be unique'],
    ],
  ];

  it.each(cases)('reports %s at its line and column', async (_name, files, expected) => {
    const r = await validate({ 'quizzes/basics.yaml': QUIZ, ...files });
    expect(r.code).toBe(1);
    const problems = r.lines.slice(0, -1);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((line, i) => expect(problems[i]!.startsWith(line), `got: ${problems[i]}`).toBe(true));
    expect(r.lines.at(-1)).toMatch(new RegExp(`^${expected.length} errors?, 0 warnings in \\d files$`));
  });
});

const question = (body: string) => `lesson: basics\nquestions:\n${body}`;

describe('validate: question rules', () => {
  const cases: Array<[string, string, string]> = [
    [
      'a single question with two correct choices',
      question(
        '  - id: q1\n    type: single\n    prompt: P\n    explanation: E\n    choices:\n      - text: a\n' +
          '        correct: true\n      - text: b\n        correct: true\n',
      ),
      'quizzes/basics.yaml:8:7: questions[0].choices: a "single" question needs exactly one choice with ' +
        '"correct: true" (found 2); use type "multiple" for several right answers',
    ],
    [
      'a multiple question with no correct choice',
      question(
        '  - id: q1\n    type: multiple\n    prompt: P\n    explanation: E\n    choices:\n      - text: ' +
          'a\n      - text: b\n',
      ),
      'quizzes/basics.yaml:8:7: questions[0].choices: a "multiple" question needs at least one choice ' +
        'with "correct: true"',
    ],
    [
      'a single question with one choice',
      question(
        '  - id: q1\n    type: single\n    prompt: P\n    explanation: E\n    choices:\n      - text: a\n' +
          '        correct: true\n',
      ),
      'quizzes/basics.yaml:8:7: questions[0].choices: needs at least 2 choices',
    ],
    [
      'a true-false answer in quotes',
      question(`  - id: q1\n    type: true-false\n    prompt: P\n    explanation: E\n    answer: "true"\n`),
      'quizzes/basics.yaml:7:13: questions[0].answer: answer must be true or false (without quotes); ' +
        'expected boolean, found text "true"',
    ],
    [
      'a short question with neither accept nor pattern',
      question(`  - id: q1\n    type: short\n    prompt: P\n    explanation: E\n`),
      'quizzes/basics.yaml:3:5: questions[0]: a "short" question needs "accept" (a list of answers), ' +
        '"pattern" (a regular expression), or both',
    ],
    [
      'an order question with repeated items',
      question(`  - id: q1\n    type: order\n    prompt: P\n    explanation: E\n    items: [first, first]\n`),
      'quizzes/basics.yaml:7:12: items must all be different, or the right order is ambiguous',
    ],
    [
      'an unknown question type',
      question(`  - id: q1\n    type: essay\n    prompt: P\n    explanation: E\n`),
      'quizzes/basics.yaml:4:11: unknown question type "essay"; use one of: single, multiple, true-false, short, order',
    ],
    [
      'a misspelt question type',
      question(`  - id: q1\n    type: multipel\n    prompt: P\n    explanation: E\n`),
      'quizzes/basics.yaml:4:11: unknown question type "multipel" (did you mean "multiple"?); use one ' +
        'of: single, multiple, true-false, short, order',
    ],
    [
      'a pass mark above 1',
      'lesson: basics\npass: 70\nquestions:\n  - id: q1\n    type: true-false\n    prompt: P\n    ' +
        'explanation: E\n    answer: true\n',
      'quizzes/basics.yaml:2:7: pass is a fraction from 0 to 1, like 0.7',
    ],
    [
      'a regular expression that does not compile',
      question(
        `  - id: q1\n    type: short\n    prompt: P\n    explanation: E\n    pattern: "mesa(-| )?optimi[sz]er("\n`,
      ),
      'quizzes/basics.yaml:7:14: pattern is not a valid regular expression (/mesa(-| )?optimi[sz]er(/i: ' +
        'Unterminated group)',
    ],
    [
      'a section reference that does not exist',
      question(
        `  - id: q1\n    type: true-false\n    prompt: P\n    explanation: E\n    section: intr\n    answer: true\n`,
      ),
      'quizzes/basics.yaml:7:14: section "intr" is not a section of this lesson (did you mean "intro"?)',
    ],
    [
      'a repeated question id',
      question(
        '  - id: q1\n    type: true-false\n    prompt: P\n    explanation: E\n    answer: true\n  - id: ' +
          'q1\n    type: true-false\n    prompt: P\n    explanation: E\n    answer: false\n',
      ),
      'quizzes/basics.yaml:8:9: question id "q1" is already used by question 1; ids must be unique in a quiz',
    ],
    [
      'an unknown key in a choice',
      question(
        '  - id: q1\n    type: single\n    prompt: P\n    explanation: E\n    choices:\n      - text: a\n' +
          '        correct: true\n      - text: b\n        feedbak: no\n',
      ),
      'quizzes/basics.yaml:11:9: unknown key "feedbak" in questions[0].choices[1] (did you mean ' +
        '"feedback"?); allowed keys: text, correct, feedback',
    ],
  ];

  it.each(cases)('reports %s', async (_name, quiz, expected) => {
    const r = await validate({ 'lessons/basics.yaml': LESSON, 'quizzes/basics.yaml': quiz });
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([expected, '1 error, 0 warnings in 2 files']);
  });
});

describe('validate: rules across files', () => {
  const other = (id: string, extra = '') =>
    `id: ${id}\ntitle: ${id}\norder: 2\nsummary: S.\n${extra}sections:\n  - id: s\n    title: S\n    body: B.\n`;
  const quizFor = (id: string) => QUIZ.replace('lesson: basics', `lesson: ${id}`);

  it('reports an id that differs from the file name', async () => {
    const r = await validate({
      'lessons/basics.yaml': LESSON.replace('id: basics', 'id: basic'),
      'quizzes/basics.yaml': QUIZ,
    });
    expect(r.lines).toContain(
      'lessons/basics.yaml:1:5: id "basic" must equal the file name "basics"; rename the file to ' +
        'basic.yaml or change the id',
    );
  });

  it('reports a prerequisite that does not exist, with the closest id', async () => {
    const r = await validate({
      'lessons/basics.yaml': LESSON,
      'quizzes/basics.yaml': QUIZ,
      'lessons/next.yaml': other('next', 'requires: [basic]\n'),
      'quizzes/next.yaml': quizFor('next'),
    });
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      'lessons/next.yaml:5:12: requires unknown lesson "basic" (did you mean "basics"?)',
      '1 error, 0 warnings in 4 files',
    ]);
  });

  it('names a prerequisite cycle', async () => {
    const r = await validate({
      'lessons/alpha.yaml': other('alpha', 'requires: [beta]\n').replace('order: 2', 'order: 1'),
      'lessons/beta.yaml': other('beta', 'requires: [gamma]\n'),
      'lessons/gamma.yaml': other('gamma', 'requires: [alpha]\n').replace('order: 2', 'order: 3'),
      'quizzes/alpha.yaml': quizFor('alpha'),
      'quizzes/beta.yaml': quizFor('beta'),
      'quizzes/gamma.yaml': quizFor('gamma'),
    });
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      'lessons/alpha.yaml:5:12: prerequisite cycle: alpha → beta → gamma → alpha; remove one of these ' +
        '"requires" entries',
      '1 error, 0 warnings in 6 files',
    ]);
  });

  it('reports a quiz whose lesson does not exist', async () => {
    const r = await validate({
      'lessons/basics.yaml': LESSON,
      'quizzes/basics.yaml': QUIZ,
      'quizzes/bassics.yaml': quizFor('bassics'),
    });
    expect(r.lines).toEqual([
      'quizzes/bassics.yaml:1:9: quiz for unknown lesson "bassics" (did you mean "basics"?)',
      '1 error, 0 warnings in 3 files',
    ]);
  });

  it('reports a repeated section id', async () => {
    const r = await validate({
      'lessons/basics.yaml': LESSON.replace('  - id: more', '  - id: intro'),
      'quizzes/basics.yaml': QUIZ,
    });
    expect(r.lines).toEqual([
      'lessons/basics.yaml:9:9: section id "intro" is already used by section 1 of this lesson',
      '1 error, 0 warnings in 2 files',
    ]);
  });

  it('reports every problem in every file, not only the first, sorted by file and line', async () => {
    const r = await validate({
      'lessons/basics.yaml': LESSON.replace('order: 1', 'order: one').replace('summary:', 'summry:'),
      'quizzes/basics.yaml': question(
        '  - id: q1\n    type: single\n    prompt: P\n    explanation: E\n    choices:\n      - text: a\n' +
          '      - text: b\n',
      ),
    });
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => l.split(': ')[0])).toEqual([
      'lessons/basics.yaml:1:1',
      'lessons/basics.yaml:3:8',
      'lessons/basics.yaml:4:1',
      'quizzes/basics.yaml:8:7',
      '4 errors, 0 warnings in 2 files',
    ]);
  });

  it('does not blame a quiz for a lesson file that failed to parse', async () => {
    const r = await validate({ 'lessons/basics.yaml': 'id: basics\ntitle: [', 'quizzes/basics.yaml': QUIZ });
    expect(r.lines.filter((l) => l.startsWith('quizzes/'))).toEqual([]);
  });
});

describe('validate: paths and exit codes', () => {
  it('checks only the named file, in the context of its course', async () => {
    const dir = course({
      'lessons/basics.yaml': LESSON.replace('order: 1', 'order: x'),
      'quizzes/basics.yaml': QUIZ.replace('section', 'x').replace(
        'answer: true',
        'answer: true\n    section: nope',
      ),
    });
    const r = await run(['validate', 'quizzes/basics.yaml'], { env, cwd: dir });
    expect(r.code).toBe(0);
    const r2 = await run(['validate', 'lessons/basics.yaml'], { env, cwd: dir });
    expect(r2.code).toBe(1);
    expect(r2.stdout.trim().split('\n')).toEqual([
      'lessons/basics.yaml:3:8: order: order must be a whole number (the position in the course); ' +
        'expected number, found text "x"',
      '1 error, 0 warnings in 1 file',
    ]);
  });

  it('uses --content for the course to check', async () => {
    const dir = course({ 'lessons/basics.yaml': LESSON, 'quizzes/basics.yaml': QUIZ });
    const r = await run(['--content', dir, 'validate'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 errors, 0 warnings in 2 files');
  });

  it('says plainly when a path does not exist (exit 1)', async () => {
    const r = await run(['validate', 'no/such/place'], { env, cwd: tmp.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: no/such/place does not exist');
  });

  it('exits 2 on a usage error', async () => {
    const r = await run(['validate', '--strict'], { env });
    expect(r.code).toBe(2);
  });

  it('never prints a stack trace for broken content in other commands', async () => {
    const dir = course({
      'lessons/basics.yaml': LESSON.replace('order: 1', 'order: x'),
      'quizzes/basics.yaml': QUIZ,
    });
    const r = await run(['--content', dir, 'list'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
