/**
 * What a learner answered. Each question kind (kinds/) declares its own shape; the progress
 * file's schema records the union declared here.
 */
export { responseSchema, type Response } from './kinds/registry.ts';
