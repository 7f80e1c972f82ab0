import { describe, expect, it } from 'vitest';
import { replay } from '../../src/quiz/schedule.ts';
import { whyDue } from '../../src/quiz/why-due.ts';
import { answer, plus } from './events.ts';

const T0 = '2025-03-01T09:00:00.000Z';

describe('why a card is due', () => {
  const history = [
    answer('l', 'q', T0, { correct: false }),
    answer('l', 'other', plus(T0, 0.001)),
    answer('l', 'q', plus(T0, 0.01), { hintUsed: true }),
    answer('l', 'q', plus(T0, 0.02)),
    answer('l', 'q', plus(T0, 3), { confidence: 99 }),
    answer('l', 'q', plus(T0, 12), { confidence: 50 }),
    answer('l', 'q', plus(T0, 30)),
  ];
  const card = replay(history).cards['l']?.['q'];
  if (!card) throw new Error('no card');

  it('shows the last five answers, newest first, with how each was rated', () => {
    const why = whyDue({ lesson: 'l', question: 'q' }, card, history, new Date(plus(T0, 31)));
    expect(why.lastAnswers.map((a) => [a.at, a.rating])).toEqual([
      [plus(T0, 30), 'good'],
      [plus(T0, 12), 'hard'],
      [plus(T0, 3), 'easy'],
      [plus(T0, 0.02), 'good'],
      [plus(T0, 0.01), 'hard'],
    ]);
    expect(why).toMatchObject({ state: 'review', reps: 6, lapses: 0, isDue: false, targetRecall: 0.9 });
    expect(why.stability).toBe(card.stability);
    expect(why.dueInDays).toBeCloseTo((Date.parse(card.due) - Date.parse(plus(T0, 31))) / 86_400_000, 9);
  });

  it('predicts recall falling below the target once the card is overdue', () => {
    const soon = whyDue({ lesson: 'l', question: 'q' }, card, history, new Date(plus(T0, 31)));
    const due = whyDue({ lesson: 'l', question: 'q' }, card, history, new Date(card.due));
    const late = whyDue({ lesson: 'l', question: 'q' }, card, history, new Date(plus(card.due, 60)));
    expect(soon.recallNow).toBeGreaterThan(0.95);
    expect(due.isDue).toBe(true);
    expect(due.recallNow).toBeCloseTo(0.9, 1);
    expect(late.recallNow).toBeLessThan(0.85);
    expect(late.dueInDays).toBeCloseTo(-60, 9);
  });
});
