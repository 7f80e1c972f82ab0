import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * No test may touch the real home folder, nor leave anything behind: every per-user location and
 * the temporary folder (TMPDIR, where tests make their own folders and the tutor keeps progress it
 * could not save) point into one folder for the run, removed when the run ends. Test files run in
 * processes started after this, which inherit the environment.
 */
export default function setup(): () => void {
  const run = mkdtempSync(path.join(tmpdir(), 'alignment-tutor-run-'));
  const home = path.join(run, 'home');
  const tmp = path.join(run, 'tmp');
  // Open as the real ones are: the tests of a read-only folder run a child as another user, who
  // must reach its files and, like anyone, write to the temporary folder.
  chmodSync(run, 0o755);
  mkdirSync(home, { mode: 0o755 });
  mkdirSync(tmp);
  chmodSync(tmp, 0o1777);
  Object.assign(process.env, {
    HOME: home,
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_CONFIG_HOME: path.join(home, 'config'),
    TMPDIR: tmp,
  });
  return () => rmSync(run, { recursive: true, force: true });
}
