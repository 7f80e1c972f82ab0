import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, run, tempDir } from '../helpers/run.ts';

/**
 * The README's examples, run: every `alignment-tutor ...` command it shows (in code blocks and in
 * the command table), in order, against one temporary progress file; where a block shows output
 * under a command, each line shown must be in what the command printed.
 */

const README = readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
const tmp = tempDir();
afterAll(tmp.cleanup);
// Relative paths in the examples (lessons/..., an exported file) resolve in a folder of our own.
for (const dir of ['lessons', 'quizzes', 'tests'])
  symlinkSync(path.join(PACKAGE_ROOT, dir), path.join(tmp.dir, dir));

interface Example {
  line: string;
  argv: string[];
  input: string[];
  shown: string[];
}

/** Words as a shell splits them, for the simple quoting the README uses. */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

function parse(line: string, shown: string[]): Example | undefined {
  let command = line.replace(/\s+#.*$/, '');
  let input: string[] = [];
  const piped = /^printf '([^']*)' \| (.*)$/.exec(command);
  if (piped) {
    input = piped[1]!.replace(/\\n$/, '').split('\\n');
    command = piped[2]!;
  }
  command = command.replace(/\s*[|>].*$/, '');
  if (!command.startsWith('alignment-tutor')) return undefined;
  const argv = words(command).slice(1);
  // Writes into the shipped course folder: checked by the schema tests instead.
  if (argv.includes('--write')) return undefined;
  return { line, argv, input, shown };
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const block of README.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const lines = block[1]!.replace(/\\\n\s*/g, '').split('\n');
    lines.forEach((l, i) => {
      // A script's pipeline, its output given as a comment under it.
      const script = /^(printf '[^']*' \| alignment-tutor .*)$/.exec(l);
      if (script) {
        const shown = /^# (.*)$/.exec(lines[i + 1] ?? '');
        const ex = parse(script[1]!, shown ? [shown[1]!] : []);
        if (ex) found.push(ex);
        return;
      }
      const m = /^\s*\$ (.*)$/.exec(l);
      if (!m) return;
      const shown: string[] = [];
      for (const next of lines.slice(i + 1)) {
        if (/^\s*\$ /.test(next)) break;
        if (next.trim() && !next.includes('...') && !next.trim().startsWith('#')) shown.push(next.trim());
      }
      const ex = parse(m[1]!, shown);
      if (ex) found.push(ex);
    });
  }
  for (const m of README.matchAll(/^\|[^\n]*\| `(alignment-tutor[^`]*)` \|$/gm)) {
    const ex = parse(m[1]!, []);
    if (ex) found.push(ex);
  }
  return found;
}

/**
 * What may differ from one run to another: folders (the README shows a typical home folder),
 * how long ago something happened, and the spacing that aligns those to the right.
 */
function normalise(text: string): string {
  return text
    .replace(/(?<![\w/])(?:\/[\w.+-]+)+\/?/g, '<path>')
    .replace(/^(\s*Progress file:) .*$/gm, '$1 <path>')
    .replace(/\b(?:just now|yesterday|\d+ (?:minute|hour|day)s? ago|on \d{4}-\d\d-\d\d)\b/g, '<when>')
    .replace(/[ \t]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n');
}

describe("the README's examples", () => {
  const all = examples();
  it('are found', () => expect(all.length).toBeGreaterThan(25));

  it.each(all.map((e) => [e.line, e] as const))('%s', async (_, ex) => {
    // "On the other computer" is another progress file.
    const file = ex.line.includes('other computer') ? 'other.json' : 'progress.json';
    const { code, stdout, stderr } = await run(ex.argv, {
      input: ex.input,
      // Bars are drawn on a terminal; piped, the same facts are sentences.
      tty: ex.shown.some((l) => l.includes('█')),
      cwd: tmp.dir,
      // One course cache for all the runs: each loads the shipped course.
      env: {
        ALIGNMENT_TUTOR_PROGRESS: path.join(tmp.dir, file),
        ALIGNMENT_TUTOR_CACHE: path.join(tmp.dir, 'cache'),
      },
    });
    if (process.env['SHOW_README_OUTPUT']) console.log(stdout);
    const expectsError = ex.shown.some((l) => l.startsWith('error:'));
    expect(code, stderr).toBe(expectsError ? 1 : 0);
    const printed = normalise(`${stdout}\n${stderr}`);
    for (const line of ex.shown) expect(printed).toContain(normalise(line));
  });
});
