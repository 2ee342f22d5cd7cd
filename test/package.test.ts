/**
 * The package as an integrator gets it: `npm pack`, installed in a project
 * of its own with no warning, its API imported with strict type checking
 * (skipLibCheck: false) and every document rendered, the same bytes as here;
 * no source map, nothing but the documented API exported.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlan } from '../src/api.js';
import { ROOT } from './support/cli.js';

const SLOW = 300_000;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let work: string;
let packed: { filename: string; files: { path: string }[] };
let installLog: string;
let consumer: string;

/** A port nothing listens on. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const devVersion = (name: string): string => JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies[name];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'thidua-package-'));
  const out = execFileSync(NPM, ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  packed = JSON.parse(out.slice(out.indexOf('[')))[0];
  consumer = join(work, 'consumer');
  cpSync(join(ROOT, 'test/consumer'), consumer, { recursive: true });
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // A TypeScript project has Node's types; the same version as here, so the install needs nothing new.
  const r = spawnSync(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed.filename), `@types/node@${devVersion('@types/node')}`], {
    cwd: consumer,
    encoding: 'utf8',
  });
  installLog = `${r.stdout}\n${r.stderr}`;
  expect(r.status, installLog).toBe(0);
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships the build, templates, fixture, licence and changelog, and no source map', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'CHANGELOG.md', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'templates/van-ban.docx', 'templates/web/app.js', 'fixtures/kien-minh-2025/campaign.yaml', 'dist/vendor/swagger-ui/swagger-ui-bundle.js', 'dist/vendor/swagger-ui/LICENSE']));
    expect(paths.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(paths.filter((p) => /^(src|test|scripts)\//.test(p))).toEqual([]);
  });

  it('installs without a warning', () => {
    expect(installLog).not.toMatch(/npm warn/i);
  });

  it('exports only its API', async () => {
    const api = await import(join(consumer, 'node_modules/thidua/dist/index.js'));
    expect(Object.keys(api).sort()).toEqual(['InvalidInputError', 'formatProblems', 'renderAll', 'renderPlan', 'renderReport', 'renderUnitPlan', 'validate']);
    const internal = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('thidua/dist/render/pdf.js')"], { cwd: consumer, encoding: 'utf8' });
    expect(internal.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('serves the page and the API reference from the installed package, Swagger UI included', async () => {
    const port = await freePort();
    const server = spawn(join(consumer, 'node_modules/.bin/thidua'), ['serve', '--port', String(port)], { cwd: consumer, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 100; i++) {
        if (await fetch(`${base}/v1/health`).then((r) => r.ok, () => false)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      for (const path of ['/', '/docs', '/assets/swagger-ui-bundle.js', '/assets/pdf.min.mjs']) expect((await fetch(`${base}${path}`)).status, path).toBe(200);
    } finally {
      server.kill('SIGTERM');
    }
  });

  it('compiles in a strict consumer and renders every document, the same bytes as here', async () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const compiled = spawnSync(process.execPath, [tsc, '-p', consumer], { cwd: consumer, encoding: 'utf8' });
    expect(compiled.status, compiled.stdout + compiled.stderr).toBe(0);
    const run = spawnSync(process.execPath, [join(consumer, 'dist/index.js')], { cwd: consumer, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.valid).toBe(true);
    expect(out.documents).toHaveLength(17);
    expect(out.manifest).toBe(17);
    expect(out.documents[0]).toMatchObject({ kind: 'plan', pages: 6 });
    for (const d of out.documents) expect(d.files).toHaveLength(2);
    expect(out.unit).toEqual([expect.stringMatching(/^don-vi\/thon-1\.docx:docx:\d+$/), expect.stringMatching(/^don-vi\/thon-1\.pdf:pdf:\d+$/)]);
    expect(out.report).toEqual([expect.stringMatching(/^bao-cao-tong-ket\.docx:docx:\d+$/)]);
    expect(out.refused.length).toBeGreaterThan(0);
    const here = await renderPlan(readFileSync(join(ROOT, 'fixtures/kien-minh-2025/campaign.yaml'), 'utf8'), { formats: ['pdf'] });
    expect(Buffer.from(out.plan[0], 'base64').equals(here.document.files[0].content)).toBe(true);
  });
});
