import { describe, expect, it } from 'vitest';
import { applyAnswer } from '../../src/quiz/schedule.ts';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../../src/content/load.ts';
import { emptyCourse } from '../../src/progress/types.ts';
import {
  finishAttempt,
  firstUnanswered,
  lastMissed,
  planQuiz,
  resumable,
  saveAnswer,
  startAttempt,
} from '../../src/quiz/session.ts';
import { quizStats, scoreLine, scoreOf } from '../../src/quiz/score.ts';
import { randomDisplay, seededRandom, shuffled } from '../../src/quiz/shuffle.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/quiz/course', import.meta.url));
const quiz = loadCourse(FIXTURE).course!.quizzes.get('rewards')!;
const ids = quiz.questions.map((q) => q.id);

describe('shuffling', () => {
  it('gives the same order for the same seed and a different one for another', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffled(xs, seededRandom(7))).toEqual(shuffled(xs, seededRandom(7)));
    expect(shuffled(xs, seededRandom(7))).not.toEqual(shuffled(xs, seededRandom(8)));
    expect([...shuffled(xs, seededRandom(7))].sort((a, b) => a - b)).toEqual(xs);
  });

  it('never shows order items in their right order', () => {
    // A random source that would leave everything in place.
    expect(randomDisplay(3, () => 0.999)).not.toEqual([0, 1, 2]);
    for (let seed = 0; seed < 200; seed++) expect(randomDisplay(2, seededRandom(seed))).toEqual([1, 0]);
  });
});

describe('planning an attempt', () => {
  it('keeps the questions as written but shuffles their choices by default', () => {
    const plans = Array.from({ length: 10 }, (_, seed) => planQuiz(quiz, { random: seededRandom(seed) }));
    for (const plan of plans) {
      expect(plan.questions).toEqual(ids);
      expect([...plan.display['proxy-meaning']!].sort()).toEqual([0, 1, 2]);
      expect(plan.display['training-steps']).not.toEqual([0, 1, 2]);
      expect(plan.display['reward-is-goal']).toBeUndefined();
    }
    expect(plans.some((plan) => plan.display['proxy-meaning']!.join() !== '0,1,2')).toBe(true);
    expect(planQuiz(quiz, { random: seededRandom(3) })).toEqual(planQuiz(quiz, { random: seededRandom(3) }));
  });

  it('keeps the file order of questions and choices with --no-shuffle, but still shuffles order items', () => {
    for (let seed = 0; seed < 10; seed++) {
      const plan = planQuiz(quiz, { shuffle: false, random: seededRandom(seed) });
      expect(plan.questions).toEqual(ids);
      expect(plan.display['proxy-meaning']).toEqual([0, 1, 2]);
      expect(plan.display['training-steps']).not.toEqual([0, 1, 2]);
    }
  });

  it('shuffles questions and choices reproducibly with a seed', () => {
    const a = planQuiz(quiz, { shuffle: true, random: seededRandom(42) });
    const b = planQuiz(quiz, { shuffle: true, random: seededRandom(42) });
    expect(a).toEqual(b);
    expect(new Set(a.questions)).toEqual(new Set(ids));
    const orders = Array.from({ length: 10 }, (_, seed) =>
      planQuiz(quiz, { shuffle: true, random: seededRandom(seed) }).questions.join(),
    );
    expect(new Set(orders).size).toBeGreaterThan(1);
  });

  it('limits the number of questions, and can ask only some ids', () => {
    expect(planQuiz(quiz, { limit: 2, random: Math.random }).questions).toEqual(ids.slice(0, 2));
    expect(planQuiz(quiz, { only: ['law-name', 'proxy-meaning'], random: Math.random }).questions).toEqual([
      'proxy-meaning',
      'law-name',
    ]);
  });
});

