import type { Fields } from '../../content/fields.ts';
import { defineKind, HINT, verdict } from './kind.ts';

const countCorrect = (cs: ReadonlyArray<{ correct?: boolean | undefined }>) =>
  cs.filter((c) => c.correct === true).length;

/** One right choice among several. */
export const single = defineKind({
  type: 'single' as const,
  schema: ({ z, choices, questionBase }: Fields) =>
    z
      .strictObject({ ...questionBase, type: z.literal('single'), choices })
      .refine((q) => countCorrect(q.choices) === 1, {
        path: ['choices'],
        error: (iss) => {
          const n = countCorrect((iss.input as { choices: [] }).choices);
          return (
            `a "single" question needs exactly one choice with "correct: true" (found ${n}); ` +
            'use type "multiple" for several right answers'
          );
        },
      })
      .meta({ title: 'Single-choice question' }),
  response: ({ z }: Fields) =>
    z.object({
      type: z.literal('single'),
      choice: z.int().min(0).meta({ expected: 'a whole number of at least 0' }),
    }),
  options: (q) => q.choices.map((c) => c.text),
  shuffle: 'by-default',
  grade(q, { choice }) {
    const right = q.choices.findIndex((c) => c.correct === true);
    return { type: 'single' as const, correct: choice === right, chosen: choice, right };
  },
  plain: {
    prompt: (n) => `Answer (a number from 1 to ${n}):`,
    parse(_q, raw, display) {
      const n = display.length;
      if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > n)
        return { error: `Type one number from 1 to ${n}.` };
      return { type: 'single' as const, choice: display[Number(raw) - 1]! };
    },
  },
  async ask(_q, { prompter, labels, display, hintChoices }) {
    const picked = await prompter.select(
      'Your answer',
      [...labels.map((label, k) => ({ label, value: display[k]! })), ...hintChoices<number>()],
      { redraw: true },
    );
    return picked === HINT ? HINT : { type: 'single' as const, choice: picked };
  },
  feedback(q, _r, g, style) {
    const chosen = q.choices[g.chosen];
    const right = q.choices[g.right]!;
    if (g.correct)
      return [
        verdict(style, true, style.md(right.text)),
        ...(right.feedback ? [style.md(right.feedback)] : []),
      ];
    return [
      verdict(style, false, chosen ? `You chose: ${style.md(chosen.text)}` : ''),
      ...(chosen?.feedback ? [style.md(chosen.feedback)] : []),
      `${style.strong('The right answer:')} ${style.md(right.text)}`,
    ];
  },
});
