import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyPackage, runBuilt } from '../helpers/built.ts';
import { PACKAGE_ROOT, tempDir } from '../helpers/run.ts';

// dist/cli.cjs runs dist/app.cjs with the code V8 compiled when the build ran it (dist/app.cjs.cache):
// a start-up without compiling 280 kB of code. The cache must be one this Node accepts, and a
// cache it cannot use (another Node, a damaged file, none) must cost time, never correctness.

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;

const run = (root: string, args: string[], env: Record<string, string> = {}) =>
  runBuilt(root, args, path.join(tmp.dir, `run-${n++}`), [], env);
const copyOf = () => copyPackage(PACKAGE_ROOT, path.join(tmp.dir, `package-${n++}`));

describe("the build's code cache", () => {
  it('is accepted by the Node that built it, for our code and for each library', () => {
    // Each file compiled exactly as dist/cli.cjs compiles it; V8 says whether it used the cache.
    const check = `
      const { readFileSync } = require('node:fs'); const { wrap } = require('node:module');
      const { Script } = require('node:vm');
      for (const file of process.argv.slice(1)) {
        const s = new Script(wrap(readFileSync(file, 'utf8')),
          { filename: file, cachedData: readFileSync(file + '.cache') });
        console.log(require('node:path').basename(file), s.cachedDataRejected ? 'rejected' : 'accepted');
      }`;
    const dist = path.join(PACKAGE_ROOT, 'dist');
    const files = [
      path.join(dist, 'app.cjs'),
      ...readdirSync(path.join(dist, 'vendor'))
        .filter((f) => f.endsWith('.cjs'))
        .map((f) => path.join(dist, 'vendor', f)),
    ];
    const r = spawnSync(process.execPath, ['-e', check, ...files], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').sort()).toEqual(
      files.map((f) => `${path.basename(f)} accepted`).sort(),
    );
    expect(files.length).toBeGreaterThan(5);
  });

  it.each([
    ['damaged', (file: string) => writeFileSync(file, Buffer.alloc(4096, 7))],
    ['cut short', (file: string) => writeFileSync(file, readFileSync(file).subarray(0, 1000))],
  ])('when %s, is ignored: the commands work and print the same', (_, damage) => {
    const copy = copyOf();
    damage(path.join(copy, 'dist', 'app.cjs.cache'));
    for (const lib of ['marked', 'marked-terminal', 'yaml', 'zod'])
      damage(path.join(copy, 'dist', 'vendor', `${lib}.cjs.cache`));
    // The lesson rendered afresh (no cache folder), so the Markdown renderer runs.
    const runs: Array<[string[], Record<string, string>]> = [
      [['list'], {}],
      [['learn', '1', '--print'], { ALIGNMENT_TUTOR_CACHE: 'off' }],
      [['--help'], {}],
      [['validate'], {}],
    ];
    for (const [args, env] of runs) {
      const expected = run(PACKAGE_ROOT, args, env);
      const r = run(copy, args, env);
      expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr: '' });
      expect(r.stdout).toBe(expected.stdout);
    }
  });

  it('answers --version without loading the rest of the program', () => {
    const copy = copyOf();
    writeFileSync(path.join(copy, 'dist', 'app.cjs'), 'throw new Error("loaded");');
    const r = run(copy, ['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `${(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`,
    );
  });
});
