/**
 * The HTTP API over real HTTP on an ephemeral loopback port: each route, each
 * error class, documents byte-identical to the CLI's, 50 concurrent mixed
 * requests, health during a PDF batch, the busy and timeout answers, logs
 * without document content, and a graceful shutdown of `thidua serve`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import PizZip from 'pizzip';
import { parse as parseDisposition } from 'content-disposition';
import ExcelJS from 'exceljs';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { buildServer, type Server } from '../src/server/app.js';
import { campaignWorkbook } from '../src/workbook/campaign-workbook.js';
import { VERSION } from '../src/version.js';
import { CLI, FIXTURE, TSX, cliSandbox, listFiles } from './support/cli.js';

const RESULTS_FILE = join(FIXTURE, '..', 'ket-qua.yaml');
const campaign = parse(readFileSync(FIXTURE, 'utf8'));
const results = parse(readFileSync(RESULTS_FILE, 'utf8'));
const SLOW = 180_000;

const sandbox = cliSandbox('http', SLOW);
/** What `thidua all` writes for the fixture (with ket-qua.yaml beside it): the reference bytes. */
let cliOut: string;
const cliFile = (name: string) => readFileSync(join(cliOut, name));

interface Started {
  server: Server;
  base: string;
  logs: string[];
}

async function start(options: Parameters<typeof buildServer>[0] = {}): Promise<Started> {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const server = await buildServer({ logger: { level: 'info', stream }, ...options });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, base: `http://127.0.0.1:${address.port}`, logs };
}

/** A server of its own for one test, closed after it whatever happens. */
async function withServer(options: Parameters<typeof buildServer>[0], use: (s: Started) => Promise<void>): Promise<void> {
  const s = await start(options);
  try {
    await use(s);
  } finally {
    await s.server.app.close();
  }
}

const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

