import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReplay } from '../../src/progress/cards.ts';
import { mergeProgress } from '../../src/progress/merge.ts';
import { parseProgress } from '../../src/progress/parse.ts';
import { emptyProgress } from '../../src/progress/types.ts';
import { run } from '../helpers/run.ts';
import { courseCopy, scratch } from './child-run.ts';

// Ids are whatever a course or an imported progress file says, Object.prototype's names included.

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((n) => n !== '__proto__');
const tmp = scratch();
afterAll(tmp.cleanup);

const at = '2025-01-01T00:00:00.000Z';
function progressWithIds(ids: readonly string[]) {
  const course = () => ({
    lessons: Object.fromEntries(ids.map((id) => [id, { sectionsSeen: [id], updatedAt: at }])),
    quizzes: Object.fromEntries(
      ids.map((id) => [
        id,
        {
          answers: [
            {
              id: `a-${id}`,
              question: id,
              source: 'quiz',
              response: { type: 'true-false', value: true },
              correct: true,
              hintUsed: false,
              at,
            },
          ],
          attempts: [],
        },
      ]),
    ),
  });
  return { version: 1, courses: Object.fromEntries(ids.map((id) => [id, course()])) };
}

describe('ids named like Object.prototype members', () => {
  it('are ordinary ids in a progress file: read, merged and imported', async () => {
    const text = JSON.stringify(progressWithIds(PROTOTYPE_NAMES));
    const replay = await loadReplay();
    const parsed = parseProgress(text, replay);
    // A version 1 file: upgraded on reading, every id kept.
    expect(parsed.kind).toBe('migrated');
    if (parsed.kind !== 'migrated') return;
    for (const id of PROTOTYPE_NAMES) {
      expect(parsed.data.courses[id]?.lessons[id]?.sectionsSeen).toEqual([id]);
    }
    // Nothing inherited: a name that was not recorded is absent.
    expect(emptyProgress().courses['constructor']).toBeUndefined();
    const merged = mergeProgress(emptyProgress(), parsed.data, replay);
    expect(Object.keys(merged.courses).sort()).toEqual([...PROTOTYPE_NAMES].sort());
    expect(
      mergeProgress(merged, parsed.data, replay).courses['toString']?.quizzes['toString']?.answers,
    ).toHaveLength(1);

    const file = path.join(tmp.dir, 'import.json');
    writeFileSync(file, text);
    const mine = path.join(tmp.dir, 'mine.json');
    const r = await run(['--progress-file', mine, 'progress', '--import', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${PROTOTYPE_NAMES.length * PROTOTYPE_NAMES.length} new answers`);
    expect(JSON.parse(readFileSync(mine, 'utf8')).courses.constructor.lessons.valueOf.sectionsSeen).toEqual([
      'valueOf',
    ]);
  });

  it('a lesson with the id "constructor" is read, quizzed and shown like any other', async () => {
    const course = courseCopy(tmp.dir, 'ctor');
    renameSync(
      path.join(course, 'lessons', 'oversight.yaml'),
      path.join(course, 'lessons', 'constructor.yaml'),
    );
    renameSync(
      path.join(course, 'quizzes', 'oversight.yaml'),
      path.join(course, 'quizzes', 'constructor.yaml'),
    );
    for (const [file, key] of [
      ['lessons/constructor.yaml', 'id'],
      ['quizzes/constructor.yaml', 'lesson'],
    ] as const) {
      const p = path.join(course, file);
      writeFileSync(p, readFileSync(p, 'utf8').replace(`${key}: oversight`, `${key}: constructor`));
    }
    const env = { ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'ctor.json'), ALIGNMENT_TUTOR_CACHE: 'off' };
    const learn = await run(['--content', course, '--plain', 'learn', 'constructor'], { env, input: [''] });
    expect(learn.stderr).toBe('');
    const quiz = await run(['--content', course, '--plain', 'quiz', 'constructor', '--no-shuffle'], {
      env,
      input: ['t', '2'],
    });
    expect(quiz.stderr).toBe('');
    expect(quiz.stdout).toContain('2 of 2');
    for (const argv of [['list'], ['progress'], ['progress', '--json']]) {
      const r = await run(['--content', course, ...argv], { env });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const home = await run(['--content', course, '--plain'], { env, input: ['q'] });
    expect(home.stderr).not.toContain('internal error');
  });
});
