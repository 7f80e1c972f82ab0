import { z } from 'zod';

/**
 * The building blocks of the lesson and quiz format: text a learner reads and the ids progress
 * is keyed by. The lesson schema (schema.ts) and every question kind (quiz/kinds) build on them,
 * so a rule about text is written once.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// C0 controls other than tab and newline, DEL, and C1 controls: any of them could move the
// cursor or recolour the learner's terminal when the text is printed.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function controlCharMessage(value: string): string {
  const m = CONTROL.exec(value);
  const code = m ? m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') : '????';
  const line = m ? value.slice(0, m.index).split('\n').length : 1;
  return (
    `contains the control character U+${code} (line ${line} of this text); ` +
    "delete it, since it could drive the learner's terminal"
  );
}

/** No terminal control characters: every string of a course passes this, ids and addresses too. */
export const noControl = { error: (iss: { input: unknown }) => controlCharMessage(String(iss.input)) };
export const isFreeOfControls = (s: string) => !CONTROL.test(s);

/** Text shown to the learner: non-empty, and free of terminal control characters. */
export const text = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? undefined : `${what} must be text`) })
    .trim()
    .min(1, `${what} must not be empty`)
    .refine(isFreeOfControls, noControl)
    .meta({ description: what });

export const id = (what: string) =>
  z
    .string()
    .regex(
      KEBAB,
      `${what} must be kebab-case: lowercase letters, digits and single hyphens, like "reward-hacking"`,
    )
    .meta({ description: `${what}: kebab-case, stable (progress is keyed by it)` });

export const choiceSchema = z
  .strictObject({
    text: text('Choice text'),
    correct: z.boolean().optional().meta({ description: 'true on the right choice(s)' }),
    feedback: text('Feedback').optional().meta({
      description: 'Shown when this choice is picked; for a wrong choice, name the misconception it reveals',
    }),
  })
  .meta({ title: 'Choice' });

export type Choice = z.infer<typeof choiceSchema>;

/** The keys every question has, whatever its kind. */
export const questionBase = {
  id: id('Question id'),
  prompt: text('Prompt (Markdown)'),
  explanation: text('Explanation shown after answering: why the right answer is right'),
  hint: text('Hint offered before answering').optional(),
  section: id('Section id of the lesson to revisit').optional(),
};

export const choices = z.array(choiceSchema).min(2, 'needs at least 2 choices');

/** An index into a question as written in the file (a choice or an item). */
export const fileIndex = z.int().min(0).meta({ expected: 'a whole number of at least 0' });

/** The building blocks as one value, handed to each question kind to build its schema. */
export const fields = { z, text, id, choices, questionBase, fileIndex };
export type Fields = typeof fields;
