import type { ProgressData } from './types.ts';

/**
 * Turns progress into the bytes of the file: the same text as `JSON.stringify(data)` plus a
 * newline, produced in pieces so that the answer and attempt histories (nearly all of a large
 * file) are serialised once and reused. Answers are append-only (types.ts), so after one more
 * answer only that answer is new text; with 100,000 answers on file this keeps a save well under
 * the cost of serialising everything again.
 *
 * A history array is recognised by identity: while it is the same array, with the same first
 * and last-known records, the bytes made earlier still hold. A re-read file or a merge brings new
 * arrays, which are serialised afresh.
 */
export class ProgressSerializer {
  private readonly histories = new WeakMap<readonly unknown[], HistoryBytes>();

  serialize(data: ProgressData): Buffer[] {
    const out = new Pieces();
    this.write(out, data, FILE_PLAN);
    out.text('\n');
    return out.finish();
  }

  private write(out: Pieces, value: unknown, plan: Plan | undefined): void {
    if (plan === HISTORY && Array.isArray(value)) return this.writeHistory(out, value);
    if (
      plan === undefined ||
      plan === HISTORY ||
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value)
    ) {
      out.text(JSON.stringify(value));
      return;
    }
    out.text('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      // JSON.stringify leaves these keys out of objects; so must we.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      out.text(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      this.write(out, v, plan.fields?.[key] ?? plan.each);
    }
    out.text('}');
  }

  private writeHistory(out: Pieces, records: readonly unknown[]): void {
    let known = this.histories.get(records);
    if (
      !known ||
      records.length < known.count ||
      records[0] !== known.first ||
      records[known.count - 1] !== known.last
    ) {
      known = { count: 0, first: undefined, last: undefined, parts: [] };
    }
    if (records.length > known.count) {
      const added = JSON.stringify(known.count === 0 ? records : records.slice(known.count)).slice(1, -1);
      known.parts.push(Buffer.from(known.count === 0 ? added : `,${added}`));
      // Many small pieces would make each write a long list; join them now and then.
      if (known.parts.length > 32) known.parts = [Buffer.concat(known.parts)];
      known.count = records.length;
      known.first = records[0];
      known.last = records[records.length - 1];
      this.histories.set(records, known);
    }
    out.text('[');
    out.bytes(known.parts);
    out.text(']');
  }
}

interface HistoryBytes {
  count: number;
  first: unknown;
  last: unknown;
  /** The records 0..count-1, comma-separated, without the brackets. */
  parts: Buffer[];
}

const HISTORY = 'history';
/** Where the histories sit in the file: courses.*.quizzes.*.{answers,attempts}. */
type Plan = typeof HISTORY | { fields?: Record<string, Plan>; each?: Plan };
const FILE_PLAN: Plan = {
  fields: {
    courses: { each: { fields: { quizzes: { each: { fields: { answers: HISTORY, attempts: HISTORY } } } } } },
  },
};

class Pieces {
  private readonly out: Buffer[] = [];
  private pending = '';

  text(s: string): void {
    this.pending += s;
  }

  bytes(parts: readonly Buffer[]): void {
    this.flush();
    this.out.push(...parts);
  }

  finish(): Buffer[] {
    this.flush();
    return this.out;
  }

  private flush(): void {
    if (this.pending) this.out.push(Buffer.from(this.pending));
    this.pending = '';
  }
}
