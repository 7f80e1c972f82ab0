import { describe, expect, it } from 'vitest';
import { replay } from '../../src/quiz/schedule.ts';
import { type StatsAnswer, computeStats } from '../../src/quiz/stats.ts';
import { answer, plus } from './events.ts';

const NOW = '2025-04-30T12:00:00.000Z';

/** Answers with their card state before each, as the wiring will store them. */
function withStates(answers: StatsAnswer[]): StatsAnswer[] {
  const { before } = replay(answers);
  return answers.map((a, i) => ({ ...a, before: before[i] }));
}

describe('stats', () => {
  const answers = withStates([
    // Learned 40 days ago: outside the 30-day window, but counted in accuracy.
    { ...answer('a', 'a1', plus(NOW, -40)), type: 'single' },
    { ...answer('a', 'a2', plus(NOW, -40), { correct: false }), type: 'true-false' },
    // Reviews inside the window: a1 in review (right), a2 in learning (right), a1 again (wrong).
    { ...answer('a', 'a1', plus(NOW, -20)), type: 'single' },
    { ...answer('a', 'a2', plus(NOW, -20)), type: 'true-false' },
    { ...answer('a', 'a1', plus(NOW, -1), { correct: false }), type: 'single' },
    { ...answer('b', 'b1', plus(NOW, -1)), type: 'single' },
    { ...answer('b', 'b1', NOW), type: 'single' },
    // A question since removed from the course.
    { ...answer('b', 'gone', plus(NOW, -1), { correct: false }), type: 'short' },
  ]);
  const { cards } = replay(answers);
  const course = new Map([
    ['a', new Set(['a1', 'a2', 'a3'])],
    ['b', new Set(['b1', 'b2'])],
  ]);
  const stats = computeStats({ answers, cards, now: new Date(NOW), course });

  it('counts accuracy per lesson and per question type, leaving out removed questions', () => {
    expect(stats.accuracy.byLesson).toEqual({
      a: { answers: 5, right: 3, share: 0.6 },
      b: { answers: 2, right: 2, share: 1 },
    });
    expect(stats.accuracy.byType).toEqual({
      single: { answers: 5, right: 4, share: 0.8 },
      'true-false': { answers: 2, right: 1, share: 0.5 },
    });
  });

  it('counts cards by state, questions never answered as new', () => {
    // a1 lapsed yesterday (relearning), a2 and b1 spaced out (review), a3 and b2 never answered.
    expect(stats.cardsByState).toEqual({ new: 2, learning: 0, review: 2, relearning: 1 });
  });

  it('measures true retention over 30 days on answers to cards already in review', () => {
    // In the window, cards in review before the answer: a1 at -20 (right), a1 at -1 (wrong),
    // b1 now (right, learned yesterday). a2 at -20 was still learning; b1 at -1 was new.
    expect(stats.retention).toEqual({ answers: 3, right: 2, share: 2 / 3 });
  });

  it('counts reviews per day over the last 30 days, today last', () => {
    expect(stats.reviewsPerDay).toHaveLength(30);
    expect(stats.reviewsPerDay[0]?.day).toBe('2025-04-01');
    expect(stats.reviewsPerDay.at(-1)).toEqual({ day: '2025-04-30', count: 1 });
    expect(stats.reviewsPerDay.find((d) => d.day === '2025-04-29')).toEqual({ day: '2025-04-29', count: 2 });
    expect(stats.reviewsPerDay.find((d) => d.day === '2025-04-10')).toEqual({ day: '2025-04-10', count: 2 });
    expect(stats.reviewsPerDay.reduce((n, d) => n + d.count, 0)).toBe(5);
  });

  it('forecasts reviews due today and on each of the next seven days', () => {
    const at = (iso: string) => computeStats({ answers, cards, now: new Date(iso), course }).due;
    // a1 relearns 10 minutes after yesterday's slip and a2 fell due on 14 April: both due today.
    // b1, right yesterday and again now, is spaced out by seven days.
    expect(cards['a']?.['a2']?.due).toBe('2025-04-14T12:00:00.000Z');
    expect(cards['b']?.['b1']?.due).toBe('2025-05-07T12:00:00.000Z');
    expect(at(NOW)).toEqual({ today: 2, days: [0, 0, 0, 0, 0, 0, 1], next7Days: 1 });
    // Early on 7 May it is due that day; a week later nothing is left in the forecast.
    expect(at('2025-05-07T00:10:00.000Z')).toEqual({ today: 3, days: [0, 0, 0, 0, 0, 0, 0], next7Days: 0 });
  });

  it('is quick on 100,000 answers from stored cards', () => {
    const many: StatsAnswer[] = [];
    let t = Date.parse('2023-01-01T08:00:00Z');
    for (let i = 0; i < 100_000; i++) {
      t += 11 * 60_000;
      many.push({
        ...answer(`l${i % 20}`, `q${i % 400}`, new Date(t).toISOString()),
        type: 'single',
        before: 'review',
      });
    }
    const stored = replay(many).cards;
    // The best of five runs, so that a busy machine does not fail the test.
    let ms = Infinity;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      const s = computeStats({ answers: many, cards: stored, now: new Date(t) });
      ms = Math.min(ms, performance.now() - start);
      expect(s.accuracy.byType['single']?.answers).toBe(100_000);
      expect(s.reviewsPerDay.reduce((n, d) => n + d.count, 0)).toBeGreaterThan(29 * 130);
    }
    console.log(`stats over 100,000 answers: ${ms.toFixed(0)} ms (best of 5)`);
    expect(ms).toBeLessThan(100);
    // Building the 100,000 answers and their cards takes seconds on a busy machine; the bound is on stats alone.
  }, 30_000);
});
