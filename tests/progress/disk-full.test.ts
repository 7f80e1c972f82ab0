import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { recordAnswer } from '../../src/progress/record.ts';
import { openStore } from '../../src/progress/store.ts';
import type { ProgressData } from '../../src/progress/types.ts';
import { tempDir } from '../helpers/run.ts';
import { answer } from './helpers.ts';

// A full disk cannot be made on demand without privileges, so the file system says it is full:
// writes to the progress file's temporary files fail part-way, as they would with ENOSPC.
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const temps = new Set<number>();
  const openSync = ((
    file: string,
    ...rest: Parameters<typeof actual.openSync> extends [unknown, ...infer R] ? R : never
  ) => {
    const fd = actual.openSync(file, ...rest);
    if (/progress\.json\.tmp-\d+-\d+$/.test(String(file))) temps.add(fd);
    else temps.delete(fd);
    return fd;
  }) as typeof actual.openSync;
  const writevSync: typeof actual.writevSync = (fd, buffers, position) => {
    if (disk.full && temps.has(fd))
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return actual.writevSync(fd, buffers, position);
  };
  const fs = { ...actual, openSync, writevSync };
  return { ...fs, default: fs };
});

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('a full disk', () => {
  it(
    'is reported once with the path, leaves the file and folder as they were, and the progress is saved ' +
      'once there is room',
    async () => {
      const dir = path.join(tmp.dir, 'full');
      mkdirSync(dir);
      const file = path.join(dir, 'progress.json');
      const told: string[] = [];
      const store = openStore({
        file,
        now: () => new Date('2025-04-01T12:00:00.000Z'),
        notify: (m) => told.push(m),
      });
      const record = (id: string) =>
        store.update('c', (course, now) => recordAnswer(course, 'l', answer(id, now.toISOString())));
      const ids = (data: ProgressData) => data.courses['c']?.quizzes['l']?.answers.map((a) => a.id);

      await record('saved');
      const before = readFileSync(file);
      const listing = readdirSync(dir).sort();

      disk.full = true;
      expect(await record('kept-1')).toBeUndefined();
      await record('kept-2');
      expect(told).toEqual([
        `Could not save your progress to ${file}: no space left on the disk holding ${file}. The file is ` +
          'unchanged. Until saving works again, new progress is kept only while the tutor is open.',
      ]);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(listing);
      expect(ids(await store.read())).toEqual(['saved', 'kept-1', 'kept-2']);
      expect(store.hasUnsaved()).toBe(true);

      disk.full = false;
      await record('after');
      expect(told[1]).toBe(`Your progress is saved to ${file} again.`);
      expect(store.hasUnsaved()).toBe(false);
      expect(ids(JSON.parse(readFileSync(file, 'utf8')) as ProgressData)).toEqual([
        'saved',
        'kept-1',
        'kept-2',
        'after',
      ]);
    },
  );
});
