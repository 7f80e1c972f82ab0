// fs.promises is a lazy getter, and reading is synchronous (a small local file, read once per
// command): commands that only read progress never load the promise-based file system module.
import { closeSync, fstatSync, openSync, promises as fsp, readFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from './lock.ts';
import { siblings } from './paths.ts';

/**
 * Reading and writing the progress file so that a crash at any instant leaves either the old
 * file or the new one, whole. write-file-atomic does the same write-flush-rename, but a save also
 * needs to turn the old file into the backup between the flush and the rename, and to name its
 * temporary files so that those a killed process leaves behind can be recognised and cleared.
 */

/**
 * Identifies one version of the file: every save creates a new file, so any change alters this.
 * Not the change time: renaming the finished file into place updates it.
 */
export interface Signature {
  ino: number;
  size: number;
  mtimeMs: number;
}

export type Found =
  | { kind: 'missing' }
  | { kind: 'unchanged' }
  | { kind: 'read'; bytes: Buffer; signature: Signature }
  | { kind: 'error'; error: unknown };

/**
 * Reads the file unless it is still the version `known`. The signature is taken from the open
 * file itself, so it always describes the bytes returned even if another process replaces the
 * file meanwhile.
 */
export async function readIfChanged(file: string, known: Signature | undefined): Promise<Found> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'error', error };
  }
  try {
    const signature = signatureOf(fstatSync(fd));
    if (known && sameSignature(known, signature)) return { kind: 'unchanged' };
    return { kind: 'read', bytes: readFileSync(fd), signature };
  } catch (error) {
    return { kind: 'error', error };
  } finally {
    closeSync(fd);
  }
}

let counter = 0;

/**
 * Writes `parts` to a new file beside `file`, flushes it to disk, then renames it over `file`.
 * With `backup`, the file being replaced is kept under that name first (a hard link: no copy).
 */
export async function writeAtomically(
  file: string,
  parts: readonly Buffer[],
  opts: { backup?: string } = {},
): Promise<Signature> {
  const temp = siblings.temp(file, process.pid, counter++);
  let signature: Signature;
  try {
    const handle = await fsp.open(temp, 'wx');
    try {
      const expected = parts.reduce((n, p) => n + p.length, 0);
      const { bytesWritten } = await handle.writev(parts as Buffer[]);
      if (bytesWritten !== expected)
        throw Object.assign(new Error(`short write to ${temp}`), { code: 'ENOSPC' });
      await handle.datasync();
      signature = signatureOf(await handle.stat());
    } finally {
      await handle.close();
    }
    if (opts.backup) await keepAsBackup(file, opts.backup);
    await fsp.rename(temp, file);
  } catch (e) {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
  return signature;
}

/** Best effort: a missing backup must never stop the save itself. */
async function keepAsBackup(file: string, backup: string): Promise<void> {
  const temp = siblings.temp(file, process.pid, counter++);
  try {
    try {
      await fsp.link(file, temp);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      // File systems without hard links (FAT, some network shares) get a copy instead.
      await fsp.copyFile(file, temp);
    }
    await fsp.rename(temp, backup);
  } catch {
    // The save goes ahead without a fresh backup.
  }
  // After a kill between making the backup and replacing the file, file and backup are one file
  // under two names; renaming a third name of it onto the backup then does nothing and leaves
  // the temporary name behind.
  await fsp.rm(temp, { force: true }).catch(() => undefined);
}

/**
 * Removes the temporary files of processes killed mid-save: those whose owner (the pid in the
 * name) is no longer running. Files of live processes are left, as they may be about to use them.
 */
export async function clearLeftovers(file: string): Promise<void> {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return;
  }
  const stale = names.filter((n) => {
    const pid = siblings.tempOwner(file, n);
    return pid !== undefined && pid !== process.pid && !isAlive(pid);
  });
  await Promise.all(stale.map((n) => fsp.rm(path.join(dir, n), { force: true }).catch(() => undefined)));
}

function signatureOf(s: Signature): Signature {
  return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
}

function sameSignature(a: Signature, b: Signature): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
