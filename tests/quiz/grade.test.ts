import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/schema.ts';
import { grade, normaliseShort } from '../../src/quiz/grade.ts';

const base = { prompt: 'p', explanation: 'e' };
const single: Question = {
  ...base,
  id: 's',
  type: 'single',
  choices: [{ text: 'a' }, { text: 'b', correct: true }, { text: 'c' }],
};
const multiple: Question = {
  ...base,
  id: 'm',
  type: 'multiple',
  choices: [{ text: 'a', correct: true }, { text: 'b' }, { text: 'c', correct: true }, { text: 'd' }],
};
const trueFalse: Question = { ...base, id: 't', type: 'true-false', answer: false };
const short: Question = { ...base, id: 'sh', type: 'short', accept: ["Goodhart's law", 'reward hacking'] };
const patterned: Question = { ...base, id: 'p', type: 'short', pattern: '^(mesa[- ]?)?optimi[sz]er$' };
const order: Question = { ...base, id: 'o', type: 'order', items: ['first', 'second', 'third', 'fourth'] };

describe('single', () => {
  it('is right only for the correct choice, and says which that is', () => {
    expect(grade(single, { type: 'single', choice: 1 })).toMatchObject({ correct: true, right: 1 });
    expect(grade(single, { type: 'single', choice: 2 })).toMatchObject({
      correct: false,
      chosen: 2,
      right: 1,
    });
  });
});

describe('multiple', () => {
  it('counts only the exact set as right', () => {
    expect(grade(multiple, { type: 'multiple', choices: [0, 2] })).toMatchObject({
      correct: true,
      missed: [],
      wrong: [],
      hit: [0, 2],
    });
  });

  it('reports a partial selection as wrong, naming what was missed', () => {
    expect(grade(multiple, { type: 'multiple', choices: [2] })).toMatchObject({
      correct: false,
      missed: [0],
      wrong: [],
      hit: [2],
    });
  });

  it('reports every right choice plus a wrong one as wrong, naming the wrong pick', () => {
    expect(grade(multiple, { type: 'multiple', choices: [3, 0, 2] })).toMatchObject({
      correct: false,
      missed: [],
      wrong: [3],
    });
  });

  it('handles missed and wrong at once', () => {
    expect(grade(multiple, { type: 'multiple', choices: [1, 0] })).toMatchObject({
      correct: false,
      missed: [2],
      wrong: [1],
      hit: [0],
    });
  });
});

describe('true-false', () => {
  it('compares with the answer', () => {
    expect(grade(trueFalse, { type: 'true-false', value: false }).correct).toBe(true);
    expect(grade(trueFalse, { type: 'true-false', value: true })).toMatchObject({
      correct: false,
      answer: false,
      given: true,
    });
  });
});

describe('short', () => {
  it.each([
    ["Goodhart's law", true],
    ['  GOODHART’S   LAW. ', true],
    ['goodhart’s law', true],
    ['Reward\thacking', true],
    ['reward-hacking', false],
    ['Goodhart', false],
    ['', false],
    ['   ', false],
  ])('accept list: %j is %s', (text, correct) => {
    expect(grade(short, { type: 'short', text }).correct).toBe(correct);
  });

  it('says which accepted answer matched', () => {
    expect(grade(short, { type: 'short', text: 'REWARD HACKING' })).toMatchObject({
      correct: true,
      matchedBy: 'reward hacking',
    });
  });

  it.each([
    ['optimiser', true],
    ['Mesa-Optimizer', true],
    ['  mesa optimizer ', true],
    ['mesa-optimisers', false],
    ['an optimiser', false],
  ])('pattern: %j is %s', (text, correct) => {
    const g = grade(patterned, { type: 'short', text });
    expect(g.correct).toBe(correct);
    if (correct) expect(g).toMatchObject({ matchedBy: 'pattern' });
  });

  it('normalises case, spacing, typographic quotes and dashes, and a final full stop', () => {
    expect(normaliseShort('  The “Inner”\u2013Alignment  Problem.  ')).toBe('the "inner"-alignment problem');
  });
});

describe('order', () => {
  it('is right only in the exact order', () => {
    expect(grade(order, { type: 'order', order: [0, 1, 2, 3] })).toMatchObject({
      correct: true,
      inPlace: 4,
      total: 4,
    });
  });

  it('counts the items in place when two neighbours are swapped', () => {
    expect(grade(order, { type: 'order', order: [0, 2, 1, 3] })).toMatchObject({
      correct: false,
      inPlace: 2,
      total: 4,
    });
  });

  it('counts none in place when everything is shifted by one', () => {
    expect(grade(order, { type: 'order', order: [3, 0, 1, 2] })).toMatchObject({
      correct: false,
      inPlace: 0,
    });
  });

  it('does not accept a response that leaves items out', () => {
    expect(grade(order, { type: 'order', order: [0, 1, 2] }).correct).toBe(false);
  });
});

it('refuses a response of another type, since that is a bug in the caller', () => {
  expect(() => grade(single, { type: 'true-false', value: true })).toThrow(/cannot grade/);
});
