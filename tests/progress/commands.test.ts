import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { courseIdFor } from '../../src/progress/course-id.ts';
import type { ProgressData } from '../../src/progress/types.ts';
import { run, tempDir } from '../helpers/run.ts';
import { answer, COURSE_DIR, sampleProgress } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
const COURSE = courseIdFor(COURSE_DIR, false);
const NOW = new Date('2025-03-03T10:21:00.000Z');
let n = 0;

/** A progress file in a folder of its own, holding `data` (none when undefined). */
function progressFile(data?: ProgressData | string): string {
  const dir = path.join(tmp.dir, `p-${n++}`);
  mkdirSync(dir);
  const file = path.join(dir, 'progress.json');
  if (data !== undefined) writeFileSync(file, typeof data === 'string' ? data : `${JSON.stringify(data)}\n`);
  return file;
}

function tutor(file: string, args: string[], opts: { input?: string[]; tty?: boolean } = {}) {
  return run(['--content', COURSE_DIR, ...args], {
    env: { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' },
    now: () => NOW,
    cwd: tmp.dir,
    ...opts,
  });
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ProgressData;

describe('progress', () => {
  it('--path prints the file in use', async () => {
    const file = progressFile();
    const { code, stdout } = await tutor(file, ['progress', '--path']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${file}\n`);
    expect(existsSync(file)).toBe(false);
  });

  it('shows per lesson a bar of sections read, quiz scores, answers, accuracy, last activity, totals', async () => {
    const file = progressFile(sampleProgress(COURSE));
    const { code, stdout, stderr } = await tutor(file, ['progress'], { tty: true });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The heading holds the course path, which wraps at a length that depends on where the
    // project is cloned: compare it with the wrapping undone, and the rest exactly.
    const [heading = '', ...rest] = stdout.split('\n\n');
    const unwrapped = (text: string) => text.replace(/\s+/g, '');
    expect(unwrapped(heading)).toBe(unwrapped(`Your progress in the course in ${COURSE_DIR}`));
    expect(rest.join('\n\n')).toBe(
      [
        `Rewards and goals${' '.repeat(79 - 'Rewards and goals'.length - '2 days ago'.length)}2 days ago`,
        '  █████░░░░░ 2/4 sections · quiz best 100% ✓, latest 100% · 3 answers, 67% right',
        `Oversight${' '.repeat(79 - 'Oversight'.length - 'not started'.length)}not started`,
        '  ░░░░░░░░░░ 0/2 sections · no quiz yet · no answers yet',
        '',
        'Course: 2 of 6 sections read, 0 of 2 lessons finished, 1 of 2 quizzes passed; 3',
        'answers (67% right) in 2 quiz attempts.',
        `Progress file: ${path.relative(tmp.dir, file)}`,
        '',
      ].join('\n'),
    );
  });

  it('says the same in sentences with --plain, for screen readers', async () => {
    const file = progressFile(sampleProgress(COURSE));
    const stdout = (await tutor(file, ['--plain', 'progress'])).stdout.replace(/\n(?!\n)/g, ' ');
    expect(stdout).toContain(
      'Rewards and goals (2 days ago): 2 of 4 sections read, quiz best 100% (passed), latest 100%, ' +
        '3 answers, 67% right.',
    );
    expect(stdout).toContain(
      'Oversight (not started): 0 of 2 sections read, no quiz score yet, no answers yet.',
    );
    expect(stdout).not.toContain('█');
  });

  it('--json gives the same as data for scripts', async () => {
    const file = progressFile(sampleProgress(COURSE));
    const { code, stdout } = await tutor(file, ['progress', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      course: COURSE,
      lessons: [
        {
          id: 'rewards',
          title: 'Rewards and goals',
          sections: 4,
          sectionsRead: 2,
          finished: false,
          answered: 3,
          correct: 2,
          attempts: 2,
          best: 1,
          latest: 1,
          passed: true,
          quizUnfinished: false,
          lastActivity: '2025-03-01T10:21:00.000Z',
        },
        {
          id: 'oversight',
          title: 'Oversight',
          sections: 2,
          sectionsRead: 0,
          finished: false,
          answered: 0,
          correct: 0,
          attempts: 0,
          best: null,
          latest: null,
          passed: false,
          quizUnfinished: false,
          lastActivity: null,
        },
      ],
      totals: {
        lessons: 2,
        lessonsFinished: 0,
        sections: 6,
        sectionsRead: 2,
        quizzesPassed: 1,
        answered: 3,
        correct: 2,
        attempts: 2,
      },
    });
  });

  it('tells the learner about a corrupt file on stderr and still shows progress', async () => {
    const file = progressFile('{"version":1,"cour');
    const { code, stdout, stderr } = await tutor(file, ['progress', '--json']);
    expect(code).toBe(0);
    expect(stderr).toContain(
      `Your progress file ${file} ends part-way through (it was cut short). ` +
        `It was moved to ${file}.corrupt-2025-03-03T10-21-00.000Z; starting with empty progress.`,
    );
    expect(JSON.parse(stdout).totals.answered).toBe(0);
  });

  it('refuses a file from a newer version with one message and exit 1, leaving it alone', async () => {
    const newer = '{"version":3}\n';
    const file = progressFile(newer);
    const { code, stdout, stderr } = await tutor(file, ['progress']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(
      'was written by a newer version of alignment-tutor (format version 3; this version reads up to 2)',
    );
    expect(readFileSync(file, 'utf8')).toBe(newer);
  });

  it('rejects two modes at once with exit 2', async () => {
    const { code, stderr } = await tutor(progressFile(), ['progress', '--json', '--path']);
    expect(code).toBe(2);
    expect(stderr).toContain('--json and --path cannot be used together');
  });
});

describe('progress --export and --import', () => {
  it('exports everything, and importing it into empty progress gives the same progress', async () => {
    const data = sampleProgress(COURSE);
    data.courses['alignment-tutor'] = {
      lessons: {},
      quizzes: { x: { answers: [answer('other-course', '2025-01-01T00:00:00.000Z')], attempts: [] } },
    };
    const file = progressFile(data);
    const exported = path.join(tmp.dir, 'export.json');
    const out = await tutor(file, ['progress', '--export', 'export.json']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Exported your progress (4 answers, 2 quiz attempts) to export.json.');
    expect(read(exported)).toEqual(data);

    const other = progressFile();
    const imported = await tutor(other, ['progress', '--import', exported]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(
      `Merged export.json into your progress: 4 new answers and 2 new quiz attempts; nothing of yours was removed.\n`,
    );
    expect(read(other)).toEqual(data);
  });

  it('writes the export to standard output with -', async () => {
    const file = progressFile(sampleProgress(COURSE));
    const { stdout } = await tutor(file, ['progress', '--export', '-']);
    expect(JSON.parse(stdout)).toEqual(sampleProgress(COURSE));
  });

  it('merges an import with what is here, keeping both and doubling nothing', async () => {
    const mine = sampleProgress(COURSE);
    const file = progressFile(mine);
    const theirs = sampleProgress(COURSE);
    theirs.courses[COURSE]!.quizzes['rewards']!.answers.push(
      answer('from-laptop', '2025-03-02T09:00:00.000Z'),
    );
    theirs.courses[COURSE]!.lessons['oversight'] = {
      sectionsSeen: ['debate'],
      sectionReached: 'debate',
      updatedAt: '2025-03-02T09:00:00.000Z',
    };
    const source = progressFile(theirs);
    const { code, stdout } = await tutor(file, ['progress', '--import', source]);
    expect(code).toBe(0);
    expect(stdout).toContain('1 new answer and 0 new quiz attempts (3 of its answers were already here)');
    const merged = read(file).courses[COURSE]!;
    expect(merged.quizzes['rewards']!.answers.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'from-laptop']);
    expect(Object.keys(merged.lessons).sort()).toEqual(['oversight', 'rewards']);
  });

  it.each([
    ['not JSON', 'nope', 'is not valid JSON'],
    [
      'the wrong shape',
      '{"version":2,"courses":{"c":{"lessons":{},"quizzes":{"l":{"answers":[{"id":"x"}],"attempts":[]}}}}}',
      'courses.c.quizzes.l.answers[0].question: is missing',
    ],
    [
      'from a newer version',
      '{"version":3}',
      'was written by a newer version of alignment-tutor (format version 3)',
    ],
  ])(
    'rejects an import file that is %s without touching the current file',
    async (_what, contents, message) => {
      const file = progressFile(sampleProgress(COURSE));
      const before = readFileSync(file);
      const source = path.join(tmp.dir, `bad-${n++}.json`);
      writeFileSync(source, contents);
      const { code, stderr } = await tutor(file, ['progress', '--import', source]);
      expect(code).toBe(1);
      expect(stderr).toContain(message);
      expect(stderr).toContain('Nothing was imported');
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(path.dirname(file))).toEqual(['progress.json']);
    },
  );

  it('says so when the import file cannot be read', async () => {
    const { code, stderr } = await tutor(progressFile(), ['progress', '--import', 'missing.json']);
    expect(code).toBe(1);
    expect(stderr).toContain('could not read missing.json: missing.json does not exist');
  });
});

describe('reset', () => {
  it('clears one lesson after writing a backup it names, leaving the rest', async () => {
    const data = sampleProgress(COURSE);
    data.courses[COURSE]!.lessons['oversight'] = {
      sectionsSeen: ['debate'],
      updatedAt: '2025-03-02T09:00:00.000Z',
    };
    const file = progressFile(data);
    const before = readFileSync(file, 'utf8');
    const { code, stdout } = await tutor(file, ['reset', 'rewards', '--yes']);
    expect(code).toBe(0);
    const backup = `${file}.reset-2025-03-03T10-21-00.000Z.bak`;
    const shown = path.relative(tmp.dir, backup);
    expect(stdout).toBe(
      `Cleared your progress in "Rewards and goals" (2 sections read, 3 answers, 2 quiz\n` +
        `attempts). Your progress as it was before is kept in:\n  ${shown}\n` +
        `To bring it back, run:\n  alignment-tutor progress --import ${shown}\n`,
    );
    expect(readFileSync(backup, 'utf8')).toBe(before);
    const after = read(file).courses[COURSE]!;
    expect(after.lessons).toEqual({ oversight: data.courses[COURSE]!.lessons['oversight'] });
    expect(after.quizzes).toEqual({});
    expect(after.last).toBeUndefined();
  });

  it('asks first, and changes nothing when the answer is no', async () => {
    const file = progressFile(sampleProgress(COURSE));
    const before = readFileSync(file);
    const { code, stdout } = await tutor(file, ['reset'], { input: ['n'] });
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Clear your progress in this course (2 sections read, 3 answers, 2 quiz attempts)?',
    );
    expect(stdout).toContain('Nothing was changed.');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual(['progress.json']);
  });

  it('clears the whole course when the answer is yes, and keeps other courses', async () => {
    const data = sampleProgress(COURSE);
    data.courses['alignment-tutor'] = {
      lessons: { l: { sectionsSeen: ['s'], updatedAt: '2025-01-01T00:00:00.000Z' } },
      quizzes: {},
    };
    const file = progressFile(data);
    const { code, stdout } = await tutor(file, ['reset'], { input: ['y'] });
    expect(code).toBe(0);
    expect(stdout).toContain('Cleared your progress in this course');
    expect(Object.keys(read(file).courses)).toEqual(['alignment-tutor']);
    expect(read(`${file}.reset-2025-03-03T10-21-00.000Z.bak`)).toEqual(data);
  });

  it('names the closest lesson ids for an unknown one', async () => {
    const file = progressFile(sampleProgress(COURSE));
    const { code, stderr } = await tutor(file, ['reset', 'reward', '--yes']);
    expect(code).toBe(1);
    // Worded as learn and quiz word it.
    expect(stderr).toContain('error: there is no lesson "reward"; did you mean "rewards"?');
  });

  it('says when there is nothing to reset, without writing a backup', async () => {
    const file = progressFile(sampleProgress(COURSE));
    const { code, stdout } = await tutor(file, ['reset', 'oversight', '--yes']);
    expect(code).toBe(0);
    expect(stdout).toBe('Nothing to reset: no progress is recorded for "Oversight".\n');
    expect(readdirSync(path.dirname(file))).toEqual(['progress.json']);
  });
});
