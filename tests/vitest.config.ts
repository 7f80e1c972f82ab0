import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  root,
  define: { __VERSION__: JSON.stringify(pkg.version), __BUILD__: JSON.stringify(`${pkg.version}+test`) },
  test: {
    include: ['tests/**/*.test.ts'],
    restoreMocks: true,
    clearMocks: true,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // A home folder and a temporary folder for the run, removed after it (see global-setup.ts).
    globalSetup: ['./tests/global-setup.ts'],
    reporters: ['default', './tests/count-reporter.ts'],
  },
});
