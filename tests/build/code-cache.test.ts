import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyPackage, runBuilt } from '../helpers/built.ts';
import { PACKAGE_ROOT, tempDir } from '../helpers/run.ts';

// dist/cli.cjs runs dist/app.cjs with the code V8 compiled when the build ran it (dist/app.cache):
// a start-up without compiling 280 kB of code. The cache must be one this Node accepts, and a
// cache it cannot use (another Node, a damaged file, none) must cost time, never correctness.

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;

const run = (root: string, args: string[]) => runBuilt(root, args, path.join(tmp.dir, `run-${n++}`));
const copyOf = () => copyPackage(PACKAGE_ROOT, path.join(tmp.dir, `package-${n++}`));

describe("the build's code cache", () => {
  it('is accepted by the Node that built it, so a start-up compiles nothing it covers', () => {
    // Compiled exactly as dist/cli.cjs compiles it; V8 says whether it used the cache.
    const check = `
      const { readFileSync } = require('node:fs'); const { wrap } = require('node:module');
      const { Script } = require('node:vm'); const dist = process.argv[1];
      const s = new Script(wrap(readFileSync(dist + '/app.cjs', 'utf8')),
        { filename: dist + '/app.cjs', cachedData: readFileSync(dist + '/app.cache') });
      console.log(s.cachedDataRejected ? 'rejected' : 'accepted');`;
    const r = spawnSync(process.execPath, ['-e', check, path.join(PACKAGE_ROOT, 'dist')], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('accepted');
  });

  it.each([
    ['damaged', (file: string) => writeFileSync(file, Buffer.alloc(4096, 7))],
    ['cut short', (file: string) => writeFileSync(file, readFileSync(file).subarray(0, 1000))],
  ])('when %s, is ignored: the commands work and print the same', (_, damage) => {
    const copy = copyOf();
    damage(path.join(copy, 'dist', 'app.cache'));
    for (const args of [['list'], ['learn', '1', '--print'], ['--help']]) {
      const expected = run(PACKAGE_ROOT, args);
      const r = run(copy, args);
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
