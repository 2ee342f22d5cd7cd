// A consumer of the packed package, compiled with strict type checking
// (skipLibCheck: false) by test/package.test.ts: it uses the documented API
// only, and prints what it rendered for the test to compare.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InvalidInputError, renderAll, renderPlan, renderReport, renderUnitPlan, validate, type Campaign, type Document, type Problem } from 'thidua';

// The fixture the package ships.
const root = dirname(createRequire(import.meta.url).resolve('thidua/package.json'));
const campaignText = readFileSync(join(root, 'fixtures/kien-minh-2025/campaign.yaml'), 'utf8');
const resultsText = readFileSync(join(root, 'fixtures/kien-minh-2025/ket-qua.yaml'), 'utf8');

const checked: { valid: boolean; problems: Problem[] } = await validate(campaignText, resultsText);
const all = await renderAll(campaignText, resultsText, { formats: ['pdf', 'docx'] });
const plan = await renderPlan(campaignText, { formats: ['pdf'] });
const unit = await renderUnitPlan(campaignText, 'thon-1');
const report = await renderReport(campaignText, resultsText, { formats: ['docx'] });
const sizes = (d: Document) => d.files.map((f) => `${f.name}:${f.format}:${f.content.length}`);

let refused: string[] = [];
try {
  const broken = JSON.parse(JSON.stringify(checked)) as unknown as Campaign;
  await renderPlan(broken);
} catch (e) {
  if (e instanceof InvalidInputError) refused = e.problems.map((p) => p.path);
}

console.log(
  JSON.stringify({
    valid: checked.valid,
    warnings: checked.problems.length,
    documents: all.documents.map((d) => ({ kind: d.kind, unit: d.unit, pages: d.pages, files: sizes(d) })),
    manifest: JSON.parse(all.manifest.toString('utf8')).documents.length,
    plan: plan.document.files.map((f) => f.content.toString('base64')),
    unit: sizes(unit.document),
    report: sizes(report.document),
    refused,
  }),
);
