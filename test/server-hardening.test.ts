/**
 * The service against hostile and unlucky input: one answer for one input
 * (duplicate keys refused as in YAML), bounded work (limits as 400s, many
 * problems listed and counted, health answering while a large bundle
 * renders), Node's own refusals in the documented shape, a template that
 * cannot change under a running server, and `serve` options out of range.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildServer } from '../src/server/app.js';
import { DEFAULT_TEMPLATE } from '../src/render/docx.js';
import { LIMITS } from '../src/model/limits.js';
import { CLI, FIXTURE, TSX } from './support/cli.js';

const campaign = parse(readFileSync(FIXTURE, 'utf8'));
const SLOW = 180_000;
const work = mkdtempSync(join(tmpdir(), 'thidua-hardening-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function withServer(options: Parameters<typeof buildServer>[0], use: (base: string) => Promise<void>): Promise<void> {
  const server = await buildServer({ logger: false, ...options });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  try {
    await use(`http://127.0.0.1:${address.port}`);
  } finally {
    await server.app.close();
  }
}

const post = (base: string, path: string, body: string | object) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

interface ErrorAnswer {
  error: { status: number; code: string; message_vi: string; message_en: string };
  problems?: { path: string; message_vi: string; message_en: string }[];
}

/** The fixture with village units added (copies of its first village, each with a name of its own) up to `count` units. */
function withUnits(count: number) {
  const data = structuredClone(campaign);
  const village = data.units.find((u: { kind: string }) => u.kind === 'village');
  const added = Array.from({ length: count - data.units.length }, (_, i) => ({
    ...structuredClone(village),
    id: `thon-moi-${i + 1}`,
    name: `Thôn Mới ${i + 1}`,
    abbreviation: `TM${i + 1}`,
    header: { ...village.header, lines: [`THÔN MỚI ${i + 1}`] },
  }));
  data.units.push(...added);
  return data;
}

/** A raw HTTP request on a socket, and the raw answer. */
function raw(base: string, request: string): Promise<string> {
  const { port } = new URL(base);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (d) => (answer += d));
    socket.on('end', () => done(answer));
    socket.on('error', fail);
  });
}

describe('one answer for one input', () => {
  it('a duplicate key is a 400 naming its line and column, not the last value silently kept', async () => {
    await withServer({ threads: 1 }, async (base) => {
      const text = JSON.stringify(campaign, null, 1).replace('"id": "kien-minh-2025",', '"id": "kien-minh-2025",\n"id": "khac",');
      const r = await post(base, '/v1/validate', text);
      expect(r.status).toBe(400);
      const body = (await r.json()) as ErrorAnswer;
      expect(body.error.code).toBe('BAD_REQUEST');
      expect(body.problems).toEqual([expect.objectContaining({ path: expect.stringMatching(/^body:\d+:1$/), message_en: 'duplicate key "id"' })]);
    });
  });
});

describe('bounded work', () => {
  it('JSON nested 50,000 deep is a 400, not a 500', async () => {
    await withServer({ threads: 1 }, async (base) => {
      const r = await post(base, '/v1/validate', `${'['.repeat(50_000)}${']'.repeat(50_000)}`);
      expect(r.status).toBe(400);
      expect(((await r.json()) as ErrorAnswer).problems![0].message_en).toMatch(/nested/);
    });
  });

  it('data past a limit is a 400 naming the field; a figure of 100,000 digits does not stall health', async () => {
    await withServer({ threads: 1 }, async (base) => {
      const data = structuredClone(campaign);
      data.plan.body[2].body[1].body[0].body[0].indicators[1].items[0].target = '9'.repeat(100_000);
      const pending = post(base, '/v1/documents/plan?format=pdf', data);
      const t = performance.now();
      expect((await fetch(`${base}/v1/health`)).status).toBe(200);
      expect(performance.now() - t).toBeLessThan(1000);
      const r = await pending;
      expect(r.status).toBe(400);
      const body = (await r.json()) as ErrorAnswer;
      expect(body.error.code).toBe('LIMIT_EXCEEDED');
      expect(body.problems).toEqual([expect.objectContaining({ path: 'plan.body[2].body[1].body[0].body[0].indicators[1].items[0].target' })]);
    });
  });

  it('an input with a thousand mistakes gets the first 200 problems and a count of the rest, in a small answer', async () => {
    await withServer({ threads: 1 }, async (base) => {
      const data = structuredClone(campaign);
      data.issuer.parent = Array.from({ length: LIMITS.listLength }, () => 'ủy ban');
      const r = await post(base, '/v1/validate', data);
      expect(r.status).toBe(200);
      const text = await r.text();
      expect(text.length).toBeLessThan(100_000);
      const body = JSON.parse(text) as { valid: boolean; problems: { message_en: string }[] };
      expect(body.valid).toBe(false);
      expect(body.problems).toHaveLength(LIMITS.problems + 1);
      expect(body.problems.at(-1)!.message_en).toBe(`and ${LIMITS.listLength - LIMITS.problems} more problems (only the first ${LIMITS.problems} are listed)`);
    });
  });

  it('a bundle larger than surely renders within the time limit is a 413 before any rendering', async () => {
    // 6 s and one worker: 12 documents at 500 ms each (the time limit also bounds the validation before it, so it has room on a loaded machine).
    await withServer({ threads: 1, timeoutMs: 6000 }, async (base) => {
      const r = await post(base, '/v1/documents/bundle', campaign);
      expect(r.status).toBe(413);
      const body = (await r.json()) as ErrorAnswer;
      expect(body.error.code).toBe('TOO_MANY_DOCUMENTS');
      expect(body.error.message_en).toBe('a bundle holds at most 12 documents (this one 16): use thidua all');
    });
  });

  it('health answers within a second, every time, while a bundle of 120 documents renders and is zipped', async () => {
    await withServer({ threads: 2 }, async (base) => {
      const bundle = post(base, '/v1/documents/bundle', withUnits(119));
      let done = false;
      const finished = bundle.then(async (r) => {
        const zip = Buffer.from(await r.arrayBuffer());
        done = true;
        return { status: r.status, bytes: zip.length };
      });
      const latencies: number[] = [];
      while (!done) {
        const t = performance.now();
        const h = await fetch(`${base}/v1/health`);
        latencies.push(performance.now() - t);
        expect(h.status).toBe(200);
        await new Promise((r) => setTimeout(r, 100));
      }
      const answer = await finished;
      expect(answer.status).toBe(200);
      expect(latencies.length).toBeGreaterThan(5);
      expect(Math.max(...latencies)).toBeLessThan(1000);
    });
  }, SLOW);
});

