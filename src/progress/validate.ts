import { PROGRESS_VERSION, type ProgressData } from './types.ts';

/**
 * The shape of the progress file (types.ts, version 1) as a checker. It is written out here
 * rather than in zod because every command reads the progress file: zod would add about half of
 * Node's own start-up to each of them, and checking 100,000 answers this way takes a few
 * milliseconds. The first problem found is reported with its path, which is all a learner needs
 * to know that the file is damaged (its contents are kept, never deleted).
 */

interface Failure {
  path: Array<string | number>;
  message: string;
}

type Check = (value: unknown) => Failure | undefined;

export type Validation<T> = { ok: true; value: T } | { ok: false; problem: string };

export function validateProgress(raw: unknown): Validation<ProgressData> {
  const failure = progressFile(raw);
  if (!failure) return { ok: true, value: raw as ProgressData };
  return { ok: false, problem: `${formatPath(failure.path)}${failure.message}` };
}

function formatPath(path: Array<string | number>): string {
  if (path.length === 0) return '';
  const text = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return `${text}: `;
}

const fail = (message: string): Failure => ({ path: [], message });

function under(key: string | number, failure: Failure | undefined): Failure | undefined {
  failure?.path.unshift(key);
  return failure;
}

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : JSON.stringify(v);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const string: Check = (v) =>
  typeof v === 'string' ? undefined : fail(`expected text, found ${describe(v)}`);

const id: Check = (v) =>
  typeof v === 'string' && v !== '' ? undefined : fail(`expected an id, found ${describe(v)}`);

const boolean: Check = (v) =>
  typeof v === 'boolean' ? undefined : fail(`expected true or false, found ${describe(v)}`);

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const time: Check = (v) =>
  typeof v === 'string' && ISO_UTC.test(v)
    ? undefined
    : fail(`expected an ISO 8601 UTC time like 2025-01-31T09:30:00.000Z, found ${describe(v)}`);

const count: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 0
    ? undefined
    : fail(`expected a whole number of at least 0, found ${describe(v)}`);

const fraction: Check = (v) =>
  typeof v === 'number' && v >= 0 && v <= 1
    ? undefined
    : fail(`expected a number from 0 to 1, found ${describe(v)}`);

function oneOf(...values: string[]): Check {
  return (v) =>
    typeof v === 'string' && values.includes(v)
      ? undefined
      : fail(`expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}, found ${describe(v)}`);
}

function list(item: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return fail(`expected a list, found ${describe(v)}`);
    for (let i = 0; i < v.length; i++) {
      const f = item(v[i]);
      if (f) return under(i, f);
    }
    return undefined;
  };
}

/** An object keyed by ids. `__proto__` is refused: as a key it would change what merged objects inherit. */
function keyed(value: Check): Check {
  return (v) => {
    if (!isObject(v)) return fail(`expected an object, found ${describe(v)}`);
    for (const key of Object.keys(v)) {
      if (key === '' || key === '__proto__') return under(key, fail('is not a usable id'));
      const f = value(v[key]);
      if (f) return under(key, f);
    }
    return undefined;
  };
}

const OPTIONAL = Symbol('optional');
type Field = Check | { [OPTIONAL]: Check };
const optional = (check: Check): Field => ({ [OPTIONAL]: check });

/** Fields not listed are left alone, so a file carrying extra data still reads. */
function object(fields: Record<string, Field>): Check {
  const entries = Object.entries(fields).map(([key, f]) =>
    typeof f === 'function'
      ? { key, check: f, optional: false }
      : { key, check: f[OPTIONAL], optional: true },
  );
  return (v) => {
    if (!isObject(v)) return fail(`expected an object, found ${describe(v)}`);
    for (const { key, check, optional: opt } of entries) {
      const value = v[key];
      if (value === undefined) {
        if (opt) continue;
        return under(key, fail('is missing'));
      }
      const f = check(value);
      if (f) return under(key, f);
    }
    return undefined;
  };
}

/** Picks the shape by the value of `key` (like zod's discriminatedUnion). */
function tagged(key: string, shapes: Record<string, Check>): Check {
  const tagCheck = oneOf(...Object.keys(shapes));
  return (v) => {
    if (!isObject(v)) return fail(`expected an object, found ${describe(v)}`);
    const bad = tagCheck(v[key]);
    if (bad) return under(key, bad);
    return shapes[v[key] as string]!(v);
  };
}

const indices = list(count);

const response = tagged('type', {
  single: object({ choice: count }),
  multiple: object({ choices: indices }),
  'true-false': object({ value: boolean }),
  short: object({ text: string }),
  order: object({ order: indices }),
});

const answer = object({
  id,
  question: id,
  source: oneOf('quiz', 'check'),
  response,
  correct: boolean,
  hintUsed: boolean,
  at: time,
});

const attempt = object({
  id,
  startedAt: time,
  finishedAt: time,
  right: count,
  total: count,
  score: fraction,
  passed: boolean,
  questions: list(id),
  missed: list(id),
  mode: optional(oneOf('all', 'missed')),
});

const unfinished = object({
  id,
  startedAt: time,
  updatedAt: time,
  questions: list(id),
  display: keyed(indices),
  answers: keyed(object({ response, correct: boolean, hintUsed: boolean, at: time })),
  mode: oneOf('all', 'missed'),
});

const lesson = object({
  sectionsSeen: list(id),
  sectionReached: optional(id),
  finishedAt: optional(time),
  updatedAt: time,
});

const quiz = object({
  answers: list(answer),
  attempts: list(attempt),
  current: optional(unfinished),
});

const course = object({
  lessons: keyed(lesson),
  quizzes: keyed(quiz),
  last: optional(object({ kind: oneOf('lesson', 'quiz'), lesson: id, at: time })),
});

const progressFile = object({
  version: (v) =>
    v === PROGRESS_VERSION ? undefined : fail(`expected ${PROGRESS_VERSION}, found ${describe(v)}`),
  courses: keyed(course),
});
