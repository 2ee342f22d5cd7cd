/**
 * One parsed font serves every PDF of a process (src/render/pdf-fonts.ts).
 * What one document leaves in it (glyphs the subsetter made, word layouts)
 * must not change the next: the same document gives the same bytes whatever
 * was rendered before it, and a later document keeps every letter in its
 * extracted text. This file renders its first PDF itself, so the first one is
 * a true first of its process.
 */
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../src/model/load.js';
import { planView } from '../src/view/plan.js';
import { unitPlanView } from '../src/view/unit-plan.js';
import { loadDocxTemplate, renderDocx } from '../src/render/docx.js';
import { renderPdf } from '../src/render/pdf.js';
import { docxParagraphs, FIXTURE, pdfPagesText, withoutPageNumbers, withoutRepeatedHeaders, words } from './support/documents.js';

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
