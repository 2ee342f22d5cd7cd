/**
 * The command line run as a separate process in a temporary work folder, for
 * test/cli.test.ts and test/cli-batch.test.ts.
 *
 * It runs src/cli.ts through tsx's loader (node --import tsx) rather than
 * dist/cli.js, so the tests need no build step, always run the current
 * source, and never write into the shared dist/ folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'src', 'cli.ts');
export const FIXTURE = join(ROOT, 'fixtures', 'kien-minh-2025', 'campaign.yaml');
export const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export const EXIT = { ok: 0, invalid: 1, usage: 2, output: 3 };

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Every file under a folder, relative to it. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Every file and folder under a folder, relative to it. */
export function listEntries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

export interface CliSandbox {
  /** The temporary work folder (set once the file's beforeAll has run). */
  work(): string;
  /** Run `thidua <args>` with the work folder as working directory. */
  thidua(...args: string[]): Run;
  /** A fresh, empty folder inside the work folder. */
  freshDir(name: string): string;
  /** A copy of the fixture with its data changed, written to the work folder. */
  brokenCopy(name: string, mutate: (d: any) => void): string;
  /** Nothing a run stages or locks with (a staging folder, a journal, a lock) left anywhere in the work folder. */
  expectNoTempFiles(): void;
}

/**
 * A temporary work folder for the test file that calls this at its top
 * level: made in a beforeAll, removed in an afterAll. Each `thidua` run is
 * stopped after `timeoutMs`.
 */
export function cliSandbox(name: string, timeoutMs: number): CliSandbox {
  let work: string | undefined;
  const dir = (): string => {
    if (work === undefined) throw new Error('the CLI work folder is made in beforeAll; use it inside a hook or test');
    return work;
  };

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), `thidua-${name}-`));
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  return {
    work: dir,

    thidua(...args) {
      const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
        cwd: dir(),
        encoding: 'utf8',
        timeout: timeoutMs,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      if (r.error) throw r.error;
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },

    freshDir(name) {
      const d = join(dir(), name);
      rmSync(d, { recursive: true, force: true });
      return d;
    },

    brokenCopy(name, mutate) {
      const data = parse(readFileSync(FIXTURE, 'utf8'));
      mutate(data);
      const file = join(dir(), name);
      writeFileSync(file, stringify(data));
      return file;
    },

    expectNoTempFiles() {
      expect(listEntries(dir()).filter((f) => /(^|\/)\.thidua[-.]|\.tmp-/.test(f))).toEqual([]);
    },
  };
}
