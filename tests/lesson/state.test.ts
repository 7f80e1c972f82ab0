import { describe, expect, it } from 'vitest';
import { continueTarget, findLesson, lessonToContinue } from '../../src/lesson/continue.ts';
import { navigate, parsePlainCommand } from '../../src/lesson/navigation.ts';
import { resumeIndex, lessonFigures, unreadPrerequisites } from '../../src/lesson/status.ts';
import { listJson } from '../../src/ui/screens/overview.ts';
import { reportProgress } from '../../src/progress/summary.ts';
import { markLessonFinished, markSectionSeen } from '../../src/progress/record.ts';
import { fixtureCourse, progressWith } from './course.ts';

const course = fixtureCourse();
const [basics, oversight, values] = course.lessons as [
  (typeof course.lessons)[0],
  (typeof course.lessons)[0],
  (typeof course.lessons)[0],
];
const AT = '2025-01-01T00:00:00.000Z';
const attempt = (score: number, passed: boolean) => ({
  id: `a${score}`,
  startedAt: AT,
  finishedAt: AT,
  right: 0,
  total: 0,
  score,
  passed,
  questions: [],
  missed: [],
});

describe('lesson status', () => {
  it('goes from not started to in progress at the section reached, to read, to quiz passed', () => {
    expect(lessonFigures(basics, undefined).status).toEqual({ kind: 'not-started' });
    const p = progressWith((c) => {
      markSectionSeen(c, 'basics', 'intent', AT);
      markSectionSeen(c, 'basics', 'proxies', AT);
    });
    expect(lessonFigures(basics, p)).toMatchObject({
      status: { kind: 'in-progress', section: 2, total: 3 },
      seen: 2,
      total: 3,
    });
    markSectionSeen(p, 'basics', 'gaming', AT);
    markLessonFinished(p, 'basics', AT);
    expect(lessonFigures(basics, p).status).toEqual({ kind: 'read' });
    p.quizzes['basics'] = { answers: [], attempts: [attempt(0.5, false), attempt(0.9, true)] };
    expect(lessonFigures(basics, p, course.quizzes.get('basics'))).toMatchObject({
      status: { kind: 'quiz-passed' },
      best: 0.9,
    });
  });

  it('ignores section ids that are no longer in the lesson', () => {
    const p = progressWith((c) => {
      markSectionSeen(c, 'basics', 'removed-section', AT);
      markSectionSeen(c, 'basics', 'intent', AT);
    });
    expect(lessonFigures(basics, p).seen).toBe(1);
    p.lessons['basics']!.sectionReached = 'removed-section';
    expect(resumeIndex(basics, p)).toBe(0);
  });

  it('resumes at the section reached, but starts a finished lesson read to its end from the top', () => {
    const p = progressWith((c) => markSectionSeen(c, 'oversight', 'amplification', AT));
    expect(resumeIndex(oversight, p)).toBe(2);
    markSectionSeen(p, 'oversight', 'limits', AT);
    markLessonFinished(p, 'oversight', AT);
    expect(resumeIndex(oversight, p)).toBe(0);
    // Re-reading a finished lesson and stopping halfway resumes there.
    markSectionSeen(p, 'oversight', 'debate', AT);
    expect(resumeIndex(oversight, p)).toBe(1);
  });

  it('names prerequisites that are not finished', () => {
    expect(unreadPrerequisites(oversight, course.lessons, undefined).map((l) => l.id)).toEqual(['basics']);
    const p = progressWith((c) => markLessonFinished(c, 'basics', AT));
    expect(unreadPrerequisites(oversight, course.lessons, p)).toEqual([]);
    expect(unreadPrerequisites(values, course.lessons, p).map((l) => l.id)).toEqual(['oversight']);
  });
});

