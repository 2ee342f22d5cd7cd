/**
 * Benchmark, side by side on this machine, in one run (`npm run bench`: it
 * builds first, then prints; it asserts nothing, speed is not a unit test):
 *
 * 1. a cold `thidua all` of the Kiến Minh set, DOCX and PDF (median of 5,
 *    `node dist/cli.js`, from the startup snapshot the build made, then
 *    without it), against LibreOffice converting the same DOCX files
 *    to PDF in one `soffice` call (median of 3, its profile made beforehand);
 * 2. warm CPU time of one DOCX and one PDF of the plan, a unit plan, the report;
 * 3. a 200-unit commune rendered as one batch: documents a second, CPU share;
 * 4. HTTP, after a short warm-up: requests a second and p50/p99 latency, PDF
 *    and DOCX, each request with other data (so none is a cache hit), then
 *    the same data (all hits).
 *
 * Each part runs in a process of its own, whose peak memory (resident set,
 * worker threads included) is printed beside it. BENCH_RUNS, BENCH_UNITS,
 * BENCH_SECONDS and BENCH_CONNECTIONS tune it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
const FIXTURE = join(ROOT, 'fixtures/kien-minh-2025/campaign.yaml');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const UNITS = Number(process.env.BENCH_UNITS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
/** Prints a process's peak resident set as it exits (worker threads share it). */
const PEAK = `data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>writeSync(2,'\\npeak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pad = (s: string, n: number) => s.padEnd(n);
const mb = (kb: number | undefined) => (kb === undefined ? 'n/a' : `${Math.round(kb / 1024)} MB`);
const peakOf = (stderr: string): number | undefined => {
  const m = /peak-rss-kb (\d+)/.exec(stderr);
  return m ? Number(m[1]) : undefined;
};

/** Run a command; its wall time (s) and peak memory (KB, GNU time's, when installed). */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { seconds: number; peakKb?: number } {
  const gnuTime = existsSync('/usr/bin/time');
  const t = performance.now();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb %M', cmd, ...args], { encoding: 'utf8', env })
    : spawnSync(cmd, args, { encoding: 'utf8', env });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return { seconds, peakKb: peakOf(r.stderr) };
}

/** `thidua all` of the fixture, RUNS times; `snapshot: false` loads the modules as without the startup snapshot. */
function coldAll(snapshot: boolean): { seconds: number; peakKb?: number; docx: string[]; out: string } {
  const out = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  const env = { ...process.env, THIDUA_SNAPSHOT: snapshot ? '1' : '0' };
  const runs = Array.from({ length: RUNS }, () => {
    rmSync(out, { recursive: true, force: true });
    return timed(process.execPath, [CLI, 'all', FIXTURE, '--out', out], env);
  });
  const docx = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.docx')).map((f) => join(out, f));
  return { seconds: median(runs.map((r) => r.seconds)), peakKb: Math.max(...runs.map((r) => r.peakKb ?? 0)) || undefined, docx, out };
}

function libreOffice(docx: string[]): { seconds: number; peakKb?: number } | undefined {
  if (spawnSync('soffice', ['--version']).status !== 0) return undefined;
  const profile = mkdtempSync(join(tmpdir(), 'thidua-bench-lo-'));
  const out = mkdtempSync(join(tmpdir(), 'thidua-bench-lo-out-'));
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docx];
  // The first call makes LibreOffice's profile: not counted.
  timed('soffice', args);
  const runs = Array.from({ length: 3 }, () => timed('soffice', args));
  const made = readdirSync(out).filter((f) => f.endsWith('.pdf')).length;
  if (made !== new Set(docx.map((d) => d.split('/').pop())).size) throw new Error(`LibreOffice made ${made} PDFs of ${docx.length}`);
  rmSync(profile, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  return { seconds: median(runs.map((r) => r.seconds)), peakKb: Math.max(...runs.map((r) => r.peakKb ?? 0)) || undefined };
}

/** A part run in a child process of its own (this script with --part), its output and peak memory. */
function part(name: string): { lines: string; peakKb?: number } {
  const r = spawnSync(process.execPath, ['--import', PEAK, '--import', 'tsx', fileURLToPath(import.meta.url), '--part', name], {
    encoding: 'utf8',
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`part ${name} failed:\n${r.stderr}`);
  return { lines: r.stdout.trimEnd(), peakKb: peakOf(r.stderr) };
}

// ---- parts, each in its own process; they import the built code ----

type Built = {
  load: typeof import('../src/model/load.js');
  plan: typeof import('../src/view/plan.js');
  unit: typeof import('../src/view/unit-plan.js');
  report: typeof import('../src/view/report.js');
  docx: typeof import('../src/render/docx.js');
  pdf: typeof import('../src/render/pdf.js');
  batch: typeof import('../src/batch/run.js');
};

async function built(): Promise<Built> {
  const at = (p: string) => import(join(ROOT, 'dist', p));
  return {
    load: await at('model/load.js'),
    plan: await at('view/plan.js'),
    unit: await at('view/unit-plan.js'),
    report: await at('view/report.js'),
    docx: await at('render/docx.js'),
    pdf: await at('render/pdf.js'),
    batch: await at('batch/run.js'),
  };
}

/** CPU time of a call (its promise awaited), ms. */
const cpuMs = async (f: () => unknown): Promise<number> => {
  const before = process.cpuUsage();
  await f();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
};

async function warmPart(): Promise<void> {
  const b = await built();
  const { campaign } = await b.load.loadCampaign(FIXTURE);
  const forms = await b.load.loadAwardForms();
  const { results } = await b.load.loadResults(join(ROOT, 'fixtures/kien-minh-2025/ket-qua.yaml'), campaign, forms);
  const template = await b.docx.loadDocxTemplate();
  const views = [
    ['launch plan (ke-hoach)', b.plan.planView(campaign)],
    [`unit plan (${campaign.units[0].id})`, b.unit.unitPlanView(campaign, campaign.units[0])],
    ['summary report (bao-cao-tong-ket)', b.report.reportView(campaign, results, forms)],
  ] as const;
  // Warmed up on every document first: what a worker or the service has done before.
  for (let i = 0; i < 10; i++) for (const [, v] of views) (b.docx.renderDocx(v, template), await b.pdf.renderPdf(v));
  for (const [name, view] of views) {
    const docx: number[] = [];
    const pdf: number[] = [];
    for (let i = 0; i < 20; i++) {
      docx.push(await cpuMs(() => b.docx.renderDocx(view, template)));
      pdf.push(await cpuMs(() => b.pdf.renderPdf(view)));
    }
    console.log(`  ${pad(name, 42)} DOCX ${median(docx).toFixed(1).padStart(6)} ms   PDF ${median(pdf).toFixed(1).padStart(6)} ms`);
  }
}

async function batchPart(): Promise<void> {
  const b = await built();
  const { campaign: c } = await b.load.loadCampaign(FIXTURE);
  const village = c.units.find((u) => u.kind === 'village')!;
  const units = Array.from({ length: UNITS }, (_, i) => ({
    ...village,
    id: `thon-${i + 1}`,
    name: `Thôn ${i + 1}`,
    abbreviation: `T${i + 1}`,
    header: { ...village.header, lines: [`THÔN ${i + 1}`] },
  }));
  const campaign = { ...c, units };
  const template = await b.docx.loadDocxTemplate();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await b.batch.renderBatch(campaign, { plan: false, units: units.map((u) => u.id), formats: ['docx', 'pdf'], template });
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const share = (used.user + used.system) / 1e6 / (seconds * availableParallelism());
  if (r.failures.length) throw new Error(r.failures[0].message);
  console.log(
    `  ${UNITS} unit plans, DOCX + PDF each: ${r.documents.length} documents in ${seconds.toFixed(1)} s = ` +
      `${(r.documents.length / seconds).toFixed(1)} documents/s, CPU ${(share * 100).toFixed(0)} % of ${availableParallelism()} cores`,
  );
}

// ---- HTTP: a server in a process of its own, loaded from here ----

async function http(): Promise<{ lines: string[]; peakKb?: number }> {
  const server = spawn(process.execPath, ['--import', PEAK, CLI, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  server.stdout.on('data', (d) => (out += String(d)));
  server.stderr.on('data', (d) => (err += String(d)));
  const exited = new Promise<void>((r) => server.on('exit', () => r()));
  const base = await new Promise<string>((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`the server did not start: ${out}${err}`)), 60_000);
    server.stdout.on('data', () => {
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) (clearTimeout(t), ok(m[1]));
    });
  });
  const campaign = parse(readFileSync(FIXTURE, 'utf8'));
  // Other data each time (the plan's number, never the same twice), so the cache answers nothing; or the same data, so it answers all.
  let n = 10;
  const load = (format: string, fresh: boolean, duration: number) => {
    const body = () => JSON.stringify(fresh ? { ...campaign, plan: { ...campaign.plan, number: String(++n) } } : campaign);
    return autocannon({
      url: `${base}/v1/documents/plan?format=${format}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      connections: CONNECTIONS,
      duration,
      requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
    });
  };
  // Warmed up first, as a running service is: its workers' first documents pay for JIT compiling.
  await load('pdf', true, 3);
  await load('docx', true, 2);
  const lines: string[] = [];
  for (const [format, fresh] of [['pdf', true], ['docx', true], ['pdf', false], ['docx', false]] as const) {
    const result = await load(format, fresh, SECONDS);
    const failed = result.non2xx + result.errors + result.timeouts;
    lines.push(
      `  plan ${format.toUpperCase().padEnd(4)} ${fresh ? 'other data each time' : 'same data (cached)  '} ` +
        `${result.requests.average.toFixed(1).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(5)} ms   ` +
        `p99 ${String(result.latency.p99).padStart(5)} ms   ${result.requests.total} requests${failed ? `, ${failed} failed` : ''}`,
    );
  }
  server.kill('SIGTERM');
  await exited;
  return { lines, peakKb: peakOf(err) };
}