/** No stack trace, no file path in an error body. */
function expectClean(text: string): void {
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toMatch(/\/(work|tmp|home|root)\//);
  expect(text).not.toMatch(/node_modules|\.ts:\d|\.js:\d/);
}

let main: Started;

beforeAll(async () => {
  cliOut = sandbox.freshDir('cli-all');
  const r = sandbox.thidua('all', FIXTURE, '--out', cliOut);
  expect(r.status, r.stderr).toBe(0);
  main = await start();
}, SLOW);

afterAll(async () => {
  await main?.server.app.close();
});

describe('routes', () => {
  it('GET /v1/health says ok and the version, with a request id', async () => {
    const r = await fetch(`${main.base}/v1/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      status: 'ok',
      version: VERSION,
      workers: { threads: 2, expected: 2, queued: 0, completed: expect.any(Number), pending: 0, maxPending: 64 },
    });
    expect(r.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    const own = await fetch(`${main.base}/v1/health`, { headers: { 'x-request-id': 'abc-123' } });
    expect(own.headers.get('x-request-id')).toBe('abc-123');
  });

  it('GET /v1/schema gives the JSON Schemas of the campaign and results data, from the zod schema', async () => {
    const r = await fetch(`${main.base}/v1/schema`);
    const s = (await r.json()) as { campaign: { type: string; properties: object; required: string[] }; results: { properties: object } };
    expect(s.campaign.type).toBe('object');
    expect(Object.keys(s.campaign.properties)).toEqual(expect.arrayContaining(['id', 'issuer', 'plan', 'units']));
    expect(s.campaign.required).toEqual(expect.arrayContaining(['id', 'name', 'issuer']));
    // The outline's nodes and typed blocks are described, not left as "any".
    const text = JSON.stringify(s.campaign);
    for (const key of ['section', 'item', 'indicators', 'tasks', 'timeline', 'reporting', 'commendation', 'organisation', 'table', 'basis']) {
      expect(text).toContain(`"${key}"`);
    }
    expect(Object.keys(s.results.properties)).toEqual(expect.arrayContaining(['campaign', 'report', 'indicators', 'units', 'awards']));
  });

  it('GET /v1/openapi.json describes exactly the routes the server has', async () => {
    const doc = (await (await fetch(`${main.base}/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    // OpenAPI's "/assets/{name}" is fastify's "/assets/:name".
    const described = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(described.sort()).toEqual([...main.server.routes].sort());
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops) as { responses: Record<string, unknown> }[]) expect(Object.keys(op.responses), path).toContain('200');
    }
  });

  it('GET /v1/openapi.json lints clean with Redocly\'s recommended rules, with and without API keys', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const lint = async (base: string) => {
      const doc = (await (await fetch(`${base}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>>; security: unknown[] };
      const problems = await lintFromString({ source: JSON.stringify(doc), config, absoluteRef: 'openapi.json' });
      return { doc, problems: problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} ${p.location[0]?.pointer ?? ''}`) };
    };
    const plain = await lint(main.base);
    expect(plain.problems).toEqual([]);
    const ids = Object.values(plain.doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['renderPlan', 'renderUnitPlan', 'renderSummary', 'renderBundle', 'validate', 'openForPage']));
    expect(plain.doc.security).toEqual([{}, { bearer: [] }, { apiKey: [] }]);
    await withServer({ logger: false, apiKeys: ['0123456789abcdefgh'] }, async ({ base }) => {
      const keyed = await lint(base);
      expect(keyed.problems).toEqual([]);
      expect(keyed.doc.security).toEqual([{ bearer: [] }, { apiKey: [] }]);
    });
  });

  it('answers an unknown route with the documented JSON error, and documents every error status the routes give', async () => {
    const r = await fetch(`${main.base}/v1/nothing-here`);
    expect(r.status).toBe(404);
    const body = (await r.json()) as { error: { status: number; code: string; message_vi: string; message_en: string } };
    expect(body.error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(body.error.message_vi && body.error.message_en).toBeTruthy();
    const doc = (await (await fetch(`${main.base}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const codes = (path: string) => Object.keys(doc.paths[path].post.responses);
    expect(codes('/v1/documents/plan')).toEqual(expect.arrayContaining(['200', '400', '413', '422', '503']));
    expect(codes('/v1/documents/unit-plan')).toEqual(expect.arrayContaining(['200', '400', '404', '413', '422', '503']));
    expect(codes('/v1/documents/summary')).toEqual(expect.arrayContaining(['200', '400', '413', '422', '503']));
    expect(codes('/v1/documents/bundle')).toEqual(expect.arrayContaining(['200', '400', '413', '422', '503']));
  });

  it('POST /v1/validate lists every problem with its path, for a campaign and for {campaign, results}', async () => {
    const ok = (await (await post(main.base, '/v1/validate', campaign)).json()) as { valid: boolean; problems: unknown[] };
    expect(ok).toEqual({ valid: true, problems: [] });
    const broken = structuredClone(campaign);
    delete broken.plan.summary;
    broken.issuer.lines[1] = 'Xã Kiến Minh';
    const bad = (await (await post(main.base, '/v1/validate', broken)).json()) as { valid: boolean; problems: { path: string; message_vi: string; message_en: string }[] };
    expect(bad.valid).toBe(false);
    expect(bad.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['plan.summary', 'issuer.lines[1]']));
    for (const p of bad.problems) expect(p.message_vi && p.message_en).toBeTruthy();
    // Each problem is at its line and column in the body as sent: the second line of the issuer's name, a results field inside "results".
    type Placed = { problems: { path: string; file?: string; line?: number; column?: number }[] };
    const placedIn = async (body: unknown, path: string) => {
      const text = JSON.stringify(body, null, 2);
      const answer = (await (await post(main.base, '/v1/validate', text)).json()) as Placed;
      return { lines: text.split('\n'), problem: answer.problems.find((p) => p.path === path) };
    };
    const name = await placedIn(broken, 'issuer.lines[1]');
    const second = name.lines.findIndex((l, i) => l.includes('"Xã Kiến Minh"') && name.lines[i - 2]?.includes('"lines"'));
    expect(name.problem).toMatchObject({ file: 'body', line: second + 1, column: name.lines[second].indexOf('"') + 1 });
    const typo = await placedIn({ campaign, results: { ...results, reportz: 1 } }, 'results.reportz');
    const row = typo.lines.findIndex((l) => l.includes('"reportz"'));
    expect(typo.problem).toMatchObject({ file: 'body', line: row + 1, column: typo.lines[row].indexOf('"') + 1 });
    const withResults = (await (await post(main.base, '/v1/validate', { campaign, results })).json()) as { valid: boolean; problems: { path: string; severity: string }[] };
    expect(withResults.valid).toBe(true);
    expect(withResults.problems.every((p) => p.path.startsWith('results.') && p.severity === 'warning')).toBe(true);
    expect(withResults.problems.length).toBeGreaterThan(0);
  });

  it.each([
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['pdf', 'application/pdf'],
  ])('POST /v1/documents/plan?format=%s returns the CLI\'s bytes, its content type and a Vietnamese file name', async (format, type) => {
    const r = await post(main.base, `/v1/documents/plan?format=${format}`, campaign);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(type);
    expect((await bytes(r)).equals(cliFile(`ke-hoach.${format}`))).toBe(true);
    const header = r.headers.get('content-disposition')!;
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(parseDisposition(header).parameters.filename).toBe(`Kế hoạch Ủy ban nhân dân xã Kiến Minh.${format}`);
    expect(/filename="([^"]+)"/.exec(header)![1]).toBe(`Ke hoach Uy ban nhan dan xa Kien Minh.${format}`);
  });

  it('POST /v1/documents/unit-plan returns the CLI\'s unit plan', async () => {
    const r = await post(main.base, '/v1/documents/unit-plan?unit=phong-kinh-te&format=docx', campaign);
    expect(r.status).toBe(200);
    expect((await bytes(r)).equals(cliFile('don-vi/phong-kinh-te.docx'))).toBe(true);
    expect(parseDisposition(r.headers.get('content-disposition')!).parameters.filename).toBe('Kế hoạch Phòng Kinh tế.docx');
  });

  it('POST /v1/documents/summary returns the CLI\'s report', async () => {
    const r = await post(main.base, '/v1/documents/summary?format=pdf', { campaign, results });
    expect(r.status).toBe(200);
    expect((await bytes(r)).equals(cliFile('bao-cao-tong-ket.pdf'))).toBe(true);
  });

  it('POST /v1/documents/bundle returns a ZIP of the same files and manifest as `thidua all`', async () => {
    const r = await post(main.base, '/v1/documents/bundle', { campaign, results });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/zip');
    const zip = new PizZip(await bytes(r));
    const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name).sort();
    expect(names).toEqual(listFiles(cliOut));
    for (const name of names) expect(Buffer.from(zip.file(name)!.asUint8Array()).equals(cliFile(name)), name).toBe(true);
  }, SLOW);

  it('POST /v1/open lists the documents with their pages and primes the cache the document routes answer from', async () => {
    const files = [
      { name: 'campaign.yaml', text: readFileSync(FIXTURE, 'utf8') },
      { name: 'ket-qua.yaml', text: readFileSync(RESULTS_FILE, 'utf8') },
    ];
    const r = await post(main.base, '/v1/open', { files });
    expect(r.status).toBe(200);
    const opened = (await r.json()) as { valid: boolean; body: string; documents: { kind: string; unit?: string; name: string; pages: number }[] };
    expect(opened.valid).toBe(true);
    expect(opened.documents).toHaveLength(campaign.units.length + 2);
    expect(opened.documents[0]).toMatchObject({ kind: 'plan', name: 'Kế hoạch Ủy ban nhân dân xã Kiến Minh', pages: 6 });
    const plan = await post(main.base, '/v1/documents/plan?format=pdf', opened.body);
    expect(plan.headers.get('x-cache')).toBe('HIT');
    expect((await bytes(plan)).equals(cliFile('ke-hoach.pdf'))).toBe(true);
    const unit = await post(main.base, '/v1/documents/unit-plan?unit=thon-1&format=docx', opened.body);
    expect(unit.headers.get('x-cache')).toBe('HIT');
    expect((await bytes(unit)).equals(cliFile('don-vi/thon-1.docx'))).toBe(true);
    const bad = await post(main.base, '/v1/open', { files: [{ name: 'campaign.yaml' }] });
    expect(bad.status).toBe(400);
    expectClean(await bad.text());
  });

  it('GET /v1/starter gives the files of `thidua init`, and names a bad parameter', async () => {
    const r = await fetch(`${main.base}/v1/starter?level=xa&issuer=${encodeURIComponent('Xã Tân Lập')}&year=2026`);
    const { files } = (await r.json()) as { files: { name: string; text: string }[] };
    expect(files.map((f) => f.name)).toEqual(['campaign.yaml', 'ket-qua.yaml']);
    expect(parse(files[0].text)).toMatchObject({ issuer: { name: 'Ủy ban nhân dân xã Tân Lập' } });
    const bad = await fetch(`${main.base}/v1/starter?level=village&issuer=x&year=2026`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { problems: { path: string }[] }).problems[0].path).toBe('level');
  });
});

describe('a campaign sent as a workbook (thidua excel)', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const send = (path: string, body: Buffer) => fetch(`${main.base}${path}`, { method: 'POST', headers: { 'content-type': XLSX }, body: new Uint8Array(body) });

  it('gives the same documents as the JSON campaign', async () => {
    const workbook = await campaignWorkbook(campaign);
    const plan = await send('/v1/documents/plan?format=docx', workbook);
    expect(plan.status).toBe(200);
    expect((await bytes(plan)).equals(cliFile('ke-hoach.docx'))).toBe(true);
    const unit = await send('/v1/documents/unit-plan?unit=phong-kinh-te&format=pdf', workbook);
    expect((await bytes(unit)).equals(cliFile('don-vi/phong-kinh-te.pdf'))).toBe(true);
    expect(await (await send('/v1/validate', workbook)).json()).toMatchObject({ valid: true });
  });

  it('names the sheet and cell of a problem (422); bytes that are no workbook are a 400', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await campaignWorkbook(campaign)) as unknown as ArrayBuffer);
    wb.getWorksheet('Đơn vị')!.getCell('C2').value = 'phòng';
    const r = await send('/v1/documents/plan', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.status).toBe(422);
    const body = (await r.json()) as { problems: { path: string; file: string; message_vi: string }[] };
    expect(body.problems).toEqual([expect.objectContaining({ path: 'Đơn vị!C2 (units[0].kind)', file: 'body' })]);
    const junk = await send('/v1/documents/plan', Buffer.from('not a workbook'));
    expect(junk.status).toBe(400);
    expectClean(await junk.text());
  });
});

describe('errors', () => {
  it('malformed JSON is a 400, without internals', async () => {
    const r = await post(main.base, '/v1/documents/plan', '{"id": "x", ');
    expect(r.status).toBe(400);
    const text = await r.text();
    expect(JSON.parse(text).error.code).toBe('BAD_REQUEST');
    expectClean(text);
  });

  it('a key that could poison prototypes is a 400, as fastify\'s own parser answers it', async () => {
    const r = await post(main.base, '/v1/validate', '{"id": "x", "__proto__": {"polluted": true}}');
    expect(r.status).toBe(400);
    expect(JSON.parse(await r.text()).error.code).toBe('BAD_REQUEST');
  });

  it('schema problems are a 422 listing every field path', async () => {
    const broken = structuredClone(campaign);
    delete broken.plan.summary;
    broken.plan.body[2].body[1].body[0].body[0].indicators[0].items[0].components[0].target.period = '720.555';
    broken.issuer.abbreviation = 'UB ND';
    const r = await post(main.base, '/v1/documents/plan?format=pdf', broken);
    expect(r.status).toBe(422);
    const text = await r.text();
    const body = JSON.parse(text) as { problems: { path: string }[] };
    expect(body.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['plan.summary', 'issuer.abbreviation']));
    expectClean(text);
  });

  it('results with problems are a 422 with results.* paths', async () => {
    const bad = structuredClone(results);
    bad.indicators[0].item = 'no-such-item';
    const r = await post(main.base, '/v1/documents/summary', { campaign, results: bad });
    expect(r.status).toBe(422);
    const body = (await r.json()) as { problems: { path: string }[] };
    expect(body.problems.map((p) => p.path)).toContain('results.indicators[0].item');
  });

  it.each([
    ['/v1/documents/unit-plan?unit=no-such-unit', 404, 'NO_SUCH_UNIT'],
    ['/v1/documents/unit-plan', 400, 'NO_UNIT'],
    ['/v1/documents/plan?format=xls', 400, 'BAD_FORMAT'],
    ['/v1/documents/summary', 400, 'NO_RESULTS'],
  ])('POST %s is a %i %s', async (path, status, code) => {
    const r = await post(main.base, path, campaign);
    expect(r.status).toBe(status);
    const text = await r.text();
    expect(JSON.parse(text).error.code).toBe(code);
    expectClean(text);
  });

  it('a body over the limit is a 413', async () => {
    await withServer({ bodyLimit: 10_000 }, async (small) => {
      const r = await post(small.base, '/v1/documents/plan', campaign);
      expect(r.status).toBe(413);
      expectClean(await r.text());
    });
  });

  it('a bundle of more documents than allowed is a 413, before anything renders', async () => {
    await withServer({ maxBundleDocuments: 5 }, async (capped) => {
      const r = await post(capped.base, '/v1/documents/bundle', campaign);
      expect(r.status).toBe(413);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_DOCUMENTS');
    });
  });

  it('a full queue is a 503 with Retry-After, and the health check still answers', async () => {
    await withServer({ threads: 1, maxPending: 1 }, async (busy) => {
      const requests = Array.from({ length: 8 }, () => post(busy.base, '/v1/documents/plan?format=pdf', campaign));
      const health = await fetch(`${busy.base}/v1/health`);
      expect(health.status).toBe(200);
      const answers = await Promise.all(requests);
      const refused = answers.filter((r) => r.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(answers.filter((r) => r.status === 200).length).toBeGreaterThan(0);
      for (const r of refused) {
        expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(((await r.json()) as { error: { code: string } }).error.code).toBe('BUSY');
      }
    });
  }, SLOW);

  it('a rendering over the time limit is a 503 TIMEOUT', async () => {
    await withServer({ timeoutMs: 1 }, async (hasty) => {
      const r = await post(hasty.base, '/v1/documents/plan?format=pdf', campaign);
      expect(r.status).toBe(503);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('TIMEOUT');
    });
  });
});

describe('conventions: 405, YAML bodies, CORS, API keys', () => {
  it('answers a known route asked with another method 405, with Allow', async () => {
    const get = await fetch(`${main.base}/v1/validate`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(((await get.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
    const post = await fetch(`${main.base}/v1/health`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${main.base}/assets/app.js`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${main.base}/v1/nothing`, { method: 'DELETE' })).status).toBe(404);
  });

  it('takes a YAML body as a clerk writes it: the same document, its problems at their lines', async () => {
    const yaml = readFileSync(FIXTURE, 'utf8');
    const r = await post(main.base, '/v1/documents/plan?format=pdf', yaml, { 'content-type': 'application/yaml' });
    expect(r.status).toBe(200);
    expect((await bytes(r)).equals(cliFile('ke-hoach.pdf'))).toBe(true);
    const broken = yaml.replace('  abbreviation: UBND', '  abbreviation: UBND\n  abbreviation: UBND');
    const dup = await post(main.base, '/v1/validate', broken, { 'content-type': 'text/yaml' });
    expect(dup.status).toBe(400);
    const line = broken.split('\n').indexOf('  abbreviation: UBND') + 2;
    expect(JSON.stringify(await dup.json())).toContain(`tại dòng ${line}`);
  });

  it('sends no CORS header unless asked to; with --cors, only to the origins given', async () => {
    const plain = await fetch(`${main.base}/v1/health`, { headers: { origin: 'https://xa.example.vn' } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    await withServer({ logger: false, corsOrigins: ['https://xa.example.vn'] }, async ({ base }) => {
      const preflight = await fetch(`${base}/v1/documents/plan`, {
        method: 'OPTIONS',
        headers: { origin: 'https://xa.example.vn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://xa.example.vn');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      const other = await fetch(`${base}/v1/health`, { headers: { origin: 'https://other.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('with API keys, the API needs one (Bearer or X-API-Key); the page, health and the description do not', async () => {
    const key = 'k'.repeat(8) + '-0123456789abcdef';
    await withServer({ logger: false, apiKeys: [key, 'another-key-0123456789'] }, async ({ base }) => {
      const none = await post(base, '/v1/validate', campaign);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="thidua"');
      expect(((await none.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
      expect((await post(base, '/v1/validate', campaign, { authorization: 'Bearer wrong-key-0123456789' })).status).toBe(401);
      expect((await post(base, '/v1/validate', campaign, { authorization: `Bearer ${key}` })).status).toBe(200);
      expect((await post(base, '/v1/validate', campaign, { 'x-api-key': 'another-key-0123456789' })).status).toBe(200);
      for (const path of ['/v1/health', '/v1/openapi.json', '/', '/assets/app.js']) expect((await fetch(`${base}${path}`)).status, path).toBe(200);
    });
  });
});

describe('the cache of answers', () => {
  it('answers the same request again from the cache, byte for byte; other data, format or unit is made anew', async () => {
    await withServer({}, async (own) => {
      const plan = '/v1/documents/plan?format=pdf';
      const first = await post(own.base, plan, campaign);
      const again = await post(own.base, plan, campaign);
      expect([first.headers.get('x-cache'), again.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
      expect((await bytes(again)).equals(await bytes(first))).toBe(true);
      expect(again.headers.get('content-disposition')).toBe(first.headers.get('content-disposition'));
      const other = structuredClone(campaign);
      other.plan.number = '233';
      const changed = await post(own.base, plan, other);
      expect(changed.headers.get('x-cache')).toBe('MISS');
      expect((await bytes(changed)).equals(cliFile('ke-hoach.pdf'))).toBe(false);
      expect((await post(own.base, '/v1/documents/plan?format=docx', campaign)).headers.get('x-cache')).toBe('MISS');
      const unit = (id: string) => post(own.base, `/v1/documents/unit-plan?unit=${id}&format=pdf`, campaign);
      expect((await unit(campaign.units[0].id)).headers.get('x-cache')).toBe('MISS');
      expect((await unit(campaign.units[1].id)).headers.get('x-cache')).toBe('MISS');
      expect((await unit(campaign.units[0].id)).headers.get('x-cache')).toBe('HIT');
    });
  }, SLOW);

  it('keeps no more bytes than it is given, nor refusals', async () => {
    await withServer({ cacheBytes: 1000 }, async (small) => {
      for (let i = 0; i < 2; i++) {
        const r = await post(small.base, '/v1/documents/plan?format=pdf', campaign);
        expect(r.headers.get('x-cache')).toBe('MISS');
        expect((await bytes(r)).equals(cliFile('ke-hoach.pdf'))).toBe(true);
      }
      for (let i = 0; i < 2; i++) expect((await post(small.base, '/v1/documents/plan', '{"id": ')).status).toBe(400);
    });
  }, SLOW);
});

describe('under load', () => {
  it('answers 50 concurrent mixed requests, each with the CLI\'s bytes', async () => {
    const units = campaign.units.map((u: { id: string }) => u.id) as string[];
    const cases = Array.from({ length: 50 }, (_, i) => {
      const format = i % 2 ? 'pdf' : 'docx';
      if (i % 5 === 0) return { path: `/v1/documents/summary?format=${format}`, body: { campaign, results }, file: `bao-cao-tong-ket.${format}` };
      if (i % 3 === 0) return { path: `/v1/documents/plan?format=${format}`, body: campaign, file: `ke-hoach.${format}` };
      const unit = units[i % units.length];
      return { path: `/v1/documents/unit-plan?unit=${unit}&format=${format}`, body: campaign, file: `don-vi/${unit}.${format}` };
    });
    const answers = await Promise.all(cases.map((c) => post(main.base, c.path, c.body)));
    for (const [i, r] of answers.entries()) {
      expect(r.status, cases[i].path).toBe(200);
      expect((await bytes(r)).equals(cliFile(cases[i].file)), cases[i].path).toBe(true);
    }
  }, SLOW);

  it('answers /v1/health quickly while PDFs render', async () => {
    const batch = Array.from({ length: 3 }, () => post(main.base, '/v1/documents/bundle', campaign).then(bytes));
    let settled = false;
    void Promise.all(batch).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 300));
    const t = performance.now();
    const health = await fetch(`${main.base}/v1/health`);
    const ms = performance.now() - t;
    expect(health.status).toBe(200);
    expect(settled, 'the batch was still rendering').toBe(false);
    expect(ms).toBeLessThan(500);
    await Promise.all(batch);
  }, SLOW);

  it('logs each request with its id and status, and no document content', () => {
    const lines = main.logs.join('').trim().split('\n').map((l) => JSON.parse(l) as { reqId?: string; msg: string });
    expect(lines.some((l) => l.msg === 'request completed' && l.reqId)).toBe(true);
    const all = main.logs.join('');
    expect(all).not.toContain('Kiến Minh');
    expect(all).not.toContain('Phát động');
    expect(all).not.toContain('833.509');
  });
});

describe('thidua serve', () => {
  it('on SIGTERM finishes the request in flight, refuses new ones and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const base = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no listening line in: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(t);
          resolve(m[1]);
        }
      });
    });
    const inFlight = post(base, '/v1/documents/bundle', campaign);
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGTERM');
    const r = await inFlight;
    expect(r.status).toBe(200);
    expect((await bytes(r)).length).toBeGreaterThan(1000);
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/v1/health`)).rejects.toThrow();
  }, SLOW);
});
