import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

// No test may touch the real home folder: point every per-user location at a throwaway folder.
const home = mkdtempSync(path.join(tmpdir(), 'alignment-tutor-home-'));

export default defineConfig({
  root,
  define: { __VERSION__: JSON.stringify(pkg.version), __BUILD__: JSON.stringify(`${pkg.version}+test`) },
  test: {
    include: ['tests/**/*.test.ts'],
    restoreMocks: true,
    clearMocks: true,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    env: {
      HOME: home,
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
      XDG_CONFIG_HOME: path.join(home, 'config'),
    },
    reporters: ['default', './tests/count-reporter.ts'],
  },
});
