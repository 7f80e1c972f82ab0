import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';

/**
 * Runs the built CLI of the package in `root` (`node bin/alignment-tutor.js ...`) with its own
 * empty cache folder and progress file under `dir`. `nodeArgs` go before the script (`-r file`);
 * `env` adds to or overrides the environment.
 */
export function runBuilt(
  root: string,
  args: string[],
  dir: string,
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
) {
  return spawnSync(process.execPath, [...nodeArgs, path.join(root, 'bin', 'alignment-tutor.js'), ...args], {
    env: {
      ...process.env,
      NO_COLOR: '1',
      ALIGNMENT_TUTOR_CACHE: path.join(dir, 'cache'),
      ALIGNMENT_TUTOR_PROGRESS: path.join(dir, 'progress.json'),
      ...env,
    },
    // Run from the package folder, as a learner following the README does: the commands it prints
    // then read `node bin/alignment-tutor.js ...` wherever the package is.
    cwd: root,
    encoding: 'utf8',
  });
}

/** A copy of the installed package (program, build and course) at `to`, to change without harm. */
export function copyPackage(from: string, to: string): string {
  for (const part of ['bin', 'dist', 'lessons', 'quizzes', 'package.json'])
    cpSync(path.join(from, part), path.join(to, part), { recursive: true });
  return to;
}
