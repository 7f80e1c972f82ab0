import { describe, expect, it } from 'vitest';
import { type LessonPosition, type NextStepInput, nextStep } from '../../src/quiz/next-step.ts';

const lesson = (id: string, more: Partial<LessonPosition> = {}): LessonPosition => ({
  id,
  requires: [],
  read: false,
  quiz: 'not-passed',
  ...more,
});
const AT = '2025-03-01T09:00:00.000Z';
const LATER = '2025-03-02T09:00:00.000Z';

/** A learner who has read `intro`, is reading `values`, left `intro`'s quiz half done and has 3 reviews due. */
function busy(): NextStepInput {
  return {
    lessons: [
      lesson('intro', { read: true, unfinishedQuizAt: AT }),
      lesson('values', { requires: ['intro'], readingSince: AT }),
      lesson('oversight', { requires: ['intro'] }),
    ],
    reviewsDue: 3,
  };
}

describe('the next step', () => {
  it('is the unfinished quiz first', () => {
    expect(nextStep(busy())).toEqual({
      kind: 'finish-quiz',
      lesson: 'intro',
      command: 'alignment-tutor quiz intro',
    });
  });

  it('then the due reviews', () => {
    const input = busy();
    input.lessons = input.lessons.map((l) => ({ ...l, unfinishedQuizAt: undefined }));
    expect(nextStep(input)).toEqual({ kind: 'review', due: 3, command: 'alignment-tutor review' });
  });

  it('then the lesson being read', () => {
    const input = { ...busy(), reviewsDue: 0 };
    input.lessons = input.lessons.map((l) => ({ ...l, unfinishedQuizAt: undefined }));
    expect(nextStep(input)).toEqual({
      kind: 'continue-lesson',
      lesson: 'values',
      command: 'alignment-tutor learn values',
    });
  });

  it('then the next unread lesson whose prerequisites are read', () => {
    const input: NextStepInput = {
      lessons: [
        lesson('intro', { read: true, quiz: 'passed' }),
        lesson('deep', { requires: ['values'] }),
        lesson('values', { requires: ['intro', 'removed-lesson'] }),
      ],
      reviewsDue: 0,
    };
    expect(nextStep(input)).toEqual({
      kind: 'start-lesson',
      lesson: 'values',
      command: 'alignment-tutor learn values',
    });
  });

  it('then a quiz not yet passed', () => {
    const input: NextStepInput = {
      lessons: [
        lesson('intro', { read: true, quiz: 'passed' }),
        lesson('notes', { read: true, quiz: 'none' }),
        lesson('values', { read: true, requires: ['intro'] }),
      ],
      reviewsDue: 0,
    };
    expect(nextStep(input)).toEqual({
      kind: 'take-quiz',
      lesson: 'values',
      command: 'alignment-tutor quiz values',
    });
    // A prerequisite missing from the course does not block a lesson.
    input.lessons = [...input.lessons, lesson('later', { requires: ['nowhere', 'values'] })];
    expect(nextStep(input)).toMatchObject({ kind: 'start-lesson', lesson: 'later' });
  });

  it('else all caught up, with when review resumes', () => {
    const done = [
      lesson('intro', { read: true, quiz: 'passed' }),
      lesson('notes', { read: true, quiz: 'none' }),
    ];
    expect(nextStep({ lessons: done, reviewsDue: 0, nextDue: LATER })).toEqual({
      kind: 'caught-up',
      nextDue: LATER,
    });
    expect(nextStep({ lessons: done, reviewsDue: 0 })).toEqual({ kind: 'caught-up' });
  });

  it('among several unfinished things, picks the one touched last', () => {
    const lessons = [
      lesson('a', { readingSince: LATER, unfinishedQuizAt: AT }),
      lesson('b', { readingSince: AT, unfinishedQuizAt: LATER }),
    ];
    expect(nextStep({ lessons, reviewsDue: 0 })).toMatchObject({ kind: 'finish-quiz', lesson: 'b' });
    expect(nextStep({ lessons, reviewsDue: 0, last: { kind: 'quiz', lesson: 'a' } })).toMatchObject({
      kind: 'finish-quiz',
      lesson: 'a',
    });
    const reading = lessons.map((l) => ({ ...l, unfinishedQuizAt: undefined }));
    expect(nextStep({ lessons: reading, reviewsDue: 0 })).toMatchObject({
      kind: 'continue-lesson',
      lesson: 'a',
    });
    expect(
      nextStep({ lessons: reading, reviewsDue: 0, last: { kind: 'lesson', lesson: 'b' } }),
    ).toMatchObject({
      kind: 'continue-lesson',
      lesson: 'b',
    });
  });
});
