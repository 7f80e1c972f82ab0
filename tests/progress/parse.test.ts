import { readFileSync } from 'node:fs';
import { replay } from '../../src/quiz/schedule.ts';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProgress } from '../../src/progress/parse.ts';
import { FIXTURES, sampleProgress } from './helpers.ts';

// From the bytes of a progress file (or an export) to checked data: what counts as damaged, and
// what the learner is told about it.

const valid = sampleProgress('alignment-tutor');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests reach into arbitrary corners of the file
type Loose = any;
const withChange = (change: (d: Loose) => void): string => {
  const copy = structuredClone(valid);
  change(copy);
  return JSON.stringify(copy);
};

describe('reading a progress file', () => {
  it('accepts a file of the current version as it is', () => {
    expect(parseProgress(JSON.stringify(valid))).toEqual({ kind: 'ok', data: valid });
  });

  it('keeps fields it does not know, so nothing in the file is lost by reading it', () => {
    const parsed = parseProgress(withChange((d) => (d.courses['alignment-tutor'].note = 'mine')));
    expect(parsed.kind).toBe('ok');
    expect((parsed as Loose).data.courses['alignment-tutor'].note).toBe('mine');
  });

  it.each([
    ['an empty file', '  \n', 'is empty'],
    ['a cut-off file', JSON.stringify(valid).slice(0, 100), 'ends part-way through (it was cut short)'],
    ['text that is not JSON', 'version = 1', 'is not valid JSON ('],
    ['a list', '[]', 'does not have the shape of a progress file (expected an object, found a list)'],
    ['a version that is not a number', '{"version":"1"}', 'version: expected a whole number, found "1"'],
    [
      'a missing field',
      withChange((d) => delete d.courses['alignment-tutor'].quizzes.rewards.answers[0].correct),
      'courses.alignment-tutor.quizzes.rewards.answers[0].correct: is missing',
    ],
    [
      'a time without its zone',
      withChange((d) => (d.courses['alignment-tutor'].lessons.rewards.updatedAt = '2025-03-01 10:00')),
      'courses.alignment-tutor.lessons.rewards.updatedAt: expected an ISO 8601 UTC time',
    ],
    [
      'an unknown answer type',
      withChange(
        (d) => (d.courses['alignment-tutor'].quizzes.rewards.answers[1].response = { type: 'essay' }),
      ),
      'answers[1].response.type: expected one of "single", "multiple", "true-false", "short", "order", found "essay"',
    ],
    [
      'a score above 1',
      withChange((d) => (d.courses['alignment-tutor'].quizzes.rewards.attempts[0].score = 50)),
      'attempts[0].score: expected a number from 0 to 1, found 50',
    ],
    [
      'a __proto__ key',
      '{"version":2,"courses":{"__proto__":{"lessons":{},"quizzes":{}}}}',
      'courses.__proto__: is not a usable id',
    ],
  ])('reports %s as damaged, with where', (_what, text, problem) => {
    const parsed = parseProgress(text);
    expect(parsed.kind).toBe('corrupt');
    expect((parsed as { problem: string }).problem).toContain(problem);
  });

  it('recognises a file from a newer version without judging its shape', () => {
    expect(parseProgress('{"version":3,"everything":"different"}')).toEqual({ kind: 'newer', version: 3 });
  });

  it('upgrades a version-0 file (no version field, times in milliseconds) to the current version', () => {
    const parsed = parseProgress(readFileSync(path.join(FIXTURES, 'v0-progress.json')), replay);
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'v0-progress.migrated.json'), 'utf8'));
    expect(parsed).toEqual({ kind: 'migrated', from: 0, data: expected });
  });

  it('upgrades an empty version-0 file to empty progress for the shipped course', () => {
    expect(parseProgress(readFileSync(path.join(FIXTURES, 'v0-empty.json')), replay)).toEqual({
      kind: 'migrated',
      from: 0,
      data: { version: 2, courses: { 'alignment-tutor': { lessons: {}, quizzes: {} } } },
    });
  });
});
