import type { WhyDue } from '../../quiz/why-due.ts';
import { plural } from '../../text/plural.ts';
import { whenDue } from './next-step.ts';

/** `review --why`: why a card is due when it is, in plain words. */
export function whyDueText(why: WhyDue, questionTitle: string, now: Date, utcOffsetMinutes: number): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const days = (x: number) =>
    x < 1 ? `${Math.max(1, Math.round(x * 24))} hours` : plural(Math.round(x * 10) / 10, 'day');
  const lines = [`${why.lesson}/${why.question}: ${questionTitle}`];
  lines.push(
    why.isDue
      ? `It is due now${why.dueInDays < -1 ? ` (it fell due ${plural(Math.floor(-why.dueInDays), 'day')} ago)` : ''}.`
      : `It is next due ${whenDue(why.due, now, utcOffsetMinutes)}.`,
  );
  if (why.lastAnswers.length > 0) {
    lines.push('Your last answers, newest first:');
    for (const a of why.lastAnswers) {
      const notes = [
        a.correct ? 'right' : 'wrong',
        ...(a.hintUsed ? ['with the hint'] : []),
        ...(a.confidence !== undefined ? [`${a.confidence}% sure`] : []),
      ];
      lines.push(`  ${a.at.slice(0, 16).replace('T', ' ')}  ${notes.join(', ')} (rated ${a.rating})`);
    }
  }
  const state = {
    new: 'not answered yet',
    learning: 'still being learned: a wrong answer, or one that needed help, brings it back within minutes',
    review: 'learned, and spaced out in days',
    relearning: 'forgotten after it had been learned, so being learned again',
  }[why.state];
  lines.push(
    `The card is ${state}; answered ${plural(why.reps, 'time')}, forgotten ${plural(why.lapses, 'time')}.`,
  );
  lines.push(
    `Stability ${days(why.stability)}: that long after your last answer, the chance you recall it falls ` +
      `to ${pct(why.targetRecall)}. Predicted recall now: ${pct(why.recallNow)}.`,
  );
  lines.push(
    `Review brings a card back when predicted recall falls to ${pct(why.targetRecall)}; each right ` +
      'answer makes it last longer, a wrong one starts it again.',
  );
  return lines.join('\n');
}
