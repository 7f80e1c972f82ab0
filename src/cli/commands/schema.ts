import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeFsError, UserError } from '../../errors.ts';
import type { Ctx } from '../context.ts';

export async function runSchema(ctx: Ctx, opts: { kind: 'lesson' | 'quiz'; write?: boolean }): Promise<void> {
  const { jsonSchemaFor, SCHEMA_FILES } = await import('../../content/json-schema.ts');
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
