/**
 * Every DOCX of the fixture as a Word user's machine shows it: LibreOffice
 * opens it, lays it out on as many pages as our PDF, with the same words, and
 * the pages pass the same Decree 30 ruler checks. CI installs LibreOffice
 * (.ci/run); elsewhere the test is skipped when it is missing, but never in CI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendixPages, checkLineBreaks, docxParagraphs, fixtureDocuments, pdfPagesText, withoutPageNumbers, withoutRepeatedHeaders, words, type Rendered,
} from './support/documents.js';
import { groupRowAtFoot, type GroupRowCase } from './support/group-row.js';
import { loadDocxTemplate, renderDocx } from '../src/render/docx.js';
import { checkFittedCells, checkHeadingBreaks, headerOffCentre, checkRuleClearance, checkPageBreaks, checkPdfLayout, firstLineTop, hasPdftotext, pdfWords, paragraphSpreads } from './support/pdf-layout.js';

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = hasSoffice() && hasPdftotext();
if (!available && process.env.CI) throw new Error('CI must have LibreOffice and poppler installed by .ci/run');

const DOCUMENTS = await fixtureDocuments();
const NAMES = DOCUMENTS.map(([, , name]) => name);

describe.skipIf(!available)('the DOCX files in LibreOffice', () => {
  const rendered = new Map<string, Rendered>();
  const converted = new Map<string, Buffer>();
  let group: GroupRowCase;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-lo-'));
    for (const [, render, name] of DOCUMENTS) {
      const r = await render();
      rendered.set(name, r);
      writeFileSync(join(dir, `${name}.docx`), r.docx);
    }
    // One LibreOffice process converts them all: starting it is most of the cost.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...NAMES.map((n) => join(dir, `${n}.docx`))],
      { stdio: 'ignore', timeout: 300_000 },
    );
    for (const name of NAMES) converted.set(name, readFileSync(join(dir, `${name}.pdf`)));
    // A report with a group row at the foot of a page unless it is kept with the next.
    group = await groupRowAtFoot();
    writeFileSync(join(dir, 'group-row.docx'), renderDocx(group.view, await loadDocxTemplate()));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'group-row.docx')], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    converted.set('group-row', readFileSync(join(dir, 'group-row.pdf')));
  }, 360_000);

  it.each(NAMES)('%s: opens, has the page count of our PDF, shows the same words', async (name) => {
    const r = rendered.get(name)!;
    const pages = await pdfPagesText(converted.get(name)!);
    expect(pages).toHaveLength(r.pdfPages);
    // LibreOffice breaks "2025-2030" after the hyphen, which text extraction turns into two words: compare without spaces.
    const squeeze = (text: string) => words(text).join('');
    expect(squeeze(withoutPageNumbers(withoutRepeatedHeaders(pages, r.view)))).toBe(squeeze(docxParagraphs(r.docx).join('\n')));
  });

  it.each(NAMES)('%s: breaks no line at a dash, inside a symbol or a listed phrase, nor between a number and the word beside it', async (name) => {
    checkLineBreaks(await pdfPagesText(converted.get(name)!));
  });

  it.each(NAMES)('%s: passes the Decree 30 ruler checks as LibreOffice lays it out', (name) => {
    checkPdfLayout(pdfWords(converted.get(name)!), rendered.get(name)!.view, 1.5);
  });

  it.each(NAMES)('%s: draws no rule line touching the text above it', async (name) => {
    const pdf = converted.get(name)!;
    checkRuleClearance(pdf, rendered.get(name)!.view, appendixPages(await pdfPagesText(pdf)));
  });

  it.each(NAMES)('%s: breaks its title and headings where a phrase ends, as our PDF does', (name) => {
    expect(checkHeadingBreaks(pdfWords(converted.get(name)!), rendered.get(name)!.view), 'title and headings found').toBeGreaterThan(1);
  });

  it.each(NAMES)('%s: breaks its pages cleanly, at the places our PDF breaks them', (name) => {
    const r = rendered.get(name)!;
    const spreads = checkPageBreaks(pdfWords(converted.get(name)!), r.view);
    const ours = new Map(paragraphSpreads(pdfWords(r.pdf), r.view).map((s) => [s.block, s.pages]));
    for (const s of spreads) if (ours.has(s.block)) expect(s.pages, `"${s.text.slice(0, 60)}": lines per page`).toEqual(ours.get(s.block));
  });

  // A heading or the closing block moved over to stay with what follows starts its page with no space before, as a flowing one does.
  it.each(NAMES)('%s: starts the text of each page at LibreOffice\'s height, however the page began', (name) => {
    const ours = pdfWords(rendered.get(name)!.pdf);
    const theirs = pdfWords(converted.get(name)!);
    const offsets = ours.slice(1).map((p, i) => firstLineTop(p) - firstLineTop(theirs[i + 1]));
    if (!offsets.length) return;
    expect(Math.max(...offsets) - Math.min(...offsets), `our first line lower than LibreOffice's, page by page: ${offsets.map((o) => o.toFixed(1)).join(', ')}`).toBeLessThan(1.5);
  });

  it('centres the report\'s appendix header cells top to bottom, as our PDF does', () => {
    expect(headerOffCentre(pdfWords(converted.get('bao-cao-tong-ket')!))).toBeLessThan(0.75);
  });

  it('gives a report table\'s cell the room to stand on one line, as our PDF does', () => {
    checkFittedCells({ dongMau: pdfWords(converted.get('xa-dong-mau-2025-bao-cao')!), kienMinh: pdfWords(converted.get('bao-cao-tong-ket')!) });
  });

  it('keeps a table\'s group row with the row after it', () => {
    checkPageBreaks(pdfWords(converted.get('group-row')!), group.view);
  });
});
