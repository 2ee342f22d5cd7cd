/**
 * A run's output is one transaction: each fault that left half-written or
 * stray files, a mix of old and new files or a lost manifest entry is
 * injected here (a folder in the way, a full file system, a process killed
 * at a chosen step, a stale lock, two runs at once, a long name).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAtomically, type OutputFile, type WriteStep } from '../src/output/write.js';
import { CLI, FIXTURE, ROOT, TSX, listEntries, listFiles } from './support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'thidua-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(work, `out-${++n}`);

const set = (tag: string): OutputFile[] => [
  { name: 'ke-hoach.docx', content: `plan ${tag}` },
  { name: 'don-vi/a.pdf', content: `a ${tag}` },
  { name: 'don-vi/b.pdf', content: `b ${tag}` },
  { name: 'manifest.json', content: `manifest ${tag}` },
];
/** The documents a reader of the folder sees (what a run stages or locks with aside). */
const contents = (dir: string) =>
  Object.fromEntries(listFiles(dir).filter((f) => !/(^|\/)\.thidua[-.]/.test(f)).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const asSet = (tag: string) => Object.fromEntries(set(tag).map((f) => [f.name, String(f.content)]));
/** Nothing of a run's own machinery (staging, journal, lock) is left. */
const expectClean = (dir: string) => expect(listEntries(dir).filter((f) => /(^|\/)\.thidua[-.]/.test(f))).toEqual([]);

/** writeAtomically in a process of its own, killed with SIGKILL at `step` (and `index` of a rename). */
function killedAt(dir: string, files: OutputFile[], step: WriteStep, index?: number): void {
  const script = `
    import { writeAtomically } from ${JSON.stringify(join(ROOT, 'src/output/write.ts'))};
    await writeAtomically(${JSON.stringify(dir)}, ${JSON.stringify(files)}, {
      onStep: (step, index) => { if (step === ${JSON.stringify(step)} && (${index ?? 'undefined'} === undefined || index === ${index ?? 'undefined'})) process.kill(process.pid, 'SIGKILL'); },
    });`;
  const r = spawnSync(process.execPath, ['--import', TSX, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(r.signal).toBe('SIGKILL');
}

describe('publishing', () => {
  it('writes every file, the manifest last, and leaves nothing else', async () => {
    const dir = freshDir();
    const order: number[] = [];
    const written = await writeAtomically(dir, set('new').slice(0, 3), {
      last: async () => [set('new')[3]],
      onStep: (s, i) => void (s === 'renamed' && order.push(i!)),
    });
    expect(written.map((p) => p.slice(dir.length + 1))).toEqual(['ke-hoach.docx', 'don-vi/a.pdf', 'don-vi/b.pdf', 'manifest.json']);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(contents(dir)).toEqual(asSet('new'));
    expectClean(dir);
  });

  it('a folder where a file goes: refused before anything is renamed, the old set kept', async () => {
    const dir = freshDir();
    await writeAtomically(dir, set('old'));
    rmSync(join(dir, 'don-vi', 'b.pdf'));
    mkdirSync(join(dir, 'don-vi', 'b.pdf'));
    const error = await writeAtomically(dir, set('new')).catch((e: NodeJS.ErrnoException) => e);
    expect(error).toMatchObject({ code: 'EISDIR', path: join(dir, 'don-vi', 'b.pdf') });
    const { ['don-vi/b.pdf']: _, ...old } = asSet('old');
    expect(contents(dir)).toEqual(old);
    expectClean(dir);
  });

  it('a name as long as a file name may be: no suffix is added to it', async () => {
    const dir = freshDir();
    const name = `don-vi/${'a'.repeat(250)}.pdf`;
    await writeAtomically(dir, [{ name, content: 'x' }]);
    expect(listFiles(dir)).toEqual([name]);
    expectClean(dir);
  });

  it('the same name twice is one file', async () => {
    const dir = freshDir();
    await writeAtomically(dir, [...set('one'), ...set('two')]);
    expect(contents(dir)).toEqual(asSet('two'));
  });
});

describe('a run killed', () => {
  it.each([
    ['while staging', 'locked' as const, undefined],
    ['once staged, before its journal', 'staged' as const, undefined],
  ])('%s: the old set stands, and the next run removes what it left', async (_, step, index) => {
    const dir = freshDir();
    await writeAtomically(dir, set('old'));
    killedAt(dir, set('new'), step, index);
    expect(contents(dir)).toEqual(asSet('old'));
    await writeAtomically(dir, [{ name: 'other.txt', content: 'x' }]);
    expect(contents(dir)).toEqual({ ...asSet('old'), 'other.txt': 'x' });
    expectClean(dir);
  });

  it.each([
    ['after its journal, before any rename', 'journaled' as const, undefined],
    ['in the middle of its renames', 'renamed' as const, 1],
    ['after its last rename', 'renamed' as const, 3],
  ])('%s: the next run finishes its renames first, so the folder holds the new set', async (_, step, index) => {
    const dir = freshDir();
    await writeAtomically(dir, set('old'));
    killedAt(dir, set('new'), step, index);
    await writeAtomically(dir, [{ name: 'other.txt', content: 'x' }]);
    expect(contents(dir)).toEqual({ ...asSet('new'), 'other.txt': 'x' });
    expectClean(dir);
  });

  it('a lock without its pid yet is another run still writing it: waited for, and taken over only once it is old', async () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.thidua.lock'), '');
    const t = performance.now();
    await writeAtomically(dir, set('new'));
    expect(performance.now() - t).toBeGreaterThan(1500);
    expect(contents(dir)).toEqual(asSet('new'));
    expectClean(dir);
  });

  it('a lock naming this very pid, left by an earlier process of the same pid (a container\'s pid 1), is taken over', async () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.thidua.lock'), `${process.pid} 0123abcd`);
    await writeAtomically(dir, set('new'));
    expect(contents(dir)).toEqual(asSet('new'));
    expectClean(dir);
  });

  it('calls into one folder at once in one process take turns, and a relative folder is the same folder', async () => {
    const dir = freshDir();
    const rel = relative(process.cwd(), dir);
    await Promise.all([writeAtomically(dir, set('one')), writeAtomically(rel, set('two')), writeAtomically(dir, set('three'))]);
    expect(contents(dir)).toEqual(asSet('three'));
    expectClean(dir);
  });

  it('a journal pointing outside the folder is not followed', async () => {
    const dir = freshDir();
    await writeAtomically(dir, set('old'));
    const outside = join(work, `outside-${n}`);
    writeFileSync(outside, 'keep');
    writeFileSync(join(dir, '.thidua-journal.json'), JSON.stringify({ staging: '.thidua-staging-/../..', names: [outside] }));
    await writeAtomically(dir, [{ name: 'other.txt', content: 'x' }]).catch(() => undefined);
    expect(readFileSync(outside, 'utf8')).toBe('keep');
  });

  it('holding the lock: the lock of a process that is gone is taken over', async () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir, '.thidua.lock'), `${gone.stdout} 0123abcd`);
    await writeAtomically(dir, set('new'));
    expect(contents(dir)).toEqual(asSet('new'));
    expectClean(dir);
  });
});

