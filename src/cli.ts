#!/usr/bin/env node
/** The thidua executable: runs the command line and sets the exit code. */
import { hideBin } from 'yargs/helpers';
import { main } from './cli/main.js';

// Output piped into a program that stops reading ("thidua schema | head") ends quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 70;
  },
);
