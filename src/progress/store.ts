import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { emptyCourse, emptyProgress, type CourseProgress, type ProgressData } from './types.ts';

export interface StoreOptions {
  file: string;
  now: () => Date;
  /** Told about anything the learner should know (a corrupt file moved aside, a failed save). */
  notify: (message: string) => void;
}

/** The learner's progress on disk. Commands go through this and nothing else touches the file. */
export interface ProgressStore {
  readonly file: string;
  /** The current progress. Never throws for a bad or missing file: `notify` explains what happened. */
  read(): Promise<ProgressData>;
  /**
   * Applies `change` to the latest saved state of one course and saves at once. A save that fails
   * is reported through `notify` and kept in memory, so the lesson in progress carries on.
   */
  update<T>(courseId: string, change: (course: CourseProgress, now: Date) => T): Promise<T>;
}

// First version: plain atomic write. Locking, corruption handling and migrations come with the progress issue.
export function openStore(opts: StoreOptions): ProgressStore {
  let memory: ProgressData | undefined;
  const load = async (): Promise<ProgressData> => {
    try {
      return JSON.parse(await readFile(opts.file, 'utf8')) as ProgressData;
    } catch {
      return memory ?? emptyProgress();
    }
  };
  return {
    file: opts.file,
    async read() {
      memory = await load();
      return memory;
    },
    async update(courseId, change) {
      const data = await load();
      const course = (data.courses[courseId] ??= emptyCourse());
      const result = change(course, opts.now());
      memory = data;
      try {
        await writeFileAtomic(opts.file, `${JSON.stringify(data)}\n`);
      } catch (e) {
        opts.notify(`Could not save progress to ${opts.file}: ${(e as Error).message}`);
      }
      return result;
    },
  };
}
