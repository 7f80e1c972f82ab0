import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/content/issues.ts';
import { parseProgress } from '../../src/progress/parse.ts';
import { printable, printableLine } from '../../src/text/printable.ts';
import { run, tempDir } from '../helpers/run.ts';
import { afterAll } from 'vitest';
import path from 'node:path';

// Untrusted text is shown, never obeyed: no ESC, BEL or C1 byte from data reaches the terminal.

const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const hostile = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '\u001b]52;c;aGVsbG8=\u0007',
    '\u001b]0;title\u0007',
    '\u001b[2J\u001b[H',
    '\u009b31m',
    ...PROTOTYPE_NAMES,
  ),
);

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('printable', () => {
  it('shows control characters visibly and passes other text unchanged', () => {
    expect(printable('a\u001b]52;c;x\u0007b\u009bc')).toBe('a\\x1b]52;c;x\\x07b\\x9bc');
    expect(printable('Zürich — “ok”\n\tend')).toBe('Zürich — “ok”\n\tend');
    expect(printableLine('two\nlines')).toBe('two\\nlines');
  });

  it('cuts long text and says how much was left out', () => {
    expect(printable('x'.repeat(1000), 10)).toBe(`${'x'.repeat(10)}… (990 more characters)`);
  });

  it('never lets a raw control character through, for any string', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(printableLine(s)).not.toMatch(RAW_CONTROL);
        expect(printable(s).replace(/[\n\t]/g, '')).not.toMatch(RAW_CONTROL);
      }),
    );
  });

  it('is used by every content report line, whatever the file name and message', () => {
    fc.assert(
      fc.property(hostile, hostile, (file, message) => {
        const line = formatIssue({ file, line: 1, col: 1, message, severity: 'error' }, (f) => f);
        expect(line).not.toMatch(RAW_CONTROL);
      }),
    );
  });

  it('is used when a damaged progress file is quoted', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const parsed = parseProgress(`{"version": 2, "courses": ${s}`);
        if (parsed.kind === 'corrupt') expect(parsed.problem).not.toMatch(RAW_CONTROL);
      }),
    );
  });

  it('is used when an error quotes the command line', async () => {
    const r = await run(['learn', '\u001b]0;pwned\u0007'], {
      env: { ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'p.json'), ALIGNMENT_TUTOR_CACHE: 'off' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('\\x1b]0;pwned\\x07');
    expect(r.stderr + r.stdout).not.toMatch(RAW_CONTROL);
  });
});

describe('a progress file', () => {
  it('that starts with a UTF-8 byte order mark is read, not called invalid JSON', () => {
    const data = { version: 2, courses: {} };
    expect(
      parseProgress(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(data))])),
    ).toEqual({
      kind: 'ok',
      data,
    });
  });
});

describe('--progress-file', () => {
  it('refuses an empty path instead of using the real default file (exit 2)', async () => {
    const r = await run(['--progress-file', '', 'list'], {
      env: { ALIGNMENT_TUTOR_PROGRESS: '/nonexistent/never-used.json' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--progress-file');
  });
});
