/**
 * The typed errors that commands throw. Only `cli/main.ts` turns them into output and an exit code,
 * so no command ever calls `process.exit`.
 *
 * The build puts rarely used commands in bundles of their own, each with its own copy of this
 * module, so `instanceof` checks a mark the error carries rather than the class object itself.
 */

const KINDS = Symbol.for('alignment-tutor.error-kinds');

/** The `kind` of each class from `ctor` up to Error: what `instanceof` answers yes to. */
function kindsOf(ctor: unknown): string[] {
  const kinds: string[] = [];
  for (
    let c = ctor as { kind?: string } | null;
    c && c !== Error;
    c = Object.getPrototypeOf(c) as { kind?: string } | null
  ) {
    if (Object.hasOwn(c, 'kind') && c.kind) kinds.push(c.kind);
  }
  return kinds;
}

function hasKind(value: unknown, kind: string): boolean {
  const kinds = (value as { [KINDS]?: unknown } | null)?.[KINDS];
  return Array.isArray(kinds) && kinds.includes(kind);
}

/** Base of the tutor's own errors: marks each instance with the kinds of its class chain. */
abstract class TutorError extends Error {
  static readonly kind: string = '';
  readonly [KINDS]: string[];
  constructor(message: string) {
    super(message);
    this[KINDS] = kindsOf(new.target);
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, (this as unknown as { kind: string }).kind);
  }
}

/** Something the learner or author can fix: a wrong id, an unreadable file. Exit 1. */
export class UserError extends TutorError {
  static override readonly kind: string = 'UserError';
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
  static override readonly kind: string = 'UsageError';
  override name = 'UsageError';
}

/** Course content failed validation; the report has already been formatted. Exit 1. */
export class ContentError extends UserError {
  static override readonly kind: string = 'ContentError';
  override name = 'ContentError';
  readonly report: string;
  constructor(report: string) {
    super(report);
    this.report = report;
  }
}

/** The learner pressed Ctrl-C or closed the input: not a failure. Exit 0. */
export class CancelledError extends TutorError {
  static override readonly kind: string = 'CancelledError';
  override name = 'CancelledError';
  constructor() {
    super('Cancelled');
  }
}

/** Error codes that mean the file system refused, with wording a learner can act on. */
export function describeFsError(err: unknown, path: string): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
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

/** The command has already said what went wrong; only the exit code is left to set. */
export class ExitError extends TutorError {
  static override readonly kind: string = 'ExitError';
  override name = 'ExitError';
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}
