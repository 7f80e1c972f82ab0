import type { AnswerEvent } from './answer-event.ts';
import { type CardState, type Cards, keepInCourse, listCards } from './card.ts';
import { dayIndex, dayLabel, dayStart } from './day.ts';
import { isDue } from './due.ts';

/** Days that `stats` looks back for true retention and the reviews-per-day chart. */
export const STATS_WINDOW_DAYS = 30;
/** Days after today in the due forecast. */
export const FORECAST_DAYS = 7;

/** An answer as `stats` needs it: with its question type, and its card's state just before it. */
export interface StatsAnswer extends AnswerEvent {
  /** The question type ("single", "multiple", "true-false", ...), for accuracy per type. */
  type?: string;
  /** From `AnswerOutcome.before` or `Replay.before`; answers without it are left out of retention. */
  before?: CardState;
}

export interface StatsInput {
  /** Every answer, oldest first. */
  answers: readonly StatsAnswer[];
  cards: Cards;
  now: Date;
  /** The learner's time zone, minutes east of UTC (see day.ts). */
  utcOffsetMinutes?: number;
  /**
   * The course's question ids by lesson. When given, removed questions are left out and questions
   * never answered count as new cards.
   */
  course?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface Tally {
  answers: number;
  right: number;
  /** right / answers, 0..1; undefined with no answers. */
  share: number | undefined;
}

export interface Stats {
  /** Share of answers right, all time. */
  accuracy: { byLesson: Record<string, Tally>; byType: Record<string, Tally> };
  cardsByState: Record<CardState, number>;
  due: {
    /** Cards due by the end of today, overdue ones included. */
    today: number;
    /** Cards falling due on each of the next seven days, tomorrow first. */
    days: number[];
    /** Their sum: due in the next seven days after today. */
    next7Days: number;
  };
  /**
   * True retention: among answers to cards that were already in review (learned and spaced out),
   * the share right, over the last 30 days. What FSRS aims to hold at 90%.
   */
  retention: Tally;
  /** Answers per day (each one a review of its card) for the last 30 days, oldest first, today last. */
  reviewsPerDay: { day: string; count: number }[];
}

function count(tallies: Map<string, Tally>, key: string, right: boolean): void {
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = { answers: 0, right: 0, share: undefined }));
  t.answers += 1;
  if (right) t.right += 1;
}

function shares(tallies: Map<string, Tally>): Record<string, Tally> {
  const out: Record<string, Tally> = {};
  for (const [key, t] of tallies)
    out[key] = { ...t, share: t.answers === 0 ? undefined : t.right / t.answers };
  return out;
}

/** The index of the first answer at or after `ms`, answers being oldest first. */
function firstAtOrAfter(answers: readonly StatsAnswer[], ms: number): number {
  let lo = 0;
  let hi = answers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Date.parse((answers[mid] as StatsAnswer).at) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The figures `alignment-tutor stats` shows, from stored cards and one pass over the answers. */
export function computeStats(input: StatsInput): Stats {
  const off = input.utcOffsetMinutes ?? 0;
  const now = input.now.getTime();
  const today = dayIndex(now, off);
  const firstDay = today - (STATS_WINDOW_DAYS - 1);
  const course = input.course;
  const cards = course ? keepInCourse(input.cards, course) : input.cards;

  const byLesson = new Map<string, Tally>();
  const byType = new Map<string, Tally>();
  const kept = (a: StatsAnswer) => !course || course.get(a.lesson)?.has(a.question) === true;
  for (const a of input.answers) {
    if (!kept(a)) continue;
    count(byLesson, a.lesson, a.correct);
    if (a.type !== undefined) count(byType, a.type, a.correct);
  }
  // Only the last 30 days' answers need their time read: found by bisection, as answers are in order.
  const recent = new Map<string, Tally>();
  const perDay = new Array<number>(STATS_WINDOW_DAYS).fill(0);
  for (let i = firstAtOrAfter(input.answers, dayStart(firstDay, off)); i < input.answers.length; i++) {
    const a = input.answers[i] as StatsAnswer;
    const day = dayIndex(Date.parse(a.at), off);
    if (!kept(a) || day > today) continue;
    perDay[day - firstDay] = (perDay[day - firstDay] ?? 0) + 1;
    if (a.before === 'review') count(recent, 'review', a.correct);
  }

  const cardsByState: Record<CardState, number> = { new: 0, learning: 0, review: 0, relearning: 0 };
  const days = new Array<number>(FORECAST_DAYS).fill(0);
  let dueToday = 0;
  const all = listCards(cards);
  for (const { card } of all) {
    cardsByState[card.state] += 1;
    if (isDue(card, dayStart(today + 1, off) - 1, off)) {
      dueToday += 1;
      continue;
    }
    const d = dayIndex(Date.parse(card.due), off) - today - 1;
    if (d >= 0 && d < FORECAST_DAYS) days[d] = (days[d] ?? 0) + 1;
  }
  if (course) {
    let questions = 0;
    for (const ids of course.values()) questions += ids.size;
    cardsByState.new = questions - all.length;
  }

  return {
    accuracy: { byLesson: shares(byLesson), byType: shares(byType) },
    cardsByState,
    due: { today: dueToday, days, next7Days: days.reduce((s, n) => s + n, 0) },
    retention: shares(recent)['review'] ?? { answers: 0, right: 0, share: undefined },
    reviewsPerDay: perDay.map((count, i) => ({ day: dayLabel(firstDay + i), count })),
  };
}
