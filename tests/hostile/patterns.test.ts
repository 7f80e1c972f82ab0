import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nestedRepetition } from '../../src/content/pattern-safety.ts';
import { short } from '../../src/quiz/kinds/short.ts';
import { courseCopy, runChild, scratch } from './child-run.ts';

// A short answer's pattern must not let a crafted answer hold the quiz at full CPU.

const tmp = scratch();
afterAll(tmp.cleanup);

describe('patterns with catastrophic backtracking', () => {
  it.each(['^(a+)+$', '(a*)*b', '^(\\w+\\s?)*$', '(.*a){12}', '^((ab)*c?)+$'])('%s is recognised', (p) =>
    expect(nestedRepetition(p)).toBeDefined(),
  );

  it.each([
    '^(an? )?mesa[- ]?optimi[sz]ers?$',
    '^(0?\\.50*|50(\\.0+)? ?(%|percent|per cent)?|1/2|15/30|(one )?half)$',
    '^(the )?(50 ?%|50[- ]percent)?[- ]?(task[- ]completion )?time[- ]horizons?$',
    '(?<=a)b',
  ])('%s passes', (p) => expect(nestedRepetition(p)).toBeUndefined());

  it('validate rejects one, naming the file, the line and what to do', () => {
    const course = courseCopy(tmp.dir, 'redos');
    const file = path.join(course, 'quizzes', 'rewards.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/pattern: .*/, 'pattern: "^(a+)+$"'));
    const r = runChild(['--content', course, 'validate']);
    expect(r.hung).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(
      /rewards\.yaml:\d+:\d+: .*pattern repeats a repetition \(\(a\+\)\+\)/,
    );
  });

  it('matching is bounded in time even for a pattern validate cannot recognise', () => {
    const q = {
      id: 'q',
      type: 'short' as const,
      prompt: 'p',
      explanation: 'e',
      pattern: '^(a|a)*$',
    };
    const started = Date.now();
    const g = short.grade(q, { type: 'short', text: `${'a'.repeat(40)}!` });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(g.correct).toBe(false);
    expect(short.grade(q, { type: 'short', text: 'aaa' }).correct).toBe(true);
  });
});
