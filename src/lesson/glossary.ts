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

/**
 * A term as compared: no case, apostrophes or hyphens, and British spellings as American ones
 * ("mesa-optimiser" finds "mesa-optimizer", "behaviour" finds "behavior").
 */
export function normaliseTerm(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['\u2018\u2019\u02BC]/g, '')
    .replace(/[\s_\u2010-\u2015-]+/g, ' ')
    .replace(/(?<=\p{L}{2})is(?=(?:e|es|ed|er|ers|ing|ation|ations)\b)/gu, 'iz')
    .replace(/(?<=\p{L}{2})ys(?=(?:e|es|ed|ing)\b)/gu, 'yz')
    .replace(/(?<=\p{L}{2})our(?=s?\b)/gu, 'or')
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
  // Part of one term's name ("goodhart" for "Goodhart's law"): that term, when it is the only one.
  const words = key.split(' ');
  const partial = entries.filter((e) =>
    termKeys(e.term).some((k) => words.every((w) => k.split(' ').some((kw) => kw.startsWith(w)))),
  );
  if (partial.length && new Set(partial.map((e) => e.term)).size === 1) return { matches: partial };
  const byKey = new Map<string, string>();
  for (const e of entries) for (const k of termKeys(e.term)) if (!byKey.has(k)) byKey.set(k, e.term);
  const near = closest(key, byKey.keys(), 5).map((k) => byKey.get(k)!);
  return { suggestions: [...new Set(near)] };
}
