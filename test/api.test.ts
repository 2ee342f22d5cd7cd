/**
 * The library's API in this process: what it checks, what it refuses (with
 * every problem, a single unit's included) and that its documents are the
 * bytes the renderers make for the same data.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InvalidInputError, renderAll, renderPlan, renderReport, renderUnitPlan, validate } from '../src/index.js';
import { wideMargins } from './support/restyled-template.js';
import { FIXTURE, RESULTS, renderFixtureReport, renderFixtureUnitPlan } from './support/documents.js';

const campaignText = readFileSync(FIXTURE, 'utf8');
const resultsText = readFileSync(RESULTS, 'utf8');
const campaign = parse(campaignText);

/** The problems an InvalidInputError carries, or a failure if none was thrown. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof InvalidInputError) return e.problems;
    throw e;
  }
  throw new Error('not refused');
}

describe('the library API', () => {
  it('validate: the fixture and its results (as text or data), their sample warnings only', async () => {
    const r = await validate(campaignText, resultsText);
    expect(r.valid).toBe(true);
    expect(r.problems.map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(await validate(campaign)).toEqual({ valid: true, problems: [] });
  });

  it('refuses a campaign of which one unit is wrong, naming the unit, rather than leaving it out', async () => {
    const broken = structuredClone(campaign);
    broken.units[2].kind = 'phòng';
    const v = await validate(broken);
    expect(v.valid).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ path: 'units[2].kind', unit: broken.units[2].id, severity: 'error' })]);
    for (const p of [renderAll(broken), renderPlan(broken), renderUnitPlan(broken, 'thon-1')]) {
      expect(await refusal(p)).toEqual([expect.objectContaining({ path: 'units[2].kind' })]);
    }
  });

  it('refuses text that is no YAML at its line, an unknown unit, and a report without results', async () => {
    expect(await refusal(renderPlan('id: x\nname: [oops\n'))).toEqual([expect.objectContaining({ message_vi: expect.stringMatching(/tại dòng \d+, cột \d+/) })]);
    expect(await refusal(renderUnitPlan(campaign, 'no-such-unit'))).toEqual([expect.objectContaining({ path: 'units', message_en: 'no unit "no-such-unit" in the campaign' })]);
    expect(await refusal(renderReport(campaign, 'campaign: kien-minh-2025\n'))).not.toEqual([]);
  });

  it('renders the same bytes as the renderers, in the formats asked for', async () => {
    const unit = await renderUnitPlan(campaign, 'phong-kinh-te', { formats: ['pdf'] });
    expect(unit.document).toMatchObject({ kind: 'unit-plan', unit: 'phong-kinh-te', pages: (await renderFixtureUnitPlan('phong-kinh-te')).pdfPages });
    expect(unit.document.files.map((f) => [f.name, f.format])).toEqual([['don-vi/phong-kinh-te.pdf', 'pdf']]);
    expect(unit.document.files[0].content.equals((await renderFixtureUnitPlan('phong-kinh-te')).pdf)).toBe(true);
    const report = await renderReport(campaign, resultsText, { formats: ['docx'] });
    expect(report.document.files[0].content.equals((await renderFixtureReport()).docx)).toBe(true);
    expect(report.problems).toHaveLength(2);
  });

  it('renderAll: every document and the manifest `thidua all` writes', async () => {
    const all = await renderAll(campaign, resultsText, { formats: ['docx'] });
    expect(all.documents.map((d) => d.kind)).toEqual(['plan', ...campaign.units.map(() => 'unit-plan'), 'summary']);
    const manifest = JSON.parse(all.manifest.toString('utf8'));
    expect(manifest.documents.map((d: { files: { docx: string } }) => d.files.docx)).toEqual(all.documents.map((d) => d.files[0].name));
  });

  it('checks the fit of the lines with the template given: its margins narrow the signer\'s column', async () => {
    const template = join(mkdtempSync(join(tmpdir(), 'thidua-api-')), 'le-rong.docx');
    writeFileSync(template, wideMargins());
    const c = structuredClone(campaign);
    c.plan.signer.position = 'PHÓ CHỦ TỊCH THƯỜNG TRỰC ỦY BA';
    const position = (r: { problems: { path: string }[] }) => r.problems.filter((p) => p.path === 'plan.signer.position');
    expect(position(await validate(c))).toEqual([]);
    expect(position(await validate(c, undefined, { template }))).toEqual([expect.objectContaining({ severity: 'error', message_en: expect.stringMatching(/wider than its [\d,]+ cm column/) })]);
    expect(position({ problems: await refusal(renderPlan(c, { template, formats: ['docx'] })) })).toHaveLength(1);
    expect((await renderPlan(c, { formats: ['docx'] })).document.files).toHaveLength(1);
  });
});
