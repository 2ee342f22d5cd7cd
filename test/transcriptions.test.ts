/**
 * Every document the fixtures have a transcription of says it word for
 * word, in order, with nothing added, in the DOCX and in the PDF alike: the
 * Kiến Minh plan against its source (from the title on: the scan shows no
 * header), each family case against its expected text (the whole document).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FAMILY, docxParagraphs, familyCases, pdfPagesText, renderFamilyDocument, renderFixturePlan, withoutPageNumbers,
  withoutRepeatedHeaders, words, type Rendered,
} from './support/documents.js';
import { transcriptionWords } from './support/transcription.js';
import { existsSync } from 'node:fs';
import { loadAwardForms, loadCampaign, loadResults } from '../src/model/load.js';

const docxWords = (r: Rendered) => words(docxParagraphs(r.docx).join('\n'));
const pdfWordsOf = async (r: Rendered) => words(withoutPageNumbers(withoutRepeatedHeaders(await pdfPagesText(r.pdf), r.view)));

describe('the Kiến Minh 2025 plan against its transcription (fixtures/kien-minh-2025/source.md)', () => {
  const seed = transcriptionWords(join(import.meta.dirname, '../fixtures/kien-minh-2025/source.md'));
  /** From the document type title on, without the signer's position (unknown in the source). */
  const fromTitle = (all: string[]) => all.slice(all.indexOf('KẾ'));

  it('the transcription has the expected shape (sanity of the reader)', () => {
    expect(seed.slice(0, 2)).toEqual(['KẾ', 'HOẠCH']);
    expect(seed.slice(-5)).toEqual(['TM.', 'ỦY', 'BAN', 'NHÂN', 'DÂN']);
    expect(seed.join(' ')).not.toContain('[');
  });

  it('the DOCX says every word of it, in order, then the signer position', async () => {
    const r = await renderFixturePlan();
    expect(fromTitle(docxWords(r))).toEqual([...seed, 'CHỦ', 'TỊCH']);
  });

  it('the PDF says every word of it, in order, then the signer position', async () => {
    const r = await renderFixturePlan();
    expect(fromTitle(await pdfWordsOf(r))).toEqual([...seed, 'CHỦ', 'TỊCH']);
  });

  it('every text of the DOCX is NFC', async () => {
    for (const p of docxParagraphs((await renderFixturePlan()).docx)) expect(p).toBe(p.normalize('NFC'));
  });
});

describe.each(familyCases())('the family case %s against its expected text', (name) => {
  const kind = existsSync(join(FAMILY, name, 'ket-qua.yaml')) ? 'report' : 'plan';
  const expected = transcriptionWords(join(FAMILY, name, 'expected.md'));

  it('the DOCX says every word of it, in order, with nothing added', async () => {
    expect(docxWords(await renderFamilyDocument(name, kind))).toEqual(expected);
  });

  it('the PDF says every word of it, in order, with nothing added', async () => {
    expect(await pdfWordsOf(await renderFamilyDocument(name, kind))).toEqual(expected);
  });

  it('is made-up data, valid with no problem at all (not even a warning)', async () => {
    const { campaign, warnings } = await loadCampaign(join(FAMILY, name, 'campaign.yaml'));
    expect(campaign.sample).toBe(true);
    expect(warnings).toEqual([]);
    if (kind === 'report') {
      const { warnings: w } = await loadResults(join(FAMILY, name, 'ket-qua.yaml'), campaign, await loadAwardForms());
      expect(w).toEqual([]);
    }
  });
});
