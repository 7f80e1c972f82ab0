import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../../src/progress/merge.ts';
import { replay } from '../../src/quiz/schedule.ts';
import type {
  AnswerRecord,
  AttemptRecord,
  CourseProgress,
  LessonProgress,
  ProgressData,
  QuizProgress,
  UnfinishedQuiz,
} from '../../src/progress/types.ts';
import { validateProgress } from '../../src/progress/validate.ts';
import { answer, attempt } from './helpers.ts';

const merge = (a: ProgressData, b: ProgressData) => mergeProgress(a, b, replay);

// Small pools of ids and times, so that generated copies overlap the way two real copies of one
// learner's progress do: the same lessons, some of the same answers, clashing "latest" values.
const time = fc.integer({ min: 0, max: 20 }).map((m) => new Date(Date.UTC(2025, 0, 1, 10, m)).toISOString());
const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const subset = <T>(xs: readonly T[]) => fc.subarray([...xs]);

const answerPool: AnswerRecord[] = Array.from({ length: 12 }, (_, i) =>
  answer(`a${i}`, new Date(Date.UTC(2025, 0, 1, 10, i)).toISOString(), {
    question: `q${i % 3}`,
    correct: i % 2 === 0,
  }),
);
const attemptPool: AttemptRecord[] = Array.from({ length: 5 }, (_, i) =>
  attempt(`t${i}`, new Date(Date.UTC(2025, 0, 1, 10, 2 * i + 1)).toISOString()),
);

// Records with one id are nearly always the same record; now and then a copy differs,
// which must not make the result depend on order either.
const answers = subset(answerPool).chain((as) =>
  fc.tuple(
    ...as.map((a) =>
      fc.oneof(
        { weight: 9, arbitrary: fc.constant(a) },
        { weight: 1, arbitrary: fc.constant({ ...a, hintUsed: true }) },
      ),
    ),
  ),
);

const lesson: fc.Arbitrary<LessonProgress> = fc.record(
  {
    sectionsSeen: fc.uniqueArray(pick('s1', 's2', 's3', 's4')),
    sectionReached: pick('s1', 's2', 's3', 's4'),
    finishedAt: time,
    updatedAt: time,
  },
  { requiredKeys: ['sectionsSeen', 'updatedAt'] },
);

const current: fc.Arbitrary<UnfinishedQuiz> = fc.record({
  // Finishing an attempt keeps its id, so an unfinished one may share an id with a finished one.
  id: pick('t0', 't1', 't2', 'u1'),
  startedAt: time,
  updatedAt: time,
  questions: fc.constant(['q0', 'q1']),
  display: fc.constant({}),
  answers: fc.constant({}),
  mode: pick('all' as const, 'missed' as const),
});

const quiz: fc.Arbitrary<QuizProgress> = fc.record(
  { answers: answers.map((as) => [...as]), attempts: subset(attemptPool), current },
  { requiredKeys: ['answers', 'attempts'] },
);

const course: fc.Arbitrary<CourseProgress> = fc.record(
  {
    lessons: fc.dictionary(pick('l1', 'l2', 'l3'), lesson),
    quizzes: fc.dictionary(pick('l1', 'l2'), quiz),
    last: fc.record({
      kind: pick('lesson' as const, 'quiz' as const),
      lesson: pick('l1', 'l2', 'l3'),
      at: time,
    }),
  },
  { requiredKeys: ['lessons', 'quizzes'] },
);

const progress: fc.Arbitrary<ProgressData> = fc
  .dictionary(pick('alignment-tutor', 'dir:/course'), course)
  .map((courses) => ({ version: 2 as const, courses }));

function answerIds(data: ProgressData): Set<string> {
  const ids = new Set<string>();
  for (const [c, course] of Object.entries(data.courses))
    for (const [l, q] of Object.entries(course.quizzes))
      for (const a of q.answers) ids.add(`${c}/${l}/${a.id}`);
  return ids;
}

function attemptIds(data: ProgressData): Set<string> {
  const ids = new Set<string>();
  for (const [c, course] of Object.entries(data.courses))
    for (const [l, q] of Object.entries(course.quizzes))
      for (const a of q.attempts) ids.add(`${c}/${l}/${a.id}`);
  return ids;
}

function sectionsSeen(data: ProgressData): Set<string> {
  const ids = new Set<string>();
  for (const [c, course] of Object.entries(data.courses))
    for (const [l, lp] of Object.entries(course.lessons))
      for (const s of lp.sectionsSeen) ids.add(`${c}/${l}/${s}`);
  return ids;
}

const RUNS = { numRuns: 300 };

