import { z } from 'zod';

/**
 * The one definition of the lesson and quiz format. The loader checks files against it and
 * `alignment-tutor schema` turns it into the JSON Schema that editors use for completion,
 * so the documentation, the checks and the editor help cannot drift apart.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// C0 controls other than tab and newline, DEL, and C1 controls: any of them could move the
// cursor or recolour the learner's terminal when the text is printed.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function controlCharMessage(value: string): string {
  const m = CONTROL.exec(value);
  const code = m ? m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') : '????';
  const line = m ? value.slice(0, m.index).split('\n').length : 1;
  return `contains the control character U+${code} (line ${line} of this text); delete it, since it could drive the learner's terminal`;
}

/** Text shown to the learner: non-empty, and free of terminal control characters. */
const text = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? undefined : `${what} must be text`) })
    .trim()
    .min(1, `${what} must not be empty`)
    .refine((s) => !CONTROL.test(s), { error: (iss) => controlCharMessage(String(iss.input)) })
    .meta({ description: what });

const id = (what: string) =>
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

const questionBase = {
  id: id('Question id'),
  prompt: text('Prompt (Markdown)'),
  explanation: text('Explanation shown after answering: why the right answer is right'),
  hint: text('Hint offered before answering').optional(),
  section: id('Section id of the lesson to revisit').optional(),
};

const choices = z.array(choiceSchema).min(2, 'needs at least 2 choices');

const countCorrect = (cs: ReadonlyArray<{ correct?: boolean | undefined }>) =>
  cs.filter((c) => c.correct === true).length;

export const singleSchema = z
  .strictObject({ ...questionBase, type: z.literal('single'), choices })
  .refine((q) => countCorrect(q.choices) === 1, {
    path: ['choices'],
    error: (iss) => {
      const n = countCorrect((iss.input as { choices: [] }).choices);
      return `a "single" question needs exactly one choice with "correct: true" (found ${n}); use type "multiple" for several right answers`;
    },
  })
  .meta({ title: 'Single-choice question' });

export const multipleSchema = z
  .strictObject({ ...questionBase, type: z.literal('multiple'), choices })
  .refine((q) => countCorrect(q.choices) >= 1, {
    path: ['choices'],
    error: 'a "multiple" question needs at least one choice with "correct: true"',
  })
  .meta({ title: 'Select-all-that-apply question' });

export const trueFalseSchema = z
  .strictObject({
    ...questionBase,
    type: z.literal('true-false'),
    answer: z.boolean({ error: 'answer must be true or false (without quotes)' }),
  })
  .meta({ title: 'True/false question' });

export const shortSchema = z
  .strictObject({
    ...questionBase,
    type: z.literal('short'),
    accept: z.array(text('Accepted answer')).min(1, 'accept needs at least one answer').optional().meta({
      description: 'Accepted answers, matched ignoring case, surrounding space and repeated inner space',
    }),
    pattern: text('Pattern').optional().meta({
      description: 'A JavaScript regular expression tested, case-insensitively, against the trimmed answer',
    }),
  })
  .refine((q) => q.accept !== undefined || q.pattern !== undefined, {
    error: 'a "short" question needs "accept" (a list of answers), "pattern" (a regular expression), or both',
  })
  .meta({ title: 'Short-answer question' });

export const orderSchema = z
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
  .meta({ title: 'Ordering question' });

export const QUESTION_TYPES = ['single', 'multiple', 'true-false', 'short', 'order'] as const;

export const questionSchema = z.discriminatedUnion('type', [
  singleSchema,
  multipleSchema,
  trueFalseSchema,
  shortSchema,
  orderSchema,
]);

export const sectionSchema = z
  .strictObject({
    id: id('Section id'),
    title: text('Section title'),
    body: text('Section body (Markdown)'),
    check: questionSchema.optional().meta({ description: 'One question asked inline after the section' }),
  })
  .meta({ title: 'Section' });

export const termSchema = z
  .strictObject({ term: text('Term'), definition: text('Definition') })
  .meta({ title: 'Key term' });

export const referenceSchema = z
  .strictObject({
    title: text('Reference title'),
    authors: z.array(text('Author')).min(1, 'list at least one author'),
    year: z.int('year must be a whole number, like 2019').min(1000).max(2100),
    url: z.url({ error: 'url must be a full address starting with https:// or http://' }).optional(),
  })
  .meta({ title: 'Reference' });

export const lessonSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path to the JSON Schema, for editors' }),
    id: id('Lesson id'),
    title: text('Lesson title'),
    order: z.int('order must be a whole number (the position in the course)'),
    summary: text('Summary'),
    requires: z.array(id('Required lesson id')).optional().meta({ description: 'Lessons to read first' }),
    minutes: z.int('minutes must be a whole number').positive().optional(),
    objectives: z.array(text('Objective')).optional(),
    sections: z.array(sectionSchema).min(1, 'a lesson needs at least one section'),
    terms: z.array(termSchema).optional(),
    references: z.array(referenceSchema).optional(),
  })
  .meta({ title: 'alignment-tutor lesson' });

export const quizSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path to the JSON Schema, for editors' }),
    lesson: id('Lesson id this quiz belongs to'),
    title: text('Quiz title').optional(),
    pass: z
      .number()
      .min(0, 'pass is a fraction from 0 to 1, like 0.7')
      .max(1, 'pass is a fraction from 0 to 1, like 0.7')
      .optional(),
    questions: z.array(questionSchema).min(1, 'a quiz needs at least one question'),
  })
  .meta({ title: 'alignment-tutor quiz' });

export type Choice = z.infer<typeof choiceSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type Section = z.infer<typeof sectionSchema>;
export type Term = z.infer<typeof termSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
export type QuizInput = z.infer<typeof quizSchema>;
/** A quiz after loading, with its pass mark filled in. */
export type Quiz = Omit<QuizInput, 'pass'> & { pass: number };

export const DEFAULT_PASS = 0.7;

/** The known keys of each object shape, for "did you mean" on unknown keys. */
export function knownKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}
