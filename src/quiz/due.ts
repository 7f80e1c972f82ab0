import { type Cards, type KeyedCard, type ReviewCard, listCards } from './card.ts';
import { dayIndex, dayLabel, dayStart } from './day.ts';

/** Cards asked per day at most, unless the learner sets `--max`: a long break never means hundreds at once. */
export const DEFAULT_DAILY_MAX = 50;

export interface DueOptions {
  /** Only this lesson's cards. */
  lesson?: string;
  /** At most this many in this sitting (the daily cap still applies). */
  limit?: number;
  /** At most this many per day; the rest wait for the following days. */
  max?: number;
  /** Review answers already given today, which count against `max`. */
  reviewedToday?: number;
  /** The learner's time zone, minutes east of UTC (see day.ts). */
  utcOffsetMinutes?: number;
}

/**
 * Whether a card is due at `now`. A card spaced out in days is due all of the day it falls on, so
 * a learner reviewing in the morning is not sent away until the afternoon; a card on a 10-minute
 * (re)learning step is due at its minute, so it is not asked again straight after a wrong answer.
 */
export function isDue(card: ReviewCard, now: number, utcOffsetMinutes = 0): boolean {
  const due = Date.parse(card.due);
  if (card.state !== 'review') return due <= now;
  return due < dayStart(dayIndex(now, utcOffsetMinutes) + 1, utcOffsetMinutes);
}

/** Every card due at `now`, most overdue first (earliest due; ties in key order). */
export function allDue(cards: Cards, now: Date, options: DueOptions = {}): KeyedCard[] {
  const at = now.getTime();
  return listCards(cards, options.lesson)
    .filter((k) => isDue(k.card, at, options.utcOffsetMinutes))
    .sort(byOverdue);
}

function byOverdue(a: KeyedCard, b: KeyedCard): number {
  return Date.parse(a.card.due) - Date.parse(b.card.due);
}

/**
 * The cards to ask now: the most overdue ones, at most `max` a day (less those already reviewed
 * today) and at most `limit`, then interleaved so that two cards of one lesson do not follow each
 * other while another lesson has cards left (mixing topics helps them stick).
 */
export function dueCards(cards: Cards, now: Date, options: DueOptions = {}): KeyedCard[] {
  const room = Math.max(0, (options.max ?? DEFAULT_DAILY_MAX) - (options.reviewedToday ?? 0));
  const take = Math.min(room, options.limit ?? Infinity);
  return interleave(allDue(cards, now, options).slice(0, take));
}

/**
 * Reorders a most-overdue-first list so that consecutive cards come from different lessons where
 * possible: each pick is the most overdue card not from the lesson just asked.
 */
export function interleave(sorted: readonly KeyedCard[]): KeyedCard[] {
  const queues = new Map<string, KeyedCard[]>();
  for (const k of sorted) {
    const q = queues.get(k.lesson);
    if (q) q.push(k);
    else queues.set(k.lesson, [k]);
  }
  const out: KeyedCard[] = [];
  let previous: string | undefined;
  // Queues are never empty (an emptied one is deleted), and the first of each is its most overdue.
  while (queues.size > 0) {
    let pick: KeyedCard[] = [];
    for (const [lesson, q] of queues) {
      if (lesson === previous && queues.size > 1) continue;
      if (pick.length === 0 || byOverdue(q[0] as KeyedCard, pick[0] as KeyedCard) < 0) pick = q;
    }
    const next = pick.shift() as KeyedCard;
    if (pick.length === 0) queues.delete(next.lesson);
    out.push(next);
    previous = next.lesson;
  }
  return out;
}

/** One day of the review plan. */
export interface PlannedDay {
  /** YYYY-MM-DD in the learner's zone. */
  day: string;
  /** The cards asked that day, in the order asked. */
  asked: KeyedCard[];
  /** Cards due by the end of that day that the cap leaves for later days. */
  waiting: number;
}

/**
 * What review will ask on each of the next `days` days if the learner reviews every day and
 * nothing is rescheduled: each day the most overdue cards due by then, at most `max` (today less
 * `reviewedToday`), the rest carried to the next day. Day 0 is exactly what `dueCards` asks now.
 */
export function planReviews(cards: Cards, now: Date, days: number, options: DueOptions = {}): PlannedDay[] {
  const off = options.utcOffsetMinutes ?? 0;
  const max = options.max ?? DEFAULT_DAILY_MAX;
  const today = dayIndex(now.getTime(), off);
  const pending = listCards(cards, options.lesson).sort(byOverdue);
  const plan: PlannedDay[] = [];
  const asked = new Set<KeyedCard>();
  for (let d = 0; d < days; d++) {
    // Each later day is looked at from its first moment, as a learner opening the tutor that morning.
    const at = d === 0 ? now.getTime() : dayStart(today + d, off);
    const due = pending.filter((k) => !asked.has(k) && isDue(k.card, at, off));
    const room = Math.max(0, max - (d === 0 ? (options.reviewedToday ?? 0) : 0));
    const todays = due.slice(0, room);
    for (const k of todays) asked.add(k);
    plan.push({ day: dayLabel(today + d), asked: interleave(todays), waiting: due.length - todays.length });
  }
  return plan;
}

/** The earliest due time after `now` (ISO 8601), for "All caught up; next review …", or undefined. */
export function nextDue(cards: Cards, now: Date, utcOffsetMinutes = 0): string | undefined {
  let best: number | undefined;
  for (const { card } of listCards(cards)) {
    if (isDue(card, now.getTime(), utcOffsetMinutes)) continue;
    const due = Date.parse(card.due);
    if (best === undefined || due < best) best = due;
  }
  return best === undefined ? undefined : new Date(best).toISOString();
}
