import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';
import { firstSentence } from '../../src/ui/screens/quiz.ts';
import { run, tempDir } from '../helpers/run.ts';

// Long prompts and section titles (tests/fixtures/quiz/long); every answer below is wrong.
const FIXTURE = fileURLToPath(new URL('../fixtures/quiz/long', import.meta.url));
const tmp = tempDir();
afterAll(tmp.cleanup);

let n = 0;
/** The quiz with the line protocol, on an 80-column terminal or (`tty: false`) piped. */
async function allWrong(opts: { tty: boolean; env?: Record<string, string | undefined> }) {
  const file = path.join(tmp.dir, `progress-${++n}.json`);
  const { stdout } = await run(
    ['--plain', '--content', FIXTURE, 'quiz', 'long', '--no-shuffle', '--seed', '1'],
    {
      input: ['2', '3', '3 2 1', 'true'],
      env: { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off', ...opts.env },
      tty: opts.tty,
      columns: 80,
    },
  );
  return stdout;
}

describe('the end of a quiz with long questions', () => {
  it('names each missed question by its first sentence, within 80 columns, with colour codes whole', async () => {
    const out = await allWrong({ tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(out).toContain('\u001b[');
    for (const line of out.split('\n'))
      expect(stripVTControlCharacters(line).length, line).toBeLessThanOrEqual(80);
    // Every escape code is whole: none cut short where a line was cut.
    expect(out.replace(/\u001b\[[0-9;]*m/g, '')).not.toContain('\u001b');
    const missed = stripVTControlCharacters(out.split('Missed:')[1]!);
    expect(missed).toContain(
      '  - Question 1: Christiano et al. (2017) asked people to compare pairs of short\n' +
        '                clips of a simulated robot and trained a reward model on their…\n',
    );
    expect(missed).toContain(
      '  - Question 2: Which of these are signals people can give a learning system?\n',
    );
  });

  it('wraps "Revisit" lines under their own text on a terminal, after each answer and in the summary', async () => {
    const out = await allWrong({ tty: true });
    const [answers, summary] = out.split('Missed:') as [string, string];
    expect(answers).toContain(
      '\nRevisit: Long texts at narrow widths › Learning a reward model from human\n' +
        '         comparisons of short video clips\n',
    );
    expect(summary).toContain(
      '\n    Revisit: Long texts at narrow widths › Learning a reward model from human\n' +
        '             comparisons of short video clips\n',
    );
  });

  it('keeps "Revisit" lines and choices on one line each when piped, as the protocol says', async () => {
    const out = await allWrong({ tty: false });
    expect(out).toContain(
      '\nRevisit: Long texts at narrow widths › ' +
        'Learning a reward model from human comparisons of short video clips\n',
    );
    expect(out).toContain(
      '\n  1. A reward function written by hand, which is hard to get right for a backflip\n',
    );
  });
});

describe('the first sentence of a prompt', () => {
  it.each([
    [
      'Amodei et al. (2016) listed five problems. Which one is about side effects?',
      'Amodei et al. (2016) listed five problems.',
    ],
    [
      'Some goals, e.g. money, help with most others. Which?',
      'Some goals, e.g. money, help with most others.',
    ],
    ['S. Russell argued for uncertainty. Why?', 'S. Russell argued for uncertainty.'],
    ['Is it **true**? Say why.', 'Is it **true**?'],
    ['What did "the judge" say." Next one.', 'What did "the judge" say."'],
    ['A prompt\nhard-wrapped in the file. And more.', 'A prompt hard-wrapped in the file.'],
    ['One paragraph only\n\nSecond paragraph.', 'One paragraph only'],
  ])('%j', (prompt, first) => {
    expect(firstSentence(prompt)).toBe(first);
  });
});

describe('the quiz heading', () => {
  it('starts with a capital after "Quiz:", as lesson titles do', async () => {
    const { run, tempDir } = await import('../helpers/run.ts');
    const tmp = tempDir();
    const { stdout } = await run(['--plain', 'quiz', 'what-alignment-means'], {
      env: { ALIGNMENT_TUTOR_PROGRESS: `${tmp.dir}/p.json`, ALIGNMENT_TUTOR_CACHE: 'off' },
    });
    tmp.cleanup();
    expect(stdout.split('\n')[0]).toBe('Quiz: What alignment means');
  });
});
