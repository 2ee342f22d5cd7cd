/**
 * Every PDF of the fixture against Decree 30, measured on the page (margins,
 * page numbers, header, indents, closing table), and against its DOCX: the
 * same words in the same order. Plus the PDF's own properties: A4, the
 * embedded Vietnamese-capable font, fixed metadata, reproducible bytes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendixPages, checkLineBreaks,
  docxParagraphs, fixtureDocuments, pdfPagesText, renderFamilyDocument, renderFixturePlan, renderFixtureReport, withoutPageNumbers, withoutRepeatedHeaders, words, tablesOf, cellTexts, type Rendered,
} from './support/documents.js';
import { checkFittedCells, checkHeadingBreaks, headerOffCentre, checkRuleClearance, checkPageBreaks, checkPdfLayout, hasPdftotext, pdfWords, recipientContinuations } from './support/pdf-layout.js';
import { groupRowAtFoot } from './support/group-row.js';
import { planView } from '../src/view/plan.js';
import { renderPdf } from '../src/render/pdf.js';

const latin1 = (b: Buffer) => b.toString('latin1');

const poppler = hasPdftotext();
if (!poppler && process.env.CI) throw new Error('CI must have poppler-utils (pdftotext) installed by .ci/run');

const DOCUMENTS = await fixtureDocuments();

describe.each(DOCUMENTS)('%s (PDF)', (_, renderDoc) => {
  let r: Rendered;
  beforeAll(async () => {
    r = await renderDoc();
  });

  it('is A4 on every page: portrait, landscape only for appendix tables', () => {
    const boxes = [...latin1(r.pdf).matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map(([, w, h]) => [Number(w), Number(h)]);
    expect(boxes).toHaveLength(r.pdfPages);
    for (const [w, h] of boxes) {
      expect(Math.min(w, h)).toBeCloseTo(595.28, 0);
      expect(Math.max(w, h)).toBeCloseTo(841.89, 0);
    }
    const landscape = boxes.filter(([w, h]) => w > h).length;
    const wide = r.view.appendices.filter((a) => a.landscape).length;
    if (!wide) expect(landscape).toBe(0);
    else expect(landscape).toBeGreaterThanOrEqual(wide);
    expect(boxes[0][0]).toBeLessThan(boxes[0][1]);
  });

  it('embeds Tinos (Times New Roman metrics, Vietnamese coverage) and no other font', () => {
    const fonts = new Set([...latin1(r.pdf).matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[1]));
    expect([...fonts].every((f) => /^Tinos-(Regular|Bold|Italic|BoldItalic)$/.test(f))).toBe(true);
    expect(fonts.has('Tinos-Regular') && fonts.has('Tinos-Bold')).toBe(true);
    expect(latin1(r.pdf)).toContain('/FontFile2');
  });

  it('says the same words in the same order as the DOCX', async () => {
    const pages = await pdfPagesText(r.pdf);
    expect(pages).toHaveLength(r.pdfPages);
    expect(words(withoutPageNumbers(withoutRepeatedHeaders(pages, r.view)))).toEqual(words(docxParagraphs(r.docx).join('\n')));
  });

  it('breaks no line at a dash, inside a symbol or a listed phrase, nor between a number and the word beside it', async () => {
    checkLineBreaks(await pdfPagesText(r.pdf));
  });

  it.skipIf(!poppler)('keeps the margins, page numbers, header, indents and closing table of Decree 30 on the page', () => {
    checkPdfLayout(pdfWords(r.pdf), r.view);
  });

  it.skipIf(!poppler)('draws no rule line touching the text above it', async () => {
    checkRuleClearance(r.pdf, r.view, appendixPages(await pdfPagesText(r.pdf)));
  });

  it.skipIf(!poppler)('breaks its title and headings where a phrase ends, no line ending "của", "tại", "và"', () => {
    expect(checkHeadingBreaks(pdfWords(r.pdf), r.view), 'title and headings found').toBeGreaterThan(1);
  });

  it.skipIf(!poppler)('leaves no single line of a paragraph at the foot or the top of a page, no heading or group row at the foot', () => {
    checkPageBreaks(pdfWords(r.pdf), r.view);
  });
});

// The layout check sets a wrapped recipient under the words after its dash; these documents have one to check.
describe.each(['cong-an-xa', 'trung-tam-phuc-vu-hanh-chinh-cong'])('PDF of the plan of unit %s', (id) => {
  it.skipIf(!poppler)('has a recipient that wraps, checked by the layout check', async () => {
    const render = DOCUMENTS.find((d) => d[2] === id)![1];
    expect(pdfWords((await render()).pdf).map(recipientContinuations).reduce((a, b) => a + b)).toBeGreaterThan(0);
  });
});

describe('PDF of the launch plan', () => {
  it('carries fixed metadata, so the same input gives the same bytes', async () => {
    const { pdf, view, campaign } = await renderFixturePlan();
    expect(latin1(pdf)).toMatch(/\(D:20250901000000Z\)/);
    const again = await renderPdf(planView(campaign));
    expect(again.content.equals(pdf)).toBe(true);
    expect(view.metadata.author).toBe('Ủy ban nhân dân xã Kiến Minh');
  });

  it('widens only the spaces of justified lines, never the inside of "232/KH-UBND"', async () => {
    const { pdf } = await renderFixturePlan();
    const text = (await pdfPagesText(pdf)).join('\n');
    expect(text).toContain('232/KH-UBND');
    expect(text).toContain('41-CT/TW');
    expect(text).not.toMatch(/232\/ KH/);
  });
});

describe('PDF of the summary report', () => {
  it.skipIf(!poppler)('centres each header cell of its appendix tables top to bottom: "STT" level with the middle of "Đơn vị / tính"', async () => {
    expect(headerOffCentre(pdfWords((await renderFixtureReport()).pdf))).toBeLessThan(0.5);
  });

  it('repeats each appendix table\'s header row at the top of its continuation pages', async () => {
    const r = await renderFixtureReport();
    const pages = await pdfPagesText(r.pdf);
    let header: string | undefined;
    let continued = 0;
    for (const text of pages) {
      const label = /^\s*Phụ lục (I|II)\s*$/m.exec(text.split('\n').slice(0, 2).join('\n'));
      if (label) {
        header = words(tablesOf(r.view.appendices[label[1] === 'I' ? 0 : 1].body)[0].header.flatMap(cellTexts).join(' ')).join(' ');
        continue;
      }
      if (!header) continue;
      expect(words(text).join(' ').startsWith(header)).toBe(true);
      continued++;
    }
    expect(continued).toBeGreaterThanOrEqual(1);
  });
});

describe.skipIf(!poppler)('PDF of the report tables', () => {
  it('gives a cell the little more room it needs to stand on one line, no other cell a line more for it', async () => {
    checkFittedCells({
      dongMau: pdfWords((await renderFamilyDocument('xa-dong-mau-2025', 'report')).pdf),
      kienMinh: pdfWords((await renderFixtureReport()).pdf),
    });
  });
});

describe.skipIf(!poppler)('PDF of a report whose group row falls at the foot of a page', () => {
  it('carries the group row over with the row after it', async () => {
    const c = await groupRowAtFoot();
    // The check sees the fault where nothing keeps the row.
    expect(() => checkPageBreaks(pdfWords(c.loosePdf), c.view)).toThrow(/kept with the row after it/);
    checkPageBreaks(pdfWords((await renderPdf(c.view)).content), c.view);
  });
});
