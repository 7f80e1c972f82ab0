import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCourse } from '../../src/content/load.ts';
import type { Course } from '../../src/content/course.ts';
import { emptyCourse, type CourseProgress, type ProgressData } from '../../src/progress/types.ts';
import { PACKAGE_ROOT } from '../helpers/run.ts';

/** The lesson fixture: basics (3 sections, a check on the 2nd), oversight (4, requires basics), values (1). */
export const FIXTURE = path.join(PACKAGE_ROOT, 'tests', 'fixtures', 'lesson', 'course');

export function fixtureCourse(): Course {
  const { course, issues } = loadCourse(FIXTURE);
  if (!course || issues.some((i) => i.severity === 'error'))
    throw new Error(`fixture course is broken: ${JSON.stringify(issues)}`);
  return course;
}

export function progressWith(change: (p: CourseProgress) => void): CourseProgress {
  const p = emptyCourse();
  change(p);
  return p;
}

/**
 * A learner of the fixture course with a progress file of their own in `dir`, and no course cache,
 * so nothing a test does lands outside its temp folder.
 */
export function fixtureLearner(dir: string, name: string) {
  const file = path.join(dir, `${name}.json`);
  return {
    file,
    env: { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' },
    args: (argv: string[]) => ['--content', FIXTURE, ...argv],
    /** The fixture course's progress as saved (throws when nothing was saved). */
    progress: (): CourseProgress =>
      Object.values((JSON.parse(readFileSync(file, 'utf8')) as ProgressData).courses)[0]!,
  };
}
