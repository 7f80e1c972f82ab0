// Baseline for `validate` on a large course: read and parse the same files with yaml alone.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const dir = process.argv[2];
let n = 0;
for (const sub of ['lessons', 'quizzes']) {
  for (const name of readdirSync(path.join(dir, sub))) {
    if (!name.endsWith('.yaml')) continue;
    parse(readFileSync(path.join(dir, sub, name), 'utf8'));
    n++;
  }
}
if (n === 0) process.exitCode = 1;
