import { PROGRESS_JSON_SCHEMA, type JsonSchema } from './file-shape.ts';
import type { ProgressData } from './types.ts';

/**
 * Checks a progress file against its declaration (schema.ts), by way of the JSON Schema the build
 * computes from it: every command reads the progress file, and zod would add about half of Node's
 * own start-up to each of them. Only the parts of JSON Schema that z.toJSONSchema writes for
 * schema.ts are understood; fields not declared are left alone. The first problem found is
 * reported with its path, which is all a learner needs to know that the file is damaged (its
 * contents are kept, never deleted).
 */

export type Validation<T> = { ok: true; value: T } | { ok: false; problem: string };

type Path = Array<string | number>;
interface Failure {
  path: Path;
  message: string;
}

export function validateProgress(raw: unknown): Validation<ProgressData> {
  const failure = check(PROGRESS_JSON_SCHEMA, raw);
  if (!failure) return { ok: true, value: raw as ProgressData };
  return { ok: false, problem: `${formatPath(failure.path)}${failure.message}` };
}

function formatPath(path: Path): string {
  if (path.length === 0) return '';
  const text = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return `${text}: `;
}

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : JSON.stringify(v);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const TYPE_WORDS: Record<NonNullable<JsonSchema['type']>, string> = {
  object: 'an object',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

const fail = (message: string): Failure => ({ path: [], message });
const under = (key: string | number, failure: Failure | undefined): Failure | undefined => {
  failure?.path.unshift(key);
  return failure;
};

const patterns = new Map<string, RegExp>();
const regex = (source: string) => {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source)));
  return re;
};

function fitsType(schema: JsonSchema, v: unknown): boolean {
  switch (schema.type) {
    case undefined:
      return true;
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    default:
      return typeof v === schema.type;
  }
}

/** The first place where `value` departs from `schema`, or undefined. */
function check(schema: JsonSchema, value: unknown): Failure | undefined {
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return checkTagged(variants, value);
  if (schema.const !== undefined) {
    return value === schema.const
      ? undefined
      : fail(`expected ${JSON.stringify(schema.const)}, found ${describe(value)}`);
  }
  if (schema.enum) {
    return schema.enum.includes(value)
      ? undefined
      : fail(
          `expected one of ${schema.enum.map((x) => JSON.stringify(x)).join(', ')}, found ${describe(value)}`,
        );
  }
  const expected = () =>
    fail(`expected ${schema.expected ?? TYPE_WORDS[schema.type!]}, found ${describe(value)}`);
  if (!fitsType(schema, value)) return expected();
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) return expected();
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) return expected();
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return expected();
    if (schema.maximum !== undefined && value > schema.maximum) return expected();
  }
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const f = check(schema.items, value[i]);
      if (f) return under(i, f);
    }
  }
  if (isObject(value)) return checkObject(schema, value);
  return undefined;
}

/**
 * What checking an object needs from its schema, worked out once per schema rather than once per
 * object: a file of 100,000 answers checks the same answer schema 100,000 times.
 */
interface ObjectPlan {
  fields: Array<[key: string, schema: JsonSchema, required: boolean]>;
}
const objectPlans = new WeakMap<JsonSchema, ObjectPlan>();
function objectPlan(schema: JsonSchema): ObjectPlan {
  let plan = objectPlans.get(schema);
  if (!plan) {
    const required = new Set(schema.required ?? []);
    plan = { fields: Object.entries(schema.properties ?? {}).map(([k, f]) => [k, f, required.has(k)]) };
    objectPlans.set(schema, plan);
  }
  return plan;
}

function checkObject(schema: JsonSchema, value: Record<string, unknown>): Failure | undefined {
  for (const [key, field, required] of objectPlan(schema).fields) {
    const v = value[key];
    if (v === undefined) {
      if (required) return under(key, fail('is missing'));
      continue;
    }
    const f = check(field, v);
    if (f) return under(key, f);
  }
  // A record keyed by ids: declared by its key names and one shape for every value.
  if (schema.propertyNames && typeof schema.additionalProperties === 'object') {
    for (const key of Object.keys(value)) {
      if (check(schema.propertyNames, key)) return under(key, fail('is not a usable id'));
      const f = check(schema.additionalProperties, value[key]);
      if (f) return under(key, f);
    }
  }
  return undefined;
}

/** The property every variant of a union fixes to a constant (its tag), by union. */
const tags = new WeakMap<JsonSchema[], string | null>();
function tagOf(variants: JsonSchema[]): string | undefined {
  let tag = tags.get(variants);
  if (tag === undefined) {
    tag =
      Object.keys(variants[0]?.properties ?? {}).find((k) =>
        variants.every((v) => v.properties?.[k]?.const !== undefined),
      ) ?? null;
    tags.set(variants, tag);
  }
  return tag ?? undefined;
}

/** A discriminated union: the shape is picked by the property every variant fixes to a constant. */
function checkTagged(variants: JsonSchema[], value: unknown): Failure | undefined {
  if (!isObject(value)) return fail(`expected an object, found ${describe(value)}`);
  const tag = tagOf(variants);
  if (tag === undefined) {
    const passing = variants.find((v) => !check(v, value));
    return passing ? undefined : check(variants[0]!, value);
  }
  const chosen = variants.find((v) => v.properties![tag]!.const === value[tag]);
  if (!chosen) {
    const tags = variants.map((v) => JSON.stringify(v.properties![tag]!.const)).join(', ');
    return under(tag, fail(`expected one of ${tags}, found ${describe(value[tag])}`));
  }
  return check(chosen, value);
}
