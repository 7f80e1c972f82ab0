import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { answerUntilQuestion, KEYS, TerminalSession } from '../helpers/pty.ts';
import { PACKAGE_ROOT, tempDir } from '../helpers/run.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let n = 0;

/** The shipped course, whose paragraphs are long enough to show the wrapping. */
function open(args: string[]) {
  const file = `${tmp.dir}/resize-${++n}.json`;
  const env = { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' };
  const session = new TerminalSession(args, { env, cols: 80, rows: 24 });
  /** The responses to a question that the progress file records. */
  const recorded = (question: string): unknown[] => {
    const found: unknown[] = [];
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as { question?: unknown; response?: unknown };
      if (record.question === question && 'response' in record) found.push(record.response);
      Object.values(node).forEach(walk);
    };
    walk(JSON.parse(readFileSync(file, 'utf8')));
    return found;
  };
  return Object.assign(session, { recorded, progressFile: file });
}
const longest = (screen: string) => Math.max(...screen.split('\n').map((l) => l.length));

interface Text {
  id: string;
  prompt: string;
  explanation: string;
}
/** Lesson 1's quiz (in file order with --no-shuffle) and the check at the end of its section 2. */
const read = (file: string) => parse(readFileSync(path.join(PACKAGE_ROOT, file), 'utf8')) as unknown;
const quiz = (read('quizzes/what-alignment-means.yaml') as { questions: Text[] }).questions;
const check = (read('lessons/what-alignment-means.yaml') as { sections: Array<{ check?: Text }> })
  .sections[1]!.check!;

/** Text as read on screen: Markdown emphasis gone, any run of spaces and line breaks one space. */
const flat = (s: string) => s.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
/**
 * `text` is on screen wrapped between words: joining the lines gives it back. A word the terminal
 * broke at its edge (text wrapped for a wider screen) comes back split in two.
 */
const wrappedOnScreen = (text: string) => (screen: string) => flat(screen).includes(flat(text));
/** A line at least `min` wide that starts `text`: it was wrapped again for a wider screen. */
const wideLineOf = (text: string, min: number) => (screen: string) =>
  screen.split('\n').some((l) => l.length >= min && flat(text).startsWith(flat(l)));

