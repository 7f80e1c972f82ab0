import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Course } from './course.ts';
import { fnv1a } from '../text/hash.ts';

declare const __BUILD__: string;

/**
 * The shipped course as the build checked it (dist/course.json), so the first run after installing
 * starts as fast as any other instead of loading the YAML parser and the schema library. It is
 * used only for the shipped course, and only while every lesson and quiz file still has the name,
 * size and contents the build saw: an edited file means the course is read and checked again.
 */

export interface ShippedCourse {
  build: string;
  /** Per content file (lessons/x.yaml), its size and hash. */
  files: Record<string, string>;
  lessons: Course['lessons'];
  quizzes: Array<[string, Course['quizzes'] extends Map<string, infer Q> ? Q : never]>;
}

/** Size and hash of each content file: read in full, which only a first run does. */
export function contentDigest(dir: string): Record<string, string> | undefined {
  const files: Record<string, string> = Object.create(null) as Record<string, string>;
  try {
    for (const sub of ['lessons', 'quizzes']) {
      for (const name of readdirSync(path.join(dir, sub)).sort()) {
        if (!name.endsWith('.yaml') && !name.endsWith('.yml')) continue;
        const text = readFileSync(path.join(dir, sub, name), 'latin1');
        files[`${sub}/${name}`] = `${text.length}:${fnv1a(text)}:${fnv1a(text, 0x01000193)}`;
      }
    }
  } catch {
    return undefined;
  }
  return files;
}

/** The checked course shipped beside the bundle, if it was built from exactly these files. */
export function readShippedCourse(shippedFile: string, dir: string): Course | undefined {
  let shipped: ShippedCourse;
  try {
    shipped = JSON.parse(readFileSync(shippedFile, 'utf8')) as ShippedCourse;
  } catch {
    return undefined;
  }
  if (shipped.build !== __BUILD__) return undefined;
  const digest = contentDigest(dir);
  if (!digest) return undefined;
  const names = Object.keys(digest);
  if (names.length !== Object.keys(shipped.files).length) return undefined;
  if (names.some((n) => shipped.files[n] !== digest[n])) return undefined;
  return { dir, lessons: shipped.lessons, quizzes: new Map(shipped.quizzes) };
}

/** What the build writes to dist/course.json: the course in `dir` checked, or its errors thrown. */
export async function shipCourse(dir: string): Promise<ShippedCourse> {
  const { loadCourse } = await import('./load.ts');
  const result = loadCourse(dir);
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (!result.course || errors.length > 0)
    throw new Error(
      `the shipped course has errors:\n${errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n')}`,
    );
  return {
    build: __BUILD__,
    files: contentDigest(dir)!,
    lessons: result.course.lessons,
    quizzes: [...result.course.quizzes],
  };
}
