import type { Fields } from '../../content/fields.ts';
import { plural } from '../../text/plural.ts';
import { defineKind, HINT, indicesWhere, parseNumberList, verdict } from './kind.ts';

/** Select all that apply: only the exact set of right choices counts. */
export const multiple = defineKind({
  type: 'multiple' as const,
  schema: ({ z, choices, questionBase }: Fields) =>
    z
      .strictObject({ ...questionBase, type: z.literal('multiple'), choices })
      .refine((q) => q.choices.some((c) => c.correct === true), {
        path: ['choices'],
        error: 'a "multiple" question needs at least one choice with "correct: true"',
      })
      .meta({ title: 'Select-all-that-apply question' }),
  response: ({ z, fileIndex }: Fields) =>
    z.object({ type: z.literal('multiple'), choices: z.array(fileIndex) }),
  options: (q) => q.choices.map((c) => c.text),
  shuffle: 'by-default',
  grade(q, response) {
    const picked = new Set(response.choices);
    const right = indicesWhere(q.choices, (c) => c.correct === true);
    const missed = right.filter((i) => !picked.has(i));
    const hit = right.filter((i) => picked.has(i));
    const wrong = [...picked].filter((i) => !right.includes(i)).sort((a, b) => a - b);
    return {
      type: 'multiple' as const,
      /** Only the exact set counts: a partial selection is wrong, and says what it missed. */
      correct: missed.length === 0 && wrong.length === 0,
      right,
      /** Right choices the learner did not pick. */
      missed,
      /** Picked choices that are not right. */
      wrong,
      /** Right choices the learner picked. */
      hit,
    };
  },
  plain: {
    instruction: 'Select all that apply.',
    prompt: () => 'Answer (numbers separated by spaces or commas):',
    parse(_q, raw, display) {
      const nums = parseNumberList(raw, display.length);
      if (typeof nums === 'string') return { error: nums };
      return { type: 'multiple' as const, choices: nums.map((k) => display[k - 1]!).sort((a, b) => a - b) };
    },
  },
  async ask(_q, { prompter, labels, display, hint, draft, keep }) {
    const checked = Array.isArray(draft) ? (draft as number[]) : [];
    const picked = await prompter.checkbox(
      'Your answer (select all that apply)',
      labels.map((label, k) => ({ label, value: display[k]! })),
      { checked, onChange: keep, redraw: true, hint },
    );
    if (picked === 'hint') return HINT;
    return { type: 'multiple' as const, choices: [...picked].sort((a, b) => a - b) };
  },
  feedback(q, _r, g, style) {
    const parts = [];
    if (g.missed.length) parts.push(`you missed ${plural(g.missed.length, 'right choice')}`);
    if (g.wrong.length) parts.push(`you picked ${plural(g.wrong.length, 'wrong choice')}`);
    const said = parts.join(' and ');
    const lines = [
      g.correct
        ? verdict(style, true, 'You picked exactly the right choices:')
        : verdict(style, false, `${said.charAt(0).toUpperCase()}${said.slice(1)}. The right choices:`),
    ];
    const item = (text: string, note = '', feedback?: string) => {
      lines.push(`  - ${style.md(text)}${note}`);
      if (feedback) lines.push(`    ${style.md(feedback)}`);
    };
    for (const i of g.right) {
      const c = q.choices[i]!;
      const note = g.correct
        ? ''
        : g.missed.includes(i)
          ? style.bad(' (you missed this one)')
          : style.ok(' (you picked it)');
      item(c.text, note, c.feedback);
    }
    if (g.wrong.length) {
      lines.push(style.strong('Wrong picks:'));
      for (const i of g.wrong) {
        const c = q.choices[i];
        if (c) item(c.text, '', c.feedback);
      }
    }
    return lines;
  },
});
