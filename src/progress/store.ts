import { existsSync, promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeFsError, UserError } from '../errors.ts';
import { makeDirs } from '../files/make-dirs.ts';
import { clearLeftovers, readIfChanged, writeAtomically, type Signature } from './atomic-file.ts';
import { acquireLock, LockBusyError, LockFailedError, type LockOptions, type Release } from './lock.ts';
import { mergeProgress } from './merge.ts';
import { loadReplay } from './cards.ts';
import { MAX_PROGRESS_BYTES, readProgressBytes, type Parsed } from './parse.ts';
import { siblings } from './paths.ts';
import { ProgressSerializer } from './serialize.ts';
import {
  emptyCourse,
  emptyProgress,
  PROGRESS_VERSION,
  type CourseProgress,
  type ProgressData,
} from './types.ts';

export interface StoreOptions {
  file: string;
  now: () => Date;
  /** Told about anything the learner should know (a corrupt file moved aside, a failed save). */
  notify: (message: string) => void;
  /** Lock timing; the defaults suit real use. */
  lock?: LockOptions;
}

/** The learner's progress on disk. Commands go through this and nothing else touches the file. */
export interface ProgressStore {
  readonly file: string;
  /**
   * The current progress. Never throws for a bad or missing file: `notify` explains what happened.
   * The object is the store's own: change it only through `update` or `transact`.
   */
  read(): Promise<ProgressData>;
  /**
   * Applies `change` to the latest saved state of one course and saves at once. A save that fails
   * is reported through `notify` and kept in memory, so the lesson in progress carries on; the
   * next change saves it too.
   */
  update<T>(courseId: string, change: (course: CourseProgress, now: Date) => T): Promise<T>;
  /**
   * Like `update` for the whole file, for commands whose only job is the change (`reset`,
   * `progress --import`): a failure throws a UserError instead. With `backupTo`, the state before
   * the change is first written to that file.
   */
  transact<T>(change: (data: ProgressData, now: Date) => T, opts?: { backupTo?: string }): Promise<T>;
  /** Why the file is being left alone this session (a newer format, unreadable), or undefined. */
  refusal(): Promise<string | undefined>;
  /** True while some progress exists only in memory: a save failed, or the file is being left alone. */
  hasUnsaved(): boolean;
  /**
   * Writes the progress that exists only in memory to a file of its own, beside the progress file
   * or else in the temporary folder, and returns its path (undefined if neither could be written):
   * the end of a session that could not save, so that `progress --import` can bring it back.
   */
  rescue(): string | undefined;
  /** Resolves once every change asked for so far has been saved (or has failed to be). */
  settled(): Promise<void>;
}

export function openStore(opts: StoreOptions): ProgressStore {
  return new FileStore(opts);
}

/**
 * How the file stays whole and nothing is lost:
 * - every save writes a new file and renames it into place (atomic-file.ts);
 * - read-merge-write happens under a lock file (lock.ts), re-reading first, so a change made by
 *   another process since our last look is kept; re-reading is skipped when the file is still
 *   the one we last read or wrote (same inode, size and modification time);
 * - a change that could not be saved stays in memory and is merged into the file next time;
 * - a file that cannot be used is never overwritten: a newer format or an unreadable file is left
 *   alone for the session, a corrupt one is moved aside and the rolling backup restored.
 */
class FileStore implements ProgressStore {
  readonly file: string;
  private readonly opts: StoreOptions;
  private readonly serializer = new ProgressSerializer();
  /** The progress as this process knows it, unsaved changes included. */
  private memory: ProgressData | undefined;
  /** The version of the file `memory` came from or was written to; unset when it must be read again. */
  private signature: Signature | undefined;
  /** `memory` holds changes that are not in the file yet. */
  private dirty = false;
  /** Set when the file must not be written this session; the reason has been told. */
  private blocked: string | undefined;
  /** The reason the last save failed, so it is told once and not after every answer. */
  private failure: string | undefined;
  private prepared = false;
  /** The last attempt waited for the lock in vain. */
  private lockBusy = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(opts: StoreOptions) {
    this.opts = opts;
    this.file = opts.file;
  }

