import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/load.ts';
import type { Question } from '../../src/content/schema.ts';
import { PACKAGE_ROOT } from '../helpers/run.ts';

/**
 * The shipped course: it must validate, and it must meet the course-wide minimums the content
 * issue sets (so a thin lesson or a giveaway quiz cannot land).
 */
const result = loadCourse(PACKAGE_ROOT);
const course = result.course!;

const TOPICS = [
  'what-alignment-means',
  'what-is-at-stake',
  'specification-problem',
  'inner-outer-alignment',
  'deceptive-alignment',
  'interpretability',
  'control-and-evaluations',
  'corrigibility',
  'current-alignment-work',
  'scalable-oversight',
  'reward-hacking-in-language-models',
  'philosophical-layer',
];

/** Key concepts of the essay: each must be taught in some lesson body and tested by some question. */
const KEY_CONCEPTS = [
  'intent alignment',
  'orthogonality thesis',
  'control problem',
  'proxy',
  'Goodhart',
  'specification gaming',
  'reward hacking',
  'outer alignment',
  'inner alignment',
  'base objective',
  'mesa-optimizer',
  'distributional shift',
  'goal misgeneralization',
  'deceptive alignment',
  'situational awareness',
  'interpretability',
  'alignment faking',
  'corrigib',
  'instrumental convergence',
  'off-switch|off switch',
  'assistance game|CIRL',
  'RLHF',
  'red-team|red team',
  'scalable oversight',
  'constitutional AI',
  'debate',
  'value pluralism',
  'revealed preferences',
  'whose values',
  // The field beyond the essay (issue 13).
  'misuse',
  'power-seeking argument|Carlsmith',
  'superposition',
  'sparse autoencoder',
  'dictionary learning',
  'induction head',
  'weak-to-strong generali[sz]ation',
  'sandwich',
  'consultancy',
  'trusted monitoring',
  'dangerous[- ]capability evaluation',
  '\\bAI control\\b',
  'over-?optimi[sz]ation',
  'emergent misalignment',
  'sycophan',
];

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

function questionText(q: Question): string {
  const parts = [q.prompt];
  if (q.type === 'single' || q.type === 'multiple') parts.push(...q.choices.map((c) => c.text));
  if (q.type === 'short') parts.push(...(q.accept ?? []), q.pattern ?? '');
  if (q.type === 'order') parts.push(...q.items);
  return parts.join('\n');
}

describe('the shipped course', () => {
  it('validates with no errors and no warnings', () => {
    expect(result.issues.map((i) => `${i.file}:${i.line}:${i.col}: ${i.message}`)).toEqual([]);
  });

  it('has every topic, in course order', () => {
    expect(course.lessons.map((l) => l.id)).toEqual(TOPICS);
  });

  describe.each(TOPICS)('lesson %s', (id) => {
    const lesson = () => course.lessons.find((l) => l.id === id)!;

    it('has 3-6 sections of 150-400 words', () => {
      const l = lesson();
      expect(l.sections.length).toBeGreaterThanOrEqual(3);
      expect(l.sections.length).toBeLessThanOrEqual(6);
      for (const s of l.sections) {
        const n = words(s.body);
        expect(n, `section ${s.id} has ${n} words`).toBeGreaterThanOrEqual(150);
        expect(n, `section ${s.id} has ${n} words`).toBeLessThanOrEqual(400);
      }
    });

    it('has objectives, an inline check, 4+ key terms and 2+ primary references with links', () => {
      const l = lesson();
      expect(l.objectives?.length ?? 0).toBeGreaterThan(0);
      expect(l.sections.some((s) => s.check)).toBe(true);
      expect(l.terms?.length ?? 0).toBeGreaterThanOrEqual(4);
      const linked = (l.references ?? []).filter((r) => r.url && r.authors.length > 0 && r.year);
      expect(linked.length).toBeGreaterThanOrEqual(2);
    });

    it('has a quiz of 8+ questions using 3+ types, each with a section to revisit', () => {
      const quiz = course.quizzes.get(id)!;
      expect(quiz).toBeDefined();
      expect(quiz.questions.length).toBeGreaterThanOrEqual(8);
      expect(new Set(quiz.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(3);
      for (const q of quiz.questions) expect(q.section, `question ${q.id}`).toBeDefined();
    });

    it('gives feedback on every wrong choice and no giveaway choices', () => {
      const quiz = course.quizzes.get(id)!;
      const checks = lesson().sections.flatMap((s) => (s.check ? [s.check] : []));
      for (const q of [...quiz.questions, ...checks]) {
        if (q.type !== 'single' && q.type !== 'multiple') continue;
        for (const c of q.choices) {
          if (!c.correct) expect(c.feedback, `question ${q.id}, choice "${c.text}"`).toBeTruthy();
          expect(c.text).not.toMatch(/\b(all|none|both) of the (above|these)\b/i);
        }
      }
    });

    it('spreads the correct position and does not make the right answer the longest', () => {
      const singles = course.quizzes.get(id)!.questions.filter((q) => q.type === 'single');
      const positions = singles.map((q) => q.choices.findIndex((c) => c.correct));
      const most = Math.max(...[0, 1, 2, 3, 4].map((p) => positions.filter((x) => x === p).length));
      expect(most, `correct positions ${positions.join(',')}`).toBeLessThanOrEqual(
        Math.ceil(singles.length / 2),
      );
      const longest = singles.filter((q) => {
        const lengths = q.choices.map((c) => c.text.length);
        const correct = lengths[q.choices.findIndex((c) => c.correct)]!;
        return lengths.filter((n) => n >= correct).length === 1;
      });
      expect(
        longest.length,
        `right answer is the longest in: ${longest.map((q) => q.id).join(', ')}`,
      ).toBeLessThanOrEqual(singles.length / 2);
    });
  });

  it.each(KEY_CONCEPTS)('teaches and tests "%s"', (concept) => {
    const re = new RegExp(concept, 'i');
    const taught = course.lessons.some((l) => l.sections.some((s) => re.test(s.body)));
    const tested = [...course.quizzes.values()].some((q) =>
      q.questions.some((question) => re.test(questionText(question))),
    );
    expect(taught, 'taught in a lesson body').toBe(true);
    expect(tested, 'tested by a quiz question').toBe(true);
  });
});
