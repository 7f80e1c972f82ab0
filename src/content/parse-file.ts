import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { z } from 'zod';
import type { ContentIssue } from './issues.ts';
import {
  knownKeys,
  lessonSchema,
  QUESTION_TYPES,
  quizSchema,
  questionSchema,
  sectionSchema,
  choiceSchema,
  termSchema,
  referenceSchema,
  type Lesson,
  type QuizInput,
} from './schema.ts';
import { didYouMean } from '../text/suggest.ts';

export const MAX_FILE_BYTES = 1024 * 1024;
/** Anchors and aliases are legitimate YAML, but a handful of them can expand into gigabytes. */
export const MAX_ALIASES = 100;

export type FileKind = 'lesson' | 'quiz';

/** A parsed file that can still answer "where is this value?" for later cross-file checks. */
export interface ParsedFile<T> {
  file: string;
  value: T;
  /** Line and column of the node at a path, or of its nearest existing parent. */
  locate: (path: ReadonlyArray<PropertyKey>) => { line: number; col: number };
}

export type ParseResult<T> =
  { ok: true; parsed: ParsedFile<T>; issues: ContentIssue[] } | { ok: false; issues: ContentIssue[] };

/** Decodes bytes as UTF-8, or reports where the first byte that is not UTF-8 sits. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string } | { issue: ContentIssue } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    const { line, col } = lineCol(loose, Math.max(0, at));
    return {
      issue: {
        file,
        line,
        col,
        severity: 'error',
        message: 'is not valid UTF-8 text; save the file with UTF-8 encoding',
      },
    };
  }
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, col };
}

/** Parses one lesson or quiz file's text into a checked value, or into every problem found in it. */
export function parseContentFile(source: string, file: string, kind: 'lesson'): ParseResult<Lesson>;
export function parseContentFile(source: string, file: string, kind: 'quiz'): ParseResult<QuizInput>;
export function parseContentFile(
  source: string,
  file: string,
  kind: FileKind,
): ParseResult<Lesson | QuizInput> {
  const issues: ContentIssue[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const error = (pos: { line: number; col: number }, message: string) =>
    issues.push({ file, ...pos, severity: 'error', message });

  if (doc.errors.length > 0) {
    for (const e of doc.errors) error(at(e.pos[0]), `YAML syntax: ${firstLine(e.message)}`);
    return { ok: false, issues };
  }
  if (
    doc.contents === null ||
    (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))
  ) {
    error(
      { line: 1, col: 1 },
      `the file is empty; a ${kind} needs ` +
        `${kind === 'lesson' ? 'id, title, order, summary and sections' : 'lesson and questions'}`,
    );
    return { ok: false, issues };
  }
  if (!isMap(doc.contents)) {
    const found = isSeq(doc.contents) ? 'a list' : 'a single value';
    error(
      at(doc.contents.range?.[0] ?? 0),
      `the file must be a mapping of keys (like "${kind === 'lesson' ? 'id' : 'lesson'}: ..."), but it holds ${found}`,
    );
    return { ok: false, issues };
  }

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    error(
      { line: 1, col: 1 },
      `uses too many YAML aliases (more than ${MAX_ALIASES} expansions); write the repeated text out ` +
        'instead of using *aliases',
    );
    return { ok: false, issues };
  }

  const locate = (path: ReadonlyArray<PropertyKey>) => locateNode(doc, path, at);
  const schema = kind === 'lesson' ? lessonSchema : quizSchema;
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const iss of result.error.issues) {
      for (const issue of describeIssue(iss, raw, doc, at, schema))
        error(...controlCharAt(issue, source, nodeAt(doc, iss.path), at));
    }
    return { ok: false, issues };
  }
  return { ok: true, parsed: { file, value: result.data, locate }, issues };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

type At = (offset: number) => { line: number; col: number };

function nodeAt(doc: Document, path: ReadonlyArray<PropertyKey>): YamlNode | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  return node && typeof node === 'object' && 'range' in node ? (node as YamlNode) : undefined;
}

function locateNode(doc: Document, path: ReadonlyArray<PropertyKey>, at: At): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = nodeAt(doc, path.slice(0, n));
    if (node?.range) return at(node.range[0]);
  }
  return { line: 1, col: 1 };
}

/** The position of a key inside a mapping (rather than of its value), for unknown and misplaced keys. */
function locateKey(doc: Document, mapPath: ReadonlyArray<PropertyKey>, key: string, at: At) {
  const map = nodeAt(doc, mapPath);
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range)
        return at(pair.key.range[0]);
    }
  }
  return locateNode(doc, mapPath, at);
}