  read(): Promise<ProgressData> {
    return this.serial(() => this.load(false));
  }

  async refusal(): Promise<string | undefined> {
    await this.read();
    return this.blocked;
  }

  hasUnsaved(): boolean {
    return this.dirty;
  }

  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  rescue(): string | undefined {
    if (!this.dirty || !this.memory) return undefined;
    const parts = this.serializer.serialize(this.memory);
    const at = this.opts.now();
    const beside = siblings.unsaved(this.file, at);
    for (const name of [beside, path.join(tmpdir(), path.basename(beside))]) {
      try {
        writeAtomically(name, parts);
        return name;
      } catch {
        // The folder that refused the progress file may refuse this too: try the next place.
      }
    }
    return undefined;
  }

  update<T>(courseId: string, change: (course: CourseProgress, now: Date) => T): Promise<T> {
    const apply = (data: ProgressData) => change((data.courses[courseId] ??= emptyCourse()), this.opts.now());
    return this.serial(async () => {
      if (this.blocked) return this.applyUnsaved(await this.load(false), apply);
      let release: Release;
      try {
        release = await this.lock();
      } catch (e) {
        const result = this.applyUnsaved(await this.load(false), apply);
        // A file being left alone has been explained already; a failed save on top would only confuse.
        if (!this.blocked) this.reportFailure(e);
        return result;
      }
      try {
        const result = this.applyUnsaved(await this.load(true), apply);
        if (!this.blocked) await this.saveOrReport();
        return result;
      } finally {
        await release();
      }
    });
  }

  transact<T>(change: (data: ProgressData, now: Date) => T, opts: { backupTo?: string } = {}): Promise<T> {
    return this.serial(async () => {
      const refuse = () => new UserError(this.blocked!, 'Nothing was changed.');
      if (this.blocked) throw refuse();
      let release: Release;
      try {
        release = await this.lock();
      } catch (e) {
        throw new UserError(
          `could not change your progress in ${this.file}: ${this.describe(e)}`,
          'Nothing was changed.',
        );
      }
      try {
        const data = await this.load(true);
        if (this.blocked) throw refuse();
        if (opts.backupTo) {
          try {
            writeAtomically(opts.backupTo, this.serializer.serialize(data));
          } catch (e) {
            throw new UserError(
              `could not write the backup ${opts.backupTo}: ${this.describe(e, opts.backupTo)}`,
              'Nothing was changed.',
            );
          }
        }
        const result = this.applyUnsaved(data, (d) => change(d, this.opts.now()));
        try {
          await this.save();
        } catch (e) {
          // Forget the change: the next read takes the file as it is.
          this.memory = undefined;
          this.signature = undefined;
          this.dirty = false;
          throw new UserError(
            `could not save your progress to ${this.file}: ${this.describe(e)}`,
            'The progress file is unchanged.',
          );
        }
        return result;
      } finally {
        await release();
      }
    });
  }

  /** One operation at a time within this process; other processes are kept out by the lock. */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private applyUnsaved<T>(data: ProgressData, apply: (data: ProgressData) => T): T {
    const result = apply(data);
    this.memory = data;
    this.dirty = true;
    return result;
  }

  private async lock(): Promise<Release> {
    if (!this.prepared) makeDirs(path.dirname(this.file));
    let release: Release;
    try {
      // Once another process has kept the lock for a whole wait, later saves only look.
      release = await acquireLock(
        this.file,
        this.lockBusy ? { ...this.opts.lock, timeoutMs: 0 } : this.opts.lock,
      );
    } catch (e) {
      if (e instanceof LockBusyError) this.lockBusy = true;
      throw e;
    }
    this.lockBusy = false;
    if (!this.prepared) {
      this.prepared = true;
      clearLeftovers(this.file);
    }
    return release;
  }