/** A tmpfs of `size` mounted at a fresh folder, where this process may mount one (root on Linux). */
function smallFileSystem(size: string): { dir: string; unmount: () => void } | undefined {
  const dir = freshDir();
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  if (r.status !== 0) return undefined;
  return { dir, unmount: () => spawnSync('umount', [dir]) };
}
const canMount = (() => {
  const fs = process.platform === 'linux' ? smallFileSystem('64k') : undefined;
  fs?.unmount();
  return fs !== undefined;
})();

describe('a full file system', () => {
  it.skipIf(!canMount)('leaves the old set and no staged part; the error names the file', async () => {
    const fs = smallFileSystem('256k')!;
    try {
      await writeAtomically(fs.dir, set('old'));
      const big = [...set('new'), { name: 'don-vi/c.pdf', content: Buffer.alloc(1024 * 1024) }];
      const error = await writeAtomically(fs.dir, big).catch((e: NodeJS.ErrnoException) => e);
      expect(error).toMatchObject({ code: 'ENOSPC', path: join(fs.dir, 'don-vi', 'c.pdf') });
      expect(contents(fs.dir)).toEqual(asSet('old'));
      expectClean(fs.dir);
    } finally {
      fs.unmount();
    }
  });

  it.skipIf(!canMount)('through the CLI: exit 3, the path in the message, nothing left', () => {
    const fs = smallFileSystem('200k')!;
    try {
      const r = spawnSync(process.execPath, ['--import', TSX, CLI, 'all', FIXTURE, '--out', fs.dir], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`cannot write the output \\(ENOSPC\\): ${fs.dir}/\\S+\\.(docx|pdf)`));
      expect(listEntries(fs.dir)).toEqual([]);
    } finally {
      fs.unmount();
    }
  });
});

describe('two runs into one folder at once', () => {
  it('take turns: the manifest lists what both wrote', async () => {
    const dir = freshDir();
    const run = (...args: string[]) =>
      new Promise<number | null>((done) => {
        const child = spawn(process.execPath, ['--import', TSX, CLI, ...args, FIXTURE, '--out', dir, '--format', 'docx'], { stdio: 'ignore' });
        child.on('exit', done);
      });
    expect(await Promise.all([run('plan'), run('units')])).toEqual([0, 0]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const units = parse(readFileSync(FIXTURE, 'utf8')).units.length;
    expect(manifest.documents.filter((d: { kind: string }) => d.kind === 'plan')).toHaveLength(1);
    expect(manifest.documents.filter((d: { kind: string }) => d.kind === 'unit-plan')).toHaveLength(units);
    expect(existsSync(join(dir, '.thidua.lock'))).toBe(false);
    expectClean(dir);
  }, 120_000);
});
