import type { ContentIssue } from './issues.ts';
import type { ParsedFile } from './parse-file.ts';
import { suggestIds } from '../text/suggest.ts';
import { compilePattern } from './pattern.ts';
import { nestedRepetition } from './pattern-safety.ts';
import { DEFAULT_PASS, type Lesson, type Question, type Quiz, type QuizInput } from './schema.ts';

/** The whole course, checked: lessons in course order and each lesson's quiz. */
export interface Course {
  /** The folder holding lessons/ and quizzes/. */
  dir: string;
  lessons: Lesson[];
  /** Keyed by lesson id. */
  quizzes: Map<string, Quiz>;
}

export interface CourseFiles {
  dir: string;
  lessons: Array<ParsedFile<Lesson> & { name: string }>;
  quizzes: Array<ParsedFile<QuizInput> & { name: string }>;
  /** Names (file names without .yaml) of files that failed to parse; references to them are not reported again. */
  broken: { lessons: Set<string>; quizzes: Set<string> };
}

/** The rules that need more than one file: ids, references, cycles, and lessons without a quiz. */
export function checkCourse(files: CourseFiles): { course: Course; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const report = (
    f: ParsedFile<unknown>,
    path: ReadonlyArray<PropertyKey>,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ) => issues.push({ file: f.file, ...f.locate(path), message, severity });

  const lessons = new Map<string, ParsedFile<Lesson>>();
  const byOrder = new Map<number, string>();
  for (const f of files.lessons) {
    const l = f.value;
    if (l.id !== f.name)
      report(
        f,
        ['id'],
        `id "${l.id}" must equal the file name "${f.name}"; rename the file to ${l.id}.yaml or change the id`,
      );
    if (lessons.has(l.id)) {
      report(
        f,
        ['id'],
        `lesson id "${l.id}" is already used by ${lessons.get(l.id)!.file}; lesson ids must be unique`,
      );
      continue;
    }
    lessons.set(l.id, f);
    const sameOrder = byOrder.get(l.order);
    if (sameOrder !== undefined)
      report(
        f,
        ['order'],
        `order ${l.order} is also used by lesson "${sameOrder}"; give each lesson its own position`,
        'warning',
      );
    else byOrder.set(l.order, l.id);

    const sectionIds = new Map<string, number>();
    const checkIds = new Set<string>();
    l.sections.forEach((s, i) => {
      if (sectionIds.has(s.id))
        report(
          f,
          ['sections', i, 'id'],
          `section id "${s.id}" is already used by section ${sectionIds.get(s.id)! + 1} of this lesson`,
        );
      else sectionIds.set(s.id, i);
    });
    l.sections.forEach((s, i) => {
      if (!s.check) return;
      const path = ['sections', i, 'check'];
      if (checkIds.has(s.check.id))
        report(
          f,
          [...path, 'id'],
          `check id "${s.check.id}" is already used by another check in this lesson`,
        );
      checkIds.add(s.check.id);
      checkQuestion(f, path, s.check, sectionIds, report);
    });
  }

  // Prerequisites: every id exists, and following them never loops back.
  for (const [id, f] of lessons) {
    (f.value.requires ?? []).forEach((req, i) => {
      if (req === id) report(f, ['requires', i], `lesson "${id}" cannot require itself`);
      else if (!lessons.has(req) && !files.broken.lessons.has(req))
        report(f, ['requires', i], `requires unknown lesson "${req}"${suggestIds(req, lessons.keys())}`);
    });
  }
  for (const cycle of findCycles(lessons)) {
    const f = lessons.get(cycle[0]!)!;
    const idx = (f.value.requires ?? []).indexOf(cycle[1]!);
    report(
      f,
      ['requires', idx],
      `prerequisite cycle: ${cycle.join(' → ')}; remove one of these "requires" entries`,
    );
  }

  const quizzes = new Map<string, Quiz>();
  for (const f of files.quizzes) {
    const q = f.value;
    if (q.lesson !== f.name)
      report(
        f,
        ['lesson'],
        `lesson "${q.lesson}" must equal the file name "${f.name}"; a lesson's quiz is quizzes/<lesson-id>.yaml`,
      );
    const lesson = lessons.get(q.lesson);
    if (!lesson) {
      if (files.broken.lessons.has(q.lesson)) continue;
      report(f, ['lesson'], `quiz for unknown lesson "${q.lesson}"${suggestIds(q.lesson, lessons.keys())}`);
      continue;
    }
    if (quizzes.has(q.lesson)) {
      report(f, ['lesson'], `lesson "${q.lesson}" already has a quiz; each lesson has one quiz file`);
      continue;
    }
    const sectionIds = new Map(lesson.value.sections.map((s, i) => [s.id, i] as const));
    const checkIds = new Map(
      lesson.value.sections.flatMap((s) => (s.check ? [[s.check.id, s.id] as const] : [])),
    );
    const seen = new Map<string, number>();
    q.questions.forEach((question, i) => {
      const path = ['questions', i];
      if (seen.has(question.id))
        report(
          f,
          [...path, 'id'],
          `question id "${question.id}" is already used by question ${seen.get(question.id)! + 1}; ids ` +
            'must be unique in a quiz',
        );
      else seen.set(question.id, i);
      if (checkIds.has(question.id))
        report(
          f,
          [...path, 'id'],
          `question id "${question.id}" is already used by the check in section ` +
            `"${checkIds.get(question.id)}" of the lesson; answers are recorded by id, so give it another`,
        );
      checkQuestion(f, path, question, sectionIds, report);
    });
    quizzes.set(q.lesson, { ...q, pass: q.pass ?? DEFAULT_PASS });
  }

  for (const [id, f] of lessons) {
    if (!quizzes.has(id) && !files.broken.quizzes.has(id))
      report(f, ['id'], `lesson "${id}" has no quiz; add quizzes/${id}.yaml`, 'warning');
  }

  const ordered = [...lessons.values()]
    .map((f) => f.value)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { course: { dir: files.dir, lessons: ordered, quizzes }, issues };
}

