/**
 * What a learner answered, independent of how it was shown: choice and item numbers are
 * indices into the question as written in the file, so a shuffled display never changes
 * what is stored.
 */
export type Response =
  | { type: 'single'; choice: number }
  | { type: 'multiple'; choices: number[] }
  | { type: 'true-false'; value: boolean }
  | { type: 'short'; text: string }
  | { type: 'order'; order: number[] };
