import type { Question } from '../content/schema.ts';
import { kindOf, type Grade } from './kinds/registry.ts';
import type { Response } from './response.ts';

export type { Grade } from './kinds/registry.ts';
export { normaliseShort } from './kinds/short.ts';

/**
 * Grading: pure, so every rule about what counts as right is tested without a terminal. Each
 * kind grades its own questions (kinds/); indices are into the question as written in the file.
 */
export function grade(question: Question, response: Response): Grade {
  if (question.type !== response.type)
    throw new Error(`a ${response.type} answer cannot grade the ${question.type} question "${question.id}"`);
  return kindOf(question.type).grade(question, response);
}
