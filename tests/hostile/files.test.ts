import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCycles } from '../../src/content/course.ts';
import { makeDirs } from '../../src/files/make-dirs.ts';
import { courseCopy, runChild, scratch } from './child-run.ts';

// Files a course or a progress path may point at that are not ordinary files, or not of a sane
// size: each is refused with a message naming it, and nothing hangs. Run in child processes,
// since a blocking read would stop the test runner itself.

const tmp = scratch();
afterAll(tmp.cleanup);
const onLinux = process.platform === 'linux';
const progress = (name: string) => ['--progress-file', path.join(tmp.dir, name)];

describe.runIf(onLinux)('files that are not regular files', () => {
  const fifo = (file: string) => execFileSync('mkfifo', [file]);

  it('a FIFO named like a lesson is reported by validate, list and learn, not waited on', () => {
    const course = courseCopy(tmp.dir, 'fifo-course');
    fifo(path.join(course, 'lessons', 'pipe.yaml'));
    for (const args of [['validate'], ['list'], ['learn', 'rewards', '--print']]) {
      const r = runChild(['--content', course, ...progress('fifo.json'), ...args]);
      expect(r.hung).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain('pipe.yaml:1:1: is not a regular file');
    }
  });

  it('a progress file or an import that is a FIFO is named, not waited on', () => {
    const file = path.join(tmp.dir, 'progress-fifo.json');
    fifo(file);
    const list = runChild(['--progress-file', file, 'list']);
    expect(list.hung).toBe(false);
    expect(list.stderr).toContain(`${file} is not a regular file`);
    const imported = runChild([...progress('p-import.json'), 'progress', '--import', file]);
    expect(imported.hung).toBe(false);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/is not a regular file[\s\S]*Nothing was imported/);
  });

  it('a lesson linked to /dev/zero is refused at once, with bounded memory', () => {
    const course = courseCopy(tmp.dir, 'zero-course');
    symlinkSync('/dev/zero', path.join(course, 'lessons', 'zero.yaml'));
    const r = runChild(['--content', course, 'validate'], { timeoutMs: 5000 });
    expect(r.hung).toBe(false);
    expect(r.stdout + r.stderr).toContain('zero.yaml:1:1: is not a regular file');
  });

  it('the progress and cache folders under /proc fail fast with "could not save"', () => {
    const course = courseCopy(tmp.dir, 'proc-course');
    const viaFlag = runChild([
      '--content',
      course,
      '--progress-file',
      '/proc/x/y',
      '--plain',
      'learn',
      'rewards',
    ]);
    expect(viaFlag.hung).toBe(false);
    expect(viaFlag.stderr).toContain(
      'Could not save your progress to /proc/x/y: the folder /proc/x cannot be created',
    );
    const viaXdg = runChild(['--content', course, '--plain', 'learn', 'rewards'], {
      env: { XDG_DATA_HOME: '/proc/x', HOME: tmp.dir },
    });
    expect(viaXdg.hung).toBe(false);
    expect(viaXdg.stderr).toContain('Could not save your progress to /proc/x/alignment-tutor/progress.json');
    // A cache that cannot be written is skipped without a word.
    const cache = runChild([...progress('proc-cache.json'), 'list'], {
      env: { ALIGNMENT_TUTOR_CACHE: '/proc/x/c' },
    });
    expect(cache.hung).toBe(false);
    expect(cache.code).toBe(0);
    expect(cache.stderr).toBe('');
  });

  it('makeDirs names the folder that cannot be made, and makes ordinary ones', () => {
    expect(() => makeDirs('/proc/x/y')).toThrow(
      expect.objectContaining({ code: 'ENOMKDIR', path: '/proc/x' }),
    );
    const deep = path.join(tmp.dir, 'a', 'b', 'c');
    makeDirs(deep);
    makeDirs(deep);
    writeFileSync(path.join(deep, 'f'), '');
    expect(() => makeDirs(path.join(deep, 'f', 'g'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });
});

describe('sizes', () => {
  it('a progress file over 32 MiB is left alone with a message, not parsed', () => {
    const file = path.join(tmp.dir, 'huge.json');
    writeFileSync(file, `{"version":1,"courses":{},"pad":"${'a'.repeat(33 * 1024 * 1024)}"}`);
    const r = runChild(['--progress-file', file, 'progress']);
    expect(r.hung).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file} is larger than 32 MiB`);
    expect(r.stderr.length).toBeLessThan(2000);
    const imported = runChild([...progress('p-huge.json'), 'progress', '--import', file]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('is larger than 32 MiB');
    expect(imported.stderr.length).toBeLessThan(2000);
  });
});

describe('prerequisites', () => {
  it('a 15,000-lesson chain is checked without running out of stack, and a cycle in it found', () => {
    const n = 15_000;
    const lessons = new Map(
      Array.from({ length: n }, (_, i) => {
        const id = `l${i}`;
        const requires = [`l${(i + 1) % n}`];
        return [id, { file: id, value: { id, requires } as never, locate: () => ({ line: 1, col: 1 }) }];
      }),
    );
    const cycles = findCycles(lessons);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n + 1);
  });
});
