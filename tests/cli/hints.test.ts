import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandPrefix } from '../../src/cli/command-name.ts';
import { fixtureLearner } from '../lesson/course.ts';
import { PACKAGE_ROOT, run, shortCommandDir, tempDir } from '../helpers/run.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;
function learner() {
  const me = fixtureLearner(tmp.dir, `progress-${++n}`);
  return (argv: string[], opts: Parameters<typeof run>[1] = {}) =>
    run(me.args(argv), { ...opts, env: { ...me.env, ...opts.env } });
}

describe('commands printed in hints work when pasted', () => {
  const base = { packageRoot: PACKAGE_ROOT, cwd: PACKAGE_ROOT };
  it('say alignment-tutor only when that name on the PATH is this program', () => {
    expect(commandPrefix({ ...base, env: { PATH: shortCommandDir() } })).toBe('alignment-tutor');
    expect(commandPrefix({ ...base, env: { PATH: tmp.dir } })).toBe('node bin/alignment-tutor.js');
  });

  it('repeat npx or npm start when that is how the tutor was started', () => {
    expect(commandPrefix({ ...base, env: { npm_lifecycle_event: 'npx', npm_command: 'exec' } })).toBe(
      'npx alignment-tutor',
    );
    expect(commandPrefix({ ...base, env: { npm_lifecycle_event: 'start' } })).toBe('npm start --');
  });

  it('give the path to the program from another folder', () => {
    expect(commandPrefix({ ...base, cwd: tmp.dir, env: {} })).toBe(
      `node ${path.join(PACKAGE_ROOT, 'bin', 'alignment-tutor.js')}`,
    );
  });

  it('are used in the hints themselves', async () => {
    const { stderr } = await learner()(['learn', 'nope'], {
      env: { PATH: '', npm_lifecycle_event: 'start' },
    });
    expect(stderr).toContain('npm start -- list shows both.');
  });
});

describe('lessons by number and in any case', () => {
  it('learn 2 and learn Oversight/2 open lesson 2, quiz 1 opens the first quiz', async () => {
    const byNumber = await learner()(['--plain', 'learn', '2'], { input: ['q'] });
    expect(byNumber.stdout).toContain('Lesson 2 of 3 · Section 1 of 4');
    const byCase = await learner()(['--plain', 'learn', 'Oversight/2'], { input: ['q'] });
    expect(byCase.stdout).toContain('Lesson 2 of 3 · Section 2 of 4');
    const quiz = await learner()(['--plain', 'quiz', '1'], { input: [] });
    expect(quiz.stdout).toContain('Question 1 of');
  });
});

describe('help', () => {
  it('of a subcommand lists the global options, and learn explains lesson/section', async () => {
    const { stdout } = await learner()(['learn', '--help']);
    expect(stdout).toContain('--progress-file');
    expect(stdout).toContain('--plain');
    expect(stdout).toMatch(/lesson number or id, with \/section/);
  });
});
