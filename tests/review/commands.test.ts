import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/run.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/quiz/course', import.meta.url));
const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;

/** A learner of the quiz fixture course with their own progress file and a clock they set. */
function learner() {
  const file = path.join(tmp.dir, `progress-${++n}.json`);
  return (argv: string[], at: string, input?: string[]) => {
    // The clock starts at `at` and moves a second each time it is read, so answers are in order.
    let t = Date.parse(at);
    return run(['--content', FIXTURE, ...argv], {
      env: { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' },
      now: () => new Date((t += 1000)),
      ...(input ? { input } : {}),
    });
  };
}

// The rewards quiz with --no-shuffle --seed 1: the first and third answers wrong, the rest right.
const TWO_WRONG = ['1', '1 3', 'true', 'Goodhart', '2 3 1'];
const DAY = '2025-03-03T09:00:00Z';

describe('bad input to the new commands', () => {
  it('names an unknown question for --why, with the closest ids, exit 1', async () => {
    const me = learner();
    const r = await me(['review', '--why', 'proxy-meanng'], DAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: there is no question "proxy-meanng"; did you mean "proxy-meaning"?');
  });

  it('says a lesson has no cards yet, and how to get some, exit 1', async () => {
    const r = await learner()(['review', '--lesson', 'rewards'], DAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the lesson "rewards" has no review cards yet');
    expect(r.stderr).toContain('alignment-tutor quiz rewards');
  });

  it('refuses --max 0 and --max that is not a number, exit 2', async () => {
    for (const bad of ['0', 'ten']) {
      const r = await learner()(['review', '--max', bad], DAY);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--max must be a whole number of at least 1');
    }
  });

  it('refuses a setting it does not know and a value that is not on or off, exit 2', async () => {
    const me = learner();
    expect((await me(['config', 'colour', 'on'], DAY)).code).toBe(2);
    const r = await me(['config', 'confidence', 'maybe'], DAY);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"maybe" is not a value for confidence');
  });
});

describe('next', () => {
  it('follows the priority: an unfinished quiz, then due reviews, then reading, then the next lesson', async () => {
    const me = learner();
    const kind = async (at: string) => JSON.parse((await me(['next', '--json'], at)).stdout).kind as string;
    expect(await kind(DAY)).toBe('start-lesson');
    // Two answers, then input ends: the quiz is left unfinished.
    await me(['quiz', 'rewards', '--no-shuffle', '--seed', '1'], DAY, TWO_WRONG.slice(0, 2));
    expect(await kind('2025-03-03T09:30:00Z')).toBe('finish-quiz');
    await me(['quiz', 'rewards', '--no-shuffle', '--seed', '1'], DAY, ['1', ...TWO_WRONG.slice(2)]);
    // Twenty minutes on, the two missed questions are due again.
    const due = JSON.parse((await me(['next', '--json'], '2025-03-03T09:30:00Z')).stdout);
    expect(due).toMatchObject({ kind: 'review', due: 2, command: 'alignment-tutor review' });
    await me(['review', '--seed', '2'], '2025-03-03T09:30:00Z', ['', '', '', '']);
    const r = await me(['next'], '2025-03-03T09:31:00Z');
    expect(r.stdout).toMatch(/^Next: (start|review)/);
  });
});

describe('review', () => {
  it('asks at most --max cards a day, most overdue first, and says the rest wait for the next days', async () => {
    const me = learner();
    await me(['quiz', 'rewards', '--no-shuffle', '--seed', '1'], DAY, ['1', '2', 'true', 'nope', '1 2 3']);
    const r = await me(['review', '--max', '2'], '2025-03-03T10:00:00Z', ['1', '1']);
    expect(r.stdout).toContain(
      '2 cards to review, most overdue first. 3 more wait for the next days (at most 2 a day).',
    );
    expect(r.stdout.match(/^Review \d of 2/gm)).toEqual(['Review 1 of 2', 'Review 2 of 2']);
    // The most overdue are the first two answered; whether the answers were right depends on the shuffle.
    expect(r.stdout).toContain('What is a proxy objective?');
    expect(r.stdout).toContain("Which are examples of Goodhart's law?");
    const again = await me(['review', '--max', '2'], '2025-03-03T11:00:00Z');
    expect(again.stdout).toMatch(/You have reviewed 2 cards today, the daily limit\. [345] more are due/);
  });

  it('with nothing due, says when the next card is due and what else to do', async () => {
    const me = learner();
    await me(['quiz', 'rewards', '--no-shuffle', '--seed', '1'], DAY, [
      '2',
      '1 3',
      'false',
      'Goodhart',
      '2 3 1',
    ]);
    const r = await me(['review'], '2025-03-03T12:00:00Z');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing to review now: the next card is due in 2 days (2025-03-05).');
    expect(r.stdout).toContain('Next: start "Rewards and goals": alignment-tutor learn rewards');
  });
});

describe('confidence and calibration', () => {
  it('asks how sure after each answer once turned on, stores it, and stats shows the Brier score', async () => {
    const me = learner();
    const on = await me(['config', 'confidence', 'on'], DAY);
    expect(on.stdout).toContain('Confidence is on');
    expect((await me(['config'], DAY)).stdout).toBe('confidence on\n');
    const quiz = await me(['quiz', 'rewards', '--no-shuffle', '--seed', '1'], DAY, [
      '1',
      '90', // wrong at 90%
      '1 3',
      '99', // right at 99%
      'true',
      '50', // wrong at 50%
      'Goodhart',
      '70', // right at 70%
      '2 3 1',
      'lots',
      '90', // right at 90% (after a line that is not a number)
    ]);
    expect(quiz.stdout).toContain('How sure were you? (percent: 50, 70, 90 or 99)');
    expect(quiz.stdout).toContain('Type how sure you were as a whole number from 1 to 100, like 70.');
    expect(quiz.stdout.trimEnd().split('\n').at(-1)).toBe('Score: 3/5 (60%) passed');
    const stats = JSON.parse((await me(['stats', '--json'], '2025-03-03T10:00:00Z')).stdout);
    // (0.9-0)² + (0.99-1)² + (0.5-0)² + (0.7-1)² + (0.9-1)², over 5.
    expect(stats.calibration.brier).toBeCloseTo((0.81 + 0.0001 + 0.25 + 0.09 + 0.01) / 5, 10);
    expect(stats.calibration.rows).toEqual([
      { stated: 50, answers: 1, right: 0, shareRight: 0 },
      { stated: 70, answers: 1, right: 1, shareRight: 1 },
      { stated: 90, answers: 2, right: 1, shareRight: 0.5 },
      { stated: 99, answers: 1, right: 1, shareRight: 1 },
    ]);
    const text = await me(['stats', '--plain'], '2025-03-03T10:00:00Z');
    expect(text.stdout).toContain('Brier score: 0.232');
    expect(text.stdout).not.toMatch(/[▁▂▃▄▅▆▇█│]/);
  });
});

describe('mistakes', () => {
  it('lists the questions missed now, and a wrong choice picked twice as a misconception', async () => {
    const me = learner();
    await me(['quiz', 'rewards', '--no-shuffle', '--seed', '1'], DAY, TWO_WRONG);
    await me(['quiz', 'rewards', '--missed', '--no-shuffle', '--seed', '1'], '2025-03-03T09:10:00Z', [
      '1',
      'false',
    ]);
    const r = await me(['mistakes'], '2025-03-03T09:20:00Z');
    expect(r.stdout).toContain('Missed now (1)');
    expect(r.stdout).toContain('What is a proxy objective? (rewards/proxy-meaning; wrong 2 times)');
    expect(r.stdout).toContain(
      'You chose: The thing we really want That is the true objective, not the proxy.',
    );
    expect(r.stdout).toContain('Revisit: Rewards and goals › Proxies: alignment-tutor learn rewards/proxies');
    expect(r.stdout).toContain('"The thing we really want", 2 times');
    expect(r.stdout).not.toContain('reward-is-goal');
  });
});
