import { z } from 'zod';
import { buildQuestionSchema } from '../quiz/kinds/registry.ts';
import { fields, id, isFreeOfControls, noControl, text } from './fields.ts';

export { choiceSchema, type Choice } from './fields.ts';
export { QUESTION_TYPES, type Question, type QuestionType } from '../quiz/kinds/registry.ts';

export const questionSchema = buildQuestionSchema(fields);

/**
 * The one definition of the lesson and quiz format. The loader checks files against it and
 * `alignment-tutor schema` turns it into the JSON Schema that editors use for completion,
 * so the documentation, the checks and the editor help cannot drift apart. Questions are
 * declared by their kinds (quiz/kinds).
 */

const schemaPath = z
  .string()
  .refine(isFreeOfControls, noControl)
  .optional()
  .meta({ description: 'Path to the JSON Schema, for editors' });

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
    url: z
      .url({ error: 'url must be a full address starting with https:// or http://' })
      .refine(isFreeOfControls, noControl)
      .optional(),
  })
  .meta({ title: 'Reference' });

export const lessonSchema = z
  .strictObject({
    $schema: schemaPath,
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
    $schema: schemaPath,
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
