import { afterAll, describe, expect, it } from 'vitest';
import { ScriptedPrompter } from '../helpers/fake-prompter.ts';
import { run, tempDir } from '../helpers/run.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;
// One course cache for every run: each loads the shipped course.
const env = () => ({
  ALIGNMENT_TUTOR_PROGRESS: `${tmp.dir}/p-${++n}.json`,
  ALIGNMENT_TUTOR_CACHE: `${tmp.dir}/cache`,
});

describe('friendlier glossary look-ups (the shipped course)', () => {
  it('shows the one term a part of its name matches', async () => {
    const { code, stdout } = await run(['glossary', 'goodhart'], { env: env() });
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe("Goodhart's law");
  });

  it('ignores apostrophes, hyphens and British spellings', async () => {
    expect((await run(['glossary', 'goodharts law'], { env: env() })).stdout).toMatch(/^Goodhart's law/);
    expect((await run(['glossary', 'mesa-optimiser'], { env: env() })).stdout).toMatch(/^Mesa-optimizer/);
    expect((await run(['glossary', 'goal misgeneralisation'], { env: env() })).stdout).toMatch(
      /^Goal misgeneralization/,
    );
  });

  it('takes several words without quotes, as search does', async () => {
    const { code, stdout } = await run(['glossary', 'reward', 'hacking'], { env: env() });
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Reward hacking');
  });
});

describe('long output on a terminal', () => {
  it('goes through a pager: the glossary, and search with --limit', async () => {
    const glossary = new ScriptedPrompter([{ pager: 'close' }]);
    const g = await run(['glossary'], { env: env(), tty: true, prompter: glossary });
    expect(g.stdout).toBe('');
    expect(glossary.shown[0]!.lines.join('\n')).toContain('Orthogonality thesis');
    const search = new ScriptedPrompter([{ pager: 'close' }]);
    await run(['search', 'reward', '--limit', '12'], { env: env(), tty: true, prompter: search });
    expect(search.shown[0]!.kind).toBe('pager');
  });

  it('is printed as it is when piped', async () => {
    const { stdout } = await run(['glossary'], { env: env() });
    expect(stdout).toContain('Orthogonality thesis');
  });
});

describe('the home screen reaches the glossary and search', () => {
  it('opens each as a page and comes back', async () => {
    const prompter = new ScriptedPrompter([
      { select: 'Glossary' },
      { pager: 'close' },
      { select: 'Search' },
      { input: 'sycophancy' },
      { pager: 'close' },
      { back: true },
    ]);
    const { code } = await run([], { env: env(), prompter });
    expect(code).toBe(0);
    const pages = prompter.shown.filter((s) => s.kind === 'pager').map((p) => p.lines.join('\n'));
    expect(pages[0]).toContain('Goodhart');
    expect(pages[1]).toMatch(/Sycophancy/i);
    expect(prompter.left).toEqual([]);
  });
});
