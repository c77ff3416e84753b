#!/usr/bin/env node
import { processIo } from './io';
import { commandLineLang, runCli } from './program';
import { installSignalHandlers } from './signals';
import { describeCause } from './write-output';

const argv = process.argv.slice(2);
const lang = commandLineLang(argv);

// Ctrl-C and `kill` remove every temporary output file and exit 130 and 143.
installSignalHandlers();

// A reader that stops early (`| head`) closes the pipe: a quiet exit. Any other failure of standard output (a full
// disk, `> /dev/full`, an I/O error) is one line and exit 2, never a stack trace or the "findings fail" status 1.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  const cause = describeCause(error)[lang];
  process.stderr.write(lang === 'zh' ? `plancheck: 标准输出: 无法写入:${cause}\n` : `plancheck: standard output: cannot write: ${cause}\n`);
  process.exit(2);
});
// Standard error that cannot be written leaves nowhere to tell: the exit status still says what happened.
process.stderr.on('error', () => undefined);

runCli(argv, processIo).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    // Only a bug gets here: users' mistakes are reported as input errors with their place.
    process.stderr.write(`plancheck: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
