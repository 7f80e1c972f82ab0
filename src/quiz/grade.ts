import { compilePattern } from '../content/pattern.ts';
import type { Question } from '../content/schema.ts';
import type { Response } from './response.ts';

/**
 * Grading: pure, so every rule about what counts as right is tested without a terminal.
 * Indices are into the question as written in the file (see response.ts).
 */
export type Grade =
  | { type: 'single'; correct: boolean; chosen: number; right: number }
  | {
      type: 'multiple';
      /** Only the exact set counts: a partial selection is wrong, and says what it missed. */
      correct: boolean;
      right: number[];
      /** Right choices the learner did not pick. */
      missed: number[];
      /** Picked choices that are not right. */
      wrong: number[];
      /** Right choices the learner picked. */
      hit: number[];
    }
  | { type: 'true-false'; correct: boolean; answer: boolean; given: boolean }
  | {
      type: 'short';
      correct: boolean;
      given: string;
      /** The accepted answer that matched, or 'pattern'; undefined when nothing did. */
      matchedBy?: string;
    }
  | {
      type: 'order';
      correct: boolean;
      /** Items the learner put in their right position, for "almost right" feedback. */
      inPlace: number;
      total: number;
    };

export function grade(question: Question, response: Response): Grade {
  if (question.type !== response.type)
    throw new Error(`a ${response.type} answer cannot grade the ${question.type} question "${question.id}"`);
  switch (question.type) {
    case 'single': {
      const { choice } = response as Extract<Response, { type: 'single' }>;
      const right = question.choices.findIndex((c) => c.correct === true);
      return { type: 'single', correct: choice === right, chosen: choice, right };
    }
    case 'multiple': {
      const picked = new Set((response as Extract<Response, { type: 'multiple' }>).choices);
      const right = indicesWhere(question.choices, (c) => c.correct === true);
      const missed = right.filter((i) => !picked.has(i));
      const hit = right.filter((i) => picked.has(i));
      const wrong = [...picked].filter((i) => !right.includes(i)).sort((a, b) => a - b);
      return {
        type: 'multiple',
        correct: missed.length === 0 && wrong.length === 0,
        right,
        missed,
        wrong,
        hit,
      };
    }
    case 'true-false': {
      const given = (response as Extract<Response, { type: 'true-false' }>).value;
      return { type: 'true-false', correct: given === question.answer, answer: question.answer, given };
    }
    case 'short': {
      const given = (response as Extract<Response, { type: 'short' }>).text;
      const matchedBy = matchShort(question, given);
      return matchedBy === undefined
        ? { type: 'short', correct: false, given }
        : { type: 'short', correct: true, given, matchedBy };
    }
    case 'order': {
      const order = (response as Extract<Response, { type: 'order' }>).order;
      const total = question.items.length;
      const inPlace = order.filter((item, position) => item === position).length;
      return { type: 'order', correct: inPlace === total && order.length === total, inPlace, total };
    }
  }
}

/**
 * How typed answers are compared with `accept`: case, surrounding and repeated space, typographic
 * quotes and dashes, and a final full stop are not what a short-answer question is testing.
 */
export function normaliseShort(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .trim()
    .replace(/[.!]+$/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function matchShort(question: Extract<Question, { type: 'short' }>, given: string): string | undefined {
  const norm = normaliseShort(given);
  if (norm === '') return undefined;
  const accepted = question.accept?.find((a) => normaliseShort(a) === norm);
  if (accepted !== undefined) return accepted;
  if (question.pattern !== undefined && compilePattern(question.pattern).test(given.trim())) return 'pattern';
  return undefined;
}

function indicesWhere<T>(items: readonly T[], test: (item: T) => boolean): number[] {
  return items.flatMap((item, i) => (test(item) ? [i] : []));
}
