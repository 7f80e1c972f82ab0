import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordAnswer } from '../../src/progress/record.ts';
import { openStore, type ProgressStore } from '../../src/progress/store.ts';
import type { ProgressData } from '../../src/progress/types.ts';
import { tempDir } from '../helpers/run.ts';
import { answer, FIXTURES, sampleProgress } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;
const NOW = new Date('2025-04-01T12:00:00.000Z');

/** A fresh folder, the progress file's path in it, and a store that collects what it tells the learner. */
function setup(contents?: string | Buffer) {
  const dir = path.join(tmp.dir, `case-${n++}`);
  mkdirSync(dir);
  const file = path.join(dir, 'progress.json');
  if (contents !== undefined) writeFileSync(file, contents);
  const told: string[] = [];
  const store = openStore({ file, now: () => NOW, notify: (m) => told.push(m), lock: { timeoutMs: 300 } });
  return { dir, file, told, store };
}

const record = (store: ProgressStore, id: string) =>
  store.update('c', (course) => recordAnswer(course, 'rewards', answer(id, NOW.toISOString())));
const ids = (data: ProgressData) => data.courses['c']?.quizzes['rewards']?.answers.map((a) => a.id) ?? [];
const onDisk = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ProgressData;
const good = `${JSON.stringify(sampleProgress('c'))}\n`;

