import { printableLine } from '../text/printable.ts';
import { loadReplay, type ReplayFn } from './cards.ts';
import { withoutPrototypes } from './id-tables.ts';
import { upgrade } from './migrate.ts';
import type { ProgressData } from './types.ts';
import { validateProgress } from './validate.ts';

/**
 * A progress file or an import larger than this is refused, unread: a learner's file grows by
 * about 200 bytes an answer, so this is over 150,000 answers, and parsing far larger files takes
 * gigabytes of memory.
 */
export const MAX_PROGRESS_BYTES = 32 * 1024 * 1024;

export type Parsed =
  | { kind: 'ok'; data: ProgressData }
  /** An older format, upgraded in memory; the file itself still holds the old one. */
  | { kind: 'migrated'; data: ProgressData; from: number }
  | { kind: 'newer'; version: number }
  /** `problem` completes "the file …": "is empty", "is not valid JSON (…)". */
  | { kind: 'corrupt'; problem: string }
  /** An older format whose upgrade replays answers into review cards: call again with `replay`. */
  | { kind: 'needs-replay'; from: number };

/**
 * Like `parseProgress`, loading the scheduler when an older file needs it to be upgraded: what
 * the store and `progress --import` use. A current file never loads it. The text is parsed once.
 */
export async function readProgressBytes(
  bytes: Buffer | string,
): Promise<Exclude<Parsed, { kind: 'needs-replay' }>> {
  const json = parseJson(bytes);
  if ('problem' in json) return { kind: 'corrupt', problem: json.problem };
  const parsed = checkParsed(json.raw);
  if (parsed.kind !== 'needs-replay') return parsed;
  const again = checkParsed(json.raw, await loadReplay());
  if (again.kind === 'needs-replay') throw new Error('the upgrade asked for the scheduler it was given');
  return again;
}

/** The contents of a progress file (or an export) to checked, current-version data. Pure. */
export function parseProgress(bytes: Buffer | string, replay?: ReplayFn): Parsed {
  const json = parseJson(bytes);
  return 'problem' in json ? { kind: 'corrupt', problem: json.problem } : checkParsed(json.raw, replay);
}

/** `problem` completes "the file …". */
function parseJson(bytes: Buffer | string): { raw: unknown } | { problem: string } {
  const decoded = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  // Editors on Windows may start a file with a byte order mark; it is not part of the JSON.
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  if (text.trim() === '') return { problem: 'is empty' };
  try {
    return { raw: JSON.parse(text) as unknown };
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const cut = /end of JSON input/.test(message) || (at !== null && Number(at[1]) >= text.trimEnd().length);
    return {
      problem: cut
        ? 'ends part-way through (it was cut short)'
        : `is not valid JSON (${printableLine(message)})`,
    };
  }
}

/**
 * Parsed JSON upgraded to the current version and checked. An upgrade that needs the scheduler
 * says so before it changes anything, so `raw` can be checked again once it is loaded.
 */
function checkParsed(raw: unknown, replay?: ReplayFn): Parsed {
  const up = upgrade(raw, replay);
  if (up.kind === 'newer' || up.kind === 'needs-replay') return up;
  if (up.kind === 'invalid')
    return {
      kind: 'corrupt',
      problem: `does not have the shape of a progress file (${printableLine(up.problem)})`,
    };
  const checked = validateProgress(up.data);
  if (!checked.ok)
    return {
      kind: 'corrupt',
      problem: `does not have the shape of a progress file (${printableLine(checked.problem)})`,
    };
  const data = withoutPrototypes(checked.value);
  return up.kind === 'migrated' ? { kind: 'migrated', data, from: up.from } : { kind: 'ok', data };
}
