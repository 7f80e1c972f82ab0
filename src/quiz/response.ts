/**
 * What a learner answered. Each question kind (kinds/) declares its own shape; the progress
 * file's schema (progress/schema.ts) records their union.
 */
export type { Response } from './kinds/registry.ts';
