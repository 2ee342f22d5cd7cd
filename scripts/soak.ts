/**
 * Soak test (`npm run soak`: builds, then runs; it asserts nothing, it
 * prints): `thidua serve` in a process of its own on loopback, held for
 * SOAK_SECONDS (30) by SOAK_CLIENTS (12) clients sending a mix of requests:
 * validations, plan and unit-plan DOCX and PDF (half with data of their own,
 * so not answered from the cache), bundles, and hostile bodies (malformed
 * JSON, a duplicate key, nesting 50,000 deep, a figure of 100,000 digits, a
 * thousand mistakes, a body over the limit, a URL too long). Meanwhile
 * /v1/health is asked every 200 ms. Printed: requests held, statuses,
 * p50/p99 latency of each kind, health latency under load, and the server's
 * memory (resident set) before, after and at its peak. A body over the
 * limit is answered 413 as soon as its length is known, and the connection
 * closed: a client still sending sees it closed ("closed") rather than the 413.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
const FIXTURE = join(ROOT, 'fixtures/kien-minh-2025/campaign.yaml');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 30);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 12);

const campaign = parse(readFileSync(FIXTURE, 'utf8'));
const results = parse(readFileSync(join(FIXTURE, '..', 'ket-qua.yaml'), 'utf8'));
const units: string[] = campaign.units.map((u: { id: string }) => u.id);

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

/** The server's resident set now and at its peak, kB (Linux). */
function memory(pid: number): { rss?: number; peak?: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1]);
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return {};
  }
}

let fresh = 0;
/** The fixture with a number of its own: other data, so no cached answer. */
const freshCampaign = () => ({ ...structuredClone(campaign), plan: { ...campaign.plan, number: 100 + (++fresh % 900) } });

interface Kind {
  name: string;
  weight: number;
  request: () => { path: string; body?: string; method?: string };
}

const json = (v: unknown) => JSON.stringify(v);
const campaignText = json(campaign);
const KINDS: Kind[] = [
  { name: 'validate', weight: 15, request: () => ({ path: '/v1/validate', body: json({ campaign, results }) }) },
  { name: 'plan docx', weight: 15, request: () => ({ path: '/v1/documents/plan?format=docx', body: fresh % 2 ? json(freshCampaign()) : campaignText }) },
  { name: 'plan pdf', weight: 15, request: () => ({ path: '/v1/documents/plan?format=pdf', body: fresh % 2 ? json(freshCampaign()) : campaignText }) },
  {
    name: 'unit pdf',
    weight: 15,
    request: () => ({ path: `/v1/documents/unit-plan?format=pdf&unit=${units[fresh % units.length]}`, body: json(freshCampaign()) }),
  },
  { name: 'summary pdf', weight: 5, request: () => ({ path: '/v1/documents/summary?format=pdf', body: json({ campaign: freshCampaign(), results }) }) },
  { name: 'bundle', weight: 3, request: () => ({ path: '/v1/documents/bundle', body: json({ campaign: freshCampaign(), results }) }) },
  { name: 'malformed', weight: 4, request: () => ({ path: '/v1/documents/plan', body: '{"id": "kien-minh-2025",' }) },
  { name: 'duplicate key', weight: 4, request: () => ({ path: '/v1/validate', body: campaignText.replace('"id":', '"id":"x","id":') }) },
  { name: 'deep nesting', weight: 3, request: () => ({ path: '/v1/validate', body: `${'['.repeat(50_000)}${']'.repeat(50_000)}` }) },
  {
    name: 'huge figure',
    weight: 3,
    request: () => {
      const d = structuredClone(campaign);
      d.plan.body[2].body[1].body[0].body[0].indicators[1].items[0].target = '9'.repeat(100_000);
      return { path: '/v1/documents/plan?format=pdf', body: json(d) };
    },
  },
  {
    name: '1000 mistakes',
    weight: 3,
    request: () => ({ path: '/v1/validate', body: json({ ...campaign, issuer: { ...campaign.issuer, parent: Array(1000).fill('ủy ban') } }) }),
  },
  { name: 'over body limit', weight: 2, request: () => ({ path: '/v1/validate', body: `"${'x'.repeat(6 * 1024 * 1024)}"` }) },
  { name: 'long URL', weight: 2, request: () => ({ path: `/v1/health?${'a'.repeat(20_000)}`, method: 'GET' }) },
];
const totalWeight = KINDS.reduce((s, k) => s + k.weight, 0);
function pick(i: number): Kind {
  let x = (i * 7919) % totalWeight;
  for (const k of KINDS) {
    if (x < k.weight) return k;
    x -= k.weight;
  }
  return KINDS[0];
}

const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] : NaN);
const ms = (x: number) => (Number.isNaN(x) ? 'n/a' : `${Math.round(x)} ms`);
const mb = (kb?: number) => (kb === undefined || Number.isNaN(kb) ? 'n/a' : `${Math.round(kb / 1024)} MB`);

async function main(): Promise<void> {
  const port = await freePort();
  const server = spawn(process.execPath, [CLI, 'serve', '--port', String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(`${base}/v1/health`).then((r) => r.ok, () => false)) break;
    if (i > 200) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const before = memory(server.pid!);
  const latencies = new Map<string, number[]>();
  const statuses = new Map<string, Map<number, number>>();
  let held = 0;
  const until = performance.now() + SECONDS * 1000;
  let n = 0;
  const client = async () => {
    while (performance.now() < until) {
      const kind = pick(n++);
      const { path, body, method } = kind.request();
      const t = performance.now();
      const status = await fetch(`${base}${path}`, {
        method: method ?? 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body,
      }).then(
        async (r) => {
          await r.arrayBuffer();
          return r.status;
        },
        () => 0,
      );
      held++;
      (latencies.get(kind.name) ?? latencies.set(kind.name, []).get(kind.name)!).push(performance.now() - t);
      const counts = statuses.get(kind.name) ?? statuses.set(kind.name, new Map()).get(kind.name)!;
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
  };
  const health: number[] = [];
  let healthBad = 0;
  const poll = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      const ok = await fetch(`${base}/v1/health`).then((r) => r.ok, () => false);
      health.push(performance.now() - t);
      if (!ok) healthBad++;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  await Promise.all([...Array.from({ length: CLIENTS }, client), poll()]);
  const after = memory(server.pid!);
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));

  console.log(`thidua serve, ${SECONDS} s, ${CLIENTS} clients on loopback: ${held} requests held (${(held / SECONDS).toFixed(1)} a second)\n`);
  console.log(`${'request'.padEnd(17)}${'count'.padStart(6)}  ${'p50'.padStart(8)}  ${'p99'.padStart(8)}  statuses`);
  for (const k of KINDS) {
    const l = latencies.get(k.name) ?? [];
    const s = [...(statuses.get(k.name) ?? new Map())].sort(([a], [b]) => a - b).map(([code, c]) => `${code || 'closed'}×${c}`).join(' ');
    console.log(`${k.name.padEnd(17)}${String(l.length).padStart(6)}  ${ms(quantile(l, 0.5)).padStart(8)}  ${ms(quantile(l, 0.99)).padStart(8)}  ${s}`);
  }
  console.log(`\n/v1/health under load: ${health.length} asked, p50 ${ms(quantile(health, 0.5))}, p99 ${ms(quantile(health, 0.99))}, max ${ms(Math.max(...health))}, not ok ${healthBad}`);
  console.log(`server memory (resident): before ${mb(before.rss)}, after ${mb(after.rss)}, peak ${mb(after.peak)}`);
}

await main();
