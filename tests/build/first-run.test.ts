import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyPackage, runBuilt } from '../helpers/built.ts';
import { PACKAGE_ROOT, tempDir } from '../helpers/run.ts';

// Right after installing, nothing is cached: the built CLI starts from the course as the build
// checked it and the pages as the build rendered them, but only while the files are unchanged.

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;

/** Runs the built CLI in `root` with an empty cache folder; returns its output and the files it loaded. */
function firstRun(root: string, args: string[]) {
  const dir = path.join(tmp.dir, `run-${n++}`);
  const record = `${dir}-loaded.txt`;
  const preload = `${dir}-record.cjs`;
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(record)}, ` +
      `Object.keys(require.cache).join('\\n')));`,
  );
  const r = runBuilt(root, args, dir, ['-r', preload]);
  const loaded = readFileSync(record, 'utf8').split('\n');
  return {
    ...r,
    libraries: loaded.filter((f) => f.includes(`${path.sep}vendor${path.sep}`)).map((f) => path.basename(f)),
  };
}

describe('the first run after installing', () => {
  it('lists the shipped course without parsing or checking it', () => {
    const r = firstRun(PACKAGE_ROOT, ['list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1\.\s+What alignment means/);
    expect(r.libraries).toEqual([]);
  });

  it("prints a lesson's first page without loading the Markdown renderer", () => {
    const r = firstRun(PACKAGE_ROOT, ['learn', 'what-alignment-means', '--print']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('What alignment means');
    expect(r.libraries).toEqual([]);
  });

  it('reads and checks the course again when a shipped lesson was edited', () => {
    const copy = copyPackage(PACKAGE_ROOT, path.join(tmp.dir, 'package'));
    const lesson = path.join(copy, 'lessons', 'what-alignment-means.yaml');
    writeFileSync(
      lesson,
      readFileSync(lesson, 'utf8').replace(/^title: .*$/m, 'title: What alignment is, edited'),
    );
    const r = firstRun(copy, ['list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1\.\s+What alignment is, edited/);
    expect(r.libraries).toContain('yaml.cjs');
  });
});
