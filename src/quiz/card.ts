/**
 * A review card: what the FSRS scheduler knows about one question for one learner. Cards are
 * keyed by lesson id, then question id (never by position), so editing or reordering a course
 * never resets them. Plain JSON with ISO 8601 times, since cards live in the progress file;
 * `schedule.ts` computes them and nothing else writes them.
 */
export interface ReviewCard {
  /** When the card is next due (ISO 8601, UTC). */
  due: string;
  /** FSRS stability: days until predicted recall falls to 90%. */
  stability: number;
  /** FSRS difficulty, 1 (easy) to 10 (hard). */
  difficulty: number;
  state: CardState;
  /** Which (re)learning step the card is on, as ts-fsrs counts them. */
  step: number;
  /** Days from the last answer to `due` (0 while on a learning step). */
  scheduledDays: number;
  /** Answers that rescheduled this card. */
  reps: number;
  /** Times the card was forgotten after it had been learned (wrong while in review). */
  lapses: number;
  /** The last answer (ISO 8601, UTC). */
  lastReview: string;
}

/**
 * FSRS's four states. `new` is a question never answered (it has no card yet); `learning` a card
 * whose answers so far were wrong or needed help; `review` one learned and spaced out in days;
 * `relearning` one forgotten after it had been learned.
 */
export type CardState = 'new' | 'learning' | 'review' | 'relearning';

/** Cards by lesson id, then question id. */
export type Cards = Record<string, Record<string, ReviewCard>>;

/** A card with its key, as lists of cards hand them around. */
export interface KeyedCard {
  lesson: string;
  question: string;
  card: ReviewCard;
}

/** Every card, lessons and questions in key order so that lists built from it are deterministic. */
export function listCards(cards: Cards, lesson?: string): KeyedCard[] {
  const out: KeyedCard[] = [];
  const lessons = lesson === undefined ? Object.keys(cards).sort() : [lesson];
  for (const l of lessons) {
    const byQuestion = cards[l];
    if (!byQuestion) continue;
    for (const question of Object.keys(byQuestion).sort()) {
      const card = byQuestion[question];
      if (card) out.push({ lesson: l, question, card });
    }
  }
  return out;
}

/**
 * The cards whose question is still in the course. A question removed from the course (or a
 * lesson) leaves review quietly: its answers stay in the history, only its card is not asked.
 * `course` maps each lesson id to its question ids (quiz and section checks).
 */
export function keepInCourse(cards: Cards, course: ReadonlyMap<string, ReadonlySet<string>>): Cards {
  const out: Cards = {};
  for (const [lesson, byQuestion] of Object.entries(cards)) {
    const ids = course.get(lesson);
    if (!ids) continue;
    const kept = Object.entries(byQuestion).filter(([question]) => ids.has(question));
    if (kept.length > 0) out[lesson] = Object.fromEntries(kept);
  }
  return out;
}
