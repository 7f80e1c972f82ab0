import { accessSync, constants, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * How to write a command in a hint so that it works when pasted: the way this run was started.
 * `alignment-tutor` only when that name on the PATH is this program; under `npx` or `npm start`
 * the same again; otherwise the path to the program (README.md, "Getting the short command").
 */
export function commandPrefix(opts: {
  env: Record<string, string | undefined>;
  packageRoot: string;
  cwd: string;
}): string {
  const { env, packageRoot, cwd } = opts;
  const bin = path.join(packageRoot, 'bin', 'alignment-tutor.js');
  if (onPath('alignment-tutor', env['PATH'] ?? '', bin)) return 'alignment-tutor';
  if (env['npm_lifecycle_event'] === 'npx' || env['npm_command'] === 'exec') return 'npx alignment-tutor';
  if (env['npm_lifecycle_event'] === 'start') return 'npm start --';
  const rel = path.relative(cwd, bin);
  return `node ${rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : bin}`;
}

/** `name` found on `PATH` is (a link to) `target`. */
function onPath(name: string, PATH: string, target: string): boolean {
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return false;
  }
  for (const dir of PATH.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (realpathSync(candidate) === real) return true;
    } catch {
      // Not here: try the next folder.
    }
  }
  return false;
}