  /** Brings `memory` up to date with the file. `locked`: this process holds the lock. */
  private async load(locked: boolean): Promise<ProgressData> {
    if (this.blocked) return (this.memory ??= emptyProgress());
    const found = readIfChanged(this.file, this.signature, MAX_PROGRESS_BYTES);
    switch (found.kind) {
      case 'unchanged':
        return this.memory!;
      case 'missing':
        return this.adopt(emptyProgress(), undefined);
      case 'error':
        return this.block(
          `Could not read your progress file ${this.file}: ` +
            `${describeFsError(found.error, this.file) ?? (found.error as Error).message}. It was left as ` +
            'it is, and progress made now will not be saved.',
        );
    }
    const parsed = await readProgressBytes(found.bytes);
    switch (parsed.kind) {
      case 'ok':
        return this.adopt(parsed.data, found.signature);
      case 'newer':
        return this.block(
          `Your progress file ${this.file} was written by a newer version of alignment-tutor (format ` +
            `version ${parsed.version}; this version reads up to ${PROGRESS_VERSION}). It was left ` +
            'unchanged, and progress made now will not be saved to it. Update alignment-tutor to carry on ' +
            'from it.',
        );
      case 'migrated':
        if (locked) return this.migrate(found.bytes, parsed);
        return this.underLock(
          () => this.load(true),
          // Left for the next change to upgrade, under the lock and with the original kept.
          () => this.adopt(parsed.data, undefined),
        );
      case 'corrupt':
        if (locked) return this.setAside(parsed.problem);
        return this.underLock(
          () => this.load(true),
          (e) => this.leaveCorrupt(parsed.problem, e),
        );
    }
  }

  private async underLock(
    op: () => Promise<ProgressData>,
    fallback: (e: unknown) => ProgressData | Promise<ProgressData>,
  ): Promise<ProgressData> {
    let release: Release;
    try {
      release = await this.lock();
    } catch (e) {
      return fallback(e);
    }
    try {
      return await op();
    } finally {
      await release();
    }
  }

  /** Takes what the file holds as current, merging in any changes not saved yet. */
  private async adopt(disk: ProgressData, signature: Signature | undefined): Promise<ProgressData> {
    this.memory = this.dirty && this.memory ? mergeProgress(disk, this.memory, await loadReplay()) : disk;
    this.signature = signature;
    return this.memory;
  }

  private block(message: string): ProgressData {
    this.blocked = message;
    this.signature = undefined;
    this.opts.notify(message);
    return (this.memory ??= emptyProgress());
  }

  /** Keeps the old-format file under its own name, then saves the upgraded data. */
  private async migrate(
    original: Buffer,
    parsed: Extract<Parsed, { kind: 'migrated' }>,
  ): Promise<ProgressData> {
    let kept: string;
    try {
      kept = await this.keepOriginal(original, parsed.from);
    } catch (e) {
      // Without the original safely kept, the old file must not be replaced.
      await this.adopt(parsed.data, undefined);
      return this.block(
        `Your progress file ${this.file} is in an older format (version ${parsed.from}) and could not ` +
          `be upgraded: a copy of the original could not be kept (${this.describe(e)}). It was left as it ` +
          'is, and progress made now will not be saved.',
      );
    }
    await this.adopt(parsed.data, undefined);
    this.dirty = true;
    if (await this.saveOrReport()) {
      this.opts.notify(
        `Your progress file ${this.file} was upgraded from format version ${parsed.from} to ` +
          `${PROGRESS_VERSION}; the original is kept as ${kept}.`,
      );
    }
    return this.memory!;
  }

