import { readFileSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/**
 * What `bin/alignment-tutor.js` loads (dist/cli.cjs): it runs the CLI (dist/app.cjs) with the
 * code V8 compiled for it when the build ran it (dist/app.cache), as Node 22's compile cache does
 * and Node 20 does not. Compiling our 280 kB of code is most of what a start-up costs beyond Node's
 * own; a learner's `list` or home screen starts without it. A cache V8 cannot use (another Node
 * version) is ignored and the code compiled as usual: slower, never wrong. `npm run build` makes a
 * new one.
 */

declare const __VERSION__: string;

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Asked by scripts and package managers: answered without loading the CLI at all, so it costs
  // little more than Node's own start-up. The same output as commander's.
  try {
    writeSync(1, `${__VERSION__}\n`);
  } catch {
    // A reader gone already (`--version | true`): nothing to tell.
  }
} else start();

function start(): void {
  const app = path.join(__dirname, 'app.cjs');
  const cacheFile = path.join(__dirname, 'app.cache');

  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache: compiled as usual.
  }

  const script = new Script(wrap(readFileSync(app, 'utf8')), { filename: app, cachedData });

  // Set by the build alone (src/build/build.mjs), on one run of a common command: what V8 compiled
  // for it, kept for every later start. Written at exit, once the command's code has run.
  if (process.env['ALIGNMENT_TUTOR_WRITE_CODE_CACHE'] === '1')
    process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));

  const appModule = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    appModule.exports,
    appModule.exports,
    createRequire(app),
    appModule,
    app,
    __dirname,
  );
}
