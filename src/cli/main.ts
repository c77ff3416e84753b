#!/usr/bin/env node
import { processIo } from './io';
import { runCli } from './program';

// A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), processIo).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    // Only a bug gets here: users' mistakes are reported as input errors with their place.
    process.stderr.write(`plancheck: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