describe("Node's own refusals", () => {
  it('a URL too long is a 431 and a malformed header a 400, both in the documented error shape', async () => {
    await withServer({ threads: 1 }, async (base) => {
      const long = await raw(base, `GET /v1/health?${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(long).toMatch(/^HTTP\/1\.1 431 /);
      expect(JSON.parse(long.slice(long.indexOf('\r\n\r\n') + 4))).toEqual({
        error: { status: 431, code: 'HEADERS_TOO_LARGE', message_vi: expect.any(String), message_en: 'the request headers (or the URL) are too large' },
      });
      const bad = await raw(base, 'GET /v1/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
      expect(bad).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(bad.slice(bad.indexOf('\r\n\r\n') + 4)).error.code).toBe('MALFORMED_REQUEST');
    });
  });
});

describe('the template', () => {
  it('is the one loaded at start: a worker restarted after the file changed still renders with it, and health says so', async () => {
    const file = join(work, 'mau.docx');
    copyFileSync(DEFAULT_TEMPLATE, file);
    await withServer({ threads: 1, timeoutMs: 1500, templatePath: file, maxBundleDocuments: 1000 }, async (base) => {
      const before = Buffer.from(await (await post(base, '/v1/documents/plan?format=docx', campaign)).arrayBuffer());
      writeFileSync(file, 'not a template any more');
      // Past the time limit: the pool ends the worker at work, and starts another.
      expect((await post(base, '/v1/documents/bundle', withUnits(60))).status).toBe(503);
      const health = (await (await fetch(`${base}/v1/health`)).json()) as { status: string; workers: { threads: number; expected: number } };
      expect(health).toMatchObject({ status: 'ok', workers: { threads: 1, expected: 1 } });
      const data = structuredClone(campaign);
      // Other data, so that the answer is made anew, not taken from the cache.
      data.plan.number = 99;
      // The new worker may still be warming up under the short time limit: a 503 is asked again, anything else is the answer.
      let r = await post(base, '/v1/documents/plan?format=docx', data);
      for (let tries = 0; r.status === 503 && tries < 20; tries++) {
        await new Promise((done) => setTimeout(done, 500));
        r = await post(base, '/v1/documents/plan?format=docx', data);
      }
      expect(r.status).toBe(200);
      expect(r.headers.get('x-cache')).toBe('MISS');
      const after = Buffer.from(await r.arrayBuffer());
      expect(after.length).toBeGreaterThan(before.length / 2);
    });
  }, SLOW);
});

describe('thidua serve options', () => {
  it.each([
    ['--timeout', '2147484'],
    ['--timeout', '-1'],
    ['--timeout', 'abc'],
    ['--body-limit', 'abc'],
    ['--body-limit', '0'],
    ['--port', '70000'],
  ])('%s %s exits 2 naming the option and its range, without a stack trace', (option, value) => {
    const r = spawnSync(process.execPath, ['--import', TSX, CLI, 'serve', option, value], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${option}: cần .* từ \\d+ đến \\d+ / needs an? (integer|number) from \\d+ to \\d+`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('thidua serve: --cors and --api-key-file refused when they cannot be used', () => {
  const keys = mkdtempSync(join(tmpdir(), 'thidua-keys-'));
  afterAll(() => rmSync(keys, { recursive: true, force: true }));
  it.each([
    [['--cors', 'https://xa.example.vn/path'], /^--cors: cần một nguồn dạng https:\/\/ten-mien/],
    [['--api-key-file', join(keys, 'missing.txt')], /^--api-key-file: không đọc được tệp .*missing\.txt \(ENOENT\)/],
    [['--api-key-file', 'short'], /^--api-key-file: .*short dòng 2: khóa cần từ 16 đến 256 ký tự/],
    [['--api-key-file', 'empty'], /^--api-key-file: .*empty không có khóa nào/],
  ])('%j exits 2 saying why', (args, message) => {
    writeFileSync(join(keys, 'short'), '# keys\nabc\n');
    writeFileSync(join(keys, 'empty'), '# none yet\n\n');
    const r = spawnSync(process.execPath, ['--import', TSX, CLI, 'serve', ...args], { cwd: keys, encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
