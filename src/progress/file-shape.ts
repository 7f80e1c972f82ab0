import { z } from 'zod';
import { progressFileSchema } from './schema.ts';

/**
 * The progress file's JSON Schema, computed from its declaration. The build replaces this module
 * with the computed value (src/build/build.mjs), so reading progress never loads zod.
 */
export const PROGRESS_JSON_SCHEMA = z.toJSONSchema(progressFileSchema, { io: 'input' }) as JsonSchema;

/** The part of JSON Schema that schema.ts uses, as z.toJSONSchema writes it. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  propertyNames?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  /** What a message says the value should have been, from the schema's metadata. */
  expected?: string;
}
