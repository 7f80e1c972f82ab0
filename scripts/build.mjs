// Builds the CLI for a fast start. Two kinds of output:
//  - dist/cli.js: our own code in one file (plus commander, chalk, env-paths). Every extra ES
//    module Node has to resolve and link costs start-up time, more than the code in it.
//  - dist/lazy/*.js: the heavy parts (YAML parser and schema library, Markdown renderer,
//    Inquirer prompts, readline), each bundled on its own and loaded by import() only on the
//    paths that use them. They return data or throw Inquirer's own errors, never ours, so the
//    copies of small shared helpers they carry do not matter.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { lazyChildProcess, noColorDetection } from './startup-stubs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Loaded on demand: output name → source file. */
const LAZY = {
  load: 'src/content/load.ts',
  'json-schema': 'src/content/json-schema.ts',
  marked: 'src/ui/vendor/marked.ts',
  'marked-terminal': 'src/ui/vendor/marked-terminal.ts',
  inquirer: 'src/ui/prompts/inquirer.ts',
  pager: 'src/ui/prompts/pager.ts',
  order: 'src/ui/prompts/order.ts',
  'line-reader': 'src/ui/line-reader.ts',
};
const lazyByTarget = new Map(Object.entries(LAZY).map(([name, target]) => [path.join(root, target), name]));

/** Turns `import()` of a lazy module into an import of its own bundle; a static import is a build error. */
function lazyModules(fromLazyDir) {
  return {
    name: 'lazy-modules',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (!args.path.startsWith('.')) return undefined;
        const target = path.resolve(args.resolveDir, args.path);
        const name = lazyByTarget.get(target);
        if (name === undefined || args.kind === 'entry-point') return undefined;
        if (args.kind !== 'dynamic-import') {
          return { errors: [{ text: `${args.path} is loaded lazily; import() it instead of importing it statically (see scripts/build.mjs)` }] };
        }
        return { path: fromLazyDir ? `./${name}.js` : `./lazy/${name}.js`, external: true };
      });
    },
  };
}

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  absWorkingDir: root,
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // marked-terminal pulls in cli-highlight (every highlight.js language) and node-emoji (a 200 kB
  // table); the lessons have no code to colour and turn emoji codes off. Inquirer's editor prompt
  // (never used) would bring iconv-lite.
  alias: { 'cli-highlight': './src/ui/plain-highlight.ts', 'node-emoji': './src/ui/no-emoji.ts', '@inquirer/editor': './src/ui/prompts/no-editor.ts' },
  // CommonJS dependencies bundled into ESM still call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  minify: process.env.BUILD_MINIFY !== '0',
  logLevel: 'warning',
  metafile: true,
};

rmSync(path.join(root, 'dist'), { recursive: true, force: true });

const main = await build({
  ...common,
  // CommonJS, so that commands that need none of the lazy modules never start Node's ES module
  // loader, a few milliseconds of every start-up. The lazy bundles are ES modules, loaded by import().
  format: 'cjs',
  define: { ...common.define, 'import.meta.url': '__import_meta_url' },
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  entryPoints: { cli: 'src/cli/entry.ts' },
  outExtension: { '.js': '.cjs' },
  outdir: 'dist',
  plugins: [lazyChildProcess, noColorDetection, lazyModules(false)],
});

const lazy = await build({
  ...common,
  entryPoints: LAZY,
  outdir: 'dist/lazy',
  plugins: [lazyModules(true)],
});

// Kept for `npm run bench` and for anyone asking what start-up loads.
writeFileSync(path.join(root, 'dist', 'meta.json'), JSON.stringify({ main: main.metafile, lazy: lazy.metafile }));
