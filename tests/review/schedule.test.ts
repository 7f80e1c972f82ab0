import fc from 'fast-check';
import { Rating, createEmptyCard, fsrs } from 'ts-fsrs';
import { describe, expect, it, vi } from 'vitest';
import type { AnswerEvent } from '../../src/quiz/answer-event.ts';
import { keepInCourse, type ReviewCard } from '../../src/quiz/card.ts';
import { FSRS_PARAMETERS, applyAnswer, ratingFor, replay, toFsrsCard } from '../../src/quiz/schedule.ts';
import { answer, plus } from './events.ts';

const T0 = '2025-03-01T09:00:00.000Z';

function after(events: AnswerEvent[]): ReviewCard {
  let card: ReviewCard | undefined;
  for (const e of events) card = applyAnswer(card, e).card;
  if (!card) throw new Error('no events');
  return card;
}

describe('rating an answer', () => {
  it('wrong is Again, a hint or a guess is Hard, right and sure is Easy, else Good', () => {
    const r = (more: Partial<AnswerEvent>) => ratingFor({ correct: true, hintUsed: false, ...more });
    expect(r({ correct: false })).toBe(Rating.Again);
    expect(r({ correct: false, confidence: 99 })).toBe(Rating.Again);
    expect(r({ hintUsed: true })).toBe(Rating.Hard);
    expect(r({ hintUsed: true, confidence: 99 })).toBe(Rating.Hard);
    expect(r({ confidence: 50 })).toBe(Rating.Hard);
    expect(r({})).toBe(Rating.Good);
    expect(r({ confidence: 70 })).toBe(Rating.Good);
    expect(r({ confidence: 90 })).toBe(Rating.Good);
    expect(r({ confidence: 99 })).toBe(Rating.Easy);
  });
});

describe('a first answer', () => {
  // FSRS-6 default initial stabilities: Good 2.3065 days, Easy 8.2956 days; at 90% target
  // recall the interval equals the stability, rounded.
  it('right: spaced out in days, two for Good and eight for Easy', () => {
    const good = after([answer('l', 'q', T0)]);
    expect(good).toMatchObject({ state: 'review', scheduledDays: 2, due: plus(T0, 2), reps: 1 });
    expect(good.stability).toBeCloseTo(2.3065, 4);
    const easy = after([answer('l', 'q', T0, { confidence: 99 })]);
    expect(easy).toMatchObject({ state: 'review', scheduledDays: 8, due: plus(T0, 8) });
  });

  it('wrong: back in ten minutes; right with a hint: fifteen', () => {
    expect(after([answer('l', 'q', T0, { correct: false })])).toMatchObject({
      state: 'learning',
      due: plus(T0, 10 / 1440),
      scheduledDays: 0,
    });
    expect(after([answer('l', 'q', T0, { hintUsed: true })])).toMatchObject({
      state: 'learning',
      due: plus(T0, 15 / 1440),
    });
  });

  it('a card answered wrong comes due before one answered right', () => {
    const wrong = after([answer('l', 'a', T0, { correct: false })]);
    const right = after([answer('l', 'b', T0)]);
    expect(Date.parse(wrong.due)).toBeLessThan(Date.parse(right.due));
  });
});

describe('reviews over time', () => {
  it('each right answer on the due day spaces the next one further out', () => {
    let card = after([answer('l', 'q', T0)]);
    const intervals = [card.scheduledDays];
    for (let i = 0; i < 5; i++) {
      card = applyAnswer(card, answer('l', 'q', card.due)).card;
      intervals.push(card.scheduledDays);
    }
    for (let i = 1; i < intervals.length; i++)
      expect(intervals[i]).toBeGreaterThan(intervals[i - 1] as number);
    expect(intervals.at(-1)).toBeGreaterThan(30);
  });

  it('forgetting a learned card counts a lapse, relearns it, and shortens its spacing', () => {
    let card = after([answer('l', 'q', T0), answer('l', 'q', plus(T0, 2)), answer('l', 'q', plus(T0, 8))]);
    const learned = card.stability;
    const at = card.due;
    const out = applyAnswer(card, answer('l', 'q', at, { correct: false }));
    card = out.card;
    expect(out.before).toBe('review');
    expect(card).toMatchObject({ state: 'relearning', lapses: 1, due: plus(at, 10 / 1440) });
    expect(card.stability).toBeLessThan(learned / 2);
    card = applyAnswer(card, answer('l', 'q', plus(at, 15 / 1440))).card;
    expect(card.state).toBe('review');
  });

  it('repeating a question the same day does not inflate its spacing; a slip the same day counts', () => {
    const once = after([answer('l', 'q', T0)]);
    const crammed = after([0, 1, 2, 3, 4].map((h) => answer('l', 'q', plus(T0, h / 24))));
    expect(crammed.stability).toBeLessThanOrEqual(once.stability * 1.05);
    // ts-fsrs keeps Good at least a day beyond Hard, so a same-day Good can add that one day.
    expect(crammed.scheduledDays).toBeLessThanOrEqual(once.scheduledDays + 1);
    const slipped = after([answer('l', 'q', T0), answer('l', 'q', plus(T0, 1 / 24), { correct: false })]);
    expect(slipped.state).toBe('relearning');
    expect(slipped.stability).toBeLessThan(once.stability);
  });

  it('an answer stamped before the last one (another clock) counts as given at that moment', () => {
    const card = after([answer('l', 'q', T0), answer('l', 'q', plus(T0, -1), { correct: false })]);
    expect(card.lastReview).toBe(T0);
    expect(card.due).toBe(plus(T0, 10 / 1440));
  });
});

