import type { Course } from '../content/course.ts';
import type { Lesson } from '../content/schema.ts';
import { closest } from '../text/suggest.ts';

export interface GlossaryEntry {
  term: string;
  definition: string;
  lesson: Lesson;
}

/** Every key term of every lesson, alphabetically (a term two lessons define appears twice). */
export function buildGlossary(course: Course): GlossaryEntry[] {
  const entries = course.lessons.flatMap((lesson) =>
    (lesson.terms ?? []).map((t) => ({ term: t.term, definition: t.definition, lesson })),
  );
  const order = new Map(course.lessons.map((l, i) => [l.id, i]));
  return entries.sort(
    (a, b) =>
      a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }) ||
      order.get(a.lesson.id)! - order.get(b.lesson.id)!,
  );
}

/**
 * The names a term answers to: itself, and for "Assistance game (CIRL)" also "Assistance game"
 * and "CIRL", compared without case, hyphens or curly quotes.
 */
export function termKeys(term: string): string[] {
  const keys = [term];
  const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(term);
  if (paren) keys.push(paren[1]!, paren[2]!);
  return keys.map(normaliseTerm);
}

export function normaliseTerm(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s_\u2010-\u2015-]+/g, ' ')
    .trim();
}

/** The entries for a term, or the closest term names when there is none. */
export function lookupTerm(
  entries: readonly GlossaryEntry[],
  query: string,
): { matches: GlossaryEntry[] } | { suggestions: string[] } {
  const key = normaliseTerm(query);
  const matches = entries.filter((e) => termKeys(e.term).includes(key));
  if (matches.length) return { matches };
  const byKey = new Map<string, string>();
  for (const e of entries) for (const k of termKeys(e.term)) if (!byKey.has(k)) byKey.set(k, e.term);
  const near = closest(key, byKey.keys(), 5).map((k) => byKey.get(k)!);
  return { suggestions: [...new Set(near)] };
}
