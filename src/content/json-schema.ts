import { z } from 'zod';
import { lessonSchema, quizSchema } from './schema.ts';

/** The JSON Schema of a content file, generated from the same schema the loader checks with. */
export function jsonSchemaFor(kind: 'lesson' | 'quiz'): string {
  const schema = z.toJSONSchema(kind === 'lesson' ? lessonSchema : quizSchema, {
    target: 'draft-2020-12',
    io: 'input',
  });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export const SCHEMA_FILES = {
  lesson: 'lessons/lesson.schema.json',
  quiz: 'quizzes/quiz.schema.json',
} as const;
