/**
 * What the renderers reuse across the documents of a thread must not change
 * the next document. One parsed font serves every PDF (src/render/pdf-fonts.ts):
 * what one document leaves in it (glyphs the subsetter made, word layouts)
 * must not change the next: the same document gives the same bytes whatever
 * was rendered before it, and a later document keeps every letter in its
 * extracted text. This file renders its first PDF itself, so the first one is
 * a true first of its process. One compiled Word template serves every DOCX
 * (src/render/docx.ts): each document as from a freshly compiled one.
 */
import { describe, expect, it } from 'vitest';
import { loadAwardForms, loadCampaign, loadResults } from '../src/model/load.js';
import { reportView } from '../src/view/report.js';
import { planView } from '../src/view/plan.js';
import { unitPlanView } from '../src/view/unit-plan.js';
import { loadDocxTemplate, renderDocx } from '../src/render/docx.js';
import { renderPdf } from '../src/render/pdf.js';
import { docxParagraphs, FIXTURE, RESULTS, pdfPagesText, withoutPageNumbers, withoutRepeatedHeaders, words } from './support/documents.js';

describe('PDFs rendered one after another in one process', () => {
  it('give the same bytes as the first, and every later one keeps its full text', async () => {
    const { campaign } = await loadCampaign(FIXTURE);
    const unit = unitPlanView(campaign, campaign.units[0]!);
    const plan = planView(campaign);
    const first = (await renderPdf(unit)).content;
    const later = await renderPdf(plan);
    const again = (await renderPdf(unit)).content;
    expect(again.equals(first)).toBe(true);

    const docx = renderDocx(plan, await loadDocxTemplate());
    const pages = await pdfPagesText(later.content);
    expect(words(withoutPageNumbers(withoutRepeatedHeaders(pages, plan)))).toEqual(words(docxParagraphs(docx).join('\n')));
  });
});

describe('DOCX rendered one after another from one loaded template', () => {
  it('are each byte for byte the DOCX of a freshly compiled template', async () => {
    const { campaign } = await loadCampaign(FIXTURE);
    const forms = await loadAwardForms();
    const { results } = await loadResults(RESULTS, campaign, forms);
    const views = [planView(campaign), unitPlanView(campaign, campaign.units[0]!), reportView(campaign, results, forms), planView(campaign)];
    const shared = await loadDocxTemplate();
    for (const view of views) {
      const reused = renderDocx(view, shared);
      const fresh = renderDocx(view, await loadDocxTemplate());
      expect(reused.equals(fresh), view.fileBase).toBe(true);
    }
  });
});
