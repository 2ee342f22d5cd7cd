/**
 * The startup snapshot (src/snapshot/, scripts/build-snapshot.mjs): a build
 * of its own in a temporary folder, then the rendering commands run from it
 * say and write exactly what they do without it, read the issuer's own
 * templates rather than what the snapshot's warm-up read, and a snapshot
 * that does not fit the process is not used.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitsSnapshot, SNAPSHOT_ENV, type SnapshotMeta, type Start } from '../src/snapshot/launch.js';
import { docxParagraphs } from './support/documents.js';
import { FIXTURE, ROOT, listFiles } from './support/cli.js';

const SLOW = 240_000;
let work: string;
let dist: string;
let buildLog: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'thidua-snapshot-'));
  for (const name of ['templates', 'fixtures', 'node_modules', 'package.json']) symlinkSync(join(ROOT, name), join(work, name));
  dist = join(work, 'dist');
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', dist], { encoding: 'utf8' });
  expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-snapshot.mjs'), dist], { encoding: 'utf8' });
  buildLog = built.stdout + built.stderr;
  expect(built.status, buildLog).toBe(0);
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** `thidua args` from the temporary build, in `cwd`. */
function thidua(args: string[], env: NodeJS.ProcessEnv = {}, cwd = work): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(dist, 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

/** The same command as the snapshot itself runs it, so that a test knows the snapshot did the work. */
function fromSnapshot(args: string[], cwd = work): SpawnSyncReturns<string> {
  const meta = JSON.parse(readFileSync(join(dist, 'snapshot/meta.json'), 'utf8')) as SnapshotMeta;
  return spawnSync(process.execPath, [...meta.flags, '--snapshot-blob', join(dist, 'snapshot/thidua.blob'), ...args], { cwd, encoding: 'utf8' });
}

const timeless = (text: string): string => text.replace(/\d+(,\d+)? giây/g, 'giây').replace(/\d+(\.\d+)? s$/gm, 's').replaceAll(work, '');

/** Every file under a folder and its bytes. */
const filesOf = (dir: string): Record<string, string> => Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

describe('the startup snapshot', () => {
  it('is built, for this Node, with no warning', () => {
    expect(buildLog).toBe('');
    const meta = JSON.parse(readFileSync(join(dist, 'snapshot/meta.json'), 'utf8')) as SnapshotMeta;
    expect(meta).toMatchObject({ node: process.version, arch: process.arch, root: work });
  });

  it('renders the Kiến Minh set byte for byte as the command line does without it, and says the same', () => {
    const plain = thidua(['all', FIXTURE, '--out', join(work, 'plain')], { [SNAPSHOT_ENV]: '0' });
    const snap = fromSnapshot(['all', FIXTURE, '--out', join(work, 'snap')]);
    const launched = thidua(['all', FIXTURE, '--out', join(work, 'launched')]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(listFiles(join(work, 'plain'))).toHaveLength(35);
    for (const r of [snap, launched]) {
      expect(r.status, r.stderr).toBe(0);
      expect(timeless(r.stderr)).toBe(timeless(plain.stderr));
    }
    expect(timeless(snap.stdout).replaceAll('/snap/', '/')).toBe(timeless(plain.stdout).replaceAll('/plain/', '/'));
    expect(filesOf(join(work, 'snap'))).toEqual(filesOf(join(work, 'plain')));
    expect(filesOf(join(work, 'launched'))).toEqual(filesOf(join(work, 'plain')));
  });

  it('reads the issuer\'s own templates, not the package\'s its warm-up read', () => {
    const dir = join(work, 'own');
    mkdirSync(join(dir, 'mau/phrases'), { recursive: true });
    writeFileSync(join(dir, 'thidua.yaml'), 'templates: mau\n');
    writeFileSync(join(dir, 'campaign.yaml'), readFileSync(FIXTURE));
    writeFileSync(join(dir, 'mau/phrases/closing.hbs'), 'Trên đây là {{subject}} (mẫu riêng của xã), {{request}}./.\n');
    const r = fromSnapshot(['plan', join(dir, 'campaign.yaml'), '--out', join(dir, 'out'), '--format', 'docx'], dir);
    expect(r.status, r.stderr).toBe(0);
    const closing = docxParagraphs(readFileSync(join(dir, 'out/ke-hoach.docx'))).filter((p) => p.startsWith('Trên đây là'));
    expect(closing).toHaveLength(1);
    expect(closing[0]).toContain('(mẫu riêng của xã), ');
  });

  it('renders a batch large enough for worker threads, as without it', () => {
    // More documents than one thread renders (src/batch/run.ts): the workers start in a process started from the snapshot.
    const campaign = parse(readFileSync(FIXTURE, 'utf8')) as { units: { id: string; name: string; abbreviation: string; header: { lines: string[] } }[] };
    const village = campaign.units.find((u) => u.id === 'thon-3')!;
    for (let i = 4; i <= 40; i++) campaign.units.push({ ...structuredClone(village), id: `thon-${i}`, name: `Thôn ${i}`, abbreviation: `T${i}`, header: { ...village.header, lines: [`THÔN ${i}`] } });
    const big = join(work, 'big.yaml');
    writeFileSync(big, stringify(campaign));
    const plain = thidua(['units', big, '--out', join(work, 'big-plain'), '--format', 'docx'], { [SNAPSHOT_ENV]: '0' });
    const snap = fromSnapshot(['units', big, '--out', join(work, 'big-snap'), '--format', 'docx']);
    expect(plain.status, plain.stderr).toBe(0);
    expect(snap.status, snap.stderr).toBe(0);
    expect(listFiles(join(work, 'big-snap', 'don-vi'))).toHaveLength(52);
    expect(filesOf(join(work, 'big-snap'))).toEqual(filesOf(join(work, 'big-plain')));
  });

  it('lists the problems of bad data and exits 1, as without it', () => {
    const bad = join(work, 'bad.yaml');
    writeFileSync(bad, readFileSync(FIXTURE, 'utf8').replace(/^issuer:/m, 'isuer:'));
    const plain = thidua(['plan', bad, '--out', join(work, 'bad-plain')], { [SNAPSHOT_ENV]: '0' });
    const snap = fromSnapshot(['plan', bad, '--out', join(work, 'bad-snap')]);
    expect(plain.status).toBe(1);
    expect(snap.status).toBe(1);
    expect(snap.stderr).toBe(plain.stderr);
    expect(readdirSync(work)).not.toContain('bad-snap');
  });
});

describe('a process starts from the snapshot', () => {
  const meta: SnapshotMeta = { node: process.version, arch: process.arch, root: resolve(ROOT), flags: ['--max-semi-space-size=32'], bytes: 1000 };
  const start = (over: Partial<Start>): Start => ({ args: ['all', 'campaign.yaml'], execArgv: [], env: {}, meta, bytes: 1000, ...over });
  it.each<[string, Partial<Start>, boolean]>([
    ['all, plan, units, summary', {}, true],
    ['the launch plan', { args: ['plan', 'campaign.yaml'] }, true],
    ['the unit plans', { args: ['units', 'campaign.yaml'] }, true],
    ['the report', { args: ['summary', 'campaign.yaml'] }, true],
    ['not the service, which starts once', { args: ['serve'] }, false],
    ['not the workbook commands', { args: ['excel', 'campaign.yaml'] }, false],
    ['not with no command', { args: [] }, false],
    ['not a command after an option', { args: ['--format', 'pdf', 'all'] }, false],
    [`not with ${SNAPSHOT_ENV}=0`, { env: { [SNAPSHOT_ENV]: '0' } }, false],
    ['not when Node is given options of its own', { execArgv: ['--max-old-space-size=200'] }, false],
    ['not with NODE_OPTIONS', { env: { NODE_OPTIONS: '--max-old-space-size=200' } }, false],
    ['with an empty NODE_OPTIONS', { env: { NODE_OPTIONS: ' ' } }, true],
    ['not when none was built', { meta: undefined, bytes: undefined }, false],
    ['not one built by another Node', { meta: { ...meta, node: 'v20.0.0' } }, false],
    ['not one built for another processor', { meta: { ...meta, arch: 'arm64' } }, false],
    ['not one built in another folder (the package moved)', { meta: { ...meta, root: '/elsewhere' } }, false],
    ['not one cut short', { bytes: 999 }, false],
  ])('%s', (_, over, fits) => {
    expect(fitsSnapshot(start(over))).toBe(fits);
  });

  it('runs the command without it when Node is given an option of its own', () => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=400', join(dist, 'cli.js'), 'plan', FIXTURE, '--out', join(work, 'flagged'), '--format', 'docx'], { cwd: work, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(listFiles(join(work, 'flagged'))).toEqual(['ke-hoach.docx', 'manifest.json']);
  });
}, SLOW);
