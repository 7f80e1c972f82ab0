// esbuild plugin: commander requires node:child_process at load time, but uses it only to run
// external sub-command executables, which this CLI has none of. Loading child_process (and the
// net and dgram modules behind it) costs a few milliseconds of every start-up, so commander gets
// a stand-in that loads the real module on first use.
export const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/commander/`)
        ? { path: 'lazy-child-process', namespace: 'startup-stub' }
        : undefined,
    );
    build.onLoad({ filter: /^lazy-child-process$/, namespace: 'startup-stub' }, () => ({
      contents:
        "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

// chalk works out colour support when it is imported (loading node:tty and node:os); the CLI
// never uses chalk's default instance: src/ui/theme.ts decides colour itself and makes its own.
export const noColorDetection = {
  name: 'no-color-detection',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({
      path: 'supports-color',
      namespace: 'startup-stub',
    }));
    build.onLoad({ filter: /^supports-color$/, namespace: 'startup-stub' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};