type Report = (
  f: ParsedFile<unknown>,
  path: ReadonlyArray<PropertyKey>,
  message: string,
  severity?: 'error' | 'warning',
) => void;

function checkQuestion(
  f: ParsedFile<unknown>,
  path: ReadonlyArray<PropertyKey>,
  q: Question,
  sections: Map<string, number>,
  report: Report,
) {
  if (q.section !== undefined && !sections.has(q.section)) {
    report(
      f,
      [...path, 'section'],
      `section "${q.section}" is not a section of this lesson${suggestIds(q.section, sections.keys())}`,
    );
  }
  if (q.type === 'short' && q.pattern !== undefined) {
    try {
      compilePattern(q.pattern);
    } catch (e) {
      report(
        f,
        [...path, 'pattern'],
        'pattern is not a valid regular expression ' +
          `(${(e as Error).message.replace(/^Invalid regular expression: /, '')})`,
      );
      return;
    }
    const nested = nestedRepetition(q.pattern);
    if (nested !== undefined)
      report(
        f,
        [...path, 'pattern'],
        `pattern repeats a repetition (${nested}), which can take exponential time on some answers; ` +
          'rewrite it without the nesting, e.g. ^(a+)+$ as ^a+$',
      );
  }
}

/**
 * Each distinct prerequisite cycle once, as the ids along it with the first repeated at the end.
 * A depth-first walk with its own stack rather than recursion: a course may chain thousands of
 * lessons, deeper than the call stack goes.
 */
export function findCycles(lessons: Map<string, ParsedFile<Lesson>>): string[][] {
  const cycles: string[][] = [];
  const seenCycles = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  // The path being walked: each lesson with the index of the next prerequisite to follow.
  const path: string[] = [];
  const frames: Array<{ id: string; next: number }> = [];
  const enter = (id: string) => {
    state.set(id, 'visiting');
    path.push(id);
    frames.push({ id, next: 0 });
  };
  for (const start of [...lessons.keys()].sort()) {
    if (state.has(start)) continue;
    enter(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const requires = lessons.get(frame.id)?.value.requires ?? [];
      if (frame.next >= requires.length) {
        frames.pop();
        path.pop();
        state.set(frame.id, 'done');
        continue;
      }
      const next = requires[frame.next++]!;
      if (!lessons.has(next) || next === frame.id) continue;
      if (state.get(next) === 'visiting') {
        const cycle = path.slice(path.indexOf(next));
        const key = [...cycle].sort().join(',');
        if (!seenCycles.has(key)) {
          seenCycles.add(key);
          cycles.push([...cycle, next]);
        }
      } else if (!state.has(next)) enter(next);
    }
  }
  return cycles;
}
