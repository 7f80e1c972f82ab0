import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Creates a folder and any missing parents, like `mkdir -p`. Not Node's own recursive mkdir: for
 * a path under /proc it never returns (mkdir there fails with ENOENT although the parent exists,
 * and Node keeps creating the parent again). Here each missing folder is created once, from the
 * nearest existing one down, and the first refusal is thrown.
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    try {
      if (statSync(at).isDirectory()) break;
      throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR', path: at });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Made meanwhile by another process: fine.
      if (code === 'EEXIST') continue;
      // The parent exists, yet the folder cannot be made in it (/proc, /sys): say so plainly.
      if (code === 'ENOENT')
        throw Object.assign(new Error(`cannot create ${d}`), { code: 'ENOMKDIR', path: d });
      throw e;
    }
  }
}
