import path from 'node:path';
import envPaths from 'env-paths';

export interface ProgressPathInputs {
  /** `--progress-file`, if given. */
  flag?: string | undefined;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** `--progress-file` > ALIGNMENT_TUTOR_PROGRESS > the platform's data folder (XDG_DATA_HOME on Linux). */
export function resolveProgressFile({ flag, env, cwd }: ProgressPathInputs): string {
  const chosen = flag ?? env['ALIGNMENT_TUTOR_PROGRESS'];
  if (chosen) return path.resolve(cwd, chosen);
  return path.join(envPaths('alignment-tutor', { suffix: '' }).data, 'progress.json');
}