describe('agreement with ts-fsrs', () => {
  // schedule.ts applies ts-fsrs's rules without its per-answer cloning, for speed; on any history
  // it must give what the library's own `next()` gives.
  const f = fsrs(FSRS_PARAMETERS);
  const step = fc.record({
    gapMinutes: fc.oneof(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 60 * 24 * 40 })),
    correct: fc.boolean(),
    hintUsed: fc.boolean(),
    confidence: fc.constantFrom(undefined, 50, 70, 90, 99),
  });
  it('gives the same card as the library after every answer', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        let t = Date.parse(T0);
        let lib = createEmptyCard(new Date(t));
        let mine: ReviewCard | undefined;
        for (const s of steps) {
          t += s.gapMinutes * 60_000;
          const e = answer('l', 'q', new Date(t).toISOString(), s);
          lib = f.next(lib, new Date(t), ratingFor(e)).card;
          mine = applyAnswer(mine, e).card;
          const m = toFsrsCard(mine);
          expect({ ...m, elapsed_days: 0 }).toEqual({ ...lib, elapsed_days: 0 });
        }
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});

describe('replaying a history', () => {
  const history = [
    answer('b', 'x', plus(T0, 3), { correct: false }),
    answer('a', 'p', T0),
    answer('a', 'p', plus(T0, 2)),
    answer('b', 'x', plus(T0, 3.01)),
    answer('a', 'q', plus(T0, 1), { hintUsed: true }),
  ];

  it('gives the cards that applying each answer in time order gives', () => {
    const sorted = [...history].sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
    const { cards, before } = replay(history);
    expect(cards).toEqual({
      a: {
        p: after(sorted.filter((e) => e.question === 'p')),
        q: after(sorted.filter((e) => e.question === 'q')),
      },
      b: { x: after(sorted.filter((e) => e.question === 'x')) },
    });
    // Per event as given: the card's state before that answer.
    expect(before).toEqual(['new', 'new', 'review', 'learning', 'new']);
  });

  it('is deterministic, uses no randomness or wall clock, and survives JSON', () => {
    const random = vi.spyOn(Math, 'random');
    const clock = vi.spyOn(Date, 'now');
    const one = replay(history);
    const two = replay(history);
    expect(random).not.toHaveBeenCalled();
    expect(clock).not.toHaveBeenCalled();
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    expect(JSON.parse(JSON.stringify(one.cards))).toEqual(one.cards);
    const card = one.cards['a']?.['p'] as ReviewCard;
    const next = answer('a', 'p', plus(T0, 9));
    expect(applyAnswer(JSON.parse(JSON.stringify(card)) as ReviewCard, next)).toEqual(
      applyAnswer(card, next),
    );
  });

  it('drops a question no longer in the course, and a removed lesson, without complaint', () => {
    const { cards } = replay(history);
    const kept = keepInCourse(cards, new Map([['a', new Set(['p', 'new-question'])]]));
    expect(kept).toEqual({ a: { p: cards['a']?.['p'] } });
  });

  it('replays 100,000 answers in well under two seconds', () => {
    const events: AnswerEvent[] = [];
    let t = Date.parse('2023-01-01T08:00:00Z');
    for (let i = 0; i < 100_000; i++) {
      t += 11 * 60_000;
      events.push(
        answer(`lesson-${i % 20}`, `q-${i % 400}`, new Date(t).toISOString(), { correct: i % 7 !== 0 }),
      );
    }
    const start = performance.now();
    const { cards } = replay(events);
    const ms = performance.now() - start;
    console.log(`replay of 100,000 answers: ${ms.toFixed(0)} ms`);
    expect(Object.values(cards).reduce((n, byQ) => n + Object.keys(byQ).length, 0)).toBe(400);
    expect(ms).toBeLessThan(2000);
  });
});
