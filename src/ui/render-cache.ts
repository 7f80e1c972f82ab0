import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { fnv1a } from '../text/hash.ts';
import { writeAtomically } from '../progress/atomic-file.ts';
import { makeDirs } from '../files/make-dirs.ts';
import { readRegularFile } from '../files/read-regular.ts';

declare const __BUILD__: string;

/**
 * Rendered Markdown kept between runs, so a lesson page the learner has seen before (or printed)
 * appears without loading and warming up the Markdown renderer. Keyed by the text, the width, the
 * colour setting and the tutor's version; best effort throughout: a cache that cannot be read or
 * written only costs time.
 */

const FILE = 'rendered.json';
/** Enough for every section, prompt and term of a course at a few widths. */
const MAX_ENTRIES = 3000;
/** A larger file is not one we wrote (or is a device): it is ignored. */
const MAX_BYTES = 64 * 1024 * 1024;

interface Loaded {
  file: string;
  entries: Map<string, string>;
  added: boolean;
}

const open = new Map<string, Loaded>();

function load(dir: string): Loaded {
  let cache = open.get(dir);
  if (cache) return cache;
  const file = path.join(dir, FILE);
  let entries = readEntries(file);
  // A first run: start from the shipped course's pages, rendered by the build at common widths.
  if (entries.size === 0) entries = readEntries(fileURLToPath(new URL(`./${FILE}`, import.meta.url)));
  cache = { file, entries, added: false };
  open.set(dir, cache);
  return cache;
}

function readEntries(file: string): Map<string, string> {
  try {
    const data = JSON.parse(readRegularFile(file, MAX_BYTES).toString('utf8')) as {
      entries?: Record<string, string>;
    };
    return new Map(Object.entries(data.entries ?? {}));
  } catch {
    return new Map();
  }
}

export function renderKey(md: string, width: number, color: boolean): string {
  // Two 32-bit hashes and the length: distinct texts do not meet in practice.
  return `${__BUILD__}|${width}|${color ? 1 : 0}|${md.length}|${fnv1a(md)}${fnv1a(md, 0x01000193)}`;
}

export function cachedRender(dir: string | undefined, key: string): string | undefined {
  return dir === undefined ? undefined : load(dir).entries.get(key);
}

export function rememberRender(dir: string | undefined, key: string, text: string): void {
  if (dir === undefined) return;
  const cache = load(dir);
  cache.entries.set(key, text);
  if (!cache.added) {
    cache.added = true;
    process.once('exit', () => save(cache));
  }
}

/**
 * Merged with what another run may have written meanwhile, newest last, oldest dropped first;
 * entries of other builds are dropped, so the file holds one build's pages and stays quick to read.
 */
function save(cache: Loaded): void {
  try {
    const current = `${__BUILD__}|`;
    const merged = new Map([...readEntries(cache.file)].filter(([k]) => k.startsWith(current)));
    for (const [k, v] of cache.entries) {
      merged.delete(k);
      merged.set(k, v);
    }
    const kept = [...merged].slice(-MAX_ENTRIES);
    makeDirs(path.dirname(cache.file));
    writeAtomically(cache.file, JSON.stringify({ entries: Object.fromEntries(kept) }), { durable: false });
  } catch {
    // Read-only or full cache folder: the next run renders again.
  }
}
