import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Course } from './course.ts';
import type { ContentIssue } from './issues.ts';
import { fnv1a } from '../text/hash.ts';
import { writeAtomically } from '../progress/atomic-file.ts';
import { makeDirs } from '../files/make-dirs.ts';
import { courseLine, decodeCourse, headerLine, readCourseFile } from './course-file.ts';
import { readShippedCourse } from './shipped.ts';

declare const __BUILD__: string;

/**
 * A checked course, cached as JSON and keyed by every content file's name, size and modification
 * time. Most commands then start without loading the YAML parser or the schema library at all;
 * any edit to a lesson changes the key, and the course is parsed and validated again.
 */

/** Bumped when the cached shape changes; the build id (__BUILD__) changes with every build. */
const CACHE_FORMAT = 2;
/** A cache file larger than this is not ours to trust (or a device): it is ignored. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

interface CacheHeader {
  key: string;
}

/**
 * Name, size and mtime of each content file: cheap to compute (a few stat calls), changes on any
 * edit. Kept as plain text rather than hashed, which spares start-up from loading node:crypto.
 */
export function courseFingerprint(dir: string): string {
  const parts: string[] = [];
  const hash = { update: (s: string) => void parts.push(s) };
  hash.update(`${CACHE_FORMAT}\0${__BUILD__}\0${path.resolve(dir)}\0`);
  for (const sub of ['lessons', 'quizzes']) {
    let names: string[];
    try {
      names = readdirSync(path.join(dir, sub)).sort();
    } catch {
      hash.update(`${sub}:missing\0`);
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.yaml') && !name.endsWith('.yml')) continue;
      try {
        const st = statSync(path.join(dir, sub, name));
        hash.update(`${sub}/${name}\0${st.size}\0${st.mtimeMs}\0`);
      } catch {
        hash.update(`${sub}/${name}\0gone\0`);
      }
    }
  }
  return parts.join('');
}

export function cacheFileFor(cacheDir: string, contentDir: string): string {
  return path.join(cacheDir, `course-${fnv1a(path.resolve(contentDir))}.jsonl`);
}

export function readCachedCourse(cacheFile: string, dir: string, key: string): Course | undefined {
  try {
    const { header, body } = readCourseFile<CacheHeader>(cacheFile, MAX_CACHE_BYTES);
    return header.key === key ? decodeCourse(body, dir) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Best effort: a cache that cannot be written only costs the next start-up some time. `body` is
 * the course line of a course file (src/content/course-file.ts).
 */
export function writeCachedCourse(cacheFile: string, key: string, body: Buffer): void {
  const header: CacheHeader = { key };
  try {
    makeDirs(path.dirname(cacheFile));
    writeAtomically(cacheFile, [headerLine(header), body], { durable: false });
  } catch {
    // Read-only cache folder, full disk: carry on uncached.
  }
}

export type CourseLoad = { course: Course; errors: [] } | { course: undefined; errors: ContentIssue[] };

/**
 * The course from the cache when nothing changed, else from `shipped` (the shipped course as the
 * build checked it, for that course only) when its files are the ones the build saw, else parsed
 * and checked; cached when clean.
 */
export async function loadCourseCached(
  dir: string,
  cacheDir: string | undefined,
  shipped?: string,
): Promise<CourseLoad> {
  const key = cacheDir ? courseFingerprint(dir) : '';
  const cacheFile = cacheDir ? cacheFileFor(cacheDir, dir) : '';
  if (cacheDir) {
    const cached = readCachedCourse(cacheFile, dir, key);
    if (cached) return { course: cached, errors: [] };
  }
  const built = shipped === undefined ? undefined : readShippedCourse(shipped, dir);
  if (built) {
    if (cacheDir) writeCachedCourse(cacheFile, key, built.body);
    return { course: built.course, errors: [] };
  }
  const { loadCourse } = await import('./load.ts');
  const result = loadCourse(dir);
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !result.course) return { course: undefined, errors };
  if (cacheDir) writeCachedCourse(cacheFile, key, courseLine(result.course));
  return { course: result.course, errors: [] };
}
