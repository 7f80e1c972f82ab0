import type { CourseProgress, ProgressData } from './schema.ts';
import { idTable } from './id-tables.ts';

/**
 * The types of the progress file, inferred from its one declaration in schema.ts. Imported as
 * types only, so reading progress never loads the schema library.
 */
export type {
  AnswerRecord,
  AttemptRecord,
  CourseProgress,
  LessonProgress,
  ProgressData,
  QuizProgress,
  Settings,
  UnfinishedQuiz,
} from './schema.ts';

/** Bumped, with a step in migrate.ts, whenever the shape changes in a way older readers would misread. */
export const PROGRESS_VERSION = 2;

export function emptyProgress(): ProgressData {
  return { version: PROGRESS_VERSION, courses: idTable() };
}

export function emptyCourse(): CourseProgress {
  return { lessons: idTable(), quizzes: idTable() };
}
