import { fileURLToPath } from 'node:url';

declare const __VERSION__: string;

// A reader that closes the pipe early (`alignment-tutor list | head`) is not an error worth a trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const argv = process.argv.slice(2);

// `--version` alone is asked by scripts and package managers; answering it before loading the
// command wiring makes it cost little more than Node's own start-up. Same output as commander's.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${__VERSION__}\n`);
} else {
  void import('./main.ts')
    .then(({ main }) =>
      main(
        {
          io: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
          env: process.env,
          now: () => new Date(),
          cwd: process.cwd(),
          // The bundle sits in dist/, one level below the package root that holds lessons/ and quizzes/.
          packageRoot: fileURLToPath(new URL('..', import.meta.url)),
        },
        argv,
      ),
    )
    .then((code) => {
      process.exitCode = code;
    });
}
