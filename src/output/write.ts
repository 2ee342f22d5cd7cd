/**
 * Publishing a set of documents to a folder as one transaction. Everything
 * is staged in a hidden folder beside the targets (the same file system, so
 * publishing is renames), a journal lists what the staging holds, and only
 * then are the files renamed into place, the manifest last. A run killed
 * while staging leaves nothing but a staging folder; one killed while
 * renaming leaves the journal, and the next run into the folder finishes
 * its renames before its own (roll forward), so the folder ends as the old
 * set or the new one, never a mix. A lock file makes runs into one folder
 * take turns, so the manifest is read and rewritten by one run at a time.
 */
import { link, lstat, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface OutputFile {
  /** Name inside the output folder, may contain a sub-folder: "don-vi/phong-kinh-te.pdf". */
  name: string;
  content: Buffer | string;
}

const LOCK = '.thidua.lock';
const JOURNAL = '.thidua-journal.json';
const STAGING_PREFIX = '.thidua-staging-';
const STAGING_NAME = /^\.thidua-staging-[\w-]+$/;
/** How long a run waits for another run into the same folder to finish. */
const LOCK_WAIT_MS = 120_000;
const LOCK_POLL_MS = 50;
/** How long a lock file may stand without its holder's pid before it counts as left by a killed run. */
const UNNAMED_LOCK_MS = 2_000;

/** Steps a test can stop a run at (to kill it there). */
export type WriteStep = 'locked' | 'staged' | 'journaled' | 'renamed' | 'published';

export interface WriteOptions {
  /** Files made under the lock from what the folder holds then (the manifest): published last. */
  last?: () => Promise<OutputFile[]>;
  /** Called at each step; `renamed` once per file, with its index. */
  onStep?: (step: WriteStep, index?: number) => void | Promise<void>;
}

/** An output that cannot be written, with the path it concerns (Node leaves some errors, such as ENOSPC, without one). */
function withPath(e: unknown, path: string): unknown {
  const io = e as NodeJS.ErrnoException;
  if (io && typeof io === 'object' && io.code && !io.path) io.path = path;
  return e;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Locks this process holds, by their token: a lock naming this pid but none of these was left by an earlier process of the same pid (a container's pid 1). */
const ownTokens = new Set<string>();
/** Calls in this process into one folder, one after another. */
const queues = new Map<string, Promise<unknown>>();

/** The holder a lock file names ("pid token"), if it names one. */
async function holderOf(file: string): Promise<{ pid: number; token: string } | undefined> {
  const [pid, token] = (await readFile(file, 'utf8').catch(() => '')).trim().split(' ');
  return Number.isInteger(Number(pid)) && Number(pid) > 0 && token ? { pid: Number(pid), token } : undefined;
}

/** Whether a lock's holder is gone: a dead process, or this pid's earlier life. */
const isStale = (h: { pid: number; token: string }): boolean => (h.pid === process.pid ? !ownTokens.has(h.token) : !isAlive(h.pid));

/**
 * Take the folder's lock, waiting for a live holder and taking over from a
 * dead one. The lock appears whole (written aside, then linked into place);
 * a stale one is moved aside before it is removed, and only if it is still
 * the one judged stale, so two runs taking over at once do not both win.
 */
async function lock(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, LOCK);
  const token = randomBytes(8).toString('hex');
  const mine = join(dir, `${LOCK}.${token}`);
  const until = Date.now() + LOCK_WAIT_MS;
  await writeFile(mine, `${process.pid} ${token}`).catch((e) => {
    throw withPath(e, file);
  });
  try {
    for (;;) {
      try {
        await link(mine, file);
        ownTokens.add(token);
        return async () => {
          ownTokens.delete(token);
          // Removed only while it is still this run's.
          if ((await holderOf(file))?.token === token) await rm(file, { force: true });
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw withPath(e, file);
      }
      const holder = await holderOf(file);
      // A lock without a holder is half-written by a run of an older version, or damaged: stale once it is old.
      const age = Date.now() - ((await lstat(file).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (holder ? isStale(holder) : age > UNNAMED_LOCK_MS) {
        const aside = join(dir, `${LOCK}.stale-${token}`);
        if (await rename(file, aside).then(() => true, () => false)) {
          const moved = await holderOf(aside);
          // Another run took over in between: its live lock goes back, unless a third has taken the place.
          if (holder && moved?.token !== holder.token) await link(aside, file).catch(() => undefined);
          await rm(aside, { force: true });
        }
        continue;
      }
      if (Date.now() > until) {
        throw Object.assign(new Error(`another run (${holder ? `pid ${holder.pid}` : 'starting'}) is writing this folder`), { code: 'EBUSY', syscall: 'open', path: dir });
      }
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  } finally {
    await rm(mine, { force: true });
  }
}

interface Journal {
  staging: string;
  names: string[];
}

/** Finish the renames of a run killed while publishing, then remove what killed runs left. */
async function recover(dir: string): Promise<void> {
  const journalFile = join(dir, JOURNAL);
  const journal = await readFile(journalFile, 'utf8').then((t) => JSON.parse(t) as Journal, () => undefined);
  // Only a journal of ours: its staging folder one entry of this folder, its names inside it.
  const valid = journal && typeof journal.staging === 'string' && STAGING_NAME.test(journal.staging) && Array.isArray(journal.names);
  if (valid) {
    for (const name of journal.names) {
      if (typeof name !== 'string') continue;
      checkName(dir, name);
      // Renamed already, before the kill: nothing left to move.
      if (!(await lstat(join(dir, journal.staging, name)).then(() => true, () => false))) continue;
      await place(dir, join(dir, journal.staging), name);
    }
  }
  await rm(journalFile, { force: true });
  for (const entry of await readdir(dir)) {
    if (entry.startsWith(STAGING_PREFIX)) await rm(join(dir, entry), { recursive: true, force: true });
  }
}

/** Move a staged file to its target in the folder; returns the target. */
async function place(dir: string, root: string, name: string): Promise<string> {
  const target = join(dir, name);
  await mkdir(dirname(target), { recursive: true });
  await rename(join(root, name), target).catch((e) => {
    throw withPath(e, target);
  });
  return target;
}

/** A name that stays inside the folder: no absolute path, no "..". */
function checkName(dir: string, name: string): string {
  const target = join(dir, name);
  const rel = relative(dir, target);
  if (!rel || rel.startsWith(`..${sep}`) || rel === '..' || rel.startsWith(sep)) throw new Error(`output name outside the folder: ${name}`);
  return target;
}

/** Refuse, before anything is staged, a target that is a folder or lies under a file. */
async function checkTargets(dir: string, names: string[]): Promise<void> {
  for (const name of names) {
    const target = checkName(dir, name);
    const st = await lstat(target).catch(() => undefined);
    if (st?.isDirectory()) throw Object.assign(new Error(`a folder is in the way: ${target}`), { code: 'EISDIR', syscall: 'rename', path: target });
    for (let up = dirname(target); up !== dir && up.startsWith(dir); up = dirname(up)) {
      const parent = await lstat(up).catch(() => undefined);
      if (parent && !parent.isDirectory()) throw Object.assign(new Error(`a file is in the way: ${up}`), { code: 'ENOTDIR', syscall: 'mkdir', path: up });
    }
  }
}

/** Write every file under the staging folder; an error names the file's target, not its staged copy. */
async function stage(dir: string, root: string, files: OutputFile[]): Promise<void> {
  for (const f of files) {
    const path = join(root, f.name);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, f.content);
    } catch (e) {
      const io = e as NodeJS.ErrnoException;
      if (io && typeof io === 'object') io.path = join(dir, f.name);
      throw e;
    }
  }
}

/**
 * Write `files` (then `options.last`) into `dir` as one transaction; returns
 * the paths written. On any error nothing of this run is left but what a
 * later run finishes (see above).
 */
export function writeAtomically(dir: string, files: OutputFile[], options: WriteOptions = {}): Promise<string[]> {
  const folder = resolve(dir);
  // One call into a folder at a time in this process (the lock keeps other processes out).
  const run = (queues.get(folder) ?? Promise.resolve()).catch(() => undefined).then(() => publish(folder, files, options));
  queues.set(folder, run);
  void run.finally(() => {
    if (queues.get(folder) === run) queues.delete(folder);
  }).catch(() => undefined);
  return run;
}

async function publish(dir: string, files: OutputFile[], options: WriteOptions): Promise<string[]> {
  const step = options.onStep ?? (() => {});
  await mkdir(dir, { recursive: true }).catch((e) => {
    throw withPath(e, dir);
  });
  const unlock = await lock(dir);
  try {
    await step('locked');
    await recover(dir);
    const staging = `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`;
    const root = join(dir, staging);
    let all: OutputFile[];
    try {
      all = [...files, ...((await options.last?.()) ?? [])];
      // One file per name: the last given wins (a unit named twice is one document).
      all = [...new Map(all.map((f) => [f.name, f])).values()];
      await checkTargets(dir, all.map((f) => f.name));
      await stage(dir, root, all);
      await step('staged');
      const journal: Journal = { staging, names: all.map((f) => f.name) };
      await writeFile(join(dir, `${JOURNAL}.new`), JSON.stringify(journal));
      await rename(join(dir, `${JOURNAL}.new`), join(dir, JOURNAL));
    } catch (e) {
      await rm(root, { recursive: true, force: true });
      await rm(join(dir, `${JOURNAL}.new`), { force: true });
      throw e;
    }
    await step('journaled');
    // From here the journal stands: an error or a kill leaves it for the next run to finish.
    const written: string[] = [];
    for (const [i, f] of all.entries()) {
      written.push(await place(dir, root, f.name));
      await step('renamed', i);
    }
    await rm(join(dir, JOURNAL), { force: true });
    await rm(root, { recursive: true, force: true });
    await step('published');
    return written;
  } finally {
    await unlock();
  }
}
