#!/usr/bin/env node
/** The thidua executable: runs the command line and sets the exit code. */
import { hideBin } from 'yargs/helpers';
import { main } from './cli/main.js';

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 70;
  },
);
