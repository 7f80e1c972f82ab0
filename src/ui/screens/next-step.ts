import type { Course } from '../../content/course.ts';
import { dayIndex } from '../../quiz/day.ts';
import type { NextStep } from '../../quiz/next-step.ts';
import { plural } from '../../text/plural.ts';

/** What the next-step line needs: the course for titles, the clock for "when", the command form. */
export interface NextStepScreen {
  course: Course;
  now: Date;
  utcOffsetMinutes: number;
  command: (args: string) => string;
}

/** The step's command as the learner can paste it (next-step.ts writes it with the bare program name). */
export function stepCommand(step: NextStep, command: (args: string) => string): string | undefined {
  return 'command' in step ? command(step.command.replace(/^alignment-tutor\s*/, '')) : undefined;
}

/** One sentence: what to do next and why, with the command. The end of a quiz, of a lesson and `next` all print it. */
export function nextStepSentence(step: NextStep, screen: NextStepScreen): string {
  const title = (id: string) => screen.course.lessons.find((l) => l.id === id)?.title ?? id;
  const run = stepCommand(step, screen.command);
  switch (step.kind) {
    case 'finish-quiz':
      return `Next: finish the quiz on "${title(step.lesson)}" you started: ${run}`;
    case 'review':
      return `Next: review ${plural(step.due, 'card')} due now, before you forget them: ${run}`;
    case 'continue-lesson':
      return `Next: carry on reading "${title(step.lesson)}": ${run}`;
    case 'start-lesson':
      return `Next: start "${title(step.lesson)}": ${run}`;
    case 'take-quiz':
      return `Next: take the quiz on "${title(step.lesson)}", not passed yet: ${run}`;
    case 'caught-up':
      return step.nextDue
        ? 'All caught up. The next review is due ' +
            `${whenDue(step.nextDue, screen.now, screen.utcOffsetMinutes)}; until then, reread any lesson ` +
            `(${screen.command('list')}) or look at your figures (${screen.command('stats')}).`
        : 'All caught up: every lesson read and every quiz passed. Reread any lesson ' +
            `(${screen.command('list')}) or look at your figures (${screen.command('stats')}).`;
  }
}

/** A due time in words, relative to now: "in 10 minutes", "today at 18:30", "tomorrow", "in 4 days (2025-03-05)". */
export function whenDue(iso: string, now: Date, utcOffsetMinutes: number): string {
  const due = Date.parse(iso);
  const ms = due - now.getTime();
  if (ms <= 0) return 'now';
  if (ms < 3_600_000) return `in ${plural(Math.max(1, Math.round(ms / 60_000)), 'minute')}`;
  const days = dayIndex(due, utcOffsetMinutes) - dayIndex(now.getTime(), utcOffsetMinutes);
  const local = new Date(due + utcOffsetMinutes * 60_000).toISOString();
  if (days === 0) return `today at ${local.slice(11, 16)}`;
  if (days === 1) return `tomorrow (${local.slice(0, 10)})`;
  return `in ${days} days (${local.slice(0, 10)})`;
}
