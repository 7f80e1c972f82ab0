import { rebuildCards, type ReplayFn } from './cards.ts';
import {
  PROGRESS_VERSION,
  type AnswerRecord,
  type AttemptRecord,
  type CourseProgress,
  type LessonProgress,
  type ProgressData,
  type QuizProgress,
  type Settings,
} from './types.ts';
import { idTable } from './id-tables.ts';

/**
 * Combines two copies of the progress file: for `progress --import`, and for changes that could
 * not be saved earlier meeting the file as another process left it. Pure.
 *
 * The result does not depend on the order of the copies, nor on how several are grouped
 * (merge(merge(a, b), c) equals merge(a, merge(b, c))), and nothing recorded in either copy is
 * dropped: answers and attempts are united by id; sections seen are united; for one-value fields
 * the most recent wins, with ties broken by value so that the choice is the same either way round.
 * Something that exists in only one copy is taken as it is. Review cards of a course in both
 * copies are rebuilt from the united answers with `replay` (the scheduler's), as if every answer
 * had been given in one place.
 */
export function mergeProgress(a: ProgressData, b: ProgressData, replay: ReplayFn): ProgressData {
  const merged: ProgressData = {
    version: PROGRESS_VERSION,
    courses: mergeKeyed(a.courses, b.courses, (x, y) => mergeCourse(x, y, replay)),
  };
  const settings = latest(a.settings, b.settings, (s) => [s.updatedAt, JSON.stringify(s)]);
  if (settings) merged.settings = settings satisfies Settings;
  return merged;
}

export function mergeCourse(a: CourseProgress, b: CourseProgress, replay: ReplayFn): CourseProgress {
  const merged: CourseProgress = {
    lessons: mergeKeyed(a.lessons, b.lessons, mergeLesson),
    quizzes: mergeKeyed(a.quizzes, b.quizzes, mergeQuiz),
  };
  const last = latest(a.last, b.last, (l) => [l.at, l.kind, l.lesson]);
  if (last) merged.last = last;
  rebuildCards(merged, replay);
  return merged;
}

function mergeLesson(a: LessonProgress, b: LessonProgress): LessonProgress {
  const newer = latest(a, b, (l) => [l.updatedAt, l.sectionReached ?? ''])!;
  const merged: LessonProgress = {
    sectionsSeen: [...new Set([...a.sectionsSeen, ...b.sectionsSeen])].sort(),
    updatedAt: newer.updatedAt,
  };
  if (newer.sectionReached !== undefined) merged.sectionReached = newer.sectionReached;
  const finished = [a.finishedAt, b.finishedAt].filter((t) => t !== undefined).sort()[0];
  if (finished !== undefined) merged.finishedAt = finished;
  return merged;
}

function mergeQuiz(a: QuizProgress, b: QuizProgress): QuizProgress {
  const attempts = unite<AttemptRecord>(a.attempts, b.attempts, (r) => r.finishedAt);
  const merged: QuizProgress = { answers: unite<AnswerRecord>(a.answers, b.answers, (r) => r.at), attempts };
  // An unfinished attempt that an attempt finished since has overtaken is stale (types.ts).
  const current = latest(a.current, b.current, (c) => [c.updatedAt, c.id, JSON.stringify(c)]);
  const lastFinished = attempts.reduce((max, r) => (r.finishedAt > max ? r.finishedAt : max), '');
  if (current && current.updatedAt > lastFinished) merged.current = current;
  return merged;
}

function mergeKeyed<T>(
  a: Record<string, T>,
  b: Record<string, T>,
  merge: (x: T, y: T) => T,
): Record<string, T> {
  const out = idTable(a);
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = mine === undefined ? value : merge(mine, value);
  }
  return out;
}

/** The one with the greatest key (compared field by field), or undefined when both are. */
function latest<T>(a: T | undefined, b: T | undefined, key: (x: T) => string[]): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i]! !== kb[i]!) return ka[i]! > kb[i]! ? a : b;
  }
  return a;
}

/**
 * Every record of both lists once, in time order. Two different records with the same id should
 * not exist; if they do, the choice between them is made on their content, not on which list
 * they came from.
 */
function unite<R extends { id: string }>(a: readonly R[], b: readonly R[], time: (r: R) => string): R[] {
  const byId = new Map<string, R>();
  for (const r of [...a, ...b]) {
    const seen = byId.get(r.id);
    if (seen === undefined || (seen !== r && JSON.stringify(r) > JSON.stringify(seen))) byId.set(r.id, r);
  }
  return [...byId.values()].sort((x, y) => {
    const tx = time(x);
    const ty = time(y);
    if (tx !== ty) return tx < ty ? -1 : 1;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
}
