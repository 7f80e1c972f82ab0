import type { z } from 'zod';
import type { Fields } from '../../content/fields.ts';
import type { FeedbackStyle, Hint, AskWithKeys, QuestionKind } from './kind.ts';
import { multiple } from './multiple.ts';
import { order } from './order.ts';
import { short } from './short.ts';
import { single } from './single.ts';
import { trueFalse } from './true-false.ts';

/**
 * Every kind of question, in the order the format documents them. Adding a kind is a module in
 * this folder and a line here; the schema, the progress file, grading, both ways of asking and
 * the feedback all follow from this list.
 */
export const QUESTION_KINDS = [single, multiple, trueFalse, short, order] as const;

type AnyKind = (typeof QUESTION_KINDS)[number];
type NonEmpty<T> = [T, ...T[]];

export const QUESTION_TYPES = QUESTION_KINDS.map((k) => k.type) as NonEmpty<AnyKind['type']>;

/**
 * The kinds build their schemas from the format's building blocks when asked, so that grading and
 * asking a question never load the schema library: only reading a file or the progress file does.
 */
export function buildQuestionSchema(f: Fields) {
  return f.z.discriminatedUnion(
    'type',
    QUESTION_KINDS.map((k) => k.schema(f)) as NonEmpty<ReturnType<AnyKind['schema']>>,
  );
}

/**
 * What a learner answered, independent of how it was shown: choice and item numbers are indices
 * into the question as written in the file, so a shuffled display never changes what is stored.
 */
export function buildResponseSchema(f: Fields) {
  return f.z.discriminatedUnion(
    'type',
    QUESTION_KINDS.map((k) => k.response(f)) as NonEmpty<ReturnType<AnyKind['response']>>,
  );
}

export type Question = z.infer<ReturnType<typeof buildQuestionSchema>>;
export type QuestionType = Question['type'];
export type Response = z.infer<ReturnType<typeof buildResponseSchema>>;
export type Grade = ReturnType<AnyKind['grade']>;

/** Each type names exactly one kind: the compiler checks the list against the types. */
type ByType = { [T in QuestionType]: Extract<AnyKind, { type: T }> };
const BY_TYPE = Object.fromEntries(QUESTION_KINDS.map((k) => [k.type, k])) as ByType;

/**
 * A kind seen through one question type at a time. The kinds' own signatures are precise; this
 * view is what lets a question and its response, already checked to match, reach them.
 */
interface KindOf {
  readonly type: QuestionType;
  readonly fixedLabels?: readonly string[];
  readonly shuffle: 'always' | 'by-default';
  options(q: Question): readonly string[];
  grade(q: Question, r: Response): Grade;
  plain: {
    instruction?: string;
    prompt(count: number): string;
    parse(q: Question, raw: string, display: readonly number[]): Response | { error: string };
  };
  ask(q: Question, with_: AskWithKeys): Promise<Response | Hint>;
  feedback(q: Question, r: Response, g: Grade, style: FeedbackStyle): string[];
}

export function kindOf(type: QuestionType): KindOf {
  const kind: QuestionKind<z.ZodObject, z.ZodObject, Grade> | undefined = BY_TYPE[type] as never;
  if (!kind) throw new Error(`no question kind "${String(type)}" is registered`);
  return kind as unknown as KindOf;
}
