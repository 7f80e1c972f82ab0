import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, tempDir } from '../helpers/run.ts';

// The built CLI (npm test builds it first): each of our modules exists once, and the commands run
// most often load none of the heavy libraries.

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}
const meta = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'dist', 'meta.json'), 'utf8')) as Record<
  string,
  Metafile
>;

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('the build', () => {
  it('puts each of our own modules in exactly one built file', () => {
    const homes = new Map<string, string[]>();
    for (const metafile of Object.values(meta))
      for (const [output, { inputs }] of Object.entries(metafile.outputs))
        for (const input of Object.keys(inputs))
          if (input.startsWith('src/')) homes.set(input, [...(homes.get(input) ?? []), output]);
    const copied = [...homes].filter(([, outputs]) => outputs.length > 1);
    expect(copied).toEqual([]);
    expect(homes.size).toBeGreaterThan(40);
  });

  it("bundles the prompt library's core once, though our prompts and Inquirer's both use it", () => {
    const packages = new Map<string, Set<string>>();
    for (const metafile of Object.values(meta))
      for (const [output, { inputs }] of Object.entries(metafile.outputs))
        for (const input of Object.keys(inputs)) {
          const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
          if (m) packages.set(m[1]!, (packages.get(m[1]!) ?? new Set()).add(output));
        }
    for (const name of ['@inquirer/core', '@inquirer/prompts', 'yaml', 'zod', 'marked', 'marked-terminal'])
      expect({ name, files: packages.get(name)?.size }).toEqual({ name, files: 1 });
  });

  it.each([['--version'], ['list'], ['progress'], ['--help'], ['next'], ['stats']])(
    'runs `%s` without loading a library kept for later',
    (arg) => {
      const env = {
        ...process.env,
        ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'progress.json'),
        ALIGNMENT_TUTOR_CACHE: path.join(tmp.dir, 'cache'),
      };
      const record = path.join(tmp.dir, 'loaded.txt');
      const preload = path.join(tmp.dir, 'record.cjs');
      writeFileSync(
        preload,
        `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(record)}, ` +
          `Object.keys(require.cache).join('\\n')));`,
      );
      // Warm: the first run after installing is another test's business.
      spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'alignment-tutor.js'), arg], { env });
      const r = spawnSync(
        process.execPath,
        ['-r', preload, path.join(PACKAGE_ROOT, 'bin', 'alignment-tutor.js'), arg],
        {
          env: {
            ...process.env,
            ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'progress.json'),
            ALIGNMENT_TUTOR_CACHE: path.join(tmp.dir, 'cache'),
          },
          encoding: 'utf8',
        },
      );
      expect(r.status).toBe(0);
      const loaded = readFileSync(record, 'utf8').split('\n');
      expect(loaded.some((f) => f.endsWith(path.join('dist', 'cli.cjs')))).toBe(true);
      expect(loaded.filter((f) => f.includes(`${path.sep}vendor${path.sep}`))).toEqual([]);
    },
  );
});
