#!/usr/bin/env node
/**
 * The thidua executable. A command that renders documents starts from the
 * startup snapshot when the build made one for this Node (its modules
 * loaded, its fonts parsed: see src/snapshot/); otherwise, and for every
 * other command, the command line is loaded here.
 */
import { runFromSnapshot } from './snapshot/launch.js';

const args = process.argv.slice(2);
if (!runFromSnapshot(args)) (await import('./cli/run.js')).run(args);
