/**
 * Starting a command from the startup snapshot the build made
 * (scripts/build-snapshot.mjs): a second Node process, whose heap already
 * holds every module and the parsed fonts, does the work, and this one
 * passes on its exit code and the signals it is sent. Only where the
 * snapshot is this build's, for this Node and this folder; otherwise the
 * command runs here, as it would without one.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../paths.js';

/** The commands that render documents, for which loading is most of a run; the others start as they are. */
const RENDERING = new Set(['all', 'plan', 'units', 'summary']);

/** Set to 0 to run every command without the snapshot. */
export const SNAPSHOT_ENV = 'THIDUA_SNAPSHOT';

/** What the build wrote beside the snapshot: for which Node, V8 options and package folder it was made, and its size. */
export interface SnapshotMeta {
  node: string;
  arch: string;
  root: string;
  /** V8 options it was built with, which the started process must be given too. */
  flags: string[];
  bytes: number;
}

const here = dirname(fileURLToPath(import.meta.url));
export const SNAPSHOT_BLOB = resolve(here, 'thidua.blob');
export const SNAPSHOT_META = resolve(here, 'meta.json');

/** What `args` are run in and from. */
export interface Start {
  args: string[];
  /** Node's own options, as given to this process. */
  execArgv: string[];
  env: NodeJS.ProcessEnv;
  /** The meta file's snapshot, if there is one: undefined when none was built. */
  meta: SnapshotMeta | undefined;
  /** The size of the snapshot file, if there is one. */
  bytes: number | undefined;
}

/**
 * Whether `args` may start from the snapshot: a rendering command, the
 * snapshot whole and made for this Node, folder and options. A snapshot
 * loads only with the V8 options it was built with, so a process given
 * options of its own (on its command line or in NODE_OPTIONS) runs without.
 */
export function fitsSnapshot(s: Start): boolean {
  const { meta } = s;
  return (
    s.env[SNAPSHOT_ENV] !== '0' &&
    RENDERING.has(s.args[0] ?? '') &&
    !s.execArgv.length &&
    !s.env.NODE_OPTIONS?.trim() &&
    meta !== undefined &&
    meta.node === process.version &&
    meta.arch === process.arch &&
    meta.root === packageRoot &&
    meta.bytes === s.bytes
  );
}

function readMeta(): SnapshotMeta | undefined {
  try {
    const meta = JSON.parse(readFileSync(SNAPSHOT_META, 'utf8')) as SnapshotMeta;
    return Array.isArray(meta.flags) && meta.flags.every((f) => typeof f === 'string') ? meta : undefined;
  } catch {
    return undefined;
  }
}

const sizeOf = (file: string): number | undefined => (existsSync(file) ? statSync(file).size : undefined);

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Whether `args` run from the snapshot, in a process started here; false: run them in this one. */
export function runFromSnapshot(args: string[]): boolean {
  const meta = readMeta();
  if (!fitsSnapshot({ args, execArgv: process.execArgv, env: process.env, meta, bytes: sizeOf(SNAPSHOT_BLOB) })) return false;
  const child = spawn(process.execPath, [...meta!.flags, '--snapshot-blob', SNAPSHOT_BLOB, ...args], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of FORWARDED) process.on(s, forward);
  child.on('error', (e) => {
    console.error(e);
    process.exitCode = 70;
  });
  child.on('exit', (code, signal) => {
    for (const s of FORWARDED) process.off(s, forward);
    // Ended by a signal: end so too, as a shell expects.
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 70;
  });
  return true;
}
