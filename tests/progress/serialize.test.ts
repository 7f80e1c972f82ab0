import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../../src/progress/merge.ts';
import { replay } from '../../src/quiz/schedule.ts';
import { clearLesson, quizProgress, recordAnswer } from '../../src/progress/record.ts';
import { ProgressSerializer } from '../../src/progress/serialize.ts';
import { emptyCourse, emptyProgress, type ProgressData } from '../../src/progress/types.ts';
import { answer, attempt } from './helpers.ts';

// The serializer reuses the bytes of answers it has written before; whatever happens to the
// progress between saves, the file must be exactly what JSON.stringify would write.

type Step =
  | { op: 'answer'; course: string; lesson: string }
  | { op: 'attempt'; course: string; lesson: string }
  | { op: 'current'; course: string; lesson: string }
  | { op: 'section'; course: string; lesson: string }
  | { op: 'reset'; course: string; lesson: string }
  | { op: 'merge' }
  | { op: 'save' };

const where = { course: fc.constantFrom('c1', 'c2'), lesson: fc.constantFrom('l1', 'l2', 'l3') };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('answer' as const), ...where }) },
  fc.record({ op: fc.constant('attempt' as const), ...where }),
  fc.record({ op: fc.constant('current' as const), ...where }),
  fc.record({ op: fc.constant('section' as const), ...where }),
  fc.record({ op: fc.constant('reset' as const), ...where }),
  fc.constant({ op: 'merge' as const }),
  { weight: 4, arbitrary: fc.constant({ op: 'save' as const }) },
);

describe('the progress serializer', () => {
  it('always writes exactly JSON.stringify(data) and a newline', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const serializer = new ProgressSerializer();
        let data: ProgressData = emptyProgress();
        const check = () =>
          expect(Buffer.concat(serializer.serialize(data)).toString()).toBe(`${JSON.stringify(data)}\n`);
        steps.forEach((s, i) => {
          const at = new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString();
          if (s.op === 'save') return check();
          if (s.op === 'merge') {
            data = mergeProgress(
              data,
              {
                version: 2,
                courses: {
                  c1: { lessons: {}, quizzes: { l1: { answers: [answer(`m${i}`, at)], attempts: [] } } },
                },
              },
              replay,
            );
            return;
          }
          const course = (data.courses[s.course] ??= emptyCourse());
          if (s.op === 'answer')
            recordAnswer(
              course,
              s.lesson,
              answer(`a${i}`, at, { response: { type: 'short', text: `"quoted" ${i} ünïcode` } }),
            );
          if (s.op === 'attempt') quizProgress(course, s.lesson).attempts.push(attempt(`t${i}`, at));
          if (s.op === 'current')
            quizProgress(course, s.lesson).current = {
              id: `u${i}`,
              startedAt: at,
              updatedAt: at,
              questions: ['q'],
              display: { q: [1, 0] },
              answers: {},
              mode: 'all',
            };
          if (s.op === 'section')
            (course.lessons[s.lesson] ??= { sectionsSeen: [], updatedAt: at }).sectionsSeen.push(`s${i}`);
          if (s.op === 'reset') clearLesson(course, s.lesson);
        });
        check();
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out fields that are undefined, as JSON.stringify does', () => {
    const data = emptyProgress();
    data.courses['c'] = {
      lessons: { l: { sectionsSeen: [], sectionReached: undefined, updatedAt: '2025-01-01T00:00:00.000Z' } },
      quizzes: {},
      last: undefined,
    };
    expect(Buffer.concat(new ProgressSerializer().serialize(data)).toString()).toBe(
      `${JSON.stringify(data)}\n`,
    );
  });
});