describe('what Continue opens', () => {
  it('is the first lesson on a first run', () => {
    expect(continueTarget(course, undefined)).toMatchObject({
      kind: 'lesson',
      lesson: { id: 'basics' },
      section: 0,
      fresh: true,
    });
  });

  it('is the lesson and section last reached, while that lesson is unfinished', () => {
    const p = progressWith((c) => {
      markSectionSeen(c, 'values', 'whose', AT);
      markSectionSeen(c, 'oversight', 'debate', AT);
    });
    expect(continueTarget(course, p)).toMatchObject({
      kind: 'lesson',
      lesson: { id: 'oversight' },
      section: 1,
      fresh: false,
    });
  });

  it('is the next unfinished lesson in course order once the last one is finished', () => {
    const p = progressWith((c) => {
      markSectionSeen(c, 'basics', 'gaming', AT);
      markLessonFinished(c, 'basics', AT);
    });
    expect(continueTarget(course, p)).toMatchObject({
      kind: 'lesson',
      lesson: { id: 'oversight' },
      fresh: true,
    });
  });

  it('is an unfinished quiz when that was the last thing done, but a bare learn still opens a lesson', () => {
    const p = progressWith((c) => {
      markSectionSeen(c, 'basics', 'intent', AT);
      c.quizzes['basics'] = {
        answers: [],
        attempts: [],
        current: {
          id: 'q',
          startedAt: AT,
          updatedAt: AT,
          questions: ['basics-q1', 'basics-q2'],
          display: {},
          answers: {
            'basics-q1': {
              response: { type: 'true-false', value: true },
              correct: true,
              hintUsed: false,
              at: AT,
            },
          },
          mode: 'all',
        },
      };
      c.last = { kind: 'quiz', lesson: 'basics', at: AT };
    });
    expect(continueTarget(course, p)).toMatchObject({
      kind: 'quiz',
      lesson: { id: 'basics' },
      answered: 1,
      total: 2,
    });
    expect(lessonToContinue(course, p)).toMatchObject({
      kind: 'lesson',
      lesson: { id: 'basics' },
      section: 0,
    });
  });

  it("is the lesson left half-read after another lesson's quiz, not the first lesson never opened", () => {
    const p = progressWith((c) => {
      markSectionSeen(c, 'oversight', 'amplification', '2025-01-01T10:00:00.000Z');
      markSectionSeen(c, 'values', 'whose', '2025-01-01T11:00:00.000Z');
      markLessonFinished(c, 'values', '2025-01-01T11:00:00.000Z');
      c.last = { kind: 'quiz', lesson: 'values', at: '2025-01-01T12:00:00.000Z' };
    });
    expect(continueTarget(course, p)).toMatchObject({
      kind: 'lesson',
      lesson: { id: 'oversight' },
      section: 2,
    });
    expect(lessonToContinue(course, p)).toMatchObject({ kind: 'lesson', lesson: { id: 'oversight' } });
  });

  it('is nothing once every lesson is read', () => {
    const p = progressWith((c) => course.lessons.forEach((l) => markLessonFinished(c, l.id, AT)));
    expect(continueTarget(course, p)).toEqual({ kind: 'done' });
  });

  it('suggests the closest ids for an unknown lesson', () => {
    expect(findLesson(course, 'oversigt')).toEqual({ suggestions: ['oversight'] });
    expect(findLesson(course, 'values')).toMatchObject({ lesson: { id: 'values' } });
  });
});

describe('moving through a lesson', () => {
  it('goes forward to the end, back to the first section and no further, and jumps within range', () => {
    expect(navigate(0, 3, { type: 'next' })).toEqual({ type: 'show', section: 1 });
    expect(navigate(2, 3, { type: 'next' })).toEqual({ type: 'end' });
    expect(navigate(1, 3, { type: 'back' })).toEqual({ type: 'show', section: 0 });
    expect(navigate(0, 3, { type: 'back' })).toMatchObject({
      type: 'stay',
      message: 'This is the first section.',
    });
    expect(navigate(0, 3, { type: 'jump', section: 2 })).toEqual({ type: 'show', section: 2 });
    expect(navigate(0, 3, { type: 'jump', section: 3 })).toMatchObject({
      type: 'stay',
      message: expect.stringContaining('from 1 to 3'),
    });
  });

  it('reads the --plain protocol: empty line, b, a number, t, q', () => {
    expect(parsePlainCommand('', 5)).toEqual({ type: 'next' });
    expect(parsePlainCommand('  B ', 5)).toEqual({ type: 'back' });
    expect(parsePlainCommand('4', 5)).toEqual({ type: 'jump', section: 3 });
    expect(parsePlainCommand('t', 5)).toEqual({ type: 'terms' });
    expect(parsePlainCommand('q', 5)).toEqual({ type: 'quit' });
    expect(parsePlainCommand('next please', 5)).toMatchObject({
      error: expect.stringContaining('1-5 to jump'),
    });
  });
});

describe('one set of figures for home, list and progress', () => {
  it('agree on a quiz passed under a pass mark the author has since lowered', () => {
    const course = fixtureCourse();
    const lowered = { ...course.quizzes.get('basics')!, pass: 0.5 };
    const quizzes = new Map(course.quizzes).set('basics', lowered);
    const p = progressWith((c) => {
      // 3 of 5 when the mark was 70%: not passed then, passed now.
      c.quizzes['basics'] = { answers: [], attempts: [{ ...attempt(0.6, false), right: 3, total: 5 }] };
    });
    const basicsLesson = course.lessons.find((l) => l.id === 'basics')!;
    const list = listJson({ ...course, quizzes }, p) as Array<{ id: string; status: string }>;
    const report = reportProgress({ ...course, quizzes }, 'course', p);
    expect(list.find((l) => l.id === 'basics')!.status).toBe('quiz-passed');
    expect(report.lessons.find((l) => l.id === 'basics')!.passed).toBe(true);
    expect(report.totals.quizzesPassed).toBe(1);
    expect(lessonFigures(basicsLesson, p, lowered).passed).toBe(true);
  });
});
