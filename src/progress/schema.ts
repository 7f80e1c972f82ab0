import { z } from 'zod';
import { fields } from '../content/fields.ts';
import { buildResponseSchema } from '../quiz/kinds/registry.ts';
import { PROGRESS_VERSION } from './types.ts';

/**
 * The progress file, version 2, declared once: the types (types.ts) are inferred from it, and the
 * check made on every read (validate.ts) follows its JSON Schema, which the build computes from
 * it so that no command loads zod just to read progress. `expected` is what a message says the
 * value should have been ("expected an id, found ..."). Fields not declared are kept and ignored,
 * so a file from a newer minor version, or carrying someone's extra data, still reads.
 *
 * Everything is keyed by stable ids (course, lesson, section, question), never by position, so
 * reordering or extending a course never resets a learner. Timestamps are ISO 8601 in UTC.
 * Version 2 adds review cards (what the scheduler knows per question), the card state before each
 * answer and stated confidence. Cards are a cache of the answer history: replaying the answers in
 * time order (quiz/schedule.ts) gives them again, which is how a migration creates them and how a
 * merge of two copies rebuilds them, so they never disagree with the history for long.
 */

const id = z.string().min(1).meta({ expected: 'an id' });
const time = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/)
  .meta({ expected: 'an ISO 8601 UTC time like 2025-01-31T09:30:00.000Z' });
const count = z.int().min(0).meta({ expected: 'a whole number of at least 0' });
const flag = z.boolean().meta({ expected: 'true or false' });
const responseSchema = buildResponseSchema(fields);
/** An object keyed by ids. `__proto__` is refused: as a key it would change what merged objects inherit. */
const keyed = <T extends z.ZodType>(value: T) => z.record(z.string().regex(/^(?!__proto__$)[\s\S]+$/), value);

const lessonSchema = z.object({
  /** Section ids the learner has opened: a set, appended to as they are first seen (a merge sorts it). */
  sectionsSeen: z.array(id),
  /** The section to reopen on resume. */
  sectionReached: id.optional(),
  /** When the learner reached the end of the lesson. */
  finishedAt: time.optional(),
  updatedAt: time,
});

const cardState = z.enum(['new', 'learning', 'review', 'relearning']);
const nonNegative = z.number().min(0).meta({ expected: 'a number of at least 0' });

/** One answer to a quiz question, a section's inline check or a review. Never removed except by `reset`. */
const answerSchema = z.object({
  /** Unique across all files (time + random), so merging two copies never doubles or drops one. */
  id,
  question: id,
  source: z.enum(['quiz', 'check', 'review']),
  response: responseSchema,
  correct: flag,
  hintUsed: flag,
  at: time,
  /** The question's review card state just before this answer, for true retention in `stats`. */
  before: cardState.optional(),
  /** "How sure were you?" in percent, when it was asked (`--confidence`). */
  confidence: z.int().min(1).max(100).meta({ expected: 'a whole number from 1 to 100' }).optional(),
});

/** A review card (quiz/card.ts): when the question is next due, and FSRS's memory of it. */
const cardSchema = z.object({
  due: time,
  stability: nonNegative,
  difficulty: nonNegative,
  state: cardState,
  step: count,
  scheduledDays: count,
  reps: count,
  lapses: count,
  lastReview: time,
});

const mode = z.enum(['all', 'missed']);

/** A finished quiz attempt. */
const attemptSchema = z.object({
  id,
  startedAt: time,
  finishedAt: time,
  right: count,
  total: count,
  /** right / total, 0..1. */
  score: z.number().min(0).max(1).meta({ expected: 'a number from 0 to 1' }),
  passed: flag,
  /** Question ids asked, in the order asked. */
  questions: z.array(id),
  /** Question ids answered wrongly. */
  missed: z.array(id),
  /** 'missed' for a retry of only the questions missed before: it does not count towards best and latest. */
  mode: mode.optional(),
});

/** A quiz left before its last question: enough to resume with the same order and answers. */
const unfinishedSchema = z.object({
  id,
  startedAt: time,
  updatedAt: time,
  /** Question ids in the order they are asked. */
  questions: z.array(id),
  /** Per question id, the displayed order of its choices or items (indices into the file order). */
  display: keyed(z.array(count)),
  /** Answers given so far in this attempt, keyed by question id. */
  answers: keyed(z.object({ response: responseSchema, correct: flag, hintUsed: flag, at: time })),
  /** 'missed' when retrying only the questions missed last time. */
  mode,
});

const quizSchema = z.object({
  /**
   * Append-only: records are pushed, never edited or removed in place (only `reset` drops the
   * whole quiz). The store relies on this to serialise only what was added since the last save.
   */
  answers: z.array(answerSchema),
  /** Append-only, like `answers`. */
  attempts: z.array(attemptSchema),
  /**
   * The attempt in progress. One that is older than an attempt finished since (any attempt whose
   * `finishedAt` is at or after its `updatedAt`) is stale, and a merge drops it.
   */
  current: unfinishedSchema.optional(),
});

const courseSchema = z.object({
  lessons: keyed(lessonSchema),
  /** Keyed by lesson id. */
  quizzes: keyed(quizSchema),
  /** The last thing the learner did, for "Continue" on the home screen. */
  last: z.object({ kind: z.enum(['lesson', 'quiz']), lesson: id, at: time }).optional(),
  /** Review cards by lesson id, then question id; rebuilt from `answers` by replay when in doubt. */
  cards: keyed(keyed(cardSchema)).optional(),
});

/** The learner's choices (`alignment-tutor config`), for every course. */
const settingsSchema = z.object({
  /** Ask "How sure were you?" after each quiz and review answer. */
  confidence: flag.optional(),
  /** When a setting was last changed: of two copies, the later one's settings win in a merge. */
  updatedAt: time,
});

export const progressFileSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  /** Keyed by course id: the shipped course is "alignment-tutor"; a `--content` course has its own id. */
  courses: keyed(courseSchema),
  settings: settingsSchema.optional(),
});

export type ProgressData = z.infer<typeof progressFileSchema>;
export type CourseProgress = z.infer<typeof courseSchema>;
export type LessonProgress = z.infer<typeof lessonSchema>;
export type AnswerRecord = z.infer<typeof answerSchema>;
export type AttemptRecord = z.infer<typeof attemptSchema>;
export type UnfinishedQuiz = z.infer<typeof unfinishedSchema>;
export type QuizProgress = z.infer<typeof quizSchema>;
export type Settings = z.infer<typeof settingsSchema>;
