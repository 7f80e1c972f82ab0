import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/schema.ts';
import { createTheme } from '../../src/ui/theme.ts';
import type { Response } from '../../src/quiz/response.ts';
import { grade } from '../../src/quiz/grade.ts';
import { explain, type ExplainOptions } from '../../src/ui/question.ts';

/** Grading in quiz/, the words in the screen: as a quiz and a lesson check use them. */
function gradeAndExplain(question: Question, response: Response, opts?: ExplainOptions) {
  const graded = grade(question, response);
  return { correct: graded.correct, text: explain(question, response, graded, opts) };
}

const multiple: Question = {
  id: 'm',
  type: 'multiple',
  prompt: 'p',
  explanation: 'Three subgoals **converge**.',
  choices: [
    { text: 'Self-preservation', correct: true, feedback: 'Switched off achieves nothing.' },
    { text: 'Honesty', feedback: 'No general reason for honesty.' },
    { text: 'Resources', correct: true, feedback: 'Resources help nearly any goal.' },
  ],
};
const order: Question = {
  id: 'o',
  type: 'order',
  prompt: 'p',
  explanation: 'Why.',
  items: ['Act', 'Reward', 'Update'],
};
const short: Question = {
  id: 's',
  type: 'short',
  prompt: 'p',
  explanation: 'Why.',
  accept: ['Goodhart'],
  pattern: '^goodhart',
};

describe('feedback after an answer', () => {
  it('for a partial multiple answer, says which right choices were missed and which picks were wrong', () => {
    const { correct, text } = gradeAndExplain(multiple, { type: 'multiple', choices: [0, 1] });
    expect(correct).toBe(false);
    expect(text).toContain('Not correct. You missed 1 right choice and you picked 1 wrong choice.');
    expect(text).toContain('  - Self-preservation (you picked it)\n    Switched off achieves nothing.');
    expect(text).toContain('  - Resources (you missed this one)\n    Resources help nearly any goal.');
    expect(text).toContain('Wrong picks:\n  - Honesty\n    No general reason for honesty.');
    expect(text).toContain('Three subgoals converge.');
  });

  it('for an almost-right order, counts the items in place and says where each one was put', () => {
    const { correct, text } = gradeAndExplain(order, { type: 'order', order: [0, 2, 1] });
    expect(correct).toBe(false);
    expect(text).toContain('1 of 3 items was in the right place. The right order:');
    expect(text).toContain('  1. Act\n  2. Reward (you put it 3rd)\n  3. Update (you put it 2nd)');
    expect(gradeAndExplain(order, { type: 'order', order: [1, 2, 0] }).text).toContain(
      '0 of 3 items were in the right place.',
    );
  });

  it('for a wrong short answer, quotes it and gives the accepted answer', () => {
    const { text } = gradeAndExplain(short, { type: 'short', text: 'Campbell' });
    expect(text).toContain('Not correct. You answered "Campbell".\nThe answer: "Goodhart"');
  });

  it('has no escape codes without colour, and colours the verdict with it', () => {
    expect(gradeAndExplain(short, { type: 'short', text: 'goodhart' }).text).not.toContain('\u001b[');
    expect(
      gradeAndExplain(short, { type: 'short', text: 'goodhart' }, { theme: createTheme(true) }).text,
    ).toContain('\u001b[32mCorrect.');
  });

  it('wraps to the width given', () => {
    const long: Question = { ...short, explanation: 'word '.repeat(40).trim() };
    const lines = gradeAndExplain(long, { type: 'short', text: 'x' }, { width: 30 }).text.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(30);
  });
});