// ---- the run ----

const partIndex = process.argv.indexOf('--part');
if (partIndex >= 0) {
  const name = process.argv[partIndex + 1];
  if (name === 'warm') await warmPart();
  else if (name === 'batch') await batchPart();
  else throw new Error(`no part ${name}`);
} else {
  if (!existsSync(CLI)) throw new Error('no dist/cli.js: run `npm run bench`, which builds first');
  const node = process.version;
  console.log(`thidua benchmark: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), Node ${node}\n`);

  console.log('Cold `thidua all` of Kiến Minh (17 documents, DOCX and PDF) against LibreOffice (the same 17 DOCX to PDF, one call):');
  const snapshot = existsSync(join(ROOT, 'dist/snapshot/thidua.blob'));
  const all = coldAll(true);
  console.log(`  ${pad(`node dist/cli.js all (median of ${RUNS})${snapshot ? ', startup snapshot' : ', no snapshot built'}`, 44)} ${all.seconds.toFixed(2).padStart(6)} s   peak ${mb(all.peakKb)}`);
  if (snapshot) {
    const loading = coldAll(false);
    console.log(`  ${pad('  the same, THIDUA_SNAPSHOT=0 (modules loaded)', 44)} ${loading.seconds.toFixed(2).padStart(6)} s   peak ${mb(loading.peakKb)}`);
    rmSync(loading.out, { recursive: true, force: true });
  }
  const lo = libreOffice(all.docx);
  if (lo) {
    console.log(`  ${pad('soffice --convert-to pdf (median of 3)', 44)} ${lo.seconds.toFixed(2).padStart(6)} s   peak ${mb(lo.peakKb)}`);
    console.log(`  thidua takes ${(all.seconds / lo.seconds).toFixed(2)} × LibreOffice's time (and writes the DOCX too)`);
  } else {
    console.log('  LibreOffice (soffice) not installed: scripts/install-system-deps.sh installs it');
  }
  rmSync(all.out, { recursive: true, force: true });

  console.log('\nWarm, one thread, CPU time of one document (median of 20, after 10 of each):');
  const warm = part('warm');
  console.log(`${warm.lines}\n  peak ${mb(warm.peakKb)}`);

  console.log(`\nA commune of ${UNITS} units as one batch (\`thidua units\`' renderer, after loading):`);
  const batch = part('batch');
  console.log(`${batch.lines}\n  peak ${mb(batch.peakKb)}`);

  console.log(`\nHTTP, \`thidua serve\` on loopback (warmed up 5 s), ${CONNECTIONS} connections, ${SECONDS} s each:`);
  const h = await http();
  console.log(`${h.lines.join('\n')}\n  server peak ${mb(h.peakKb)}`);
}
