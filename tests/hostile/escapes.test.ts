import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run.ts';
import { courseCopy, RAW_CONTROL, scratch } from './child-run.ts';

// Course files and the command line are data: no control sequence from them reaches the terminal.

const tmp = scratch();
afterAll(tmp.cleanup);
const env = { ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'p.json'), ALIGNMENT_TUTOR_CACHE: 'off' };
const OSC52 = '\u001b]52;c;aGk=\u0007';

function editLesson(course: string, change: (text: string) => string) {
  const file = path.join(course, 'lessons', 'rewards.yaml');
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('control characters in any string of a course', () => {
  it('an escape sequence in a reference url is refused by validate and never printed by learn --print', async () => {
    const course = courseCopy(tmp.dir, 'url');
    editLesson(course, (t) =>
      t.replace(
        'sections:',
        'references:\n  - title: T\n    authors: [A]\n    year: 2020\n    url: ' +
          `${JSON.stringify(`https://example.org/${OSC52}`)}\nsections:`,
      ),
    );
    const validate = await run(['--content', course, 'validate'], { env });
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toContain(
      'references[0].url: contains the control character U+001B',
    );
    const print = await run(['--content', course, 'learn', 'rewards', '--print'], { env });
    expect(print.stdout + print.stderr).not.toMatch(RAW_CONTROL);
  });

  it('so is one in $schema, which is never shown but is a string of the file', async () => {
    const course = courseCopy(tmp.dir, 'schema');
    editLesson(course, (t) => `$schema: ${JSON.stringify(`x${OSC52}`)}\n${t}`);
    const r = await run(['--content', course, 'validate'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('$schema: contains the control character U+001B');
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('the command line quoted back', () => {
  it.each([
    [['\u001b]0;title\u0007']],
    [['--\u001b]0;title\u0007']],
    [['list', '--x\u001b[2J']],
    [['quiz', '--limit', '\u009b2J']],
  ])('%j is shown escaped, never obeyed', async (argv) => {
    const r = await run(argv, { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\\x1b|\\x9b/);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('a progress file path with control characters', () => {
  it('is quoted visibly in the notices about saving', async () => {
    // A folder that cannot be created, named with a title-setting sequence.
    const file = `/proc/x${OSC52}/p.json`;
    const r = await run(['learn', 'what-alignment-means', '--plain'], {
      env: { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' },
      input: ['q'],
    });
    expect(r.stderr).toContain('\\x1b]52');
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  });
});