describe('the progress store', () => {
  it('starts empty without a file, and creates the folder and file on the first change', async () => {
    const { dir, told } = setup();
    const file = path.join(dir, 'new', 'deeper', 'progress.json');
    const store = openStore({ file, now: () => NOW, notify: (m) => told.push(m) });
    expect(await store.read()).toEqual({ version: 2, courses: {} });
    await record(store, 'x');
    expect(ids(onDisk(file))).toEqual(['x']);
    expect(told).toEqual([]);
  });

  it('keeps the state before the last save as progress.json.bak', async () => {
    const { file, store } = setup();
    await record(store, 'one');
    const first = readFileSync(file);
    await record(store, 'two');
    expect(readFileSync(`${file}.bak`).equals(first)).toBe(true);
    expect(ids(onDisk(file))).toEqual(['one', 'two']);
  });

  it('leaves no temporary file when a kill left the file and its backup as one file under two names', async () => {
    const { dir, file, store } = setup(good);
    linkSync(file, `${file}.bak`);
    await record(store, 'x');
    expect(readdirSync(dir).sort()).toEqual(['progress.json', 'progress.json.bak']);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(good);
  });

  it('re-reads before each write, so changes from another process are kept', async () => {
    const { file, store } = setup();
    const other = openStore({ file, now: () => NOW, notify: () => undefined });
    await record(store, 'mine-1');
    await record(other, 'theirs-1');
    await record(store, 'mine-2');
    await record(other, 'theirs-2');
    expect(ids(onDisk(file))).toEqual(['mine-1', 'theirs-1', 'mine-2', 'theirs-2']);
    expect(ids(await store.read())).toEqual(['mine-1', 'theirs-1', 'mine-2', 'theirs-2']);
  });

  it('sees a file edited by hand even when its size is unchanged', async () => {
    const { file, store } = setup();
    await record(store, 'aaaa');
    const edited = readFileSync(file, 'utf8').replace('aaaa', 'bbbb');
    writeFileSync(file, edited);
    expect(ids(await store.read())).toEqual(['bbbb']);
  });

  it('keeps changes made while the lock is held elsewhere, and saves them with the next change', async () => {
    const { file, store, told } = setup();
    await record(store, 'before');
    // A live process (this one) holds the lock.
    writeFileSync(`${file}.lock`, `${process.pid} ${hostname()}\n`);
    await record(store, 'while-locked');
    expect(ids(onDisk(file))).toEqual(['before']);
    expect(ids(await store.read())).toEqual(['before', 'while-locked']);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(
      `Could not save your progress to ${file}: another alignment-tutor (process ${process.pid}) is ` +
        `holding ${file}.lock`,
    );
    // Released: the next change saves both, and says so.
    rmSync(`${file}.lock`);
    await record(store, 'after');
    expect(ids(onDisk(file))).toEqual(['before', 'while-locked', 'after']);
    expect(told[1]).toBe(`Your progress is saved to ${file} again.`);
  });

  it('takes over a lock whose owner has not touched it for longer than a save could take', async () => {
    const { file, store, told } = setup();
    writeFileSync(`${file}.lock`, `${process.pid} ${hostname()}\n`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    await record(store, 'x');
    expect(told).toEqual([]);
    expect(ids(onDisk(file))).toEqual(['x']);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it.runIf(existsSync('/proc/self/task'))(
    'takes over a lock whose owner pid now names a thread of another process',
    async () => {
      const { file, store, told } = setup();
      const thread = readdirSync('/proc/self/task')
        .map(Number)
        .find((tid) => tid !== process.pid)!;
      writeFileSync(`${file}.lock`, `${thread} ${hostname()}\n`);
      await record(store, 'x');
      expect(told).toEqual([]);
      expect(ids(onDisk(file))).toEqual(['x']);
    },
  );

  it('leaves a folder where the file should be alone, and says why', async () => {
    const { file, store, told } = setup();
    mkdirSync(file);
    await record(store, 'x');
    expect(told).toEqual([
      `Could not read your progress file ${file}: ${file} is a folder, not a file. It was left as it ` +
        'is, and progress made now will not be saved.',
    ]);
    expect(await store.refusal()).toBe(told[0]);
    expect(ids(await store.read())).toEqual(['x']);
    expect(readdirSync(file)).toEqual([]);
  });
});

describe('a corrupt progress file', () => {
  const cases: Array<[string, string, string]> = [
    ['not JSON', 'progress: lots\n', 'is not valid JSON'],
    ['truncated', good.slice(0, Math.floor(good.length / 2)), 'ends part-way through (it was cut short)'],
    ['empty', '', 'is empty'],
    [
      'of the wrong shape',
      JSON.stringify({ version: 2, courses: { c: { lessons: [], quizzes: {} } } }),
      'does not have the shape of a progress file (courses.c.lessons: expected an object, found a list)',
    ],
  ];

  it.each(cases)(
    'when %s, is moved aside whole, the learner is told where, and the store starts empty',
    async (_what, contents, problem) => {
      const { dir, file, store, told } = setup(contents);
      expect(await store.read()).toEqual({ version: 2, courses: {} });
      const aside = `${file}.corrupt-2025-04-01T12-00-00.000Z`;
      expect(told).toHaveLength(1);
      expect(told[0]).toContain(`Your progress file ${file} ${problem}`);
      expect(told[0]).toContain(`It was moved to ${aside}; starting with empty progress.`);
      expect(readFileSync(aside, 'utf8')).toBe(contents);
      expect(readdirSync(dir)).toEqual([path.basename(aside)]);
      // Never silently replaced: only a new change writes a new file.
      await record(store, 'fresh');
      expect(ids(onDisk(file))).toEqual(['fresh']);
      expect(readFileSync(aside, 'utf8')).toBe(contents);
    },
  );

  it('never overwrites a file moved aside earlier at the same moment', async () => {
    const { file, store } = setup('first damage');
    await store.read();
    writeFileSync(file, 'second damage');
    await openStore({ file, now: () => NOW, notify: () => undefined }).read();
    expect(readFileSync(`${file}.corrupt-2025-04-01T12-00-00.000Z`, 'utf8')).toBe('first damage');
    expect(readFileSync(`${file}.corrupt-2025-04-01T12-00-00.000Z-2`, 'utf8')).toBe('second damage');
  });

  it('is replaced by the last good backup when there is one', async () => {
    const { file, store, told } = setup();
    await record(store, 'one');
    await record(store, 'two');
    const damaged = readFileSync(file, 'utf8').slice(0, 40);
    writeFileSync(file, damaged);
    const fresh = openStore({ file, now: () => NOW, notify: (m) => told.push(m) });
    expect(ids(await fresh.read())).toEqual(['one']);
    expect(told).toEqual([
      `Your progress file ${file} ends part-way through (it was cut short). It was moved to ` +
        `${file}.corrupt-2025-04-01T12-00-00.000Z, and your progress was restored from the backup ` +
        `${file}.bak (as it was one save earlier).`,
    ]);
    expect(ids(onDisk(file))).toEqual(['one']);
    expect(readFileSync(`${file}.corrupt-2025-04-01T12-00-00.000Z`, 'utf8')).toBe(damaged);
  });
});

describe('a progress file from a newer version', () => {
  it('is refused with a message, never overwritten, and the session carries on in memory', async () => {
    const newer = JSON.stringify({ version: 7, courses: {}, somethingNew: true });
    const { dir, file, store, told } = setup(newer);
    await record(store, 'x');
    await record(store, 'y');
    expect(told).toEqual([
      `Your progress file ${file} was written by a newer version of alignment-tutor (format version 7; ` +
        'this version reads up to 2). It was left unchanged, and progress made now will not be saved to ' +
        'it. Update alignment-tutor to carry on from it.',
    ]);
    expect(readFileSync(file, 'utf8')).toBe(newer);
    expect(readdirSync(dir)).toEqual(['progress.json']);
    expect(ids(await store.read())).toEqual(['x', 'y']);
    expect(store.hasUnsaved()).toBe(true);
    expect(await store.refusal()).toBe(told[0]);
    await expect(store.transact(() => undefined)).rejects.toThrow(/newer version/);
  });
});

describe('a progress file from version 0', () => {
  it('is upgraded on load, with the original kept byte for byte as progress.json.v0.bak', async () => {
    const original = readFileSync(path.join(FIXTURES, 'v0-progress.json'));
    const { file, store, told } = setup(original);
    const data = await store.read();
    const expected = JSON.parse(
      readFileSync(path.join(FIXTURES, 'v0-progress.migrated.json'), 'utf8'),
    ) as ProgressData;
    expect(data).toEqual(expected);
    expect(onDisk(file)).toEqual(expected);
    expect(readFileSync(`${file}.v0.bak`).equals(original)).toBe(true);
    expect(told).toEqual([
      `Your progress file ${file} was upgraded from format version 0 to 2; the original is kept as ${file}.v0.bak.`,
    ]);
  });

  it('never overwrites the original kept by an earlier upgrade', async () => {
    const { file, store, told } = setup(readFileSync(path.join(FIXTURES, 'v0-empty.json')));
    writeFileSync(`${file}.v0.bak`, 'kept from before');
    await store.read();
    expect(readFileSync(`${file}.v0.bak`, 'utf8')).toBe('kept from before');
    const kept = `${file}.v0-${NOW.getTime()}.bak`;
    expect(readFileSync(kept, 'utf8')).toBe('{}\n');
    expect(told[0]).toContain(`the original is kept as ${kept}`);
  });

  it('treats a version-0 file it cannot make sense of as corrupt, keeping it', async () => {
    const contents = readFileSync(path.join(FIXTURES, 'v0-bad-time.json'), 'utf8');
    const { file, store, told } = setup(contents);
    expect(await store.read()).toEqual({ version: 2, courses: {} });
    expect(told[0]).toContain(
      'lessons.rewards.updated: expected a time in milliseconds (in a version 0 file)',
    );
    expect(readFileSync(`${file}.corrupt-2025-04-01T12-00-00.000Z`, 'utf8')).toBe(contents);
  });

  it('can be restored from a version-0 backup', async () => {
    const { file, store } = setup('{"version":1,');
    copyFileSync(path.join(FIXTURES, 'v0-progress.json'), `${file}.bak`);
    const data = await store.read();
    expect(Object.keys(data.courses['alignment-tutor']!.lessons)).toEqual(['rewards', 'oversight']);
  });
});

describe('transact', () => {
  it('writes the backup before changing anything', async () => {
    const { file, store } = setup(good);
    const backup = `${file}.before`;
    await store.transact(
      (data) => {
        expect(readFileSync(backup, 'utf8')).toBe(good);
        delete data.courses['c'];
      },
      { backupTo: backup },
    );
    expect(onDisk(file).courses).toEqual({});
  });
});
