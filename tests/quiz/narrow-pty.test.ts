import { afterAll, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEYS, TerminalSession } from '../helpers/pty.ts';
import { tempDir } from '../helpers/run.ts';

// Long prompts, choices, items and section titles (tests/fixtures/quiz/long), in 40 columns.
const FIXTURE = fileURLToPath(new URL('../fixtures/quiz/long', import.meta.url));
const tmp = tempDir();
afterAll(tmp.cleanup);

it('keeps long choices, answers and "Revisit" lines readable in 40 columns, never ticking a wrong answer', async () => {
  const env = { ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, 'progress.json'), ALIGNMENT_TUTOR_CACHE: 'off' };
  const quiz = new TerminalSession(['--content', FIXTURE, 'quiz', 'long', '--no-shuffle', '--seed', '1'], {
    env,
    cols: 40,
  });

  // A choice continues under its own text, not under the pointer, and the pointer still moves.
  await quiz.waitFor(
    '❯ A reward function written by hand,\n  which is hard to get right for a\n' +
      '  backflip\n  The policy network itself, which',
  );
  quiz.write(KEYS.down);
  await quiz.waitFor('❯ The policy network itself, which\n  became a lookup table');
  quiz.write(KEYS.enter);
  await quiz.waitFor('Not correct. You chose: The policy');
  expect(quiz.screen()).toContain(
    '› Your answer The policy network itself,\n              which became a lookup',
  );
  expect(quiz.screen()).toContain(
    'Revisit: Long texts at narrow widths ›\n         Learning a reward model from',
  );
  quiz.write(KEYS.enter);

  await quiz.waitFor('❯◯ A choice between two clips of the\n   system');
  quiz.write(KEYS.space + KEYS.down + KEYS.space + KEYS.enter);
  await quiz.waitFor('Correct. You picked exactly');
  expect(quiz.screen()).toMatch(
    /› Your answer \(select all that apply\) *\n {2}- A choice between two clips of the\n {4}system/,
  );
  quiz.write(KEYS.enter);

  await quiz.waitFor(/❯ 1\. .*\n {5}\S/);
  quiz.write(KEYS.enter);
  await quiz.waitFor(/right order/);
  quiz.write(KEYS.enter);
  await quiz.waitFor('❯ True');
  quiz.write(KEYS.enter);

  await quiz.waitFor('Score:');
  expect(quiz.fullText()).toContain(
    '  - Question 1: Christiano et al. (2017)\n                asked people to compare…',
  );
  expect(quiz.fullText()).toContain(
    '    Revisit: Long texts at narrow widths\n             › Learning a reward model',
  );
  expect(quiz.fullText()).not.toContain('✔');
  // After the summary: retry, read a missed question's section, or stop; "Done" is last.
  await quiz.waitFor('What now?');
  quiz.write(KEYS.down.repeat(6) + KEYS.enter);
  expect(await quiz.exit()).toBe(0);
});
