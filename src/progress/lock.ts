import { readFileSync, promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import { readRegularFile } from '../files/read-regular.ts';
import { siblings } from './paths.ts';

/**
 * A lock file held around read-merge-write, so two tutors open at once take turns.
 *
 * proper-lockfile decides a lock is stale only by its age (at least 2 s, by default 10 s), so
 * after a `kill -9` mid-save the next start would wait that long. Here the lock records its
 * owner's pid and host: a lock whose owner on this machine is gone is taken over at once, and
 * one older than `staleMs` (a save holds it for milliseconds; the owner's pid may have been
 * reused) is taken over too.
 */

export interface LockOptions {
  /** Give up waiting after this long: the caller keeps its change and tries again later. */
  timeoutMs?: number;
  /** A lock this old is abandoned, whoever holds it. */
  staleMs?: number;
}

export type Release = () => Promise<void>;

/** Another live process held the lock for longer than the timeout. */
export class LockBusyError extends Error {
  override name = 'LockBusyError';
  readonly lockFile: string;
  readonly owner: string;
  constructor(lockFile: string, owner: string) {
    super(`${lockFile} is held by ${owner || 'another process'}`);
    this.lockFile = lockFile;
    this.owner = owner;
  }
}

/** The lock could not be taken for a reason other than a live owner: `cause` says which. */
export class LockFailedError extends Error {
  override name = 'LockFailedError';
  readonly lockFile: string;
  override readonly cause: unknown;
  /** The lock file itself is the problem (a folder or a device where it should be), not its folder. */
  readonly aboutLockFile: boolean;
  constructor(lockFile: string, cause: unknown) {
    super(`could not take ${lockFile}: ${(cause as Error)?.message ?? String(cause)}`);
    this.lockFile = lockFile;
    this.cause = cause;
    const e = cause as NodeJS.ErrnoException;
    this.aboutLockFile =
      e?.path === lockFile && e.code !== 'EACCES' && e.code !== 'EPERM' && e.code !== 'EROFS';
  }
}

const HOST = hostname();
// An empty or unreadable lock file is one whose owner is between creating and writing it (only
// possible without hard links).
const EMPTY_STALE_MS = 2000;

/** Takes the lock of the progress file `file` (`<file>.lock`), waiting while a live process holds it. */
export async function acquireLock(file: string, opts: LockOptions = {}): Promise<Release> {
  try {
    return await takeLock(file, opts);
  } catch (e) {
    if (e instanceof LockBusyError) throw e;
    throw new LockFailedError(siblings.lock(file), e);
  }
}

async function takeLock(
  file: string,
  { timeoutMs = 15_000, staleMs = 10_000 }: LockOptions,
): Promise<Release> {
  const lockFile = siblings.lock(file);
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const ino = await create(file, lockFile);
      return async () => {
        // Only remove our own lock: if it was judged stale and taken over, it is someone else's now.
        const now = await fsp.stat(lockFile).catch(() => undefined);
        if (now?.ino === ino) await fsp.rm(lockFile, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = await inspect(lockFile, staleMs);
    if (holder.stale) {
      await breakLock(lockFile, holder.ino);
      continue;
    }
    if (Date.now() > deadline) throw new LockBusyError(lockFile, holder.owner);
    // Saves take milliseconds: poll quickly at first, then back off, with jitter so two waiters do not collide again.
    await new Promise((r) => setTimeout(r, Math.min(2 ** attempt, 50) + Math.random() * 5));
  }
}

let counter = 0;

/**
 * Creates the lock file with its owner already written in: the owner goes into a temporary file
 * that is then hard-linked to the lock's name, which fails if the lock exists. A process killed
 * half-way leaves no lock, or a complete one (a temporary file is left, named like the progress
 * file's own, and cleared with those). Without hard links, the file is created and then written.
 */
async function create(file: string, lockFile: string): Promise<number> {
  const owner = `${process.pid} ${HOST}\n`;
  const temp = siblings.temp(file, process.pid, `lock${counter++}`);
  await fsp.writeFile(temp, owner, { flag: 'wx' });
  try {
    await fsp.link(temp, lockFile);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw e;
    await fsp.writeFile(lockFile, owner, { flag: 'wx' });
  } finally {
    await fsp.rm(temp, { force: true });
  }
  return (await fsp.stat(lockFile)).ino;
}

interface Holder {
  stale: boolean;
  ino: number | undefined;
  owner: string;
}

async function inspect(lockFile: string, staleMs: number): Promise<Holder> {
  let text: string;
  let info;
  try {
    info = await fsp.stat(lockFile);
    // A lock holds a pid and a host name; anything else there must not block or flood us.
    text = readRegularFile(lockFile, 4096).toString('utf8');
  } catch (e) {
    // Released between our attempt and this look: try again at once.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { stale: true, ino: undefined, owner: '' };
    throw e;
  }
  // A lock dated in the future (a clock set back, a copied file) is as old as it is far off.
  const age = Math.abs(Date.now() - info.mtimeMs);
  const [pidText, host] = text.trim().split(/\s+/);
  const pid = Number(pidText);
  const owner =
    Number.isInteger(pid) && pid > 0 ? `process ${pid}${host && host !== HOST ? ` on ${host}` : ''}` : '';
  if (!owner) return { stale: age > EMPTY_STALE_MS, ino: info.ino, owner };
  const dead = host === HOST && !isAlive(pid);
  return { stale: dead || age > staleMs, ino: info.ino, owner };
}

/** Whether a process of this machine is running (or exists under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // On Linux a thread's id answers kill() too, and a dead owner's pid is often reused as one
  // (each Node process runs about ten threads): that is not the owner coming back.
  try {
    const tgid = /^Tgid:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return tgid === null || Number(tgid[1]) === pid;
  } catch {
    return true;
  }
}

/**
 * Moves the stale lock out of the way under a unique name, then checks it moved the file it
 * judged: if a live process took the lock in between, that lock is put back.
 */
async function breakLock(lockFile: string, ino: number | undefined): Promise<void> {
  if (ino === undefined) return;
  const aside = `${lockFile}.stale-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    await fsp.rename(lockFile, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = await fsp.stat(aside).catch(() => undefined);
  if (moved && moved.ino !== ino) {
    await fsp.rename(aside, lockFile).catch(() => undefined);
    return;
  }
  await fsp.rm(aside, { force: true });
}
