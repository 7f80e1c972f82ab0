import { rebuildCards, type ReplayFn } from './cards.ts';
import { SHIPPED_COURSE_ID } from './course-id.ts';
import { PROGRESS_VERSION, type AnswerRecord, type AttemptRecord, type CourseProgress } from './types.ts';

/**
 * Upgrades a progress file written by an older version of the tutor, one version at a time.
 * Pure: the store keeps the original beside the file (`progress.json.v<N>.bak`) and saves the result.
 *
 * Version 0 (before the `version` field) was the prototype's format: one course only, timestamps
 * as milliseconds since 1970, single-choice answers only, and quiz scores without the questions:
 *
 *   { "lessons": { "<lesson>": { "seen": ["<section>"], "at": "<section>", "done": true,
 *                                "updated": 1709373600000 } },
 *     "answers": [ { "lesson": "<lesson>", "question": "<question>", "choice": 2, "correct": true,
 *                    "time": 1709373600000 } ],
 *     "scores":  { "<lesson>": [ { "right": 4, "total": 5, "passed": true, "time": 1709373700000 } ] } }
 *
 * Version 1 had no review cards: the step to 2 replays each course's answers, in time order,
 * into cards and notes on each answer its card's state just before it. No answer is changed
 * otherwise, and none is dropped.
 */

export type Upgrade =
  | { kind: 'current'; data: unknown }
  | { kind: 'migrated'; data: unknown; from: number }
  /** Written by a newer tutor: must be left exactly as it is. */
  | { kind: 'newer'; version: number }
  | { kind: 'invalid'; problem: string }
  /** An upgrade that needs the scheduler's replay, which was not given (see parse.ts). */
  | { kind: 'needs-replay'; from: number };

class MigrationProblem extends Error {}

type Json = Record<string, unknown>;

/** Keyed by the version a step upgrades from. */
const STEPS: Record<number, (old: Json, replay: ReplayFn) => Json> = {
  0: fromV0,
  1: fromV1,
};
/** Steps that replay answers into cards, so need the scheduler. */
const REPLAYS_FROM = 1;

export function upgrade(raw: unknown, replay?: ReplayFn): Upgrade {
  if (!isObject(raw))
    return {
      kind: 'invalid',
      problem: `expected an object, found ${Array.isArray(raw) ? 'a list' : JSON.stringify(raw)}`,
    };
  const version = raw['version'] ?? 0;
  if (!Number.isInteger(version) || (version as number) < 0)
    return { kind: 'invalid', problem: `version: expected a whole number, found ${JSON.stringify(version)}` };
  const from = version as number;
  if (from > PROGRESS_VERSION) return { kind: 'newer', version: from };
  if (from === PROGRESS_VERSION) return { kind: 'current', data: raw };
  if (!replay && from <= REPLAYS_FROM) return { kind: 'needs-replay', from };
  let data: Json = raw;
  try {
    for (let v = from; v < PROGRESS_VERSION; v++) data = STEPS[v]!(data, replay!);
  } catch (e) {
    if (e instanceof MigrationProblem)
      return { kind: 'invalid', problem: `${e.message} (in a version ${from} file)` };
    throw e;
  }
  return { kind: 'migrated', data, from };
}

