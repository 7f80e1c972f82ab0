import type { Course } from './course.ts';
import { readRegularFile } from '../files/read-regular.ts';

/**
 * The checked course as a file: what the build ships (dist/course.jsonl) and what the cache keeps.
 * Two lines of JSON: a header saying what the course was checked from, then the course. The
 * shipped course's second line is copied as it is into the cache on a first run, never parsed and
 * written out again. Characters outside ASCII are written as \u escapes, so the file decodes byte
 * for byte (latin1) into V8's compact strings: a third faster to read than UTF-8 with the same
 * text, and reading the course is most of what `list` does.
 */

type CourseData = Pick<Course, 'lessons' | 'quizzes'>;

export interface CourseFile<H> {
  header: H;
  /** The course line, as read. */
  body: Buffer;
}

const ascii = (json: string) =>
  json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The header's line. */
export function headerLine(header: unknown): Buffer {
  return Buffer.from(`${ascii(JSON.stringify(header))}\n`, 'latin1');
}

/** The course's line. */
export function courseLine(course: CourseData): Buffer {
  return Buffer.from(
    `${ascii(JSON.stringify({ lessons: course.lessons, quizzes: [...course.quizzes] }))}\n`,
    'latin1',
  );
}

/** The header and the course line of a course file; throws when it is missing, too big or not one. */
export function readCourseFile<H>(file: string, maxBytes: number): CourseFile<H> {
  const bytes = readRegularFile(file, maxBytes);
  const end = bytes.indexOf(10);
  if (end < 0) throw new Error(`${file} has no header line`);
  return { header: JSON.parse(bytes.toString('latin1', 0, end)) as H, body: bytes.subarray(end + 1) };
}

/** The course in a course line. */
export function decodeCourse(body: Buffer, dir: string): Course {
  const data = JSON.parse(body.toString('latin1')) as {
    lessons: Course['lessons'];
    quizzes: Array<[string, Course['quizzes'] extends Map<string, infer Q> ? Q : never]>;
  };
  return { dir, lessons: data.lessons, quizzes: new Map(data.quizzes) };
}
