import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { PROGRESS_VERSION } from '../../src/progress/types.ts';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, run } from '../helpers/run.ts';
import { courseCopy, scratch } from './child-run.ts';

// Nothing clobbered, nothing silently lost.

const tmp = scratch();
afterAll(tmp.cleanup);
const onLinux = process.platform === 'linux';
const course = courseCopy(tmp.dir, 'course');
const base = { ALIGNMENT_TUTOR_CACHE: 'off' };
// The oversight quiz answered right: true, then "Two".
const passOversight = ['t', '2'];

describe('progress --export', () => {
  const progress = path.join(tmp.dir, 'export-source.json');
  const exportTo = (target: string, ...more: string[]) =>
    run(['--progress-file', progress, 'progress', '--export', target, ...more], { env: base });

  it('refuses to replace an existing file without --force, and replaces it with', async () => {
    const target = path.join(tmp.dir, 'existing.txt');
    writeFileSync(target, 'keep me');
    const refused = await exportTo(target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists; nothing was written');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    const forced = await exportTo(target, '--force');
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ version: PROGRESS_VERSION });
  });

  it('writes through a symbolic link, which stays a link', async () => {
    const target = path.join(tmp.dir, 'real-export.json');
    const link = path.join(tmp.dir, 'link-export.json');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    expect((await exportTo(link, '--force')).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ version: PROGRESS_VERSION });
  });

  it.runIf(onLinux)('never replaces a FIFO or a device, even with --force', async () => {
    const fifo = path.join(tmp.dir, 'export-fifo');
    execFileSync('mkfifo', [fifo]);
    const r = await exportTo(fifo, '--force');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a regular file');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    // A link to a device is refused the same way (and the link left alone).
    const dev = path.join(tmp.dir, 'to-dev-null');
    symlinkSync('/dev/null', dev);
    expect((await exportTo(dev, '--force')).code).toBe(1);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('a progress file that is a symbolic link', () => {
  it('is saved through the link: the link stays, the file it points to holds the progress', async () => {
    const real = path.join(tmp.dir, 'real-progress.json');
    const link = path.join(tmp.dir, 'linked-progress.json');
    writeFileSync(real, '{"version":1,"courses":{}}');
    symlinkSync(real, link);
    const r = await run(
      ['--content', course, '--progress-file', link, '--plain', 'quiz', 'oversight', '--no-shuffle'],
      {
        env: base,
        input: passOversight,
      },
    );
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('"passed":true');
  });
});

describe('when saving is impossible', () => {
  it('a lock that is a folder is named, and the session ends saying where its results were kept (exit 1)', async () => {
    const dir = path.join(tmp.dir, 'lockdir');
    mkdirSync(path.join(dir, 'progress.json.lock'), { recursive: true });
    const file = path.join(dir, 'progress.json');
    const r = await run(
      ['--content', course, '--progress-file', file, '--plain', 'quiz', 'oversight', '--no-shuffle'],
      {
        env: base,
        input: passOversight,
      },
    );
    expect(r.stdout).toContain('Passed');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}.lock is a folder, not a file; it is the lock file of ${file}`);
    const kept = readdirSync(dir).find((n) => n.startsWith('progress.json.unsaved-'));
    expect(kept).toBeDefined();
    expect(r.stderr).toContain(`A copy is kept in ${path.join(dir, kept!)}`);
    expect(r.stderr).toContain(`progress --import ${path.join(dir, kept!)}`);
    // The copy brings the results back once the lock is gone.
    execFileSync('rmdir', [path.join(dir, 'progress.json.lock')]);
    const merged = await run(['--progress-file', file, 'progress', '--import', path.join(dir, kept!)], {
      env: base,
    });
    expect(merged.stdout).toContain('1 new quiz attempt');
  });

  it('a lock dated in the future, held by a live process, is not waited on', async () => {
    const file = path.join(tmp.dir, 'future.json');
    writeFileSync(`${file}.lock`, `${process.pid} ${hostname()}\n`);
    const future = new Date(Date.now() + 3600_000);
    utimesSync(`${file}.lock`, future, future);
    const started = Date.now();
    const r = await run(
      ['--content', course, '--progress-file', file, '--plain', 'quiz', 'oversight', '--no-shuffle'],
      {
        env: base,
        input: passOversight,
      },
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 40_000);
});

describe.runIf(onLinux)('limits of the system, each named', () => {
  it('a file-size limit (ulimit -f) is reported as one, not as a full disk', () => {
    const file = path.join(tmp.dir, 'big-source.json');
    const answers = Array.from({ length: 300 }, (_, i) => ({
      id: `a${i}`,
      question: 'q',
      source: 'quiz',
      response: { type: 'true-false', value: true },
      correct: true,
      hintUsed: false,
      at: '2025-01-01T00:00:00.000Z',
    }));
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        courses: { c: { lessons: {}, quizzes: { l: { answers, attempts: [] } } } },
      }),
    );
    const out = path.join(tmp.dir, 'limited.json');
    const bin = path.join(PACKAGE_ROOT, 'bin', 'alignment-tutor.js');
    const r = spawnSync(
      'bash',
      [
        '-c',
        `ulimit -f 8; exec "${process.execPath}" "${bin}" --progress-file "${file}" progress --export "${out}"`,
      ],
      {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ALIGNMENT_TUTOR_CACHE: 'off' },
        timeout: 10_000,
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the file-size limit of this session (ulimit -f)');
    expect(r.stderr).not.toContain('no space');
  });

  it('a full standard output is named, not called a bug', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'alignment-tutor.js'), 'list'], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        env: {
          PATH: process.env['PATH'] ?? '',
          NO_COLOR: '1',
          ALIGNMENT_TUTOR_CACHE: 'off',
          ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'full.json'),
        },
        timeout: 10_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('could not write the output: no space is left on the device it goes to');
      expect(r.stderr).not.toContain('internal error');
    } finally {
      closeSync(full);
    }
  });
});
