import type { Course } from '../content/course.ts';
import type { Lesson } from '../content/schema.ts';
import { plainText } from './plain-text.ts';

/** One place a search found, with the line that shows why. */
export interface SearchHit {
  lesson: Lesson;
  /** 0-based section index; undefined for the lesson's title and summary or its key terms. */
  section: number | undefined;
  /** What the hit is in, after the lesson title: a section title, "Key terms" or "Overview". */
  place: string;
  /** The sentence (or term and definition) that matched, Markdown marks removed. */
  line: string;
  score: number;
  /** Every query word occurs in this place. */
  complete: boolean;
}

interface Doc {
  lesson: Lesson;
  section: number | undefined;
  place: string;
  /** Text whose matches count extra: a title or a term. */
  title: string;
  sentences: string[];
  /** Put before the matching sentence when shown, e.g. a term before its definition. */
  prefix?: string;
}

const TITLE_WEIGHT = 5;
const PHRASE_BONUS = 8;
/** A word found many times in one section should not drown out a word found in its title. */
const MAX_COUNTED = 4;

/**
 * Full-text search over lesson titles, summaries, sections and key terms. Words match at the
 * start of a word ("optimi" finds "optimizer"), case-insensitively. Places holding every word
 * come first; if none does, places holding some of them are returned.
 */
export function searchCourse(course: Course, query: string[]): SearchHit[] {
  const typed = query
    .flatMap((q) => q.toLowerCase().split(/[^\p{L}\p{N}'-]+/u))
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter(Boolean);
  if (typed.length === 0) return [];
  const phrase = typed.length > 1 ? typed.join(' ') : undefined;
  const words = typed.map(stem);
  const hits: SearchHit[] = [];
  for (const doc of documents(course)) {
    const body = doc.sentences.join(' ').toLowerCase();
    const title = doc.title.toLowerCase();
    let score = 0;
    let found = 0;
    for (const w of words) {
      const inTitle = count(title, w);
      const inBody = count(body, w);
      if (inTitle + inBody > 0) found++;
      score += Math.min(inTitle, 1) * TITLE_WEIGHT + Math.min(inBody, MAX_COUNTED);
    }
    if (found === 0) continue;
    if (phrase && (body.includes(phrase) || title.includes(phrase))) score += PHRASE_BONUS;
    hits.push({
      lesson: doc.lesson,
      section: doc.section,
      place: doc.place,
      line: `${doc.prefix ?? ''}${bestSentence(doc, words)}`,
      score,
      complete: found === words.length,
    });
  }
  const complete = hits.filter((h) => h.complete);
  const chosen = complete.length ? complete : hits;
  const order = new Map(course.lessons.map((l, i) => [l.id, i]));
  // On a tie, a section (something to read) comes before an overview or a key term.
  return chosen.sort(
    (a, b) =>
      b.score - a.score ||
      order.get(a.lesson.id)! - order.get(b.lesson.id)! ||
      (a.section ?? Infinity) - (b.section ?? Infinity),
  );
}

function documents(course: Course): Doc[] {
  return course.lessons.flatMap((lesson) => {
    const docs: Doc[] = [
      {
        lesson,
        section: undefined,
        place: 'Overview',
        title: lesson.title,
        sentences: sentencesOf([lesson.summary, ...(lesson.objectives ?? [])].join('\n\n')),
      },
    ];
    lesson.sections.forEach((s, i) =>
      docs.push({ lesson, section: i, place: s.title, title: s.title, sentences: sentencesOf(s.body) }),
    );
    for (const t of lesson.terms ?? [])
      docs.push({
        lesson,
        section: undefined,
        place: 'Key terms',
        title: t.term,
        sentences: [plainText(t.definition).replace(/\s*\n\s*/g, ' ')],
        prefix: `${t.term}: `,
      });
    return docs;
  });
}

/** A crude English stem, so "proxy" also finds "proxies" and "optimizers" finds "optimizer". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ies|es|s|y|ing|ed)$/, '');
}

/** Occurrences of `word` at the start of a word in `text`. */
function count(text: string, word: string): number {
  let n = 0;
  let at = text.indexOf(word);
  while (at >= 0) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]!)) n++;
    at = text.indexOf(word, at + word.length);
  }
  return n;
}

function bestSentence(doc: Doc, words: string[]): string {
  let best = doc.sentences[0] ?? doc.title;
  let bestScore = -1;
  for (const s of doc.sentences) {
    const lower = s.toLowerCase();
    const score = words.reduce((n, w) => n + (count(lower, w) > 0 ? 1 : 0), 0);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/** Paragraphs joined into lines, then split at sentence ends, Markdown marks removed. */
function sentencesOf(md: string): string[] {
  return md
    .split(/\n\s*\n/)
    .flatMap((para) =>
      plainText(para.replace(/^\s*(?:[-*]|\d+\.)\s+/gm, '').replace(/\s*\n\s*/g, ' ')).split(
        /(?<=[.!?])\s+(?=[A-Z"“(])/,
      ),
    )
    .map((s) => s.trim())
    .filter(Boolean);
}
