import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, tempDir } from '../helpers/run.ts';

const tmp = tempDir('alignment-tutor-render-cache-');
afterAll(tmp.cleanup);

const course = path.join(PACKAGE_ROOT, 'tests', 'fixtures', 'lesson', 'course');

function print(cache: string, extra: Record<string, string> = {}) {
  const r = spawnSync(
    process.execPath,
    [path.join(PACKAGE_ROOT, 'bin', 'alignment-tutor.js'), '--content', course, 'learn', 'basics', '--print'],
    {
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: tmp.dir,
        ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'progress.json'),
        ALIGNMENT_TUTOR_CACHE: cache,
        ...extra,
      },
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('rendered lessons kept between runs', () => {
  it('prints the same lesson from the cache as when rendering afresh, and keeps one entry per text', () => {
    const cache = path.join(tmp.dir, 'cache');
    const fresh = print('off');
    const first = print(cache);
    const entries = Object.keys(
      (JSON.parse(readFileSync(path.join(cache, 'rendered.json'), 'utf8')) as { entries: object }).entries,
    );
    expect(entries.length).toBeGreaterThan(3);
    const second = print(cache);
    expect(first).toBe(fresh);
    expect(second).toBe(fresh);
    const after = Object.keys(
      (JSON.parse(readFileSync(path.join(cache, 'rendered.json'), 'utf8')) as { entries: object }).entries,
    );
    expect(after.sort()).toEqual(entries.sort());
  });

  it('keeps colour and plain renderings apart', () => {
    const cache = path.join(tmp.dir, 'cache-colour');
    const plain = print(cache);
    const coloured = print(cache, { FORCE_COLOR: '1' });
    expect(plain).not.toMatch(/\u001b\[/);
    expect(coloured).toMatch(/\u001b\[/);
    expect(print(cache)).toBe(plain);
  });
});
