import type { Fields } from '../../content/fields.ts';
import { defineKind, HINT, verdict } from './kind.ts';

const WORDS: Record<string, boolean> = { true: true, t: true, '1': true, false: false, f: false, '2': false };

/** A statement that is true or false. */
export const trueFalse = defineKind({
  type: 'true-false' as const,
  schema: ({ z, questionBase }: Fields) =>
    z
      .strictObject({
        ...questionBase,
        type: z.literal('true-false'),
        answer: z.boolean({ error: 'answer must be true or false (without quotes)' }),
      })
      .meta({ title: 'True/false question' }),
  response: ({ z }: Fields) => z.object({ type: z.literal('true-false'), value: z.boolean() }),
  options: () => [],
  fixedLabels: ['True', 'False'],
  shuffle: 'by-default',
  grade: (q, { value }) => ({
    type: 'true-false' as const,
    correct: value === q.answer,
    answer: q.answer,
    given: value,
  }),
  plain: {
    prompt: () => 'Answer (true or false):',
    parse(_q, raw) {
      const value = WORDS[raw.toLowerCase()];
      if (value === undefined) return { error: 'Type true or false (or t / f, or 1 for true, 2 for false).' };
      return { type: 'true-false' as const, value };
    },
  },
  async ask(_q, { prompter, hintChoices }) {
    const picked = await prompter.select<boolean | typeof HINT>(
      'Your answer',
      [{ label: 'True', value: true }, { label: 'False', value: false }, ...hintChoices<boolean>()],
      { redraw: true },
    );
    return picked === HINT ? HINT : { type: 'true-false' as const, value: picked };
  },
  feedback: (_q, _r, g, style) => [
    g.correct
      ? verdict(style, true, `It is ${String(g.answer)}.`)
      : verdict(style, false, `You said ${String(g.given)}; it is ${String(g.answer)}.`),
  ],
});
