import path from 'node:path';
import envPaths from 'env-paths';
import { UsageError } from '../errors.ts';

export interface ProgressPathInputs {
  /** `--progress-file`, if given. */
  flag?: string | undefined;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** `--progress-file` > ALIGNMENT_TUTOR_PROGRESS > the platform's data folder (XDG_DATA_HOME on Linux). */
export function resolveProgressFile({ flag, env, cwd }: ProgressPathInputs): string {
  // An empty path would silently mean the learner's real file.
  if (flag === '')
    throw new UsageError(
      '--progress-file needs a path',
      'Give a file, like --progress-file ./progress.json.',
    );
  const chosen = flag ?? env['ALIGNMENT_TUTOR_PROGRESS'];
  if (chosen) return path.resolve(cwd, chosen);
  return path.join(envPaths('alignment-tutor', { suffix: '' }).data, 'progress.json');
}

/**
 * The files kept beside the progress file. All share its name as a prefix, so a learner who
 * finds one in the folder can tell what it belongs to.
 */
export const siblings = {
  /** The state before the last save: restored when the file itself turns out corrupt. */
  backup: (file: string) => `${file}.bak`,
  /** The original of a file upgraded from an older format. */
  versionBackup: (file: string, version: number) => `${file}.v${version}.bak`,
  /** A corrupt file, moved aside rather than deleted. */
  corrupt: (file: string, at: Date) => `${file}.corrupt-${fileStamp(at)}`,
  /** The whole file as it was before `reset`. */
  resetBackup: (file: string, at: Date) => `${file}.reset-${fileStamp(at)}.bak`,
  /** Progress of a session that could not be saved, written at its end for `progress --import`. */
  unsaved: (file: string, at: Date) => `${file}.unsaved-${fileStamp(at)}.json`,
  /** Held while one process reads, merges and writes. */
  lock: (file: string) => `${file}.lock`,
  /** A write in progress by process `pid`; renamed over the file (or linked as the lock) when complete. */
  temp: (file: string, pid: number, n: number | string) => `${file}.tmp-${pid}-${n}`,
  /** The pid in the name of a temporary file (of `temp`, or a lock moved aside), if `name` is one. */
  tempOwner: (file: string, name: string): number | undefined => {
    const base = path.basename(file);
    for (const prefix of [`${base}.tmp-`, `${base}.lock.stale-`]) {
      if (name.startsWith(prefix)) {
        const pid = Number.parseInt(name.slice(prefix.length), 10);
        return Number.isInteger(pid) && pid > 0 ? pid : undefined;
      }
    }
    return undefined;
  },
};

/** An ISO 8601 UTC time usable in a file name on every platform (no colons). */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/:/g, '-');
}
