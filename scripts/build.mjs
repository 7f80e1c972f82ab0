// Bundles the CLI so start-up loads a handful of files instead of resolving hundreds of modules.
// Heavy modules stay behind dynamic import() and land in their own chunks.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { lazyChildProcess } from './startup-stubs.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const result = await build({
  entryPoints: { cli: 'src/cli/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // marked-terminal pulls in cli-highlight and every highlight.js language; the lessons have no code to colour.
  alias: { 'cli-highlight': './src/ui/plain-highlight.ts', 'node-emoji': './src/ui/no-emoji.ts' },
  plugins: [lazyChildProcess],
  // CommonJS dependencies bundled into ESM still call require() for Node's built-in modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
  metafile: true,
});

// Kept for `npm run bench` and for anyone asking what start-up loads.
writeFileSync(new URL('../dist/meta.json', import.meta.url), JSON.stringify(result.metafile));
