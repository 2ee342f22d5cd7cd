/**
 * Benchmark: per-document DOCX and PDF times for the fixture, and batch
 * throughput (worker threads on all cores) for the fixture and for a
 * synthetic commune of 200 units. Run with `npm run bench`; it prints, it
 * asserts nothing (speed is not a unit test).
 */
import { availableParallelism } from 'node:os';
import { loadCampaign } from '../src/model/load.js';
import type { Campaign, Unit } from '../src/model/schema.js';
import { planView } from '../src/view/plan.js';
import { unitPlanView } from '../src/view/unit-plan.js';
import { DEFAULT_TEMPLATE, loadDocxTemplate, renderDocx } from '../src/render/docx.js';
import { renderPdf } from '../src/render/pdf.js';
import { renderBatch } from '../src/batch/run.js';
import type { DocumentView } from '../src/view/document.js';

const FIXTURE = 'fixtures/kien-minh-2025/campaign.yaml';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SYNTHETIC_UNITS = Number(process.env.BENCH_UNITS ?? 200);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

async function time(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function perDocument(name: string, view: DocumentView): Promise<void> {
  const template = await loadDocxTemplate();
  // One warm-up run: the first PDF pays for font parsing and JIT.
  renderDocx(view, template);
  await renderPdf(view);
  const docx: number[] = [];
  const pdf: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    docx.push(await time(() => renderDocx(view, template)));
    pdf.push(await time(() => renderPdf(view)));
  }
  console.log(`${name.padEnd(40)} DOCX ${ms(median(docx))}   PDF ${ms(median(pdf))}`);
}

async function batch(name: string, campaign: Campaign, plan: boolean): Promise<void> {
  const t = performance.now();
  const result = await renderBatch(campaign, {
    plan,
    units: campaign.units.map((u) => u.id),
    formats: ['docx', 'pdf'],
    templatePath: DEFAULT_TEMPLATE,
  });
  const seconds = (performance.now() - t) / 1000;
  const docs = result.documents.length;
  const pages = result.documents.reduce((n, d) => n + (d.entry.pages ?? 0), 0);
  if (result.failures.length) console.log(`  ${result.failures.length} failed: ${result.failures[0].message}`);
  console.log(
    `${name.padEnd(40)} ${String(docs).padStart(4)} documents, ${String(pages).padStart(5)} pages in ${seconds.toFixed(1)} s: ` +
      `${(docs / seconds).toFixed(1)} documents/s (DOCX + PDF each)`,
  );
}

/** The fixture with its villages multiplied into a commune of `n` units. */
function syntheticCommune(c: Campaign, n: number): Campaign {
  const village = c.units.find((u) => u.kind === 'village')!;
  const units: Unit[] = Array.from({ length: n }, (_, i) => ({
    ...village,
    id: `thon-${i + 1}`,
    name: `Thôn ${i + 1}`,
    abbreviation: `T${i + 1}`,
    header: { ...village.header, lines: [`THÔN ${i + 1}`] },
  }));
  return { ...c, units };
}

const { campaign } = await loadCampaign(FIXTURE);
console.log(`thidua benchmark: ${availableParallelism()} cores, ${RUNS} runs per document (median)\n`);
console.log('Per document, one thread:');
await perDocument('launch plan (ke-hoach)', planView(campaign));
for (const u of campaign.units.slice(0, 3)) await perDocument(`unit plan ${u.id}`, unitPlanView(campaign, u));
console.log('\nBatch on all cores:');
await batch(`fixture (plan + ${campaign.units.length} units)`, campaign, true);
await batch(`synthetic commune (${SYNTHETIC_UNITS} units)`, syntheticCommune(campaign, SYNTHETIC_UNITS), false);
