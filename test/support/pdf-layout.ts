/**
 * Where the words of a PDF stand on its pages (poppler's `pdftotext -bbox`),
 * and the Decree 30 checks a reader makes with a ruler: margins, page
 * numbers, header positions and sizes, indents, justification, the closing
 * table. Used for our PDFs and for the DOCX as LibreOffice lays it out.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Block, DocumentView, RowView, TextBlock } from '../../src/view/document.js';
import { breakWords, typeset } from '../../src/phrases/typeset.js';
import { typographicQuotes } from '../../src/format/text.js';

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Page {
  width: number;
  height: number;
  words: Word[];
}

const PT = 72 / 25.4;
/** A text without its spaces (no-break ones included), to compare line breaks apart. */
export const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** A heading of the body: a section, clause or subclause. */
const isHeading = (b: Block): b is TextBlock & { role: 'section' | 'clause' | 'subclause' } => b.role === 'section' || b.role === 'clause' || b.role === 'subclause';
const MARGIN = { top: 20 * PT, bottom: 20 * PT, left: 30 * PT, right: 15 * PT };
/**
 * Glyph box height per point of size. It depends on the ascent and descent
 * the producer wrote for the font, so it is measured per document: most
 * words are body text, 14 pt.
 */
const TINOS_BOX = 2268 / 2048;
let boxPerPt = TINOS_BOX;

