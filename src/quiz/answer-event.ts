/**
 * One answer as the review scheduler, stats and calibration see it: the few facts they need from
 * an answer record (quiz or section check), so they do not depend on how the progress file stores
 * answers. The wiring builds these from the progress file's records.
 */
export interface AnswerEvent {
  lesson: string;
  question: string;
  correct: boolean;
  /** A hint was shown before answering: a right answer then counts as Hard. */
  hintUsed: boolean;
  /** Stated confidence in percent (50, 70, 90 or 99 when asked), absent when not asked. */
  confidence?: number;
  /** ISO 8601 time of the answer. */
  at: string;
}

/** Confidence at or below this (in percent) makes a right answer Hard: the learner was guessing. */
export const LOW_CONFIDENCE = 50;
/** Confidence at or above this makes a right answer Easy. */
export const HIGH_CONFIDENCE = 99;
