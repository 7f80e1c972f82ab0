import type { Response } from '../quiz/response.ts';

/**
 * The progress file, version 1. Everything is keyed by stable ids (course, lesson, section,
 * question), never by position, so reordering or extending a course never resets a learner.
 * Timestamps are ISO 8601 in UTC. `validate.ts` checks a file against this shape, `migrate.ts`
 * upgrades older versions to it, and README.md documents it for people and scripts.
 *
 * What the review scheduler needs per question is derived from the answer history (question id,
 * right or wrong, when), not stored beside it: derived state cannot disagree with the history,
 * and two copies of the history merge without conflicts.
 */
export const PROGRESS_VERSION = 1;

export interface ProgressData {
  version: typeof PROGRESS_VERSION;
  /** Keyed by course id: the shipped course is "alignment-tutor"; a `--content` course has its own id. */
  courses: Record<string, CourseProgress>;
}

export interface CourseProgress {
  lessons: Record<string, LessonProgress>;
  /** Keyed by lesson id. */
  quizzes: Record<string, QuizProgress>;
  /** The last thing the learner did, for "Continue" on the home screen. */
  last?: { kind: 'lesson' | 'quiz'; lesson: string; at: string };
}

export interface LessonProgress {
  /** Section ids the learner has opened: a set, appended to as they are first seen (a merge sorts it). */
  sectionsSeen: string[];
  /** The section to reopen on resume. */
  sectionReached?: string;
  /** When the learner reached the end of the lesson. */
  finishedAt?: string;
  updatedAt: string;
}

/** One answer to a quiz question or to a section's inline check. Never removed except by `reset`. */
export interface AnswerRecord {
  /** Unique across all files (time + random), so merging two copies never doubles or drops one. */
  id: string;
  question: string;
  source: 'quiz' | 'check';
  response: Response;
  correct: boolean;
  hintUsed: boolean;
  at: string;
}

/** A finished quiz attempt. */
export interface AttemptRecord {
  id: string;
  startedAt: string;
  finishedAt: string;
  right: number;
  total: number;
  /** right / total, 0..1. */
  score: number;
  passed: boolean;
  /** Question ids asked, in the order asked. */
  questions: string[];
  /** Question ids answered wrongly. */
  missed: string[];
  /** 'missed' for a retry of only the questions missed before: it does not count towards best and latest. */
  mode?: 'all' | 'missed';
}

/** A quiz left before its last question: enough to resume with the same order and answers. */
export interface UnfinishedQuiz {
  id: string;
  startedAt: string;
  updatedAt: string;
  /** Question ids in the order they are asked. */
  questions: string[];
  /** Per question id, the displayed order of its choices or items (indices into the file order). */
  display: Record<string, number[]>;
  /** Answers given so far in this attempt, keyed by question id. */
  answers: Record<string, { response: Response; correct: boolean; hintUsed: boolean; at: string }>;
  /** 'missed' when retrying only the questions missed last time. */
  mode: 'all' | 'missed';
}

export interface QuizProgress {
  /**
   * Append-only: records are pushed, never edited or removed in place (only `reset` drops the
   * whole quiz). The store relies on this to serialise only what was added since the last save.
   */
  answers: AnswerRecord[];
  /** Append-only, like `answers`. */
  attempts: AttemptRecord[];
  /**
   * The attempt in progress. One that is older than an attempt finished since (any attempt whose
   * `finishedAt` is at or after its `updatedAt`) is stale, and a merge drops it.
   */
  current?: UnfinishedQuiz;
}

export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, courses: {} };
}

export function emptyCourse(): CourseProgress {
  return { lessons: {}, quizzes: {} };
}
