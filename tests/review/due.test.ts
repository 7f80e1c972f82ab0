import { describe, expect, it } from 'vitest';
import type { AnswerEvent } from '../../src/quiz/answer-event.ts';
import { allDue, dueCards, isDue, nextDue, planReviews } from '../../src/quiz/due.ts';
import { replay } from '../../src/quiz/schedule.ts';
import { answer, plus } from './events.ts';

const T0 = '2025-03-01T09:00:00.000Z';
const keys = (list: { lesson: string; question: string }[]) => list.map((k) => `${k.lesson}/${k.question}`);

describe('which cards are due', () => {
  it('a card answered wrong is due within the hour, one answered right only days later', () => {
    const { cards } = replay([answer('l', 'wrong', T0, { correct: false }), answer('l', 'right', T0)]);
    expect(keys(allDue(cards, new Date(plus(T0, 5 / 1440))))).toEqual([]);
    expect(keys(allDue(cards, new Date(plus(T0, 11 / 1440))))).toEqual(['l/wrong']);
    expect(keys(allDue(cards, new Date(plus(T0, 1))))).toEqual(['l/wrong']);
    expect(keys(allDue(cards, new Date(plus(T0, 2))))).toEqual(['l/wrong', 'l/right']);
  });

  it('a card spaced in days is due from the start of its day, in the learner’s zone', () => {
    const { cards } = replay([answer('l', 'q', T0)]); // due 2025-03-03T09:00Z
    const card = cards['l']?.['q'];
    if (!card) throw new Error('no card');
    const early = Date.parse('2025-03-03T00:30:00Z');
    expect(isDue(card, early)).toBe(true);
    expect(isDue(card, Date.parse('2025-03-02T23:30:00Z'))).toBe(false);
    // At UTC+2, 23:30Z on the 2nd is already 01:30 on the 3rd. At UTC-10 the card falls due at
    // 23:00 on the 2nd, so it is due from 00:00 local on the 2nd (10:00Z), not in UTC.
    expect(isDue(card, Date.parse('2025-03-02T23:30:00Z'), 120)).toBe(true);
    expect(isDue(card, Date.parse('2025-03-02T10:30:00Z'), -600)).toBe(true);
    expect(isDue(card, Date.parse('2025-03-02T10:30:00Z'))).toBe(false);
    expect(isDue(card, Date.parse('2025-03-02T09:30:00Z'), -600)).toBe(false);
  });

  it('asks the most overdue first, interleaving lessons', () => {
    const { cards } = replay([
      answer('a', 'a1', T0),
      answer('a', 'a2', plus(T0, 0.1)),
      answer('a', 'a3', plus(T0, 0.2)),
      answer('b', 'b1', plus(T0, 3)),
      answer('c', 'c1', plus(T0, 4)),
    ]);
    const now = new Date(plus(T0, 30));
    expect(keys(allDue(cards, now))).toEqual(['a/a1', 'a/a2', 'a/a3', 'b/b1', 'c/c1']);
    expect(keys(dueCards(cards, now))).toEqual(['a/a1', 'b/b1', 'a/a2', 'c/c1', 'a/a3']);
    expect(keys(dueCards(cards, now, { lesson: 'a', limit: 2 }))).toEqual(['a/a1', 'a/a2']);
    expect(keys(dueCards(cards, now, { max: 3, reviewedToday: 1 }))).toEqual(['a/a1', 'a/a2']);
    expect(dueCards(cards, now, { max: 3, reviewedToday: 3 })).toEqual([]);
    expect(dueCards(cards, now, { lesson: 'no-such-lesson' })).toEqual([]);
  });

  it('says when the next card is due when none is', () => {
    const { cards } = replay([answer('l', 'q', T0), answer('l', 'r', plus(T0, 1), { confidence: 99 })]);
    expect(nextDue(cards, new Date(plus(T0, 1)))).toBe(plus(T0, 2));
    expect(nextDue({}, new Date(T0))).toBeUndefined();
  });
});

describe('the daily cap after a long break', () => {
  // 300 questions learned on one day and not reviewed for two months.
  const history: AnswerEvent[] = [];
  for (let i = 0; i < 300; i++)
    history.push(answer(`lesson-${i % 6}`, `q${String(i).padStart(3, '0')}`, plus(T0, i / 1440)));
  const { cards } = replay(history);
  const now = new Date(plus(T0, 60));

  it('asks at most 50 a day and spreads the rest over the following days', () => {
    const plan = planReviews(cards, now, 8);
    expect(plan.map((d) => d.asked.length)).toEqual([50, 50, 50, 50, 50, 50, 0, 0]);
    expect(plan.map((d) => d.waiting)).toEqual([250, 200, 150, 100, 50, 0, 0, 0]);
    expect(plan.map((d) => d.day)).toEqual([
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-05-03',
      '2025-05-04',
      '2025-05-05',
      '2025-05-06',
      '2025-05-07',
    ]);
    const asked = plan.flatMap((d) => keys(d.asked));
    expect(new Set(asked).size).toBe(300);
    // The longest-waiting first: day one has the first 50 learned.
    expect(new Set(keys(plan[0]?.asked ?? []))).toEqual(new Set(keys(allDue(cards, now).slice(0, 50))));
  });

  it('today’s plan is what review asks, and `--max` changes the spread', () => {
    expect(planReviews(cards, now, 1)[0]?.asked).toEqual(dueCards(cards, now));
    expect(planReviews(cards, now, 4, { max: 100, reviewedToday: 40 }).map((d) => d.asked.length)).toEqual([
      60, 100, 100, 40,
    ]);
  });
});
