import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourseCached } from '../../src/content/cache.ts';
import { loadCourse } from '../../src/content/load.ts';
import { PACKAGE_ROOT, tempDir } from '../helpers/run.ts';

// The checked course as the cache keeps it: what comes back is the course that was checked, every
// character of it, and a damaged cache file is read again from the lessons, never trusted.

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;

/** The fixture course with a section body full of characters outside ASCII. */
function courseWithText(body: string): string {
  const dir = path.join(tmp.dir, `course-${n++}`);
  cpSync(path.join(PACKAGE_ROOT, 'tests', 'fixtures', 'lesson', 'course'), dir, { recursive: true });
  const file = path.join(dir, 'lessons', 'basics.yaml');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/(body: \|\n)/, `$1      ${body}\n\n`));
  return dir;
}

const UNUSUAL = 'Naïve “quotes” — ½ · 日本語 · 🙂 · \\u00e9 is not é';

describe('the course cache', () => {
  it('gives back exactly the checked course, characters outside ASCII included', async () => {
    const dir = courseWithText(UNUSUAL);
    const cache = path.join(dir, 'cache');
    const checked = loadCourse(dir).course!;
    expect(checked.lessons[0]!.sections[0]!.body).toContain(UNUSUAL);

    const first = await loadCourseCached(dir, cache);
    const second = await loadCourseCached(dir, cache);
    expect(second.course).toEqual(first.course);
    expect(second.course?.lessons).toEqual(checked.lessons);
    expect([...second.course!.quizzes]).toEqual([...checked.quizzes]);
    const [file] = readdirSync(cache);
    expect(readFileSync(path.join(cache, file!)).every((byte) => byte < 0x80)).toBe(true);
  });

  it.each([
    ['cut short', (text: Buffer) => text.subarray(0, text.length - 100)],
    [
      'with its course line damaged',
      (text: Buffer) => Buffer.concat([text.subarray(0, text.indexOf(10) + 1), Buffer.from('{"lessons":[')]),
    ],
    ['empty', () => Buffer.alloc(0)],
  ])('is read again from the lessons when it is %s', async (_, damage) => {
    const dir = courseWithText('Plain words.');
    const cache = path.join(dir, 'cache');
    const good = await loadCourseCached(dir, cache);
    const file = path.join(cache, readdirSync(cache)[0]!);
    writeFileSync(file, damage(readFileSync(file)));
    const again = await loadCourseCached(dir, cache);
    expect(again.course?.lessons).toEqual(good.course?.lessons);
  });
});