describe('merging two copies of the progress file', () => {
  it('gives the same result whichever copy comes first', () => {
    fc.assert(
      fc.property(progress, progress, (a, b) => {
        expect(merge(a, b)).toEqual(merge(b, a));
      }),
      RUNS,
    );
  });

  it('gives the same result however several copies are grouped and ordered', () => {
    fc.assert(
      fc.property(
        fc.array(progress, { minLength: 2, maxLength: 4 }),
        fc.infiniteStream(fc.nat()),
        (copies, randoms) => {
          const inOrder = copies.reduce((x, y) => merge(x, y));
          const shuffled = [...copies];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = randoms.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          // Merge from the right instead of the left: a different grouping as well as a different order.
          const grouped = shuffled.reduceRight((acc, c) => merge(c, acc));
          expect(grouped).toEqual(inOrder);
        },
      ),
      RUNS,
    );
  });

  it('never drops an answer, an attempt or a section seen, and never doubles one', () => {
    fc.assert(
      fc.property(progress, progress, (a, b) => {
        const merged = merge(a, b);
        expect(answerIds(merged)).toEqual(new Set([...answerIds(a), ...answerIds(b)]));
        expect(attemptIds(merged)).toEqual(new Set([...attemptIds(a), ...attemptIds(b)]));
        expect(sectionsSeen(merged)).toEqual(new Set([...sectionsSeen(a), ...sectionsSeen(b)]));
        for (const course of Object.values(merged.courses)) {
          for (const q of Object.values(course.quizzes)) {
            expect(new Set(q.answers.map((x) => x.id)).size).toBe(q.answers.length);
            expect(new Set(q.attempts.map((x) => x.id)).size).toBe(q.attempts.length);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives a valid progress file', () => {
    fc.assert(
      fc.property(progress, progress, (a, b) => {
        expect(validateProgress(merge(a, b))).toMatchObject({ ok: true });
      }),
      RUNS,
    );
  });

  it('merging a copy into itself changes no answer, attempt or section', () => {
    fc.assert(
      fc.property(progress, (a) => {
        const merged = merge(a, a);
        expect(answerIds(merged)).toEqual(answerIds(a));
        expect(attemptIds(merged)).toEqual(attemptIds(a));
        expect(sectionsSeen(merged)).toEqual(sectionsSeen(a));
      }),
      RUNS,
    );
  });
});

describe('the values a merge has to choose', () => {
  const at = (m: number) => new Date(Date.UTC(2025, 0, 1, 10, m)).toISOString();
  const one = (c: CourseProgress): ProgressData => ({ version: 2, courses: { x: c } });

  it('takes the section reached from the copy touched last, and the earliest finish', () => {
    const older = one({
      lessons: {
        l: { sectionsSeen: ['a', 'b', 'c'], sectionReached: 'c', finishedAt: at(3), updatedAt: at(3) },
      },
      quizzes: {},
    });
    const newer = one({
      lessons: { l: { sectionsSeen: ['b'], sectionReached: 'b', updatedAt: at(9) } },
      quizzes: {},
    });
    expect(merge(older, newer).courses['x']!.lessons['l']).toEqual({
      sectionsSeen: ['a', 'b', 'c'],
      sectionReached: 'b',
      finishedAt: at(3),
      updatedAt: at(9),
    });
  });

  it('drops an unfinished quiz that an attempt finished later has overtaken, and keeps a newer one', () => {
    const unfinished: UnfinishedQuiz = {
      id: 'u',
      startedAt: at(1),
      updatedAt: at(2),
      questions: ['q'],
      display: {},
      answers: {},
      mode: 'all',
    };
    const withCurrent = one({
      lessons: {},
      quizzes: { l: { answers: [], attempts: [], current: unfinished } },
    });
    const finishedLater = one({
      lessons: {},
      quizzes: { l: { answers: [], attempts: [attempt('u', at(5))] } },
    });
    expect(merge(withCurrent, finishedLater).courses['x']!.quizzes['l']!.current).toBeUndefined();
    const finishedBefore = one({
      lessons: {},
      quizzes: { l: { answers: [], attempts: [attempt('t', at(1))] } },
    });
    expect(merge(withCurrent, finishedBefore).courses['x']!.quizzes['l']!.current).toEqual(unfinished);
  });

  it('orders the united answers by time', () => {
    const a = one({
      lessons: {},
      quizzes: { l: { answers: [answer('b', at(2)), answer('d', at(4))], attempts: [] } },
    });
    const b = one({
      lessons: {},
      quizzes: { l: { answers: [answer('a', at(1)), answer('c', at(3))], attempts: [] } },
    });
    expect(merge(a, b).courses['x']!.quizzes['l']!.answers.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
