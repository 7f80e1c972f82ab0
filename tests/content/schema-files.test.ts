import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFor, SCHEMA_FILES } from '../../src/content/json-schema.ts';
import { PACKAGE_ROOT } from '../helpers/run.ts';

describe('the JSON Schema files editors use', () => {
  it.each(['lesson', 'quiz'] as const)(
    '%s schema on disk matches the validator (run `npm run schema` if not)',
    (kind) => {
      const onDisk = readFileSync(path.join(PACKAGE_ROOT, SCHEMA_FILES[kind]), 'utf8');
      expect(onDisk).toBe(jsonSchemaFor(kind));
    },
  );

  it('rejects unknown keys, so editors flag typos too', () => {
    const schema = JSON.parse(jsonSchemaFor('lesson')) as { additionalProperties?: boolean };
    expect(schema.additionalProperties).toBe(false);
  });
});
