/**
 * The template is the layout: a clerk's restyled template (the body in
 * 13 pt, wider margins, the date line to the right) changes the PDF as it
 * changes the DOCX. For each restyle, the plan and a unit plan are made as
 * DOCX and PDF; LibreOffice lays the DOCX out; both have the same pages,
 * the same words, and break each paragraph across pages at the same lines.
 * The package's own template gives back exactly the defaults it was made
 * from, so its documents stay byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import PizZip from 'pizzip';
import { DEFAULT_TEMPLATE, docxTemplate, renderDocx, type DocxTemplate } from '../src/render/docx.js';
import { renderPdf } from '../src/render/pdf.js';
import { templateLayout } from '../src/docx/template-layout.js';
import { DEFAULT_LAYOUT, layout, mmToPt, useLayout } from '../src/layout.js';
import { loadCampaign } from '../src/model/load.js';
import { planView } from '../src/view/plan.js';
import { unitPlanView } from '../src/view/unit-plan.js';
import type { DocumentView } from '../src/view/document.js';
import { FIXTURE, docxParagraphs, pdfPagesText, withoutPageNumbers, withoutRepeatedHeaders, words } from './support/documents.js';
import { inStyle, restyled, wideMargins } from './support/restyled-template.js';
import { hasPdftotext, paragraphSpreads, pdfWords, sizeOf } from './support/pdf-layout.js';

const RESTYLES: [string, () => Buffer][] = [
  ['the body in 13 pt', () => restyled((s, d) => [inStyle(s, 'TDBody', (x) => x.replace(/w:val="28"/g, 'w:val="26"').replace('w:line="340"', 'w:line="320"')), d])],
  ['margins of 25, 25, 35 and 20 mm', wideMargins],
  ['the date line to the right, upright headings of clauses', () =>
    restyled((s, d) => [inStyle(inStyle(s, 'TDPlaceDate', (x) => x.replace('<w:jc w:val="center"/>', '<w:jc w:val="right"/>')), 'TDClause', (x) => x.replace('<w:b/><w:bCs/>', '')), d])],
];

const soffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return hasPdftotext();
  } catch {
    return false;
  }
})();
if (!soffice && process.env.CI) throw new Error('CI must have LibreOffice and poppler installed by .ci/run');

interface Made {
  view: DocumentView;
  docx: Buffer;
  pdf: Buffer;
  pages: number;
  libre?: Buffer;
}

async function make(template: DocxTemplate, view: () => DocumentView): Promise<Made> {
  useLayout(template.layout);
  const v = view();
  const pdf = await renderPdf(v);
  return { view: v, docx: renderDocx(v, template), pdf: pdf.content, pages: pdf.pages };
}

describe('the template is the layout', () => {
  it('the package\'s template gives back exactly the layout it was made from', () => {
    expect(isDeepStrictEqual(templateLayout(new PizZip(readFileSync(DEFAULT_TEMPLATE))), DEFAULT_LAYOUT)).toBe(true);
  });

  it('reads a restyle: sizes, margins, alignment and emphasis', () => {
    const [body, margins, date] = RESTYLES.map(([, b]) => docxTemplate('restyled.docx', b()).layout);
    expect(body.styles.body).toMatchObject({ size: 13, line: 16 });
    expect(body.styles.section.size).toBe(14);
    expect(margins.page.margin).toEqual({ top: 25, bottom: 25, left: 35, right: 20 });
    expect(date.styles.placeDate.align).toBe('right');
    expect(date.styles.clause.bold).toBe(false);
    const thick = docxTemplate('thick.docx', restyled((s, d) => [inStyle(s, 'TDRule', (x) => x.replace('w:sz="4"', 'w:sz="8"')), d])).layout;
    expect(thick.rule).toEqual({ width: 1, offset: 3, gap: 2 });
  });
});

describe.skipIf(!soffice)('a restyled template in LibreOffice and in the PDF', () => {
  const made = new Map<string, Made>();
  let defaultPages: Record<string, number>;

  beforeAll(async () => {
    const { campaign } = await loadCampaign(FIXTURE);
    const unit = campaign.units.find((u) => u.id === 'phong-kinh-te')!;
    const documents: [string, () => DocumentView][] = [
      ['ke-hoach', () => planView(campaign)],
      ['phong-kinh-te', () => unitPlanView(campaign, unit)],
    ];
    const base = docxTemplate('van-ban.docx', readFileSync(DEFAULT_TEMPLATE));
    defaultPages = {};
    for (const [name, view] of documents) defaultPages[name] = (await make(base, view)).pages;
    const dir = mkdtempSync(join(tmpdir(), 'thidua-restyle-'));
    for (const [i, [, bytes]] of RESTYLES.entries()) {
      const template = docxTemplate(`restyle-${i}.docx`, bytes());
      for (const [name, view] of documents) {
        const m = await make(template, view);
        made.set(`${i}/${name}`, m);
        writeFileSync(join(dir, `${i}-${name}.docx`), m.docx);
      }
    }
    // Back to the package's layout for whatever runs next in this thread.
    useLayout(base.layout);
    const files = [...made.keys()].map((k) => join(dir, `${k.replace('/', '-')}.docx`));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'ignore', timeout: 300_000 });
    for (const k of made.keys()) made.get(k)!.libre = readFileSync(join(dir, `${k.replace('/', '-')}.pdf`));
  }, 360_000);

  const cases = RESTYLES.flatMap(([what], i) => ['ke-hoach', 'phong-kinh-te'].map((name) => [what, name, `${i}/${name}`] as const));

  it.each(cases)('%s, %s: the PDF has the pages and words LibreOffice shows of the DOCX', async (_, __, key) => {
    const m = made.get(key)!;
    const pages = await pdfPagesText(m.libre!);
    expect(pages).toHaveLength(m.pages);
    const squeeze = (text: string) => words(text).join('');
    expect(squeeze(withoutPageNumbers(withoutRepeatedHeaders(pages, m.view)))).toBe(squeeze(docxParagraphs(m.docx).join('\n')));
  });

  it.each(cases)('%s, %s: each paragraph breaks across pages at the same line in both', (_, __, key) => {
    const m = made.get(key)!;
    const ours = new Map(paragraphSpreads(pdfWords(m.pdf), m.view).map((s) => [s.block, s.pages]));
    for (const s of paragraphSpreads(pdfWords(m.libre!), m.view)) if (ours.has(s.block)) expect(s.pages, `"${s.text.slice(0, 60)}": lines per page`).toEqual(ours.get(s.block));
  });

  it('the restyle shows in the PDF: the body in 13 pt, the text 35 mm from the left edge', () => {
    const body = made.get('0/ke-hoach')!;
    const sizes = pdfWords(body.pdf).flatMap((p) => p.words.map(sizeOf));
    const near = (pt: number) => sizes.filter((s) => Math.abs(s - pt) < 0.3).length;
    expect(near(13)).toBeGreaterThan(near(14));
    for (const [key, mm] of [['1/ke-hoach', 35], ['0/ke-hoach', 30]] as const) {
      const second = pdfWords(made.get(key)!.pdf)[1];
      const left = Math.min(...second.words.map((w) => w.xMin)) / (second.width / mmToPt(210));
      expect(Math.abs(left - mmToPt(mm)), key).toBeLessThan(1.5);
    }
    expect(defaultPages['ke-hoach']).toBe(6);
    // The package's layout again, for what runs next in this thread.
    expect(layout.page.margin.left).toBe(30);
  });
});