function calibrate(pages: Page[]): void {
  const counts = new Map<number, number>();
  for (const w of pages.flatMap((p) => p.words)) {
    const h = Math.round((w.yMax - w.yMin) * 10) / 10;
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const [mode] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  boxPerPt = mode / 14;
}
const LEFT_SHARE_RANGE = [0.38, 0.46];

export function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function pdfWords(pdf: Buffer): Page[] {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bbox-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const html = execFileSync('pdftotext', ['-bbox', join(dir, 'in.pdf'), '-'], { encoding: 'utf8' });
    return html.split('<page ').slice(1).map((chunk) => {
      const num = (name: string, s: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(s)![1]);
      const words = [...chunk.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((m) => ({
        text: m[2].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
        xMin: num('xMin', m[1]),
        yMin: num('yMin', m[1]),
        xMax: num('xMax', m[1]),
        yMax: num('yMax', m[1]),
      }));
      return { width: num('width', chunk), height: num('height', chunk), words };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Font size of a word, from its glyph box. */
export const sizeOf = (w: Word): number => (w.yMax - w.yMin) / boxPerPt;

/** Words grouped into lines by their top edge, top to bottom. */
export function lines(page: Page): Word[][] {
  const sorted = [...page.words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const out: Word[][] = [];
  for (const w of sorted) {
    const line = out.find((l) => Math.abs(l[0].yMin - w.yMin) < 1.5 && Math.abs(l[0].yMax - w.yMax) < 1.5);
    if (line) line.push(w);
    else out.push([w]);
  }
  return out.map((l) => l.sort((a, b) => a.xMin - b.xMin));
}

/** Every line of the pages as text, its words joined by single spaces (the cells of a table row side by side). */
const lineTexts = (pages: Page[]): string[] => pages.flatMap((p) => lines(p).map((l) => l.map((w) => w.text).join(' ')));

/** How far (points) the report's first "STT" header cell sits from the middle of the two-line "Đơn vị / tính" beside it. */
export function headerOffCentre(pages: Page[]): number {
  const page = pages.find((p) => p.words.some((w) => w.text === 'STT'))!;
  const word = (text: string) => page.words.find((w) => w.text === text)!;
  const stt = word('STT');
  // The header beside it takes two lines, or there is nothing to centre against.
  expect(word('tính').yMin - word('Đơn').yMin).toBeGreaterThan(10);
  return Math.abs((stt.yMin + stt.yMax) / 2 - (word('Đơn').yMin + word('tính').yMax) / 2);
}

/** Whether `text` stands on one line of a table of the pages (those with a "STT" header), its words in a row. */
function onOneTableLine(pages: Page[], text: string): boolean {
  return lineTexts(pages.filter((p) => p.words.some((w) => w.text === 'STT'))).some((l) => l.includes(text));
}

/**
 * The report tables' cells fitted to their columns: those within reach of one line stand on one line ("Công chức
 * Phòng Kinh tế", which the column's share alone would break before "tế"; "triệu đồng"; "Chưa có số liệu"); the
 * longest still wraps.
 */
export function checkFittedCells(pages: { dongMau: Page[]; kienMinh: Page[] }): void {
  for (const text of ['Công chức Phòng Kinh tế', 'Chi hội trưởng phụ nữ thôn Nam', 'Trưởng thôn Đông']) expect(onOneTableLine(pages.dongMau, text), text).toBe(true);
  expect(onOneTableLine(pages.dongMau, 'Công chức Văn phòng HĐND và UBND xã')).toBe(false);
  for (const text of ['triệu đồng', 'lượt người', 'Chưa có số liệu', 'Phòng Văn hóa - Xã hội.']) expect(onOneTableLine(pages.kienMinh, text), text).toBe(true);
}

/** The words of `text` on the first line that has them in a row (at any position: "ĐOÀN" may come earlier on the line too). */
function findLine(page: Page, text: string): Word[] {
  const want = text.split(' ');
  const at = (l: Word[]) => l.findIndex((_, i) => want.every((t, k) => l[i + k]?.text === t));
  const line = lines(page).find((l) => at(l) >= 0);
  expect(line, `a line with "${text}"`).toBeDefined();
  const i = at(line!);
  return line!.slice(i, i + want.length);
}

const centre = (ws: Word[]) => (ws[0].xMin + ws.at(-1)!.xMax) / 2;
const close = (a: number, b: number, tol: number, what: string) =>
  expect(Math.abs(a - b), `${what}: ${a.toFixed(1)} vs ${b.toFixed(1)}`).toBeLessThanOrEqual(tol);
const sizeIn = (ws: Word[], lo: number, hi: number, what: string) => {
  for (const w of ws) {
    expect(sizeOf(w), `${what} "${w.text}"`).toBeGreaterThanOrEqual(lo - 0.3);
    expect(sizeOf(w), `${what} "${w.text}"`).toBeLessThanOrEqual(hi + 0.3);
  }
};

/**
 * The Decree 30 rules a reader can check on the rendered pages of a document
 * whose view is `view`. `tolerance`: points of slack for a renderer that
 * places lines a little differently (LibreOffice).
 */
export function checkPdfLayout(pages: Page[], view: DocumentView, tolerance = 0.75): void {
  calibrate(pages);
  const textLeft = MARGIN.left;
  let sectionStart = 0;
  let firstAppendixPage = pages.length;
  for (const [i, page] of pages.entries()) {
    // A4, portrait for the document, landscape allowed for appendix pages.
    const landscape = page.width > page.height;
    close(Math.min(page.width, page.height), 595.28, 0.5, 'A4 short side');
    close(Math.max(page.width, page.height), 841.89, 0.5, 'A4 long side');
    const top = page.words.filter((w) => w.yMax <= MARGIN.top + 0.5);
    const firstLine = lines({ ...page, words: page.words.filter((w) => !top.includes(w)) })[0];
    // An appendix starts a section of its own: numbered from 1, no number on its first page.
    const opens = view.appendices.some((a) => a.label.split(' ').every((w, k) => firstLine?.[k]?.text === w) && firstLine.length === a.label.split(' ').length);
    if (i > 0 && opens) {
      sectionStart = i;
      firstAppendixPage = Math.min(firstAppendixPage, i);
    }
    if (i > 0 && view.appendices.length === 0) expect(landscape, `page ${i + 1} portrait`).toBe(false);
    if (i === sectionStart) {
      expect(top, `no page number on page ${i + 1}, the first of its section`).toEqual([]);
    } else {
      // The page number: alone in the top margin, centred over the text, 13–14 pt.
      expect(top.map((w) => w.text)).toEqual([String(i - sectionStart + 1)]);
      close(centre(top), textLeft + (page.width - MARGIN.left - MARGIN.right) / 2, tolerance + 0.5, 'page number centred');
      sizeIn(top, 13, 14, 'page number');
    }
    for (const w of page.words.filter((x) => !top.includes(x))) {
      expect(w.xMin, `"${w.text}" inside the left margin`).toBeGreaterThanOrEqual(MARGIN.left - tolerance);
      expect(w.xMax, `"${w.text}" inside the right margin`).toBeLessThanOrEqual(page.width - MARGIN.right + tolerance);
      expect(w.yMin, `"${w.text}" below the top margin`).toBeGreaterThanOrEqual(MARGIN.top - tolerance);
      // A producer that writes a taller glyph box than Tinos's own (LibreOffice) reaches lower by half the difference.
      const slack = Math.max(0, ((boxPerPt - TINOS_BOX) * sizeOf(w)) / 2);
      expect(w.yMax, `"${w.text}" above the bottom margin`).toBeLessThanOrEqual(page.height - MARGIN.bottom + tolerance + slack);
    }
  }
  expect(pages[0].width < pages[0].height, 'page 1 portrait').toBe(true);
  expect(sectionStart > 0, 'appendices start sections of their own').toBe(view.appendices.length > 0);

  // Header, page 1: issuer left, national name and motto right, number and date on one row below.
  const first = pages[0];
  const textWidth = first.width - MARGIN.left - MARGIN.right;
  const h = view.header;
  const issuer = h.issuer.map((l) => findLine(first, l));
  const name = findLine(first, h.nationalName);
  const motto = h.motto === null ? undefined : findLine(first, h.motto);
  const split = name[0].xMin - textLeft;
  expect(split / textWidth).toBeGreaterThanOrEqual(LEFT_SHARE_RANGE[0] - 0.02);
  const leftCentre = centre(issuer[0]);
  const left = [...h.parent.map((x) => findLine(first, x)), ...issuer];
  for (const l of left) {
    close(centre(l), leftCentre, tolerance + 0.5, 'issuer lines centred on one axis');
    sizeIn(l, 12, 13, 'issuer');
    expect(l.at(-1)!.xMax, 'issuer line within the left column').toBeLessThanOrEqual(name[0].xMin + tolerance);
  }
  sizeIn(name, 12, 13, 'national name');
  if (motto) {
    sizeIn(motto, 13, 14, 'motto');
    close(centre(motto), centre(name), tolerance + 0.5, 'motto centred under the national name');
  }
  if (h.issuerMark !== null) {
    const mark = findLine(first, h.issuerMark);
    close(centre(mark), leftCentre, tolerance + 0.5, 'the mark centred under the issuer');
    expect(mark[0].yMin, 'the mark under the issuer').toBeGreaterThan(issuer.at(-1)![0].yMin);
  }
  close(name[0].yMin, left[0][0].yMin, tolerance + 0.5, 'national name level with the first line of the left column');
  const number = findLine(first, h.number.split(/\s+/)[0]);
  const date = findLine(first, h.placeDate.split(/\s+/).slice(0, 3).join(' '));
  sizeIn(number, 13, 13, 'number');
  sizeIn(date, 13, 14, 'place and date');
  close(number[0].yMin, date[0].yMin, tolerance + 1.5, 'number and date on one row');
  // Centred in the right column, as the name over it is (which may be shorter than the date: "ĐOÀN TNCS HỒ CHÍ MINH").
  const dateLine = findLine(first, h.placeDate.split(/\s+/).join(' '));
  close(centre(dateLine), centre(name), tolerance + 1.5, 'place and date centred under the name');

  // Title and summary centred on the page.
  const title = findLine(first, view.typeTitle);
  close(centre(title), textLeft + textWidth / 2, tolerance + 0.5, 'type name centred');
  sizeIn(title, 13, 14, 'type name');

  // Body: sections start 1 cm in; full lines of justified paragraphs reach the right margin.
  // The document's own pages: appendices (centred titles, tables) have their own layout.
  const all = pages.slice(0, firstAppendixPage).flatMap((p) => lines(p).map((l) => ({ page: p, words: l })));
  const sections = all.filter(({ words }) => /^[IVX]+\.$/.test(words[0].text) && words.length > 1 && words[1].text === words[1].text.toLocaleUpperCase('vi'));
  expect(sections.length).toBeGreaterThanOrEqual(4);
  for (const s of sections) close(s.words[0].xMin, textLeft + 10 * PT, tolerance + 0.5, `section "${s.words[0].text}" indented 1 cm`);
  // A body line followed by a continuation line (one starting at the margin, 17 pt lower) is a full line
  // of a justified paragraph: it must reach the right margin.
  const indent = textLeft + 10 * PT;
  const startsAt = (l: Word[], x: number) => Math.abs(l[0].xMin - x) <= tolerance + 0.5;
  const firstBody = all.findIndex(({ words }) => startsAt(words, indent) && sizeOf(words[0]) > 13.7);
  let checked = 0;
  // Headings wrap unjustified: their lines are left out.
  const headings = view.body.flatMap((b) => (isHeading(b) ? [squeeze(b.text)] : []));
  const joined = new Set(
    view.body.flatMap((b) => (b.role === 'table' ? [] : [...typeset(b.text).replace(/\u2011/g, '-').replace(/\u2060/g, '').matchAll(/(?=(\S+\u00a0\S+))/gu)].map((m) => m[1]))),
  );
  const inHeading = (l: Word[]) => headings.some((h) => h.includes(squeeze(l.map((w) => w.text).join(''))));
  for (let k = firstBody; k + 1 < all.length; k++) {
    const [cur, next] = [all[k], all[k + 1]];
    if (inHeading(cur.words)) {
      // Word spaces of a heading are its font's own (a 14 pt space is 3.5 pt; a justified line widens them), never widened to fill the line.
      // LibreOffice draws a no-break space wider: the spaces typeset makes are left out.
      cur.words.slice(1).forEach((w, i) => {
        if (joined.has(`${cur.words[i].text}\u00a0${w.text}`)) return;
        expect(w.xMin - cur.words[i].xMax, `space before "${w.text}" in a heading`).toBeLessThanOrEqual(4.5);
      });
      continue;
    }
    if (cur.page !== next.page || sizeOf(cur.words[0]) < 13.7 || sizeOf(next.words[0]) < 13.7) continue;
    if (!startsAt(next.words, textLeft) || Math.abs(next.words[0].yMin - cur.words[0].yMin - 17) > tolerance + 1) continue;
    close(cur.words.at(-1)!.xMax, cur.page.width - MARGIN.right, tolerance + 0.5, `justified line ending "${cur.words.at(-1)!.text}"`);
    checked++;
  }
  expect(checked, 'full lines of justified paragraphs found').toBeGreaterThan(5);

  // Closing table: "Nơi nhận:" 12 pt level with the signer's first line; recipients 11 pt.
  const last = pages.find((p) => p.words.some((w, k) => w.text === 'Nơi' && p.words[k + 1]?.text === 'nhận:'))!;
  expect(last, 'a page with "Nơi nhận:"').toBeDefined();
  const recipientsTitle = findLine(last, 'Nơi nhận:');
  const signer = findLine(last, view.closing.signerLines[0]);
  sizeIn(recipientsTitle, 12, 12, '"Nơi nhận:"');
  sizeIn(signer, 13, 14, 'signer');
  close(recipientsTitle[0].yMin, signer[0].yMin, tolerance + 3, '"Nơi nhận:" level with the signer');
  expect(recipientsTitle[0].xMin).toBeCloseTo(textLeft, 0);
  expect(signer[0].xMin, 'signer in the right column').toBeGreaterThan(name[0].xMin - tolerance);
  for (const r of view.closing.recipients) sizeIn(findLine(last, r.split(' ').slice(0, 2).join(' ')), 11, 11, 'recipient');
  // A recipient that wraps goes on under its words, not under its dash.
  const column = lines(last).filter((l) => l[0].yMin > recipientsTitle[0].yMin && l[0].xMin < signer[0].xMin - tolerance && sizeOf(l[0]) < 11.5);
  column.forEach((l, k) => {
    if (l[0].text === '-' || k === 0) return;
    const entry = column.slice(0, k).reverse().find((p) => p[0].text === '-')!;
    close(l[0].xMin, entry[1].xMin, tolerance + 0.5, `recipient line "${l.map((w) => w.text).join(' ')}" under the words after the dash`);
  });
}

/** The recipients' lines that go on an entry ("cơ sở;" under "- Lực lượng ... trật tự ở"), on a page of a PDF. */
export const recipientContinuations = (page: Page): number =>
  lines(page).filter((l, k, all) => k > 0 && sizeOf(l[0]) < 11.5 && l[0].text !== '-' && all.slice(0, k).some((p) => p.map((w) => w.text).join(' ') === 'Nơi nhận:')).length;

/** The top of a page's first line of text below its top margin (the page number above it left out), points. */
export const firstLineTop = (p: Page): number => Math.min(...p.words.filter((w) => w.yMax > MARGIN.top + 0.5).map((w) => w.yMin));

interface PageLine {
  page: number;
  text: string;
  /** The line's last word as printed. */
  last: string;
}

/** The body lines of every page (the page numbers left out), squeezed of spaces, top to bottom. */
const pageLines = (pages: Page[]): PageLine[] =>
  pages.flatMap((p, i) =>
    lines({ ...p, words: p.words.filter((w) => w.yMax > MARGIN.top + 0.5) }).map((l) => ({
      page: i,
      text: squeeze(l.map((w) => w.text).join('')),
      last: l.at(-1)!.text.split(/[\s\u00a0]/).at(-1)!,
    })),
  );

/** The lines from `cursor` on that spell `text` whole, the first of them the first line that starts it; null if none does. */
function spell(all: PageLine[], text: string, cursor: number): { from: number; to: number } | null {
  const want = squeeze(text);
  for (let j = cursor; j < all.length; j++) {
    if (!all[j].text || !want.startsWith(all[j].text)) continue;
    let acc = '';
    let k = j;
    while (k < all.length && acc.length < want.length && want.startsWith(acc + all[k].text)) acc += all[k++].text;
    if (acc === want) return { from: j, to: k };
  }
  return null;
}

/**
 * Headings and the title break where a phrase ends: none of their lines but
 * the last ends with a word that opens a phrase ("của", "tại", "và": the
 * words of breakWords). Returns how many headings and titles were checked.
 */
export function checkHeadingBreaks(pages: Page[], view: DocumentView): number {
  const all = pageLines(pages);
  const openers = new Set(breakWords().filter((w) => !w.includes(' ')));
  const headings = [view.summary, ...blocksOf(view).flatMap((b) => (isHeading(b) ? [b.text] : []))];
  let cursor = 0;
  let checked = 0;
  for (const text of headings) {
    const found = spell(all, typographicQuotes(text), cursor);
    if (!found) continue;
    checked++;
    cursor = found.to;
    for (const l of all.slice(found.from, found.to - 1)) {
      expect(openers.has(l.last.toLocaleLowerCase('vi')), `"${text.slice(0, 60)}": a line ends with "${l.last}"`).toBe(false);
    }
  }
  return checked;
}

/** Where each text paragraph of the view lies: how many of its lines are on each page, in page order. */
export interface ParagraphSpread {
  text: string;
  /** Its place among the blocks of the body and the appendices, tables counted. */
  block: number;
  /** Kept on the page of what follows: a heading, or a lead-in ending with ":". */
  heading: boolean;
  /** [page index, lines on it], one entry per page it is on. */
  pages: [number, number][];
}

const blocksOf = (view: DocumentView) => [...view.body, ...view.appendices.flatMap((a) => a.body)];

/**
 * The paragraphs of the body and the appendices, found line by line on the
 * pages in their order. A paragraph not found whole (its lines interleaved
 * with another column's) is left out: the caller counts them.
 */
export function paragraphSpreads(pages: Page[], view: DocumentView): ParagraphSpread[] {
  const all = pageLines(pages);
  const out: ParagraphSpread[] = [];
  let cursor = 0;
  blocksOf(view).forEach((b, block) => {
    if (b.role === 'table') return;
    const text = `${b.lead ? `${b.lead.text} ` : ''}${b.text}`;
    const found = spell(all, typographicQuotes(text), cursor);
    if (!found) return;
    const spread: [number, number][] = [];
    for (const l of all.slice(found.from, found.to)) {
      const last = spread.at(-1);
      if (last?.[0] === l.page) last[1]++;
      else spread.push([l.page, 1]);
    }
    out.push({ text, block, heading: isHeading(b) || b.keepWithNext === true, pages: spread });
    cursor = found.to;
  });
  return out;
}

/**
 * How a table row's first line starts on the page: its first cell with
 * text, and the start of the next when the first is a number ("12", "III").
 */
function rowProbe(r: RowView | undefined): string | null {
  const texts = (r?.cells ?? []).flatMap((c) => ('lines' in c && c.lines.length ? [squeeze(c.lines[0])] : []));
  if (!texts.length) return null;
  return texts[0].length <= 4 && texts[1] ? texts[0] + texts[1].slice(0, 10) : texts[0].slice(0, 12);
}

/** A group row ("I", "Các chỉ tiêu kinh tế"): its second cell runs across every column after the first. */
export const isGroupRow = (r: RowView): boolean => r.cells.length > 2 && 'colSpan' in r.cells[1] && r.cells[1].colSpan === r.cells.length - 1 && !('covered' in r.cells[1]);

/**
 * Clean page breaks: no paragraph leaves a single line on either side of a
 * break (widow and orphan control), no heading ends a page, no table row
 * kept with the next (a group row) ends a page, and at least `share` of the view's text paragraphs
 * are found on the pages (so that the check has checked something).
 */
export function checkPageBreaks(pages: Page[], view: DocumentView, share = 0.95): ParagraphSpread[] {
  const spreads = paragraphSpreads(pages, view);
  const blocks = blocksOf(view);
  const total = blocks.filter((b) => b.role !== 'table').length;
  expect(spreads.length / total, `paragraphs found on the pages: ${spreads.length} of ${total}`).toBeGreaterThanOrEqual(share);
  spreads.forEach((s, i) => {
    if (s.pages.length > 1) {
      const [first, last] = [s.pages[0], s.pages.at(-1)!];
      expect(first[1], `"${s.text.slice(0, 60)}": lines left at the foot of page ${first[0] + 1}`).toBeGreaterThanOrEqual(2);
      expect(last[1], `"${s.text.slice(0, 60)}": lines carried to the top of page ${last[0] + 1}`).toBeGreaterThanOrEqual(2);
    }
    const next = spreads[i + 1];
    const prev = spreads[i - 1];
    // A list's last item of one line never stands alone at a page top, when the item before it (three lines at most) can go with it.
    const dash = (b: Block | undefined): boolean => b?.role === 'body' && !b.lead && /^[-+] /.test(b.text);
    const lines = (x: ParagraphSpread): number => x.pages.reduce((n, [, k]) => n + k, 0);
    if (dash(blocks[s.block]) && !dash(blocks[s.block + 1]) && lines(s) === 1 && prev?.block === s.block - 1 && blocks[prev.block].role === 'body' && lines(prev) <= 3) {
      expect(s.pages[0][0], `list item "${s.text.slice(0, 60)}" alone at the top of page ${s.pages[0][0] + 1}`).toBe(prev.pages.at(-1)![0]);
    }
    if (s.heading && next?.block === s.block + 1) {
      expect(next.pages[0][0], `heading "${s.text.slice(0, 60)}" kept with what follows`).toBe(s.pages.at(-1)![0]);
    }
  });
  // A row kept with the next (a group row, the rows of one indicator) shares its page with the row after it.
  const all = pageLines(pages);
  let cursor = 0;
  const from = (probe: string | null, at: number): number => (probe ? all.findIndex((l, j) => j >= at && l.text.startsWith(probe)) : -1);
  for (const t of blocksOf(view).flatMap((b) => (b.role === 'table' ? [b.table] : []))) {
    if (!t.rows.some((r) => r.keepWithNext)) continue;
    cursor = Math.max(cursor, from(rowProbe(t.header[0]), cursor));
    const places = t.rows.map((r) => {
      const j = from(rowProbe(r), cursor);
      if (j >= 0) cursor = j + 1;
      return j;
    });
    t.rows.forEach((r, i) => {
      if (!r.keepWithNext || i === t.rows.length - 1) return;
      const name = `row "${rowProbe(r)}"`;
      expect(places[i], `${name} on the pages`).toBeGreaterThanOrEqual(0);
      expect(places[i + 1], `the row after ${name} on the pages`).toBeGreaterThan(places[i]);
      expect(all[places[i + 1]].page, `${name} kept with the row after it`).toBe(all[places[i]].page);
    });
  }
  return spreads;
}

/** A rule line drawn on a page, and how far above it the nearest ink is (over the rule's length), points. */
export interface RuleClearance {
  /** Top of the rule, points from the top of the page. */
  y: number;
  length: number;
  clearance: number;
}

const RULE_DPI = 200;

/**
 * The rule lines of a PDF page (rows of ink at least `minLength` points long,
 * which no glyph makes) and the clear space above each, found on the page
 * rasterised by poppler as a reader sees it.
 */
export function ruleClearances(pdf: Buffer, pageNumber: number, minLength = 15): RuleClearance[] {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-rules-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(RULE_DPI), '-f', String(pageNumber), '-l', String(pageNumber), join(dir, 'in.pdf')], {
      maxBuffer: 64 << 20,
    });
    const m = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const [w, h, off] = [Number(m[1]), Number(m[2]), m[0].length];
    const ink = (x: number, y: number) => pgm[off + y * w + x] < 128;
    const px = (pt: number) => (pt * RULE_DPI) / 72;
    const pt = (n: number) => (n * 72) / RULE_DPI;
    const runs: { y: number; x1: number; x2: number }[] = [];
    for (let y = 0; y < h; y++) {
      let run = 0;
      for (let x = 0; x <= w; x++) {
        if (x < w && ink(x, y)) run++;
        else {
          if (run >= px(minLength)) runs.push({ y, x1: x - run, x2: x - 1 });
          run = 0;
        }
      }
    }
    // A rule is a few rows thick: its top row is one with no run right above it.
    const tops = runs.filter((r) => !runs.some((o) => o.y === r.y - 1 && Math.abs(o.x1 - r.x1) <= 2));
    return tops.map((r) => {
      let y = r.y - 1;
      const clear = (row: number) => { for (let x = r.x1; x <= r.x2; x++) if (ink(x, row)) return false; return true; };
      while (y > 0 && clear(y)) y--;
      return { y: pt(r.y), length: pt(r.x2 - r.x1 + 1), clearance: pt(r.y - 1 - y) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The rules of a document never touch the text above them: at least `min`
 * points of clear space under the issuer, the motto and the summary on page
 * 1 (the first rules from the top; table borders come later), and under each
 * appendix's title on the page it opens.
 */
export function checkRuleClearance(pdf: Buffer, view: DocumentView, appendixPages: number[], min = 1.5): void {
  const header = (view.header.issuerMark === null ? 1 : 0) + 1 + 1;
  const pages: [number, RuleClearance[]][] = [
    [1, ruleClearances(pdf, 1).slice(0, header)],
    ...appendixPages.map((p): [number, RuleClearance[]] => [p, ruleClearances(pdf, p).slice(0, 1)]),
  ];
  expect(pages[0][1], 'the rules under the issuer, the motto and the summary').toHaveLength(header);
  for (const [page, rules] of pages) {
    for (const r of rules) {
      expect(r.clearance, `page ${page}: clear space above the ${r.length.toFixed(0)} pt rule at ${r.y.toFixed(1)} pt`).toBeGreaterThanOrEqual(min);
    }
  }
}
