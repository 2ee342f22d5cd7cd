/**
 * The generated plan carries the reference transcription word for word,
 * number for number and in order, in the DOCX and in the PDF alike.
 */
import { describe, expect, it } from 'vitest';
import { docxParagraphs, pdfPagesText, renderFixturePlan, seedWords, withoutPageNumbers, words } from './support/documents.js';

/** Words from the document type title on, without the signer's position (unknown in the seed). */
function fromTitle(all: string[]): string[] {
  const start = all.indexOf('KẾ');
  expect(start).toBeGreaterThan(0);
  return all.slice(start);
}

describe('the Kiến Minh 2025 plan against the reference transcription', () => {
  it('the seed has the expected shape (sanity of the reader)', () => {
    const seed = seedWords();
    expect(seed.slice(0, 2)).toEqual(['KẾ', 'HOẠCH']);
    expect(seed.slice(-5)).toEqual(['TM.', 'ỦY', 'BAN', 'NHÂN', 'DÂN']);
    expect(seed.join(' ')).not.toContain('[');
  });

  it('the DOCX says every word of the seed, in order, then the signer position', async () => {
    const { docx } = await renderFixturePlan();
    const got = fromTitle(words(docxParagraphs(docx).join('\n')));
    expect(got).toEqual([...seedWords(), 'CHỦ', 'TỊCH']);
  });

  it('the PDF says every word of the seed, in order, then the signer position', async () => {
    const { pdf } = await renderFixturePlan();
    const pages = await pdfPagesText(pdf);
    expect(fromTitle(words(withoutPageNumbers(pages)))).toEqual([...seedWords(), 'CHỦ', 'TỊCH']);
  });

  it('every text of the DOCX is NFC', async () => {
    const { docx } = await renderFixturePlan();
    for (const p of docxParagraphs(docx)) expect(p).toBe(p.normalize('NFC'));
  });
});
