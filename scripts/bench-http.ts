/**
 * HTTP benchmark: requests per second and p50/p99 latency of the launch
 * plan as DOCX and as PDF, against a server on loopback, for a bounded time.
 * Run with `npm run bench:http`; it prints, it asserts nothing.
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 8) tune it.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { parse } from 'yaml';
import { buildServer } from '../src/server/app.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);

const body = JSON.stringify(parse(readFileSync('fixtures/kien-minh-2025/campaign.yaml', 'utf8')));
const { app } = await buildServer({ logger: false, maxPending: 1000 });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no port');

console.log(`thidua HTTP benchmark: ${CONNECTIONS} connections, ${SECONDS} s per format, loopback\n`);
for (const format of ['docx', 'pdf']) {
  const result = await autocannon({
    url: `http://127.0.0.1:${address.port}/v1/documents/plan?format=${format}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  console.log(
    `plan ${format.toUpperCase().padEnd(4)} ${result.requests.average.toFixed(1).padStart(7)} req/s   ` +
      `p50 ${String(result.latency.p50).padStart(5)} ms   p99 ${String(result.latency.p99).padStart(5)} ms   ` +
      `${result.requests.total} requests${failed ? `, ${failed} failed` : ''}`,
  );
}
await app.close();
