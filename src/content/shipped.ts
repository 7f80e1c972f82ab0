import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Course } from './course.ts';
import { courseLine, decodeCourse, headerLine, readCourseFile } from './course-file.ts';

declare const __BUILD__: string;

/**
 * The shipped course as the build checked it (dist/course.jsonl), so the first run after installing
 * starts as fast as any other instead of loading the YAML parser and the schema library. It is
 * used only for the shipped course, and only while every lesson and quiz file still has the name,
 * size and contents the build saw: an edited file means the course is read and checked again.
 */

export interface ShippedHeader {
  build: string;
  /** Per content file (lessons/x.yaml), its size and checksum. */
  files: Record<string, string>;
}

/** A shipped course file this large is not one the build wrote. */
const MAX_SHIPPED_BYTES = 64 * 1024 * 1024;

/**
 * Size and CRC-32 of each content file: read in full, which only a first run does. zlib's CRC is
 * native; hashing half a megabyte in JavaScript while the code is still cold took longer than
 * everything else a first `list` does.
 */
export function contentDigest(dir: string): Record<string, string> | undefined {
  const { crc32 } = process.getBuiltinModule('node:zlib');
  const files: Record<string, string> = Object.create(null) as Record<string, string>;
  try {
    for (const sub of ['lessons', 'quizzes']) {
      for (const name of readdirSync(path.join(dir, sub)).sort()) {
        if (!name.endsWith('.yaml') && !name.endsWith('.yml')) continue;
        const bytes = readFileSync(path.join(dir, sub, name));
        files[`${sub}/${name}`] = `${bytes.length}:${crc32(bytes).toString(16)}`;
      }
    }
  } catch {
    return undefined;
  }
  return files;
}

/**
 * The checked course shipped beside the bundle, if it was built from exactly these files, with
 * the file's course line as it is (the cache keeps a copy of it).
 */
export function readShippedCourse(
  shippedFile: string,
  dir: string,
): { course: Course; body: Buffer } | undefined {
  try {
    const { header, body } = readCourseFile<ShippedHeader>(shippedFile, MAX_SHIPPED_BYTES);
    if (header.build !== __BUILD__) return undefined;
    const digest = contentDigest(dir);
    if (!digest) return undefined;
    const names = Object.keys(digest);
    if (names.length !== Object.keys(header.files).length) return undefined;
    if (names.some((n) => header.files[n] !== digest[n])) return undefined;
    return { course: decodeCourse(body, dir), body };
  } catch {
    return undefined;
  }
}

/**
 * What the build writes to dist/course.jsonl: the course in `dir` checked (returned too, for the
 * build's other uses), or its errors thrown.
 */
export async function shipCourse(dir: string): Promise<{ file: Buffer; course: Course }> {
  const { loadCourse } = await import('./load.ts');
  const result = loadCourse(dir);
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (!result.course || errors.length > 0)
    throw new Error(
      `the shipped course has errors:\n${errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n')}`,
    );
  const header: ShippedHeader = { build: __BUILD__, files: contentDigest(dir)! };
  return { file: Buffer.concat([headerLine(header), courseLine(result.course)]), course: result.course };
}
