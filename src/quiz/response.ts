import { z } from 'zod';

/**
 * What a learner answered, independent of how it was shown: choice and item numbers are
 * indices into the question as written in the file, so a shuffled display never changes
 * what is stored. The progress file's schema (progress/schema.ts) records it as declared here.
 */
const index = z.int().min(0).meta({ expected: 'a whole number of at least 0' });

export const responseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), choice: index }),
  z.object({ type: z.literal('multiple'), choices: z.array(index) }),
  z.object({ type: z.literal('true-false'), value: z.boolean() }),
  z.object({ type: z.literal('short'), text: z.string() }),
  z.object({ type: z.literal('order'), order: z.array(index) }),
]);

export type Response = z.infer<typeof responseSchema>;
