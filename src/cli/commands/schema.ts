import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { lessonSchema, quizSchema } from '../../content/schema.ts';
import { describeFsError, UserError } from '../../errors.ts';
import type { Ctx } from '../context.ts';

/** The JSON Schema of a content file, generated from the same schema the loader checks with. */
export function jsonSchemaFor(kind: 'lesson' | 'quiz'): string {
  const schema = z.toJSONSchema(kind === 'lesson' ? lessonSchema : quizSchema, { target: 'draft-2020-12', io: 'input' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export const SCHEMA_FILES = { lesson: 'lessons/lesson.schema.json', quiz: 'quizzes/quiz.schema.json' } as const;

export async function runSchema(ctx: Ctx, opts: { kind: 'lesson' | 'quiz'; write?: boolean }): Promise<void> {
  if (!opts.write) {
    ctx.io.stdout.write(jsonSchemaFor(opts.kind));
    return;
  }
  for (const kind of ['lesson', 'quiz'] as const) {
    const file = path.join(ctx.contentDir, SCHEMA_FILES[kind]);
    try {
      writeFileSync(file, jsonSchemaFor(kind));
    } catch (e) {
      throw new UserError(`cannot write ${file}: ${describeFsError(e, file) ?? (e as Error).message}`);
    }
    ctx.io.stdout.write(`wrote ${ctx.displayPath(file)}\n`);
  }
}
