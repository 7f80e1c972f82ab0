/**
 * The learner's calendar day, for "due today", the daily review cap and reviews per day. A day is
 * counted in the learner's time zone, given as minutes east of UTC (the entry passes
 * `-new Date().getTimezoneOffset()`; tests pass 0), so nothing below the entry reads the zone.
 */
export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Days since 1970-01-01 in the learner's zone. */
export function dayIndex(ms: number, utcOffsetMinutes = 0): number {
  return Math.floor((ms + utcOffsetMinutes * MINUTE_MS) / DAY_MS);
}

/** The instant (ms) the given day starts in the learner's zone. */
export function dayStart(index: number, utcOffsetMinutes = 0): number {
  return index * DAY_MS - utcOffsetMinutes * MINUTE_MS;
}

/** The day as YYYY-MM-DD. */
export function dayLabel(index: number): string {
  return new Date(index * DAY_MS).toISOString().slice(0, 10);
}
