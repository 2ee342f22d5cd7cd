/** Runs the command line on its arguments and sets the exit code: in a process of its own, or one started from the startup snapshot. */
import { main } from './main.js';

export function run(args: string[]): void {
  // Output piped into a program that stops reading ("thidua schema | head") ends quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  main(args).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 70;
    },
  );
}