function valueAt(raw: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur = raw;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/** Which object shape lives at a path, so an unknown key can be matched against the right key list. */
function shapeAt(path: ReadonlyArray<PropertyKey>, raw: unknown): z.ZodType | undefined {
  const names = path.filter((p) => typeof p === 'string');
  const last = names[names.length - 1];
  const parentIsQuestion = (p: ReadonlyArray<PropertyKey>) => {
    const v = valueAt(raw, p) as { type?: unknown } | undefined;
    const type = v?.type;
    return questionSchema.options.find((o) => o.shape.type.value === type);
  };
  if (path.length === 0) return undefined;
  switch (last) {
    case 'sections':
      return sectionSchema;
    case 'terms':
      return termSchema;
    case 'references':
      return referenceSchema;
    case 'choices':
      return choiceSchema;
    case 'questions':
      return parentIsQuestion(path);
    case 'check':
      return parentIsQuestion(path);
    default:
      return undefined;
  }
}

function describeValue(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `text "${v.length > 30 ? `${v.slice(0, 30)}...` : v}"`;
  return `${typeof v} ${String(v)}`;
}

function keyName(path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = [];
  for (const p of path)
    parts.push(typeof p === 'number' ? `[${p}]` : `${parts.length ? '.' : ''}${String(p)}`);
  return parts.join('');
}

interface Described {
  pos: { line: number; col: number };
  message: string;
}

/**
 * A control character written as itself (in a `|` block, say) is reported where it stands, so an
 * editor jumps to it; one written as an escape (`"\\u001b"`) is only in the parsed text, so the
 * issue stays at the value with the line within it.
 */
function controlCharAt(
  issue: Described,
  source: string,
  node: YamlNode | undefined,
  at: At,
): [{ line: number; col: number }, string] {
  const m = /control character U\+([0-9A-F]{4}) \(line \d+ of this text\)/.exec(issue.message);
  if (!m || !node?.range) return [issue.pos, issue.message];
  const char = String.fromCodePoint(parseInt(m[1]!, 16));
  const offset = source.indexOf(char, node.range[0]);
  if (offset < 0 || offset >= node.range[1]) return [issue.pos, issue.message];
  return [at(offset), issue.message.replace(/ \(line \d+ of this text\)/, '')];
}

function describeIssue(
  iss: z.core.$ZodIssue,
  raw: unknown,
  doc: Document,
  at: At,
  rootSchema: z.ZodType,
): Described[] {
  const path = iss.path;
  const where = keyName(path);
  const value = valueAt(raw, path);
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];

  if (iss.code === 'unrecognized_keys') {
    const rootShape = path.length === 0 ? rootSchema : shapeAt(path, raw);
    const known = rootShape ? knownKeys(rootShape) : [];
    return iss.keys.map((k) => ({
      pos: locateKey(doc, path, k, at),
      message:
        `unknown key "${k}"${where ? ` in ${where}` : ''}${didYouMean(k, known)}; ` +
        `${known.length ? `allowed keys: ${known.filter((n) => n !== '$schema').join(', ')}` : 'remove it'}`,
    }));
  }
  if (iss.code === 'invalid_union' && 'discriminator' in iss && iss.discriminator === 'type') {
    const got = value;
    const message =
      got === undefined
        ? `${keyName(parentPath) || 'question'} is missing "type"; use one of: ${QUESTION_TYPES.join(', ')}`
        : `unknown question type ${JSON.stringify(got)}${didYouMean(String(got), QUESTION_TYPES)}; ` +
          `use one of: ${QUESTION_TYPES.join(', ')}`;
    return [
      { pos: got === undefined ? locateNode(doc, parentPath, at) : locateNode(doc, path, at), message },
    ];
  }
  if (iss.code === 'invalid_type' && value === undefined && typeof key === 'string') {
    return [
      {
        pos: locateNode(doc, parentPath, at),
        message: `missing required key "${key}"${parentPath.length ? ` in ${keyName(parentPath)}` : ''}`,
      },
    ];
  }
  if (iss.code === 'invalid_type') {
    const expected =
      iss.expected === 'array'
        ? 'a list'
        : iss.expected === 'object'
          ? 'a mapping'
          : iss.expected === 'int'
            ? 'a whole number'
            : iss.expected;
    const custom = iss.message.startsWith('Invalid input') ? '' : `${iss.message}; `;
    return [
      {
        pos: locateNode(doc, path, at),
        message: `${where}: ${custom}expected ${expected}, found ${describeValue(value)}`,
      },
    ];
  }
  if (iss.code === 'invalid_value' && 'values' in iss) {
    const allowed = iss.values.map((v) => JSON.stringify(v));
    return [
      {
        pos: locateNode(doc, path, at),
        message:
          `${where}: must be ${allowed.join(' or ')}, found ` +
          `${describeValue(value)}${didYouMean(String(value), iss.values.map(String))}`,
      },
    ];
  }
  const message = iss.message.replace(/^Invalid input: /, '');
  const lastKey = typeof key === 'string' ? key : '';
  const prefixed = where && !(lastKey && message.startsWith(`${lastKey} `));
  return [{ pos: locateNode(doc, path, at), message: prefixed ? `${where}: ${message}` : message }];
}
