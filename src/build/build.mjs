// Builds the CLI for a fast start, as CommonJS so that no command starts Node's ES module loader
// (a few milliseconds of every start-up). What it writes to dist/:
//  - app.cjs: all of our own code, each module once (plus commander, chalk, env-paths). A module
//    reached only through `import()` is wrapped so that its top-level code runs when it is first
//    imported; its code is compiled only when it runs.
//  - cli.cjs, which the bin loads: it runs app.cjs and the vendor files with <file>.cache, the code
//    V8 compiled for each when the build ran the tutor (src/cli/start.ts), so that a start-up does
//    not compile it again.
//  - vendor/*.cjs: the heavy libraries (YAML parser, schema library, Markdown renderer, Inquirer),
//    one file per package, required only when a module that imports them first runs. A package
//    another one uses is required from its own file, never copied (@inquirer/core once).
//  - course.jsonl and rendered.json: the course as checked here and its pages as rendered, for the
//    first run after installing; meta.json: what went into each file.
// Nothing lists our commands or modules: which code loads late follows from where `import()` is
// written (src/cli/program.ts), and tests/build/bundle.test.ts checks that no module of ours is in
// two files and that the common commands load no vendor file.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { lazyChildProcess, noColorDetection } from './startup-stubs.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * Libraries loaded on demand, from dist/vendor/<file>.cjs. Inquirer's prompts and its core (which
 * our own prompts use too) share one file, with the small packages both depend on.
 */
const VENDOR = {
  yaml: 'yaml',
  zod: 'zod',
  marked: 'marked',
  'marked-terminal': 'marked-terminal',
  '@inquirer/core': 'inquirer',
  '@inquirer/prompts': 'inquirer',
  // The review scheduler: needed when an answer is recorded or a file migrated, never by `next` or `stats`.
  'ts-fsrs': 'ts-fsrs',
};
/** What each vendor file exports. */
const VENDOR_FILES = Object.entries(VENDOR).reduce((files, [name, file]) => {
  (files[file] ??= []).push(name);
  return files;
}, {});

/**
 * A bare import of a vendored package becomes a require of its file. `building` is the vendor
 * file being built, whose own packages are bundled into it; undefined for the main bundle.
 */
function vendored(building) {
  return {
    name: 'vendored',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const file = VENDOR[args.path];
        if (file === undefined || file === building) return undefined;
        return { path: building ? `./${file}.cjs` : `./vendor/${file}.cjs`, external: true };
      });
      b.onResolve({ filter: /^vendor-entry:/ }, (args) => ({
        path: args.path.slice('vendor-entry:'.length),
        namespace: 'vendor-entry',
      }));
      b.onLoad({ filter: /.*/, namespace: 'vendor-entry' }, (args) => ({
        contents: VENDOR_FILES[args.path].map((name) => `export * from ${JSON.stringify(name)};`).join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

const common = {
  bundle: true,
  format: 'cjs',
  // import() of our own modules stays in the file, wrapped; it becomes a plain call.
  supported: { 'dynamic-import': false },
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  target: 'node20',
  absWorkingDir: root,
  // __BUILD__ keys the caches (checked course, rendered Markdown): a new build never reads what an
  // older one wrote, even at the same version number.
  define: {
    __VERSION__: JSON.stringify(pkg.version),
    __BUILD__: JSON.stringify(`${pkg.version}+${Date.now().toString(36)}`),
  },
  // marked-terminal pulls in cli-highlight (every highlight.js language) and node-emoji (a 200 kB
  // table); the lessons have no code to colour and turn emoji codes off. Inquirer's editor prompt
  // (never used) would bring iconv-lite.
  alias: {
    'cli-highlight': './src/ui/plain-highlight.ts',
    'node-emoji': './src/ui/no-emoji.ts',
    '@inquirer/editor': './src/ui/prompts/no-editor.ts',
  },
  legalComments: 'none',
  minify: process.env.BUILD_MINIFY !== '0',
  logLevel: 'warning',
  metafile: true,
};

/**
 * Modules whose exports the build computes once and writes in as data, so that what they need to
 * compute them (zod) stays out of the bundle: the progress file's JSON Schema, derived from its
 * zod declaration, is read by every command.
 */
const COMPUTED = ['src/progress/file-shape.ts'];

/** The exports of one of our modules, bundled and run here. */
async function evaluate(file) {
  const out = await build({ ...common, entryPoints: [file], write: false, metafile: false, minify: false });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', '__filename', out.outputFiles[0].text)(
    mod,
    mod.exports,
    createRequire(import.meta.url),
    path.join(root, file),
  );
  return mod.exports;
}

async function computedModules() {
  const values = new Map();
  for (const file of COMPUTED) {
    const body = Object.entries(await evaluate(file))
      .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
      .join('\n');
    values.set(path.join(root, file), body);
  }
  return {
    name: 'computed-modules',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) =>
        values.has(args.path) ? { contents: values.get(args.path), loader: 'js' } : undefined,
      );
    },
  };
}
const computed = await computedModules();