describe('an attempt in progress', () => {
  const at = (n: number) => `2026-01-01T00:00:0${n}.000Z`;

  function answeredTwo() {
    const course = emptyCourse();
    const attempt = startAttempt(
      course,
      'rewards',
      planQuiz(quiz, { random: seededRandom(1) }),
      'all',
      at(0),
    );
    saveAnswer(
      course,
      'rewards',
      attempt,
      'proxy-meaning',
      { response: { type: 'single', choice: 1 }, correct: true, hintUsed: true },
      at(1),
      applyAnswer,
    );
    saveAnswer(
      course,
      'rewards',
      attempt,
      'goodhart-effects',
      { response: { type: 'multiple', choices: [0] }, correct: false, hintUsed: false },
      at(2),
      applyAnswer,
    );
    return { course, attempt };
  }

  it('stores every answer in the history and the attempt, and resumes at the first unanswered', () => {
    const { course } = answeredTwo();
    const progress = course.quizzes['rewards']!;
    expect(progress.answers.map((a) => [a.question, a.correct, a.hintUsed, a.source])).toEqual([
      ['proxy-meaning', true, true, 'quiz'],
      ['goodhart-effects', false, false, 'quiz'],
    ]);
    const current = resumable(progress.current, quiz)!;
    expect(firstUnanswered(current)).toBe(2);
    expect(current.display['training-steps']).toEqual(progress.current!.display['training-steps']);
    expect(course.last).toEqual({ kind: 'quiz', lesson: 'rewards', at: at(2) });
  });

  it('drops questions no longer in the quiz when resuming', () => {
    const { course } = answeredTwo();
    const current = course.quizzes['rewards']!.current!;
    current.questions.unshift('removed-question');
    expect(resumable(current, quiz)!.questions).toEqual(ids);
    expect(resumable({ ...current, questions: ['gone'] }, quiz)).toBeUndefined();
  });

  it('finishes into an attempt record with score and missed questions, clearing the unfinished state', () => {
    const { course, attempt } = answeredTwo();
    const record = finishAttempt(course, 'rewards', attempt, quiz.pass, at(3));
    expect(record).toMatchObject({
      right: 1,
      total: 2,
      score: 0.5,
      passed: false,
      missed: ['goodhart-effects'],
      questions: ['proxy-meaning', 'goodhart-effects'],
      mode: 'all',
    });
    expect(course.quizzes['rewards']!.current).toBeUndefined();
    expect(lastMissed(course.quizzes['rewards'])?.missed).toEqual(['goodhart-effects']);
  });
});

describe('scores', () => {
  it('passes at exactly the pass mark, without float trouble', () => {
    expect(scoreOf(7, 10, 0.7).passed).toBe(true);
    expect(scoreOf(6, 10, 0.7).passed).toBe(false);
    expect(scoreOf(3, 5, 0.6).passed).toBe(true);
    expect(scoreOf(0, 0, 0).passed).toBe(false);
  });

  it('prints the protocol score line', () => {
    expect(scoreLine(scoreOf(2, 3, 0.7))).toBe('Score: 2/3 (67%) not passed');
    expect(scoreLine(scoreOf(3, 3, 0.7))).toBe('Score: 3/3 (100%) passed');
  });

  it('gives best and latest over whole-quiz attempts, ignoring retries of missed questions', () => {
    const attempt = (
      id: string,
      right: number,
      total: number,
      finishedAt: string,
      mode: 'all' | 'missed' = 'all',
    ) => ({
      id,
      startedAt: finishedAt,
      finishedAt,
      right,
      total,
      score: right / total,
      passed: right / total >= 0.7,
      questions: [],
      missed: [],
      mode,
    });
    const stats = quizStats({
      answers: [],
      attempts: [
        attempt('a', 8, 10, '2026-01-01'),
        attempt('b', 5, 10, '2026-01-03'),
        attempt('c', 2, 2, '2026-01-04', 'missed'),
      ],
      current: {
        id: 'x',
        startedAt: '',
        updatedAt: '',
        questions: ['q1', 'q2', 'q3'],
        display: {},
        answers: {
          q1: { response: { type: 'true-false', value: true }, correct: true, hintUsed: false, at: '' },
        },
        mode: 'all',
      },
    });
    expect(stats.attempts).toBe(2);
    expect(stats.best?.id).toBe('a');
    expect(stats.latest?.id).toBe('b');
    expect(stats.passed).toBe(true);
    expect(stats.unfinished).toEqual({ answered: 1, total: 3 });
    expect(quizStats(undefined)).toEqual({ attempts: 0, passed: false });
  });
});
