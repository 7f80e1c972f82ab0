import type { Fields } from '../../content/fields.ts';
import { compilePattern, patternMatches } from '../../content/pattern.ts';
import { defineKind, HINT, verdict } from './kind.ts';

/**
 * How typed answers are compared with `accept`: case, surrounding and repeated space, typographic
 * quotes and dashes, and a final full stop are not what a short-answer question is testing.
 */
export function normaliseShort(answer: string): string {
  return answer
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

const quote = (s: string) => `"${s}"`;

/** A typed answer, matched against accepted answers or a pattern. */
export const short = defineKind({
  type: 'short' as const,
  schema: ({ z, questionBase, text }: Fields) =>
    z
      .strictObject({
        ...questionBase,
        type: z.literal('short'),
        accept: z.array(text('Accepted answer')).min(1, 'accept needs at least one answer').optional().meta({
          description: 'Accepted answers, matched ignoring case, surrounding space and repeated inner space',
        }),
        pattern: text('Pattern').optional().meta({
          description:
            'A JavaScript regular expression tested, case-insensitively, against the trimmed answer',
        }),
      })
      .refine((q) => q.accept !== undefined || q.pattern !== undefined, {
        error:
          'a "short" question needs "accept" (a list of answers), "pattern" (a regular expression), or both',
      })
      .meta({ title: 'Short-answer question' }),
  response: ({ z }: Fields) => z.object({ type: z.literal('short'), text: z.string() }),
  options: () => [],
  shuffle: 'by-default',
  grade(q, { text: given }) {
    const norm = normaliseShort(given);
    const accepted = norm === '' ? undefined : q.accept?.find((a) => normaliseShort(a) === norm);
    const matchedBy =
      accepted ??
      (norm !== '' && q.pattern !== undefined && patternMatches(compilePattern(q.pattern), given.trim())
        ? 'pattern'
        : undefined);
    return matchedBy === undefined
      ? { type: 'short' as const, correct: false, given }
      : {
          type: 'short' as const,
          correct: true,
          given,
          /** The accepted answer that matched, or 'pattern'; undefined when nothing did. */
          matchedBy,
        };
  },
  plain: {
    prompt: () => 'Answer:',
    parse: (_q, raw) =>
      raw === '' ? { error: 'Type an answer (or ? for the hint).' } : { type: 'short' as const, text: raw },
  },
  async ask(q, { prompter, hint, draft, keep }) {
    const answer = await prompter.input(`Your answer${hint ? ' (? for the hint)' : ''}`, {
      validate: (v) => (v.trim() === '' ? 'Type an answer.' : true),
      ...(typeof draft === 'string' && draft.trim() !== '?' ? { initial: draft } : {}),
      onChange: keep,
      redraw: true,
    });
    if (answer.trim() === '?' && q.hint) return HINT;
    return { type: 'short' as const, text: answer.trim() };
  },
  feedback(q, _r, g, style) {
    const accepted = q.accept ?? [];
    const list = accepted.map(quote).join(', ');
    if (g.correct) return [verdict(style, true, accepted.length > 1 ? `Accepted answers: ${list}.` : '')];
    return [
      verdict(style, false, `You answered ${quote(g.given)}.`),
      ...(accepted.length
        ? [`${style.strong(accepted.length > 1 ? 'Accepted answers:' : 'The answer:')} ${list}`]
        : []),
    ];
  },
});
