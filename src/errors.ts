import { sizeText } from './text/size.ts';

/**
 * The typed errors that commands throw. Only `cli/main.ts` turns them into output and an exit code,
 * so no command ever calls `process.exit`.
 */

/** Base of the tutor's own errors. */
abstract class TutorError extends Error {}

/** Something the learner or author can fix: a wrong id, an unreadable file. Exit 1. */
export class UserError extends TutorError {
  override name = 'UserError';
  /** The next step to suggest, printed on its own line under the message. */
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

/** The command line itself is wrong (unknown option, missing argument). Exit 2. */
export class UsageError extends UserError {
  override name = 'UsageError';
}

/** Course content failed validation; the report has already been formatted. Exit 1. */
export class ContentError extends UserError {
  override name = 'ContentError';
  readonly report: string;
  constructor(report: string) {
    super(report);
    this.report = report;
  }
}

/** The learner pressed Ctrl-C or closed the input: not a failure. Exit 0. */
export class CancelledError extends TutorError {
  override name = 'CancelledError';
  constructor() {
    super('Cancelled');
  }
}

/** Error codes that mean the file system refused, with wording a learner can act on. */
export function describeFsError(err: unknown, path: string): string | undefined {
  const e = err as (NodeJS.ErrnoException & { limit?: number }) | undefined;
  const code = e?.code;
  switch (code) {
    case 'ENOTREG':
      return `${e?.path ?? path} is not a regular file (a FIFO, a device or a socket), so it is not read or replaced`;
    case 'ETOOBIG':
      return `${e?.path ?? path} is larger than ${sizeText(e?.limit ?? 0)}, more than such a file ever holds`;
    case 'ENOMKDIR':
      return `the folder ${e?.path ?? path} cannot be created there`;
    case 'EFBIG':
      return `the file-size limit of this session (ulimit -f) stops ${path} from growing`;
    case 'ENOENT':
      return `${path} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied for ${path}`;
    case 'EROFS':
      return `${path} is on a read-only file system`;
    case 'ENOSPC':
      return `no space left on the disk holding ${path}`;
    case 'EISDIR':
      return `${path} is a folder, not a file`;
    case 'ENOTDIR':
      return `a part of ${path} is not a folder`;
    default:
      return undefined;
  }
}

/** Standard output refused the text: a full disk behind `> file`, `> /dev/full`, a size limit. */
export class OutputError extends UserError {
  override name = 'OutputError';
  constructor(err: unknown) {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    const why =
      code === 'ENOSPC'
        ? 'no space is left on the device it goes to'
        : code === 'EFBIG'
          ? 'it reached the file-size limit of this session (ulimit -f)'
          : ((err as Error | undefined)?.message ?? String(err));
    super(
      `could not write the output: ${why}`,
      'Send it somewhere with room, or free some space, and run the command again.',
    );
  }
}

/** The command has already said what went wrong; only the exit code is left to set. */
export class ExitError extends TutorError {
  override name = 'ExitError';
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}
