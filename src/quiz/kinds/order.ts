import type { Fields } from '../../content/fields.ts';
import { defineKind, HINT, parseNumberList, verdict } from './kind.ts';

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/** Items written in the right order, shown shuffled, put back in order by the learner. */
export const order = defineKind({
  type: 'order' as const,
  schema: ({ z, questionBase, text }: Fields) =>
    z
      .strictObject({
        ...questionBase,
        type: z.literal('order'),
        items: z
          .array(text('Item'))
          .min(2, 'needs at least 2 items')
          .refine((items) => new Set(items).size === items.length, {
            error: 'items must all be different, or the right order is ambiguous',
          })
          .meta({ description: 'Written in the correct order; the learner sees them shuffled' }),
      })
      .meta({ title: 'Ordering question' }),
  response: ({ z, fileIndex }: Fields) => z.object({ type: z.literal('order'), order: z.array(fileIndex) }),
  options: (q) => q.items,
  shuffle: 'always',
  grade(q, response) {
    const total = q.items.length;
    const inPlace = response.order.filter((item, position) => item === position).length;
    return {
      type: 'order' as const,
      correct: inPlace === total && response.order.length === total,
      /** Items the learner put in their right position, for "almost right" feedback. */
      inPlace,
      total,
    };
  },
  plain: {
    instruction: 'Put these in order, first to last.',
    prompt: () => 'Answer (the item numbers in order, like 3 1 2):',
    parse(_q, raw, display) {
      const n = display.length;
      const example = Array.from({ length: n }, (_, i) => n - i).join(' ');
      const expected = `Type all ${n} item numbers once each, first to last, like "${example}".`;
      const nums = parseNumberList(raw, n);
      if (typeof nums === 'string')
        return { error: raw === '' ? expected : nums.replace(/ Type numbers.*$/, ` ${expected}`) };
      if (nums.length !== n) return { error: `That lists ${nums.length} of the ${n} items. ${expected}` };
      return { type: 'order' as const, order: nums.map((k) => display[k - 1]!) };
    },
  },
  async ask(_q, { prompter, labels, display, hint, draft, keep }) {
    const picked = await prompter.order({
      message: 'Put these in order, first at the top',
      items: labels,
      hint,
      ...(Array.isArray(draft) ? { start: draft as number[] } : {}),
      onChange: keep,
      redraw: true,
    });
    return picked === 'hint' ? HINT : { type: 'order' as const, order: picked.map((k) => display[k]!) };
  },
  feedback(q, response, g, style) {
    const placed = g.inPlace === 1 ? 'was' : 'were';
    const lines = [
      g.correct
        ? verdict(style, true, 'That is the right order:')
        : verdict(
            style,
            false,
            `${g.inPlace} of ${g.total} items ${placed} in the right place. The right order:`,
          ),
    ];
    q.items.forEach((item, i) => {
      const at = response.order.indexOf(i);
      const note =
        g.correct || at === i
          ? ''
          : style.bad(at < 0 ? ' (you left it out)' : ` (you put it ${ordinal(at + 1)})`);
      lines.push(`  ${i + 1}. ${style.md(item)}${note}`);
    });
    return lines;
  },
});