describe('resizing the terminal (a real terminal)', () => {
  it('re-wraps the lesson reader to a wider and to a narrower window', async () => {
    const t = open(['learn', '2']);
    await t.waitFor('Lesson 2 of 12 · Section 1 of 6');
    expect(longest(t.screen())).toBeLessThanOrEqual(80);
    t.resize(110, 30);
    await t.waitFor(/^.{85,}$/m);
    t.resize(40, 20);
    await t.waitFor('↓ more · 1-');
    await new Promise((r) => setTimeout(r, 300));
    expect(longest(t.screen())).toBeLessThanOrEqual(40);
    expect(t.screen()).toContain('Lesson 2 of 12 · Section 1 of 6');
    t.write(KEYS.ctrlC);
    expect(await t.exit()).toBe(0);
  });

  it("re-wraps a lesson's key terms page", async () => {
    const terms = (read('lessons/what-alignment-means.yaml') as { terms: Array<{ definition: string }> })
      .terms;
    const definition = terms.map((d) => d.definition).sort((a, b) => b.length - a.length)[0]!;
    const t = open(['learn', '1']);
    await t.waitFor('Section 1 of 6');
    t.write('t');
    await t.waitFor(wrappedOnScreen(definition.slice(0, 60)));
    t.resize(110, 40);
    await t.waitFor(wideLineOf(definition, 85));
    t.resize(40, 40);
    await t.waitFor(wrappedOnScreen(definition.slice(0, 60)));
    expect(longest(t.screen())).toBeLessThanOrEqual(40);
    t.write(KEYS.ctrlC);
    expect(await t.exit()).toBe(0);
  });

  it('draws the home screen again at the new width', async () => {
    const t = open([]);
    await t.waitFor('What next?');
    t.resize(50, 48);
    await new Promise((r) => setTimeout(r, 500));
    await t.waitFor('What next?');
    const home = t.screen().split('\n');
    const last = home.lastIndexOf('alignment-tutor · The AI alignment problem');
    expect(last).toBeGreaterThanOrEqual(0);
    expect(Math.max(...home.slice(last).map((l) => l.length))).toBeLessThanOrEqual(50);
    t.write('q');
    expect(await t.exit()).toBe(0);
  });

  it('draws the home screen from the top line, whatever was printed before it (npm start)', async () => {
    const t = new TerminalSession([], {
      env: { ALIGNMENT_TUTOR_PROGRESS: `${tmp.dir}/npm-start.json`, ALIGNMENT_TUTOR_CACHE: 'off' },
      before: '\n> alignment-tutor@0.1.0 start\n> node bin/alignment-tutor.js\n\n',
    });
    await t.waitFor('What next?');
    expect(t.screen().split('\n')[0]).toBe('alignment-tutor · The AI alignment problem');
    expect(t.screen()).toMatch(/↑↓ navigate/);
    t.write('q');
    expect(await t.exit()).toBe(0);
  });

  it('keeps the home screen whole in a small window: its title, the menu, and the keys between words', async () => {
    const t = open([]);
    await t.waitFor('What next?');
    t.resize(40, 20);
    await t.waitFor(/^alignment-tutor · The AI alignment$/m);
    await t.waitFor(/❯ Start lesson 1[\s\S]*Quit/);
    expect(longest(t.screen())).toBeLessThanOrEqual(40);
    t.write('?');
    await t.waitFor(/^Keys: .*\n( {2}.*\n)* {2}\? these keys$/m);
    expect(t.screen()).toMatch(/^ {2}Esc or q back ·$/m);
    t.write('q');
    expect(await t.exit()).toBe(0);
  });

  it('keeps the title in view when a menu entry wraps (a quiz to continue, at 40x20)', async () => {
    const quizRun = open(['quiz', '1', '--no-shuffle']);
    await quizRun.waitFor('Question 1 of');
    quizRun.write(KEYS.enter);
    await quizRun.waitFor('Next question');
    quizRun.write(KEYS.ctrlC);
    expect(await quizRun.exit()).toBe(0);
    const file = quizRun.progressFile;
    const t = new TerminalSession([], {
      env: { ALIGNMENT_TUTOR_PROGRESS: file, ALIGNMENT_TUTOR_CACHE: 'off' },
      cols: 40,
      rows: 20,
    });
    await t.waitFor(/❯ Continue the quiz on "What alignment\n {2}means"/);
    expect(t.screen().split('\n')[0]).toBe('alignment-tutor · The AI alignment');
    t.write('q');
    expect(await t.exit()).toBe(0);
  });

  it('draws a quiz question again at the new width: its heading and prompt above the menu', async () => {
    const t = open(['quiz', '1', '--no-shuffle']);
    await t.waitFor('Question 1 of');
    t.resize(110, 30);
    await t.waitFor(wideLineOf(quiz[0]!.prompt, 85));
    t.resize(40, 20);
    await t.waitFor(wrappedOnScreen(quiz[0]!.prompt));
    expect(longest(t.screen())).toBeLessThanOrEqual(40);
    expect(t.screen()).toMatch(/^Question 1 of \d+$/m);
    await t.waitFor(/\? Your answer\n❯ /);
    t.write(KEYS.ctrlC);
    expect(await t.exit()).toBe(0);
  });

  it('draws the feedback again at the new width, and records the answer once', async () => {
    const t = open(['quiz', '1', '--no-shuffle']);
    await t.waitFor('Question 1 of');
    t.write(KEYS.enter);
    await t.waitFor('Next question');
    t.resize(110, 30);
    await t.waitFor(wideLineOf(quiz[0]!.explanation, 85));
    t.resize(40, 30);
    await t.waitFor(wrappedOnScreen(quiz[0]!.explanation));
    expect(t.screen()).toContain('Next question');
    t.write(KEYS.enter);
    await t.waitFor('Question 2 of');
    t.write(KEYS.ctrlC);
    expect(await t.exit()).toBe(0);
    expect(t.recorded(quiz[0]!.id)).toHaveLength(1);
  });

  it('keeps the ticks of a select-all question through a resize, and grades what was ticked', async () => {
    const t = open(['quiz', '1', '--no-shuffle']);
    await answerUntilQuestion(t, 3);
    const multiple = quiz[2]!;
    await t.waitFor('select all that apply');
    // The second choice, one of the right ones.
    t.write(KEYS.down + KEYS.space);
    await t.waitFor('◉');
    t.resize(40, 24);
    await t.waitFor(wrappedOnScreen(multiple.prompt));
    // Still ticked, in the menu drawn again.
    await t.waitFor(/^ ◉ An assistant carries out a manager's$/m);
    t.write(KEYS.enter);
    await t.waitFor('Next question');
    expect(flat(t.fullText())).toContain('You missed 3 right choices.');
    expect(flat(t.fullText())).toContain('(you picked it)');
    t.write(KEYS.ctrlC);
    expect(await t.exit()).toBe(0);
    expect(t.recorded(multiple.id)).toEqual([{ type: 'multiple', choices: [1] }]);
  });

  it("draws a lesson's check question and its feedback again at the new width", async () => {
    const t = open(['learn', '1/2', '--no-shuffle']);
    await t.waitFor('Section 2 of');
    t.write(KEYS.right);
    await t.waitFor('Check your understanding');
    t.resize(40, 20);
    await t.waitFor(wrappedOnScreen(check.prompt));
    expect(t.screen()).toMatch(/^Check your understanding$/m);
    t.write(KEYS.down + KEYS.enter);
    await t.waitFor(wrappedOnScreen(check.explanation));
    t.resize(110, 30);
    await t.waitFor(wideLineOf(check.explanation, 85));
    expect(t.screen()).toContain(flat(check.prompt));
    t.write(KEYS.ctrlC);
    expect(await t.exit()).toBe(0);
    expect(t.recorded(check.id)).toEqual([{ type: 'single', choice: 1 }]);
  });
});
