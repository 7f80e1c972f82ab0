import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { run, tempDir } from '../helpers/run.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
const env = { ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'progress.json') };

describe('the command line', () => {
  it('prints the version from package.json', async () => {
    const { code, stdout } = await run(['--version'], { env });
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists every command in --help', async () => {
    const { code, stdout } = await run(['--help'], { env });
    expect(code).toBe(0);
    for (const cmd of ['list', 'learn', 'quiz', 'glossary', 'search', 'progress', 'reset', 'validate'])
      expect(stdout).toContain(cmd);
  });

  it('suggests the closest command for a typo and exits 2', async () => {
    const { code, stderr } = await run(['lern'], { env });
    expect(code).toBe(2);
    expect(stderr).toContain(`unknown command 'lern' (did you mean 'learn'?)`);
  });

  it("exits 2 on an unknown option, with commander's message", async () => {
    const { code, stderr } = await run(['list', '--jsn'], { env });
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--jsn'");
  });

  it('rejects a --limit that is not a whole number with exit 2', async () => {
    const { code, stderr } = await run(['quiz', '--limit', 'abc'], { env });
    expect(code).toBe(2);
    expect(stderr).toContain('--limit must be a whole number');
  });
});

describe('stopping', () => {
  it('says progress is saved when it was', async () => {
    const r = await run(['--plain', 'learn', 'what-alignment-means'], {
      env: { ...env, ALIGNMENT_TUTOR_CACHE: 'off' },
      input: [''],
    });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('Stopped. Your progress is saved.');
  });

  it('does not claim progress is saved when the file cannot be written', async () => {
    const { writeFileSync } = await import('node:fs');
    const blocker = path.join(tmp.dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where a folder should be');
    const r = await run(['--plain', 'learn', 'what-alignment-means'], {
      env: { ALIGNMENT_TUTOR_PROGRESS: path.join(blocker, 'progress.json'), ALIGNMENT_TUTOR_CACHE: 'off' },
      input: [''],
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(path.join(blocker, 'progress.json'));
    expect(r.stdout).not.toContain('Your progress is saved');
    expect(r.stdout.trim().split('\n').at(-1)).toBe(
      'Stopped. The last changes could not be saved (see the message above).',
    );
  });
});