rmSync(path.join(root, 'dist'), { recursive: true, force: true });

const main = await build({
  ...common,
  define: { ...common.define, 'import.meta.url': '__import_meta_url' },
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  entryPoints: { app: 'src/cli/entry.ts' },
  outdir: 'dist',
  plugins: [computed, lazyChildProcess, noColorDetection, vendored(undefined)],
});

// dist/cli.cjs, what the bin loads: runs dist/app.cjs with V8's code cache (src/cli/start.ts).
const start = await build({ ...common, entryPoints: { cli: 'src/cli/start.ts' }, outdir: 'dist' });

// One build per vendor file, so that each knows which packages are its own.
const vendor = { inputs: {}, outputs: {} };
for (const file of Object.keys(VENDOR_FILES)) {
  const { metafile } = await build({
    ...common,
    entryPoints: { [file]: `vendor-entry:${file}` },
    outdir: 'dist/vendor',
    plugins: [vendored(file)],
  });
  Object.assign(vendor.inputs, metafile.inputs);
  Object.assign(vendor.outputs, metafile.outputs);
}

// Kept for `npm run bench`, for tests/build/bundle.test.ts and for anyone asking what start-up loads.
writeFileSync(
  path.join(root, 'dist', 'meta.json'),
  JSON.stringify({ start: start.metafile, main: main.metafile, vendor }),
);

// The first run after installing should start as fast as any other: ship the course as checked
// here (dist/course.jsonl, used while its files are unchanged, see src/content/shipped.ts) and its
// lesson pages as rendered for an 80-column terminal and for a pipe (dist/rendered.json, the
// render cache's starting point). A course with errors fails the build.
const shipped = await evaluate('src/content/shipped.ts');
const { file: courseFile, course } = await shipped.shipCourse(root);
writeFileSync(path.join(root, 'dist', 'course.jsonl'), courseFile);
writeFileSync(path.join(root, 'dist', 'rendered.json'), JSON.stringify({ entries: await prerender(course) }));
await writeCodeCaches();

/**
 * dist/app.cjs.cache and dist/vendor/*.cjs.cache: the code V8 compiled for each built file, read at every
 * start (src/cli/start.ts). The first of these runs to load a file writes its cache: `list` for
 * our own code (the course, the progress file and the lesson figures, which the home screen and
 * most commands share), `validate` for the YAML parser and the schema library, a lesson printed
 * with nothing cached for the Markdown renderer. Inquirer, which needs a terminal, gets the cache
 * of its compiled top level. Made by the Node that builds, which is the one that runs it.
 */
async function writeCodeCaches() {
  const work = mkdtempSync(path.join(tmpdir(), 'alignment-tutor-build-'));
  const runs = [
    [['list'], {}],
    [['validate'], {}],
    [['learn', course.lessons[0].id, '--print'], { ALIGNMENT_TUTOR_CACHE: 'off' }],
  ];
  for (const [args, env] of runs) {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'alignment-tutor.js'), ...args], {
      env: {
        ...process.env,
        ALIGNMENT_TUTOR_WRITE_CODE_CACHE: '1',
        ALIGNMENT_TUTOR_CACHE: path.join(work, 'cache'),
        ALIGNMENT_TUTOR_PROGRESS: path.join(work, 'progress.json'),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`writing the code caches: \`${args.join(' ')}\` exited ${r.status}`);
  }
  rmSync(work, { recursive: true, force: true });
}

/** Pages rendered by the built CLI itself (`learn <id> --print`), so the keys are exactly those it asks for. */
async function prerender(shippedCourse) {
  const work = mkdtempSync(path.join(tmpdir(), 'alignment-tutor-build-'));
  const jobs = shippedCourse.lessons.flatMap((lesson) =>
    [false, true].map((color, i) => () => {
      const cache = path.join(work, `${lesson.id}-${i}`);
      const env = {
        ...process.env,
        ALIGNMENT_TUTOR_CACHE: cache,
        ALIGNMENT_TUTOR_PROGRESS: path.join(cache, 'p.json'),
      };
      delete env.NO_COLOR;
      delete env.FORCE_COLOR;
      if (color) env.FORCE_COLOR = '1';
      else env.NO_COLOR = '1';
      return new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [path.join(root, 'bin', 'alignment-tutor.js'), 'learn', lesson.id, '--print'],
          {
            env,
            stdio: ['ignore', 'ignore', 'inherit'],
          },
        );
        child.on('error', reject);
        child.on('close', (code) =>
          code === 0 ? resolve(cache) : reject(new Error(`prerendering ${lesson.id} exited ${code}`)),
        );
      });
    }),
  );
  const entries = {};
  const next = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const cache = await job();
      Object.assign(entries, JSON.parse(readFileSync(path.join(cache, 'rendered.json'), 'utf8')).entries);
    }
  };
  await Promise.all([next(), next(), next(), next()]);
  rmSync(work, { recursive: true, force: true });
  return entries;
}
