// Builds the CLI for a fast start, as CommonJS so that no command starts Node's ES module loader
// (a few milliseconds of every start-up). Two kinds of output:
//  - dist/cli.cjs: our own code in one file (plus commander, chalk, env-paths). Each extra module
//    file Node has to load costs start-up time, more than the code in it; the code of a command
//    runs only when that command is used.
//  - dist/lazy/*.cjs: the heavy parts (YAML parser and schema library, Markdown renderer, Inquirer
//    prompts, readline) and the less frequent commands, each bundled on its own and required only
//    on the paths that use them. Each carries its own copy of the small shared modules; those are
//    stateless, and errors are recognised by a mark rather than by class identity (src/errors.ts).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { lazyChildProcess, noColorDetection } from './startup-stubs.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Loaded on demand: output name → source file. */
const LAZY = {
  load: 'src/content/load.ts',
  'json-schema': 'src/content/json-schema.ts',
  markdown: 'src/ui/vendor/markdown-libs.ts',
  inquirer: 'src/ui/prompts/inquirer.ts',
  pager: 'src/ui/prompts/pager.ts',
  order: 'src/ui/prompts/order.ts',
  'line-reader': 'src/ui/line-reader.ts',
  // The commands other than list and progress: lessons, quizzes and the author's tools need the
  // renderer or the prompts anyway, and keeping them out makes every start-up compile less.
  home: 'src/cli/commands/home.ts',
  learn: 'src/cli/commands/learn.ts',
  quiz: 'src/cli/commands/quiz.ts',
  glossary: 'src/cli/commands/glossary.ts',
  search: 'src/cli/commands/search.ts',
  reset: 'src/cli/commands/reset.ts',
  validate: 'src/cli/commands/validate.ts',
  schema: 'src/cli/commands/schema.ts',
};
const lazyByTarget = new Map(Object.entries(LAZY).map(([name, target]) => [path.join(root, target), name]));

/** Turns `import()` of a lazy module into a require of its own bundle; in the main file a static import of one is a build error. */
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
          // Inside a lazy bundle a static import just makes its own copy.
          if (fromLazyDir) return undefined;
          return {
            errors: [
              {
                text: `${args.path} is loaded lazily; import() it instead of importing it statically (see src/build/build.mjs)`,
              },
            ],
          };
        }
        return { path: fromLazyDir ? `./${name}.cjs` : `./lazy/${name}.cjs`, external: true };
      });
    },
  };
}

const common = {
  bundle: true,
  format: 'cjs',
  // import() of a lazy bundle becomes a plain require().
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

async function computedModules() {
  const values = new Map();
  for (const file of COMPUTED) {
    const out = await build({ ...common, entryPoints: [file], write: false, metafile: false, minify: false });
    const mod = { exports: {} };
    new Function('module', 'exports', 'require', out.outputFiles[0].text)(
      mod,
      mod.exports,
      createRequire(import.meta.url),
    );
    const body = Object.entries(mod.exports)
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
  entryPoints: { cli: 'src/cli/entry.ts' },
  outdir: 'dist',
  plugins: [computed, lazyChildProcess, noColorDetection, lazyModules(false)],
});

const lazy = await build({
  ...common,
  entryPoints: LAZY,
  outdir: 'dist/lazy',
  plugins: [computed, lazyModules(true)],
});

// Kept for `npm run bench` and for anyone asking what start-up loads.
writeFileSync(
  path.join(root, 'dist', 'meta.json'),
  JSON.stringify({ main: main.metafile, lazy: lazy.metafile }),
);
