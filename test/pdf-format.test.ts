/**
 * The PDF against Decree 30, and against the DOCX: same words in the same
 * order, same page size, the embedded Vietnamese-capable font, page numbers
 * from page 2 on, reproducible bytes.
 */
import { describe, expect, it } from 'vitest';
import { docxParagraphs, pdfPagesText, renderFixturePlan, withoutPageNumbers, words } from './support/documents.js';
import { planView } from '../src/view/plan.js';
import { renderPdf } from '../src/render/pdf.js';

const latin1 = (b: Buffer) => b.toString('latin1');

describe('PDF of the plan', () => {
  it('is A4 portrait on every page', async () => {
    const { pdf, pdfPages } = await renderFixturePlan();
    const boxes = [...latin1(pdf).matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
    expect(boxes).toHaveLength(pdfPages);
    for (const [, w, h] of boxes) {
      expect(Number(w)).toBeCloseTo(595.28, 0);
      expect(Number(h)).toBeCloseTo(841.89, 0);
    }
  });

  it('embeds Tinos (Times New Roman metrics, Vietnamese coverage) and no other font', async () => {
    const { pdf } = await renderFixturePlan();
    const fonts = new Set([...latin1(pdf).matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[1]));
    expect([...fonts].sort()).toEqual(['Tinos-Bold', 'Tinos-BoldItalic', 'Tinos-Italic', 'Tinos-Regular']);
    expect(latin1(pdf)).toContain('/FontFile2');
  });

  it('numbers pages from 2 on and not page 1', async () => {
    const { pdf, pdfPages } = await renderFixturePlan();
    const pages = await pdfPagesText(pdf);
    expect(pages).toHaveLength(pdfPages);
    expect(pdfPages).toBeGreaterThan(1);
    expect(pages[0]).not.toMatch(/\n1\s*$/);
    pages.slice(1).forEach((text, i) => expect(text.trim().split('\n').at(-1)).toBe(String(i + 2)));
  });

  it('says the same words in the same order as the DOCX', async () => {
    const { pdf, docx } = await renderFixturePlan();
    const pages = await pdfPagesText(pdf);
    const pdfWords = words(withoutPageNumbers(pages));
    expect(pdfWords).toEqual(words(docxParagraphs(docx).join('\n')));
  });

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