  private async keepOriginal(original: Buffer, version: number): Promise<string> {
    const plain = siblings.versionBackup(this.file, version);
    // An earlier upgrade's original is never overwritten.
    for (const name of [plain, plain.replace(/\.bak$/, `-${this.opts.now().getTime()}.bak`)]) {
      try {
        await writeExclusive(name, original);
        return name;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    throw Object.assign(new Error('a backup of the original already exists'), { code: 'EEXIST' });
  }

  /** Moves a corrupt file aside (never deletes it) and starts from the rolling backup if it is good. */
  private async setAside(problem: string): Promise<ProgressData> {
    let aside = siblings.corrupt(this.file, this.opts.now());
    // Two damaged files in one millisecond (a clock standing still) must not overwrite each other.
    for (let n = 2; existsSync(aside); n++) aside = `${siblings.corrupt(this.file, this.opts.now())}-${n}`;
    try {
      await fsp.rename(this.file, aside);
    } catch (e) {
      return this.leaveCorrupt(problem, e);
    }
    const restored = await this.fromBackup();
    const told = `Your progress file ${this.file} ${problem}. It was moved to ${aside}`;
    if (!restored) {
      this.opts.notify(`${told}; starting with empty progress.`);
      return this.adopt(emptyProgress(), undefined);
    }
    this.opts.notify(
      `${told}, and your progress was restored from the backup ${siblings.backup(this.file)} (as it was ` +
        'one save earlier).',
    );
    await this.adopt(restored, undefined);
    this.dirty = true;
    await this.saveOrReport();
    return this.memory!;
  }

  /** A corrupt file that cannot be moved (a read-only folder) stays as it is, and nothing is written this session. */
  private async leaveCorrupt(problem: string, e: unknown): Promise<ProgressData> {
    const restored = await this.fromBackup();
    const shown = restored
      ? `your progress from the backup ${siblings.backup(this.file)} is shown`
      : 'starting with empty progress';
    this.block(
      `Your progress file ${this.file} ${problem}, and it could not be moved aside ` +
        `(${this.describe(e)}). It was left as it is; ${shown}` +
        ', and progress made now will not be saved.',
    );
    return (this.memory = restored ?? this.memory ?? emptyProgress());
  }

  private async fromBackup(): Promise<ProgressData | undefined> {
    const found = readIfChanged(siblings.backup(this.file), undefined, MAX_PROGRESS_BYTES);
    if (found.kind !== 'read') return undefined;
    const parsed = await readProgressBytes(found.bytes);
    return parsed.kind === 'ok' || parsed.kind === 'migrated' ? parsed.data : undefined;
  }

  /** Writes `memory`; the caller holds the lock. */
  private async save(): Promise<void> {
    const parts = this.serializer.serialize(this.memory!);
    this.signature = writeAtomically(this.file, parts, { backup: siblings.backup(this.file) });
    this.dirty = false;
    if (this.failure) {
      this.failure = undefined;
      this.opts.notify(`Your progress is saved to ${this.file} again.`);
    }
  }

  private async saveOrReport(): Promise<boolean> {
    try {
      await this.save();
      return true;
    } catch (e) {
      this.reportFailure(e);
      return false;
    }
  }

  private reportFailure(e: unknown): void {
    const reason = this.describe(e);
    if (reason !== this.failure) {
      this.opts.notify(
        `Could not save your progress to ${this.file}: ${reason}. The file is unchanged. Until saving ` +
          'works again, new progress is kept only while the tutor is open.',
      );
    }
    this.failure = reason;
  }

  private describe(e: unknown, file = this.file): string {
    if (e instanceof LockBusyError) return `another alignment-tutor (${e.owner}) is holding ${e.lockFile}`;
    if (e instanceof LockFailedError) {
      // The lock file itself is wrong (a folder, a device): name it, not the progress file.
      if (e.aboutLockFile)
        return (
          `${describeFsError(e.cause, e.lockFile) ?? String(e.cause)}; it is the lock file of ${file}: ` +
          'remove it if no alignment-tutor is running'
        );
      return this.describe(e.cause, file);
    }
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    // The error is often about the folder (creating the temporary file or the lock), so name the folder then.
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      return describeFsError(e, `the folder ${path.dirname(file)}`)!;
    return describeFsError(e, file) ?? (e as Error | undefined)?.message ?? String(e);
  }
}

async function writeExclusive(file: string, bytes: Buffer): Promise<void> {
  const handle = await fsp.open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