function fromV0(old: Json): Json {
  const course: CourseProgress = { lessons: {}, quizzes: {} };
  let last: CourseProgress['last'];
  const noteLast = (kind: 'lesson' | 'quiz', lesson: string, at: string) => {
    if (!last || at > last.at) last = { kind, lesson, at };
  };

  for (const [id, raw] of entries(old['lessons'], 'lessons')) {
    const l = objectAt(raw, `lessons.${id}`);
    const updatedAt = isoFromMillis(l['updated'], `lessons.${id}.updated`);
    const seen = l['seen'] ?? [];
    if (!Array.isArray(seen) || !seen.every((s) => typeof s === 'string'))
      throw new MigrationProblem(`lessons.${id}.seen: expected a list of section ids`);
    course.lessons[id] = {
      sectionsSeen: [...new Set(seen as string[])],
      ...(typeof l['at'] === 'string' ? { sectionReached: l['at'] } : {}),
      ...(l['done'] === true ? { finishedAt: updatedAt } : {}),
      updatedAt,
    };
    noteLast('lesson', id, updatedAt);
  }

  const answers = old['answers'] ?? [];
  if (!Array.isArray(answers)) throw new MigrationProblem('answers: expected a list');
  answers.forEach((raw, i) => {
    const a = objectAt(raw, `answers[${i}]`);
    const at = isoFromMillis(a['time'], `answers[${i}].time`);
    const lesson = a['lesson'];
    if (typeof lesson !== 'string' || typeof a['question'] !== 'string')
      throw new MigrationProblem(`answers[${i}]: expected "lesson" and "question" ids`);
    if (!Number.isInteger(a['choice']))
      throw new MigrationProblem(`answers[${i}].choice: expected a choice number`);
    const record: AnswerRecord = {
      // Derived from the position, not random: two processes migrating the same file must agree.
      id: `${at}-v0${i.toString(36).padStart(6, '0')}`,
      question: a['question'],
      source: 'quiz',
      response: { type: 'single', choice: a['choice'] as number },
      correct: a['correct'] === true,
      hintUsed: false,
      at,
    };
    (course.quizzes[lesson] ??= { answers: [], attempts: [] }).answers.push(record);
    noteLast('quiz', lesson, at);
  });

  for (const [lesson, raw] of entries(old['scores'], 'scores')) {
    if (!Array.isArray(raw)) throw new MigrationProblem(`scores.${lesson}: expected a list`);
    raw.forEach((s, i) => {
      const where = `scores.${lesson}[${i}]`;
      const score = objectAt(s, where);
      const at = isoFromMillis(score['time'], `${where}.time`);
      const right = score['right'];
      const total = score['total'];
      if (
        !Number.isInteger(right) ||
        !Number.isInteger(total) ||
        (right as number) < 0 ||
        (right as number) > (total as number)
      ) {
        throw new MigrationProblem(`${where}: expected whole numbers "right" and "total"`);
      }
      const attempt: AttemptRecord = {
        id: `${at}-v0s${i.toString(36).padStart(5, '0')}`,
        // Version 0 kept only when an attempt ended.
        startedAt: at,
        finishedAt: at,
        right: right as number,
        total: total as number,
        score: total === 0 ? 0 : (right as number) / (total as number),
        passed: score['passed'] === true,
        questions: [],
        missed: [],
        mode: 'all',
      };
      (course.quizzes[lesson] ??= { answers: [], attempts: [] }).attempts.push(attempt);
    });
  }

  if (last) course.last = last;
  return { version: 1, courses: { [SHIPPED_COURSE_ID]: course } };
}

/**
 * Only the shape needed to replay is looked at here; the result is checked in full against the
 * schema afterwards (parse.ts), so a damaged version 1 file is reported as such, not half-migrated.
 */
function fromV1(old: Json, replay: ReplayFn): Json {
  const courses = isObject(old['courses']) ? old['courses'] : {};
  for (const [key, course] of entries(courses, 'courses')) {
    if (!isObject(course) || !isObject(course['quizzes'])) continue;
    const quizzes = Object.values(course['quizzes']);
    const shaped = quizzes.every(
      (q) =>
        isObject(q) &&
        Array.isArray(q['answers']) &&
        q['answers'].every(
          (a) => isObject(a) && typeof a['at'] === 'string' && typeof a['question'] === 'string',
        ),
    );
    if (!shaped)
      throw new MigrationProblem(`courses.${key}.quizzes: expected answers with "question" and "at"`);
    rebuildCards(course as unknown as CourseProgress, replay, true);
  }
  return { ...old, version: 2 };
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectAt(v: unknown, where: string): Json {
  if (!isObject(v)) throw new MigrationProblem(`${where}: expected an object`);
  return v;
}

function entries(v: unknown, where: string): Array<[string, unknown]> {
  if (v === undefined) return [];
  return Object.entries(objectAt(v, where)).filter(([key]) => key !== '__proto__');
}

function isoFromMillis(v: unknown, where: string): string {
  const date = typeof v === 'number' ? new Date(v) : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw new MigrationProblem(`${where}: expected a time in milliseconds`);
  return date.toISOString();
}
