import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describeFsError } from '../errors.ts';
import { FileShapeError, readRegularFile } from '../files/read-regular.ts';
import { checkCourse, type Course, type CourseFiles } from './course.ts';
import type { ContentIssue } from './issues.ts';
import { decodeUtf8, MAX_FILE_BYTES, parseContentFile, type FileKind } from './parse-file.ts';

export interface LoadResult {
  /** Present unless some file could not be parsed at all; cross-file checks still ran on the rest. */
  course: Course | undefined;
  issues: ContentIssue[];
  /** Every content file read, for the summary line and for `validate <file>`. */
  files: string[];
}

const KIND_DIRS: Record<FileKind, string> = { lesson: 'lessons', quiz: 'quizzes' };

/** Reads and checks a course folder (holding lessons/ and quizzes/). Never throws for bad content. */
export function loadCourse(dir: string): LoadResult {
  const issues: ContentIssue[] = [];
  const files: string[] = [];
  const parsed: CourseFiles = {
    dir,
    lessons: [],
    quizzes: [],
    broken: { lessons: new Set(), quizzes: new Set() },
  };
  let broken = false;

  for (const kind of ['lesson', 'quiz'] as const) {
    const sub = path.join(dir, KIND_DIRS[kind]);
    let names: string[];
    try {
      names = readdirSync(sub).sort();
    } catch (e) {
      if (kind === 'quiz' && (e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      issues.push({
        file: sub,
        line: 1,
        col: 1,
        severity: 'error',
        message:
          `cannot read the ${KIND_DIRS[kind]} folder: ${describeFsError(e, sub) ?? (e as Error).message}; ` +
          'a course folder holds lessons/ and quizzes/',
      });
      broken = true;
      continue;
    }
    for (const name of names) {
      const file = path.join(sub, name);
      if (name.endsWith('.yml')) {
        issues.push({
          file,
          line: 1,
          col: 1,
          severity: 'warning',
          message: `is ignored: content files end in ".yaml"; rename it to ${name.slice(0, -4)}.yaml`,
        });
        continue;
      }
      if (!name.endsWith('.yaml')) continue;
      files.push(file);
      const result = readContentFile(file, kind);
      issues.push(...result.issues);
      const id = name.slice(0, -'.yaml'.length);
      if (!result.ok) {
        broken = true;
        parsed.broken[kind === 'lesson' ? 'lessons' : 'quizzes'].add(id);
        continue;
      }
      if (kind === 'lesson')
        parsed.lessons.push({ ...(result.parsed as CourseFiles['lessons'][number]), name: id });
      else parsed.quizzes.push({ ...(result.parsed as CourseFiles['quizzes'][number]), name: id });
    }
  }

  const checked = checkCourse(parsed);
  issues.push(...checked.issues);
  return { course: broken ? undefined : checked.course, issues, files };
}

function readContentFile(file: string, kind: FileKind) {
  const fail = (message: string, line = 1, col = 1) => ({
    ok: false as const,
    issues: [{ file, line, col, severity: 'error' as const, message }],
  });
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_FILE_BYTES);
  } catch (e) {
    if (e instanceof FileShapeError && e.code === 'ETOOBIG') {
      const size = e.size === undefined ? 'larger than 1 MiB' : `${(e.size / 1024 / 1024).toFixed(1)} MiB`;
      return fail(`is ${size}; content files may be at most 1 MiB, so split this ${kind} into smaller ones`);
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOTREG')
      return fail(`is not a regular file (a FIFO, a device or a socket); a ${kind} is a .yaml file`);
    return fail(`cannot be read: ${describeFsError(e, file) ?? (e as Error).message}`);
  }
  const decoded = decodeUtf8(bytes, file);
  if ('issue' in decoded) return { ok: false as const, issues: [decoded.issue] };
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  return kind === 'lesson' ? parseContentFile(text, file, 'lesson') : parseContentFile(text, file, 'quiz');
}
