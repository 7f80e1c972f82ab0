import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reading a file the tutor was pointed at (a lesson, a progress file, an import, a lock, a cache)
 * without trusting what it is. A FIFO would block a plain read forever and a device like
 * /dev/zero never ends, so the file is opened without blocking, only a regular file is read, and
 * the size limit is enforced on the bytes read, not on what `stat` says (a file can grow).
 */

/** Errors these functions throw carry a `code`, like Node's own, for describeFsError. */
export class FileShapeError extends Error {
  readonly code: 'ENOTREG' | 'ETOOBIG';
  readonly path: string;
  /** For ETOOBIG: the limit that was passed. */
  readonly limit: number;
  /** For ETOOBIG: the size `stat` gave, when it already told; undefined when found by reading. */
  readonly size: number | undefined;
  constructor(code: 'ENOTREG' | 'ETOOBIG', file: string, limit = 0, size?: number) {
    super(code === 'ENOTREG' ? `${file} is not a regular file` : `${file} is larger than ${limit} bytes`);
    this.code = code;
    this.path = file;
    this.limit = limit;
    this.size = size;
  }
}

// Windows has no O_NONBLOCK, and no FIFOs that block an open either.
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Opens `file` for reading if it is a regular file (symbolic links followed); never blocks. */
export function openRegular(file: string): number {
  const fd = openSync(file, constants.O_RDONLY | NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (st.isDirectory())
      throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR', path: file });
    if (!st.isFile()) throw new FileShapeError('ENOTREG', file);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return fd;
}

/** Every byte of an open file, or a FileShapeError as soon as more than `maxBytes` have been read. */
export function readLimited(fd: number, file: string, maxBytes: number): Buffer {
  const { size } = fstatSync(fd);
  if (size > maxBytes) throw new FileShapeError('ETOOBIG', file, maxBytes, size);
  const chunks: Buffer[] = [];
  let total = 0;
  // The first read asks for one byte more than `stat` said, so a file that does not grow is read
  // whole in one call and needs no copying.
  for (let want = size + 1; ; want = 1 << 16) {
    const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total) || 1);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new FileShapeError('ETOOBIG', file, maxBytes);
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** The bytes of a regular file of at most `maxBytes`. */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  const fd = openRegular(file);
  try {
    return readLimited(fd, file, maxBytes);
  } finally {
    closeSync(fd);
  }
}
