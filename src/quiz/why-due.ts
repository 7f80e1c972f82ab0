import type { AnswerEvent } from './answer-event.ts';
import type { CardState, ReviewCard } from './card.ts';
import { DAY_MS } from './day.ts';
import { isDue } from './due.ts';
import { FSRS_PARAMETERS, ratingFor, scheduler, toFsrsCard } from './schedule.ts';

/** Answers `review --why` shows, newest first. */
const SHOWN_ANSWERS = 5;
const RATING_NAMES = ['manual', 'again', 'hard', 'good', 'easy'] as const;

/** The facts behind a card's due date, for `review --why` to put in plain words. */
export interface WhyDue {
  lesson: string;
  question: string;
  state: CardState;
  due: string;
  isDue: boolean;
  /** Days from now to `due`: negative when overdue. */
  dueInDays: number;
  /** Days until predicted recall falls to `targetRecall`, as of the last answer. */
  stability: number;
  difficulty: number;
  /** Predicted chance of recalling the answer now, 0..1 (FSRS retrievability). */
  recallNow: number;
  /** The scheduler brings a card back when predicted recall falls to this, 0..1. */
  targetRecall: number;
  reps: number;
  lapses: number;
  /** The latest answers to this question, newest first, with how each was rated. */
  lastAnswers: {
    at: string;
    correct: boolean;
    hintUsed: boolean;
    confidence?: number;
    rating: (typeof RATING_NAMES)[number];
  }[];
}

/** Why `card` is due when it is. `history` (oldest first) may hold every answer; this card's are picked out. */
export function whyDue(
  key: { lesson: string; question: string },
  card: ReviewCard,
  history: readonly AnswerEvent[],
  now: Date,
  utcOffsetMinutes = 0,
): WhyDue {
  const mine: AnswerEvent[] = [];
  for (let i = history.length - 1; i >= 0 && mine.length < SHOWN_ANSWERS; i--) {
    const e = history[i] as AnswerEvent;
    if (e.lesson === key.lesson && e.question === key.question) mine.push(e);
  }
  mine.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return {
    ...key,
    state: card.state,
    due: card.due,
    isDue: isDue(card, now.getTime(), utcOffsetMinutes),
    dueInDays: (Date.parse(card.due) - now.getTime()) / DAY_MS,
    stability: card.stability,
    difficulty: card.difficulty,
    recallNow: scheduler.get_retrievability(toFsrsCard(card), now, false),
    targetRecall: FSRS_PARAMETERS.request_retention,
    reps: card.reps,
    lapses: card.lapses,
    lastAnswers: mine.map((e) => ({
      at: e.at,
      correct: e.correct,
      hintUsed: e.hintUsed,
      ...(e.confidence === undefined ? {} : { confidence: e.confidence }),
      rating: RATING_NAMES[ratingFor(e)],
    })),
  };
}
