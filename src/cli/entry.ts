import { fileURLToPath } from 'node:url';
import { main } from './main.ts';

// A reader that closes the pipe early (`alignment-tutor list | head`) is not an error worth a trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(
  {
    io: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
    env: process.env,
    now: () => new Date(),
    cwd: process.cwd(),
    // The bundle sits in dist/, one level below the package root that holds lessons/ and quizzes/.
    packageRoot: fileURLToPath(new URL('..', import.meta.url)),
  },
  process.argv.slice(2),
);
