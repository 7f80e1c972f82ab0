import type { Quiz } from '../content/schema.ts';
import { kindOf } from './kinds/registry.ts';
import { randomDisplay, shuffled } from './shuffle.ts';

/**
 * Which questions an attempt asks and how each is shown. Apart from session.ts because it needs
 * the question kinds (and with them zod), which `list` and `progress` never load.
 */

export interface PlanOptions {
  /** Shuffle the questions and the choices within each. */
  shuffle?: boolean;
  limit?: number;
  /** Ask only these question ids (a retry of missed ones), in quiz order unless shuffled. */
  only?: readonly string[];
  /** Source of randomness: seeded for `--seed`. Order items are always shuffled with it. */
  random: () => number;
}

export interface Plan {
  questions: string[];
  display: Record<string, number[]>;
}

export function planQuiz(quiz: Quiz, opts: PlanOptions): Plan {
  let questions = quiz.questions;
  if (opts.only) {
    const only = new Set(opts.only);
    questions = questions.filter((q) => only.has(q.id));
  }
  if (opts.shuffle) questions = shuffled(questions, opts.random);
  if (opts.limit !== undefined) questions = questions.slice(0, opts.limit);
  const display: Record<string, number[]> = {};
  for (const q of questions) {
    const kind = kindOf(q.type);
    const n = kind.options(q).length;
    if (n === 0) continue;
    if (kind.shuffle === 'always') display[q.id] = randomDisplay(n, opts.random);
    else display[q.id] = opts.shuffle ? shuffled(identity(n), opts.random) : identity(n);
  }
  return { questions: questions.map((q) => q.id), display };
}

function identity(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
