import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../../src/content/load.ts';
import type { Question } from '../../src/content/schema.ts';
import type { ProgressData } from '../../src/progress/types.ts';
import { planQuiz } from '../../src/quiz/session.ts';
import { seededRandom } from '../../src/quiz/shuffle.ts';
import { parsePlainAnswer } from '../../src/ui/question.ts';
import { run, tempDir } from '../helpers/run.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/quiz/course', import.meta.url));
const quiz = loadCourse(FIXTURE).course!.quizzes.get('rewards')!;
const question = (id: string): Question => quiz.questions.find((q) => q.id === id)!;

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;
function progressFile() {
  return path.join(tmp.dir, `progress-${++n}.json`);
}
function quizRun(args: string[], input: string[], file: string) {
  return run(['--content', FIXTURE, 'quiz', ...args], {
    input,
    env: { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' },
  });
}
function saved(file: string) {
  const data = JSON.parse(readFileSync(file, 'utf8')) as ProgressData;
  return Object.values(data.courses)[0]!;
}
const lastLine = (s: string) => s.trimEnd().split('\n').at(-1);

// With --no-shuffle --seed 1 the choices are in file order and the order question's items are
// shown in this order; the right answer lists the displayed numbers of items 0, 1, 2.
const shown = planQuiz(quiz, { shuffle: false, random: seededRandom(1) }).display['training-steps']!;
const rightOrder = [0, 1, 2].map((item) => shown.indexOf(item) + 1).join(' ');
const ALL_RIGHT = ['2', '1 3', 'false', "Goodhart's law", rightOrder];

describe('the --plain protocol, one line per answer', () => {
  it('takes a whole quiz and ends with the score line', async () => {
    const file = progressFile();
    const { code, stdout } = await quizRun(['rewards', '--no-shuffle', '--seed', '1'], ALL_RIGHT, file);
    expect(code).toBe(0);
    expect(stdout).toContain('Question 3 of 5');
    expect(lastLine(stdout)).toBe('Score: 5/5 (100%) passed');
    const course = saved(file);
    expect(course.quizzes['rewards']!.answers).toHaveLength(5);
    expect(course.quizzes['rewards']!.attempts).toMatchObject([{ right: 5, total: 5, passed: true }]);
    expect(course.quizzes['rewards']!.current).toBeUndefined();
    expect(course.last).toMatchObject({ kind: 'quiz', lesson: 'rewards' });
  });

  it('explains wrong answers, names the sections to revisit, and fails below the pass mark', async () => {
    const { stdout } = await quizRun(
      ['rewards', '--no-shuffle', '--seed', '1'],
      ['1', '1', 'true', 'Goodhart', rightOrder],
      progressFile(),
    );
    expect(stdout).toContain('Not correct. You chose: The thing we really want');
    expect(stdout).toContain('That is the true objective, not the proxy.');
    expect(stdout).toContain('The right answer: A measurable stand-in for what we want');
    expect(stdout).toContain('Revisit: Rewards and goals › Proxies');
    expect(stdout).toMatch(/you missed 1 right choice[\s\S]*Teaching to the test \(you missed this one\)/i);
    expect(stdout).toContain(
      'Missed:\n  - Question 1: What is a proxy objective?\n    Revisit: Rewards and goals › Proxies',
    );
    expect(stdout).toContain('alignment-tutor quiz rewards --missed');
    // "Goodhart" alone is accepted by the pattern.
    expect(lastLine(stdout)).toBe('Score: 2/5 (40%) not passed');
  });

  it('says what is expected after malformed input and asks again', async () => {
    const file = progressFile();
    const { stdout } = await quizRun(
      ['rewards', '--no-shuffle', '--seed', '1'],
      ['7', 'two', '2', '1,,9', '', '1 3', 'maybe', 'f', '   ', "goodhart's law", '1 2', '1 1 2', rightOrder],
      file,
    );
    expect(stdout).toContain('Type one number from 1 to 3.');
    expect(stdout).toContain('"9" is not a number from 1 to 3.');
    expect(stdout).toContain('Type true or false');
    expect(stdout).toContain('Type an answer');
    expect(stdout).toContain('That lists 2 of the 3 items.');
    expect(stdout).toContain('1 is listed twice.');
    expect(lastLine(stdout)).toBe('Score: 5/5 (100%) passed');
    expect(saved(file).quizzes['rewards']!.answers).toHaveLength(5);
  });

  it('shows the hint for ? and records that it was used', async () => {
    const file = progressFile();
    const { stdout } = await quizRun(
      ['rewards', '--no-shuffle', '--seed', '1', '--limit', '2'],
      ['?', '2', '?', '1 3'],
      file,
    );
    expect(stdout).toContain('Hint: It stands in for something else.');
    expect(stdout).toContain('This question has no hint.');
    expect(saved(file).quizzes['rewards']!.answers.map((a) => a.hintUsed)).toEqual([true, false]);
    expect(lastLine(stdout)).toBe('Score: 2/2 (100%) practice');
  });

  it('retries only the missed questions with --missed', async () => {
    const file = progressFile();
    await quizRun(
      ['rewards', '--no-shuffle', '--seed', '1'],
      ['1', '1 3', 'true', "Goodhart's law", rightOrder],
      file,
    );
    const { stdout } = await quizRun(['rewards', '--missed', '--no-shuffle'], ['2', 'false'], file);
    expect(stdout).toContain('Retrying the 2 questions you missed.');
    expect(stdout).toContain(
      'You answered 2 of the 2 missed questions right. Your quiz score stays as it was',
    );
    expect(stdout).not.toContain('Passed (');
    expect(stdout).toContain('Question 2 of 2\nA trained agent always ends up wanting its reward.');
    expect(lastLine(stdout)).toBe('Score: 2/2 (100%) passed');
    const again = await quizRun(['rewards', '--missed'], [], file);
    expect(again.stdout).toContain('You missed nothing in your last attempt (2/2)');
  });

  it('asks --shuffle questions in the same order for the same seed', async () => {
    const order = async (seed: string) => {
      const { stdout } = await quizRun(
        ['rewards', '--shuffle', '--seed', seed, '--limit', '1'],
        ['?', '?'],
        progressFile(),
      );
      return stdout.split('Question 1 of 1\n')[1]!.split('\n').slice(0, 4).join('\n');
    };
    expect(await order('3')).toBe(await order('3'));
    const firsts = new Set(await Promise.all(['1', '2', '3', '4', '5', '6'].map(order)));
    expect(firsts.size).toBeGreaterThan(1);
  });
});

describe('honest scores', () => {
  it('a --limit run is practice: answers kept, no pass, no best or latest score', async () => {
    const file = progressFile();
    const { stdout } = await quizRun(['rewards', '--no-shuffle', '--seed', '1', '--limit', '1'], ['2'], file);
    expect(stdout).toContain('Practice finished');
    expect(lastLine(stdout)).toBe('Score: 1/1 (100%) practice');
    expect(saved(file).quizzes['rewards']).toMatchObject({ attempts: [], answers: [{ correct: true }] });
    const env = { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' };
    const list = await run(['--content', FIXTURE, 'list', '--json'], { env });
    expect(JSON.parse(list.stdout)[0]).toMatchObject({ id: 'rewards', quizBest: null });
    expect(list.stdout).not.toContain('quiz-passed');
    const progress = await run(['--content', FIXTURE, 'progress', '--json'], { env });
    expect(JSON.parse(progress.stdout).totals).toMatchObject({ quizzesPassed: 0, answered: 1, attempts: 0 });
  });

  it('an interrupted retry says it was a retry, and starting over starts the retry again', async () => {
    const file = progressFile();
    await quizRun(
      ['rewards', '--no-shuffle', '--seed', '1'],
      ['1', '1', 'true', "Goodhart's law", rightOrder],
      file,
    );
    await quizRun(['rewards', '--missed', '--no-shuffle'], ['2'], file);
    const { stdout } = await quizRun(['rewards', '--no-shuffle'], ['2', '2', '1 3', 'false'], file);
    expect(stdout).toContain('You left a retry of the 3 questions you missed after answering 1.');
    expect(stdout).toContain('Start the retry over');
    expect(stdout).toContain('Retrying the 3 questions you missed.');
    expect(stdout).not.toContain('Question 1 of 5');
  });
});

describe('choosing the quiz', () => {
  it('names the closest lesson ids for an unknown one', async () => {
    const { code, stderr } = await quizRun(['reward'], [], progressFile());
    expect(code).toBe(1);
    expect(stderr).toContain('there is no lesson "reward"; did you mean "rewards"?');
  });

  it('without an id takes the quiz of the lesson used last, else the first with a quiz', async () => {
    const file = progressFile();
    const first = await quizRun([], [], file);
    expect(first.stdout).toContain('Quiz: Rewards and goals');
    await quizRun(['oversight'], ['true'], file);
    const next = await quizRun([], [], file);
    expect(next.stdout).toContain('Quiz: Oversight');
  });

  it('says so when --missed has no finished attempt to go by', async () => {
    const { code, stderr } = await quizRun(['rewards', '--missed'], [], progressFile());
    expect(code).toBe(1);
    expect(stderr).toContain('you have not finished the "rewards" quiz yet');
  });
});

describe('resuming', () => {
  it('resumes where the input ended, with the same order and the earlier answers counted', async () => {
    const file = progressFile();
    const plan = planQuiz(quiz, { shuffle: true, random: seededRandom(9) });
    const answerFor = (id: string) => rightAnswer(id, plan.display[id]);
    const stopped = await quizRun(
      ['rewards', '--shuffle', '--seed', '9'],
      plan.questions.slice(0, 2).map(answerFor),
      file,
    );
    expect(stopped.stdout).toContain('Stopped. Your progress is saved.');
    const current = saved(file).quizzes['rewards']!.current!;
    expect(current.questions).toEqual(plan.questions);
    expect(Object.keys(current.answers)).toEqual(plan.questions.slice(0, 2));

    const rest = current.questions.slice(2).map(answerFor);
    const { stdout } = await quizRun(['rewards'], ['1', ...rest], file);
    expect(stdout).toContain('You left this quiz after answering 2 of 5 questions.');
    expect(stdout).toContain('Resuming at question 3 of 5.');
    expect(stdout).not.toContain('Question 2 of 5');
    expect(lastLine(stdout)).toBe('Score: 5/5 (100%) passed');
  });

  it('starts over when asked, replacing the unfinished attempt', async () => {
    const file = progressFile();
    await quizRun(['rewards', '--no-shuffle', '--seed', '1'], ['1'], file);
    const { stdout } = await quizRun(['rewards', '--no-shuffle', '--seed', '1'], ['2', ...ALL_RIGHT], file);
    expect(stdout).toContain('Question 1 of 5');
    expect(lastLine(stdout)).toBe('Score: 5/5 (100%) passed');
    expect(saved(file).quizzes['rewards']!.attempts).toHaveLength(1);
  });
});

describe('choice order', () => {
  const choices = (id: string, display: readonly number[]) => {
    const q = question(id);
    const texts = q.type === 'single' || q.type === 'multiple' ? q.choices.map((c) => c.text) : [];
    return display.map((i, at) => `  ${at + 1}. ${texts[i]}`).join('\n');
  };
  const drawn = (s: number) => planQuiz(quiz, { random: seededRandom(s) }).display;
  // A seed whose default plan shows both choice questions out of file order, and whose next seed
  // would show the second differently (so a resume cannot match it by chance).
  const seed = [...Array(50).keys()].find((s) => {
    const display = drawn(s);
    return (
      display['proxy-meaning']!.join() !== '0,1,2' &&
      display['goodhart-effects']!.join() !== '0,1,2' &&
      drawn(s + 1)['goodhart-effects']!.join() !== display['goodhart-effects']!.join()
    );
  })!;
  const plan = planQuiz(quiz, { random: seededRandom(seed) });

  it('shuffles the choices without flags, numbers them as shown, and grades what the number shows', async () => {
    const file = progressFile();
    const { stdout } = await quizRun(
      ['rewards', '--seed', String(seed)],
      plan.questions.map((id) => rightAnswer(id, plan.display[id])),
      file,
    );
    expect(stdout).toContain(choices('proxy-meaning', plan.display['proxy-meaning']!));
    expect(stdout).toContain(choices('goodhart-effects', plan.display['goodhart-effects']!));
    expect(stdout).not.toContain(choices('proxy-meaning', [0, 1, 2]));
    // The questions themselves stay as written.
    expect(stdout.indexOf('Question 1 of 5\nWhat is a proxy')).toBeGreaterThan(0);
    expect(lastLine(stdout)).toBe('Score: 5/5 (100%) passed');
    const [first, second] = saved(file).quizzes['rewards']!.answers;
    // What is stored is the choice as written in the file, whatever number it was shown under.
    expect(first!.response).toEqual({ type: 'single', choice: 1 });
    expect(second!.response).toMatchObject({ type: 'multiple', choices: [0, 2] });
  });

  it('"1" picks the choice shown first, not the first in the file', async () => {
    const file = progressFile();
    await quizRun(['rewards', '--seed', String(seed), '--limit', '1'], ['1'], file);
    const [answer] = saved(file).quizzes['rewards']!.answers;
    expect(answer!.response).toEqual({ type: 'single', choice: plan.display['proxy-meaning']![0] });
  });

  it('shows the choices in file order with --no-shuffle', async () => {
    const { stdout } = await quizRun(['rewards', '--no-shuffle'], ['2', '1 3'], progressFile());
    expect(stdout).toContain(choices('proxy-meaning', [0, 1, 2]));
    expect(stdout).toContain(choices('goodhart-effects', [0, 1, 2]));
  });

  it('resumes with the choices in the order first shown, whatever this run would draw', async () => {
    const file = progressFile();
    await quizRun(
      ['rewards', '--seed', String(seed)],
      [rightAnswer('proxy-meaning', plan.display['proxy-meaning'])],
      file,
    );
    expect(saved(file).quizzes['rewards']!.current!.display).toEqual(plan.display);
    const rest = plan.questions.slice(1).map((id) => rightAnswer(id, plan.display[id]));
    const { stdout } = await quizRun(['rewards', '--seed', String(seed + 1)], ['1', ...rest], file);
    expect(stdout).toContain('Resuming at question 2 of 5.');
    expect(stdout).toContain(choices('goodhart-effects', plan.display['goodhart-effects']!));
    expect(lastLine(stdout)).toBe('Score: 5/5 (100%) passed');
  });
});

/** The --plain line that answers a fixture question right, given how it is displayed. */
function rightAnswer(id: string, display: number[] | undefined): string {
  const q = question(id);
  const pos = (i: number) => String(display!.indexOf(i) + 1);
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.choices.flatMap((c, i) => (c.correct ? [pos(i)] : [])).join(' ');
    case 'true-false':
      return String(q.answer);
    case 'short':
      return q.accept![0]!;
    case 'order':
      return q.items.map((_, i) => pos(i)).join(' ');
  }
}

describe('parsing one --plain answer', () => {
  const tf = question('reward-is-goal');
  it.each([
    ['true', true],
    ['T', true],
    ['1', true],
    [' false ', false],
    ['f', false],
    ['2', false],
  ])('true-false %j', (line, value) => {
    expect(parsePlainAnswer(tf, line, [])).toEqual({ type: 'true-false', value });
  });

  it('maps displayed numbers back to file order', () => {
    expect(parsePlainAnswer(question('proxy-meaning'), '1', [2, 0, 1])).toEqual({
      type: 'single',
      choice: 2,
    });
    expect(parsePlainAnswer(question('goodhart-effects'), '3, 1', [2, 0, 1])).toEqual({
      type: 'multiple',
      choices: [1, 2],
    });
    expect(parsePlainAnswer(question('training-steps'), '2 3 1', [2, 0, 1])).toEqual({
      type: 'order',
      order: [0, 1, 2],
    });
  });

  it('treats ? as a request for the hint, and keeps a short answer as typed', () => {
    expect(parsePlainAnswer(question('law-name'), ' ? ', [])).toBe('hint');
    expect(parsePlainAnswer(question('law-name'), '  Goodhart  ', [])).toEqual({
      type: 'short',
      text: 'Goodhart',
    });
  });
});
