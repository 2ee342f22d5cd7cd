/**
 * The DOCX as a Word user's machine shows it: LibreOffice opens it and lays
 * it out on as many pages as the PDF, with the same words. CI installs
 * LibreOffice (.ci/run); on a machine without it the test is skipped, except
 * in CI where it must run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxParagraphs, pdfPagesText, renderFixturePlan, withoutPageNumbers, words } from './support/documents.js';

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = hasSoffice();
if (!available && process.env.CI) throw new Error('CI must have LibreOffice (soffice) installed by .ci/run');

describe.skipIf(!available)('the plan DOCX in LibreOffice', () => {
  it('opens, renders the same page count as the PDF, and shows the same words', async () => {
    const { docx, pdfPages } = await renderFixturePlan();
    const dir = mkdtempSync(join(tmpdir(), 'thidua-lo-'));
    writeFileSync(join(dir, 'ke-hoach.docx'), docx);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'ke-hoach.docx')],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const pages = await pdfPagesText(readFileSync(join(dir, 'ke-hoach.pdf')));
    expect(pages).toHaveLength(pdfPages);
    // LibreOffice breaks "2025-2030" after the hyphen, which text extraction turns into two words: compare without spaces.
    const squeeze = (text: string) => words(text).join('');
    expect(squeeze(withoutPageNumbers(pages))).toBe(squeeze(docxParagraphs(docx).join('\n')));
  }, 180_000);
});
