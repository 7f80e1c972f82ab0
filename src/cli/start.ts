import { existsSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import Module, { createRequire, wrap } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/**
 * What `bin/alignment-tutor.js` loads (dist/cli.cjs). It runs the CLI (dist/app.cjs), and the
 * libraries it requires from dist/vendor/, each with the code V8 compiled for it when the build
 * ran the tutor (`<file>.cache` beside it), as Node 22's compile cache does and Node 20 does not.
 * Compiling our 280 kB of code is most of what a start-up costs beyond Node's own, and Inquirer's
 * 66 kB a good part of the home screen's. A cache V8 cannot use (another Node version) is ignored
 * and the code compiled as usual: slower, never wrong. `npm run build` makes new ones.
 */

declare const __VERSION__: string;

/**
 * Set by the build alone (src/build/build.mjs), on a few runs of common commands. At exit, every
 * built file without a cache gets one: what V8 compiled for it during the run, or, for a file the
 * run did not load (Inquirer needs a terminal), what compiling it gives.
 */
const writing = process.env['ALIGNMENT_TUTOR_WRITE_CODE_CACHE'] === '1';

/** Each file compiled in this run, for writing its cache. */
const scripts = new Map<string, Script>();

function compile(file: string): Script {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // No cache: compiled as usual.
  }
  const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  scripts.set(file, script);
  return script;
}

/**
 * Runs one built file as Node's `require` would, once, and returns its exports. It is entered in
 * `require.cache` like any module, so tools (and tests) can see what a command loaded.
 */
function load(file: string): unknown {
  const known = require.cache[file];
  if (known) return known.exports;
  const script = compile(file);
  const mod = new Module(file, module);
  mod.filename = file;
  require.cache[file] = mod;
  const nodeRequire = createRequire(file);
  // The bundles require each other as `./vendor/x.cjs` or `./x.cjs`; anything else is Node's.
  const requireHere = Object.assign(
    (id: string) => (/^\.\/.*\.cjs$/.test(id) ? load(path.join(path.dirname(file), id)) : nodeRequire(id)),
    nodeRequire,
  );
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(
      mod.exports,
      mod.exports,
      requireHere,
      mod,
      file,
      path.dirname(file),
    );
  } catch (e) {
    // As Node does: a module whose top level threw is not kept half-made.
    delete require.cache[file];
    throw e;
  }
  mod.loaded = true;
  return mod.exports;
}

/** The first run to load a file writes its cache; later runs of the build leave it. */
function writeMissingCaches(): void {
  const vendor = path.join(__dirname, 'vendor');
  const files = [
    path.join(__dirname, 'app.cjs'),
    ...readdirSync(vendor)
      .filter((f) => f.endsWith('.cjs'))
      .map((f) => path.join(vendor, f)),
  ];
  for (const file of files) {
    if (existsSync(`${file}.cache`)) continue;
    writeFileSync(`${file}.cache`, (scripts.get(file) ?? compile(file)).createCachedData());
  }
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Asked by scripts and package managers: answered without loading the CLI at all, so it costs
  // little more than Node's own start-up. The same output as commander's.
  try {
    writeSync(1, `${__VERSION__}\n`);
  } catch {
    // A reader gone already (`--version | true`): nothing to tell.
  }
} else {
  if (writing) process.once('exit', writeMissingCaches);
  load(path.join(__dirname, 'app.cjs'));
}
