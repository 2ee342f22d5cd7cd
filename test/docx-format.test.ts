/**
 * Every DOCX of the fixture (the launch plan and each unit plan) against
 * Decree 30 (../shared/nd30/FORMAT.md), read from its XML as Word reads it:
 * page, margins, fonts, the header and closing tables, rule lines, page
 * numbers, numbering of the parts. Literal expectations of the launch plan
 * come after.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document, Element } from '@xmldom/xmldom';
import {
  attr, child, children, descendants, docxPart, fixtureDocuments, mm, paragraphStyle, paragraphText,
  renderFixturePlan, renderFixtureReport, styleProps, tablesOf, cellTexts, type Rendered, type StyleProps,
} from './support/documents.js';
import { textWidthPt, widestLine } from '../src/measure.js';
import { loadDocxTemplate, renderDocx } from '../src/render/docx.js';
import { POINT_LETTERS, roman } from '../src/format/numbering.js';
import { PROFILE_EXPECTATIONS } from './support/profiles.js';
import type { RowView } from '../src/view/document.js';

const twipsToMm = (t: number | string | null) => mm(Number(t) / 20);
const TEXT_WIDTH_PT = (165 / 25.4) * 72;

interface Para {
  text: string;
  style: StyleProps;
  el: Element;
}

/** The parsed parts of one DOCX. */
class Docx {
  readonly doc: Document;
  readonly styles: Document;
  readonly body: Element;
  constructor(readonly bytes: Buffer) {
    this.doc = docxPart(bytes, 'word/document.xml');
    this.styles = docxPart(bytes, 'word/styles.xml');
    this.body = descendants(this.doc, 'body')[0];
  }
  style = (p: Element): StyleProps => styleProps(this.styles, paragraphStyle(p) ?? 'Normal');
  paras = (parent: Element): Para[] => children(parent, 'p').map((el) => ({ text: paragraphText(el), style: this.style(el), el }));
  tables = () => children(this.body, 'tbl');
  cells = (tbl: Element) => children(tbl, 'tr').map((r) => children(r, 'tc'));
}

/** Length of a rule paragraph (a "TD Rule" paragraph, whose style draws a top border, shortened by indents), points, in a container of `containerPt`. */
function ruleLength(p: Element, containerPt: number): number {
  const pPr = child(p, 'pPr')!;
  expect(paragraphStyle(p)).toBe('TDRule');
  const ind = child(pPr, 'ind')!;
  return containerPt - (Number(attr(ind, 'left')) + Number(attr(ind, 'right'))) / 20;
}

const cellWidthPt = (tc: Element) => Number(attr(child(child(tc, 'tcPr')!, 'tcW')!, 'w')) / 20;
const isRule = (p: Element) => paragraphStyle(p) === 'TDRule';
const variant = (s: StyleProps) => (s.bold ? (s.italic ? 'bolditalics' : 'bold') : s.italic ? 'italics' : 'normal');
const between = (v: number | undefined, lo: number, hi: number) => {
  expect(v).toBeGreaterThanOrEqual(lo);
  expect(v).toBeLessThanOrEqual(hi);
};
const isCaps = (t: string) => expect(t).toBe(t.toLocaleUpperCase('vi'));

/** Whether a table has no borders (the header and closing tables; the body's and appendices' have them). */
const isBorderless = (tbl: Element): boolean =>
  (Array.from(child(child(tbl, 'tblPr')!, 'tblBorders')!.childNodes).filter((n) => n.nodeType === 1) as Element[]).every((b) =>
    /^(nil|none)$/.test(attr(b, 'val') ?? ''),
  );

/** The closing table: the second borderless one, after the header's. */
const closingTable = (d: Docx): Element => d.tables().filter(isBorderless)[1];

function borderless(tbl: Element): void {
  const tblPr = child(tbl, 'tblPr')!;
  const borders = Array.from(child(tblPr, 'tblBorders')!.childNodes).filter((n) => n.nodeType === 1) as Element[];
  expect(borders.length).toBeGreaterThanOrEqual(6);
  for (const b of borders) expect(attr(b, 'val')).toMatch(/^(nil|none)$/);
  const mar = child(tblPr, 'tblCellMar')!;
  expect(attr(child(mar, 'left')!, 'w')).toBe('0');
  expect(attr(child(mar, 'right')!, 'w')).toBe('0');
}

const DOCUMENTS = await fixtureDocuments();

describe.each(DOCUMENTS)('%s (DOCX)', (_, renderDoc) => {
  let d: Docx;
  let r: Rendered;
  beforeAll(async () => {
    r = await renderDoc();
    d = new Docx(r.docx);
  });

  it('is A4 portrait with margins in the decree ranges', () => {
    // The document's own section: the first (appendices, if any, follow in sections of their own).
    const sectPr = descendants(d.doc, 'sectPr')[0];
    const pgSz = child(sectPr, 'pgSz')!;
    expect(twipsToMm(attr(pgSz, 'w'))).toBeCloseTo(210, 0);
    expect(twipsToMm(attr(pgSz, 'h'))).toBeCloseTo(297, 0);
    expect(attr(pgSz, 'orient')).not.toBe('landscape');
    const m = child(sectPr, 'pgMar')!;
    between(twipsToMm(attr(m, 'top')), 19.95, 25.05);
    between(twipsToMm(attr(m, 'bottom')), 19.95, 25.05);
    between(twipsToMm(attr(m, 'left')), 29.95, 35.05);
    between(twipsToMm(attr(m, 'right')), 14.95, 20.05);
  });

  it('uses Times New Roman by default, in Vietnamese', () => {
    const rPr = descendants(d.styles, 'rPrDefault')[0];
    const fonts = descendants(rPr, 'rFonts')[0];
    expect(attr(fonts, 'ascii')).toBe('Times New Roman');
    expect(attr(fonts, 'hAnsi')).toBe('Times New Roman');
    expect(attr(descendants(rPr, 'lang')[0], 'val')).toBe('vi-VN');
  });

  it('keeps every heading and every lead-in ending with ":" with the paragraph after it', () => {
    const paras = descendants(d.body, 'p').filter((p) => p.parentNode === d.body);
    paras.forEach((p, i) => {
      const text = paragraphText(p);
      const keeps = d.style(p).keepNext || descendants(p, 'keepNext').length > 0;
      if (/:$/.test(text) && i + 1 < paras.length && paragraphText(paras[i + 1]).trim()) expect(keeps, text).toBe(true);
    });
  });

  it('holds its no-break hyphens as Word\'s own and no invisible character in its text, so that a reader, a search or a copy finds "kinh tế - xã hội" and "232/KH-UBND"', () => {
    const texts = descendants(d.doc, 't').map((t) => t.textContent ?? '');
    for (const t of texts) expect(t, t).not.toMatch(/[\u2011\p{Cf}]/u);
    expect(descendants(d.doc, 'noBreakHyphen').length).toBeGreaterThan(0);
  });

  it('is byte for byte what docxtemplater makes filling the template\'s block loops itself', async () => {
    expect(renderDocx(r.view, await loadDocxTemplate(), 'docxtemplater').equals(r.docx)).toBe(true);
  });

  it('has widow and orphan control on every paragraph, turned off by no style or paragraph', () => {
    const defaults = descendants(descendants(d.styles, 'pPrDefault')[0], 'widowControl');
    expect(defaults).toHaveLength(1);
    expect(attr(defaults[0], 'val') ?? 'true').toMatch(/^(1|true|on)$/);
    for (const part of [d.styles, d.doc]) {
      for (const w of descendants(part, 'widowControl')) expect(attr(w, 'val') ?? 'true').toMatch(/^(1|true|on)$/);
    }
  });

  it('numbers pages from page 2 on, centred at the top in 13–14 pt upright, none on page 1', () => {
    const sectPr = descendants(d.doc, 'sectPr')[0];
    expect(child(sectPr, 'titlePg')).toBeDefined();
    const refs = children(sectPr, 'headerReference');
    const rels = docxPart(d.bytes, 'word/_rels/document.xml.rels');
    const target = (type: string) => {
      const id = refs.find((x) => attr(x, 'type') === type)!.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
      const rel = Array.from(rels.getElementsByTagName('Relationship')).find((x) => x.getAttribute('Id') === id)!;
      return docxPart(d.bytes, `word/${rel.getAttribute('Target')}`);
    };
    const first = target('first');
    expect(descendants(first, 'instrText')).toHaveLength(0);
    expect(descendants(first, 'fldSimple')).toHaveLength(0);
    const other = target('default');
    expect(descendants(other, 'instrText').map((t) => t.textContent?.trim())).toEqual(['PAGE']);
    const st = d.style(descendants(other, 'p')[0]);
    expect(st.jc).toBe('center');
    between(st.size, 13, 14);
    expect(st.bold || st.italic).toBe(false);
  });

  describe('header table', () => {
    let cells: Element[][];
    beforeAll(() => {
      const tbl = d.tables()[0];
      expect(Array.from(d.body.childNodes).find((n) => n.nodeType === 1)).toBe(tbl);
      cells = d.cells(tbl);
    });

    it('is a borderless two-column table, about 40/60, with zero side cell margins', () => {
      borderless(d.tables()[0]);
      expect(cells).toHaveLength(2);
      const [l, rt] = cells[0].map(cellWidthPt);
      between(l / (l + rt), 0.38, 0.46);
      expect(mm(l + rt)).toBeCloseTo(165, 0);
    });

    it('left: parent body upright, issuer bold, capitals 12–13 pt, centred, one line each; under it a rule 1/3–1/2 of the issuer, or its organisation\'s mark', () => {
      const ps = d.paras(cells[0][0]);
      const want = PROFILE_EXPECTATIONS[r.profile];
      const h = r.view.header;
      const text = ps.filter((p) => p.text && p.text !== want.mark);
      expect(text.map((p) => p.text)).toEqual([...h.parent, ...h.issuer]);
      if (want.mark !== null) {
        const mark = ps.at(-1)!;
        expect(mark.text).toBe(want.mark);
        expect(mark.style).toMatchObject({ bold: false, italic: false, jc: 'center' });
        expect(ps.some((p) => isRule(p.el))).toBe(false);
        return;
      }
      const cell = cellWidthPt(cells[0][0]);
      text.forEach((p, i) => {
        expect(p.style.bold).toBe(i >= h.parent.length);
        expect(p.style.italic).toBe(false);
        expect(p.style.jc).toBe('center');
        between(p.style.size, 12, 13);
        isCaps(p.text);
        expect(textWidthPt(p.text, p.style.size!, variant(p.style))).toBeLessThan(cell);
      });
      const rule = ps.at(-1)!;
      expect(isRule(rule.el)).toBe(true);
      const issuer = text.slice(h.parent.length);
      const width = Math.max(...issuer.map((p) => textWidthPt(p.text, p.style.size!, 'bold')));
      between(ruleLength(rule.el, cell) / width, 1 / 3, 1 / 2);
    });

    it('right: national name (or the organisation\'s own) 12–13 pt bold capitals, motto 13–14 pt bold, each on one line, a rule exactly the last one long', () => {
      const ps = d.paras(cells[0][1]);
      const want = PROFILE_EXPECTATIONS[r.profile];
      const [name, motto, ...more] = ps.filter((p) => p.text);
      expect(more).toEqual([]);
      expect(name.text).toBe(r.view.header.nationalName);
      expect(name.text).toMatch(want.heading);
      expect(name.style).toMatchObject({ bold: true, italic: false, jc: 'center' });
      between(name.style.size, 12, 13);
      const cell = cellWidthPt(cells[0][1]);
      if (!want.motto) {
        expect(motto).toBeUndefined();
        const rule = ps.find((p) => isRule(p.el))!;
        expect(ruleLength(rule.el, cell)).toBeCloseTo(textWidthPt(name.text, name.style.size!, 'bold'), 0);
        return;
      }
      expect(motto.text).toBe(r.view.header.motto);
      expect(motto.text).toMatch(/^Độc lập ([-–]) Tự do \1 Hạnh phúc$/);
      expect(motto.style).toMatchObject({ bold: true, italic: false, jc: 'center' });
      between(motto.style.size, 13, 14);
      expect(textWidthPt(name.text, name.style.size!, 'bold')).toBeLessThan(cell);
      const rule = ps.find((p) => isRule(p.el))!;
      expect(ruleLength(rule.el, cell)).toBeCloseTo(textWidthPt(motto.text, motto.style.size!, 'bold'), 0);
    });

    it('second row: "Số: .../KH-..." (or the organisation\'s form) 13 pt upright under the issuer, the place and date italic under the motto', () => {
      const [num] = d.paras(cells[1][0]);
      expect(num.text).toMatch(PROFILE_EXPECTATIONS[r.profile].number);
      expect(num.style).toMatchObject({ size: 13, bold: false, italic: false, jc: 'center' });
      const [date] = d.paras(cells[1][1]);
      expect(date.text.startsWith(`${r.campaign.issuer.place}, `)).toBe(true);
      expect(date.text.slice(r.campaign.issuer.place.length)).toMatch(/^, ngày ( {4}|0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/);
      expect(date.style).toMatchObject({ italic: true, bold: false, jc: 'center' });
      between(date.style.size, 13, 14);
      expect(textWidthPt(date.text, date.style.size!, 'italics')).toBeLessThan(cellWidthPt(cells[1][1]));
    });
  });

  it('type name and summary centred and bold, 13–14 pt, a rule 1/3–1/2 of the summary\'s widest line under it', () => {
    const [type, summary, rule] = d.paras(d.body);
    expect(type.text).toBe(r.view.typeTitle);
    expect(['KẾ HOẠCH', 'BÁO CÁO']).toContain(type.text);
    expect(type.style).toMatchObject({ bold: true, jc: 'center' });
    between(type.style.size, 13, 14);
    // As a reader reads it: the no-break characters that keep a unit's name on one line are spaces and a dash.
    expect(summary.text).toBe(r.view.summary.replace(/\u00a0/g, ' ').replace(/\u2011/g, '-'));
    expect(summary.style).toMatchObject({ bold: true, italic: false, jc: 'center' });
    between(summary.style.size, 13, 14);
    expect(isRule(rule.el)).toBe(true);
    // Wrapped as Word wraps it: at its line breaks, and where its no-break spaces hold a name together.
    const laidOut = paragraphText(summary.el);
    const widest = Math.max(...laidOut.split('\n').map((l) => widestLine(l, TEXT_WIDTH_PT, summary.style.size!, 'bold')));
    between(ruleLength(rule.el, TEXT_WIDTH_PT) / widest, 1 / 3, 1 / 2);
  });

  it('body text is 14 pt Times New Roman, justified, 1 cm first-line indent, at least 6 pt before, 1–1.5 lines', () => {
    const st = styleProps(d.styles, 'TDBody');
    expect(st).toMatchObject({ size: 14, jc: 'both', font: 'Times New Roman', bold: false, italic: false });
    expect(twipsToMm(st.firstLine!)).toBeCloseTo(10, 1);
    expect(st.before).toBeGreaterThanOrEqual(120);
    between(st.line! / 20, 14 * 1.15 - 0.5, 14 * 1.5);
  });

  it('sections I, II ... in bold capitals; clauses 1, 2 ... restart in each section; points a), b) ... in the Vietnamese alphabet', () => {
    const ps = d.paras(d.body).filter((p) => p.text && !isRule(p.el)).slice(2);
    const sections = ps.filter((p) => paragraphStyle(p.el) === 'TDSection');
    // In order from I, or from I again where a document's part restarts them (numbered as printed).
    let n = 0;
    for (const s of sections) {
      n = s.text.startsWith('I. ') ? 1 : n + 1;
      expect(s.text.startsWith(`${roman(n)}. `), s.text).toBe(true);
      isCaps(s.text);
      expect(s.style.bold).toBe(true);
    }
    expect(sections.length).toBeGreaterThanOrEqual(4);
    let clause = 0;
    let point = 0;
    for (const p of ps) {
      const role = paragraphStyle(p.el);
      if (role === 'TDSection') clause = 0;
      if (role === 'TDSection' || role === 'TDClause' || role === 'TDSubclause') point = 0;
      if (role === 'TDClause') {
        clause += 1;
        expect(p.text.startsWith(`${clause}. `)).toBe(true);
        expect(p.style.bold).toBe(true);
      }
      const letter = /^([a-zđ])\) /.exec(p.text);
      if (letter && role === 'TDBody') expect(letter[1]).toBe(POINT_LETTERS[point++]);
    }
  });

  it('the body ends with "./." once, right before the closing table', () => {
    const elements = Array.from(d.body.childNodes).filter((n): n is Element => n.nodeType === 1);
    const closing = closingTable(d);
    const before = elements.slice(0, elements.indexOf(closing)).filter((e) => e.localName === 'p').map(paragraphText).filter(Boolean);
    expect(before.at(-1)).toMatch(/\.\/\.$/);
    expect(d.paras(d.body).filter((p) => p.text.includes('./.'))).toHaveLength(1);
    const after = elements.slice(elements.indexOf(closing) + 1).filter((e) => e.localName !== 'sectPr');
    // Only appendices follow the signature.
    if (!r.view.appendices.length) expect(after).toEqual([]);
    else expect(after.filter((e) => e.localName === 'p').map(paragraphText).filter(Boolean)[0]).toBe(r.view.appendices[0].label);
  });

  describe('closing table', () => {
    let cells: Element[];
    beforeAll(() => {
      // Header and closing tables, then the tables of the body and of the appendices.
      const bodyTables = tablesOf(r.view.body).length;
      expect(d.tables()).toHaveLength(2 + bodyTables + r.view.appendices.flatMap((a) => tablesOf(a.body)).length);
      cells = d.cells(closingTable(d))[0];
    });

    it('is borderless, the same columns as the header', () => {
      borderless(closingTable(d));
      expect(cells.map(cellWidthPt)).toEqual(d.cells(d.tables()[0])[0].map(cellWidthPt));
    });

    it('left: "Nơi nhận:" 12 pt bold italic, then 11 pt recipients "- ...;" and last "- Lưu: VT...."', () => {
      const [title, ...items] = d.paras(cells[0]);
      expect(title.text).toBe('Nơi nhận:');
      expect(title.style).toMatchObject({ size: 12, bold: true, italic: true });
      expect(items.map((i) => i.text)).toEqual(r.view.closing.recipients);
      items.forEach((i, k) => {
        expect(i.style).toMatchObject({ size: 11, bold: false, italic: false });
        // An entry that wraps goes on under its words: hanging by the width of "- " in 11 pt Times (6,4 pt), within half a point.
        expect(i.style.hanging).toBe(i.style.left);
        expect(Math.abs(i.style.hanging! / 20 - 6.41)).toBeLessThan(0.5);
        expect(i.text).toMatch(k === items.length - 1 ? PROFILE_EXPECTATIONS[r.profile].archive : /^- .+;$/);
      });
    });

    it('right: the signer block in bold capitals 13–14 pt, centred, first in its cell like "Nơi nhận:", with room to sign', () => {
      const ps = d.paras(cells[1]);
      const lines = ps.filter((p) => p.text);
      expect(lines.map((p) => p.text)).toEqual([...r.view.closing.signerLines, ...(r.view.closing.signerName ? [r.view.closing.signerName] : [])]);
      for (const p of lines.slice(0, r.view.closing.signerLines.length)) {
        expect(p.style).toMatchObject({ bold: true, italic: false, jc: 'center' });
        between(p.style.size, 13, 14);
        isCaps(p.text);
      }
      expect(ps[0].text).toBe(lines[0].text);
      // Both cells start at the top of one row with the same spacing, so their first lines are level.
      expect(d.paras(cells[0])[0].style.before ?? 0).toBe(ps[0].style.before ?? 0);
      expect(ps.length - lines.length).toBeGreaterThanOrEqual(3);
    });
  });
});

describe('the summary report\'s appendices (DOCX)', () => {
  let d: Docx;
  let r: Rendered;
  beforeAll(async () => {
    r = await renderFixtureReport();
    d = new Docx(r.docx);
  });

  it('each starts a new landscape A4 section numbered from 1, with no number on its first page', () => {
    const sects = descendants(d.doc, 'sectPr');
    expect(sects).toHaveLength(1 + r.view.appendices.length);
    const [main, ...appendices] = sects;
    const size = (s: Element) => child(s, 'pgSz')!;
    expect(attr(size(main), 'orient')).not.toBe('landscape');
    expect(Number(attr(size(main), 'w'))).toBeLessThan(Number(attr(size(main), 'h')));
    for (const s of appendices) {
      expect(attr(size(s), 'orient')).toBe('landscape');
      expect(twipsToMm(attr(size(s), 'w'))).toBeCloseTo(297, 0);
      expect(twipsToMm(attr(size(s), 'h'))).toBeCloseTo(210, 0);
      expect(attr(child(s, 'pgNumType')!, 'start')).toBe('1');
      expect(child(s, 'titlePg')).toBeDefined();
      expect(children(s, 'headerReference')).toHaveLength(2);
    }
    // Every section but the last is closed by a page break.
    for (const s of sects.slice(0, -1)) expect(attr(child(s, 'type')!, 'val')).toBe('nextPage');
  });

  it('opens with "Kính gửi:" upright, 13–14 pt, right under the summary\'s rule', () => {
    const ps = d.paras(d.body);
    const rule = ps.findIndex((p, k) => k > 1 && isRule(p.el));
    const addressee = ps[rule + 1];
    expect(addressee.text).toBe('Kính gửi: Ủy ban nhân dân thành phố Hải Phòng.');
    expect(addressee.style).toMatchObject({ bold: false, italic: false });
    between(addressee.style.size, 13, 14);
  });

  it('has "Phụ lục I/II" bold 14 pt, the title in bold capitals, the italic note citing the report, centred', () => {
    const ps = d.paras(d.body);
    r.view.appendices.forEach((a, i) => {
      const k = ps.findIndex((p) => p.text === `Phụ lục ${['I', 'II'][i]}`);
      expect(k).toBeGreaterThan(0);
      const [label, title, note] = ps.slice(k, k + 3);
      expect(label.style).toMatchObject({ bold: true, size: 14, jc: 'center' });
      expect([title.text]).toEqual(a.title);
      isCaps(title.text);
      expect(title.style).toMatchObject({ bold: true, jc: 'center' });
      expect(note.text).toBe('(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 12 năm 2025 của Ủy ban nhân dân xã Kiến Minh)');
      expect(note.style).toMatchObject({ italic: true, jc: 'center' });
    });
  });

  it('has bordered tables whose header row repeats on every page and whose rows never split', () => {
    d.tables().slice(2).forEach((tbl, i) => {
      const view = tablesOf(r.view.appendices[i].body)[0];
      const borders = Array.from(child(child(tbl, 'tblPr')!, 'tblBorders')!.childNodes).filter((n) => n.nodeType === 1) as Element[];
      for (const b of borders) expect(attr(b, 'val')).toBe('single');
      const rows = children(tbl, 'tr');
      expect(rows).toHaveLength(view.header.length + view.rows.length);
      expect(child(child(rows[0], 'trPr')!, 'tblHeader')).toBeDefined();
      for (const row of rows) expect(child(child(row, 'trPr')!, 'cantSplit')).toBeDefined();
      expect(children(rows[0], 'tc').map((c) => d.paras(c)[0].text)).toEqual(cellTexts(view.header[0]));
      // Header cells are centred top to bottom ("STT" beside "Đơn vị / tính"); body cells stand at the top of their row.
      const vAlign = (tc: Element) => attr(child(child(tc, 'tcPr')!, 'vAlign'), 'val');
      expect(children(rows[0], 'tc').map(vAlign)).toEqual(children(rows[0], 'tc').map(() => 'center'));
      for (const row of rows.slice(1)) expect(children(row, 'tc').map(vAlign).filter(Boolean)).toEqual([]);
      // A position under a cell spanning rows is a continued cell (vMerge), empty.
      const texts = (r: RowView) => r.cells.flatMap((c) => ('lines' in c ? [c.lines.join('\n')] : c.covered === 'row' ? [''] : []));
      rows.slice(1).forEach((row, k) => expect(children(row, 'tc').map((c) => d.paras(c).map((p) => p.text).join('\n'))).toEqual(texts(view.rows[k])));
      // A group row ("I", "Các chỉ tiêu kinh tế") keeps with the row after it: every paragraph of it keeps with the next.
      const kept = rows.slice(1).map((row) => descendants(row, 'p').every((p) => {
        const pPr = child(p, 'pPr');
        return pPr !== undefined && child(pPr, 'keepNext') !== undefined;
      }));
      expect(kept).toEqual(view.rows.map((v) => v.keepWithNext));
      expect(kept.some(Boolean), 'the table has group rows').toBe(true);
      const width = children(child(tbl, 'tblGrid')!, 'gridCol').reduce((n, g) => n + Number(attr(g, 'w')), 0);
      expect(twipsToMm(width)).toBeCloseTo(297 - 30 - 15, 0);
    });
  });
});

describe('the launch plan, literally', () => {
  let d: Docx;
  beforeAll(async () => {
    d = new Docx((await renderFixturePlan()).docx);
  });

  it('has the commune header, a draft number and a date with the day left blank', () => {
    const [row1, row2] = d.cells(d.tables()[0]);
    expect(d.paras(row1[0]).map((p) => p.text).filter(Boolean)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ KIẾN MINH']);
    expect(d.paras(row2[0])[0].text).toBe('Số:      /KH-UBND');
    expect(d.paras(row2[1])[0].text).toBe('Kiến Minh, ngày      tháng 9 năm 2025');
  });

  it('has the sections, clauses and points of the seed', () => {
    const ps = d.paras(d.body);
    const byStyle = (s: string) => ps.filter((p) => paragraphStyle(p.el) === s).map((p) => p.text.split(' ')[0]);
    expect(byStyle('TDSection')).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.']);
    expect(byStyle('TDClause')).toEqual(['1.', '2.', '1.', '2.', '3.', '1.', '2.']);
    expect(byStyle('TDSubclause')).toEqual(['2.1.', '2.2.', '2.3.', '2.4.']);
    expect(ps.filter((p) => /^[a-zđ]\) /.test(p.text)).map((p) => p.text[0])).toEqual(['a', 'b', 'a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('writes figures with a decimal comma and thousands dot, dates by the leading-zero rules', () => {
    const all = d.paras(d.body).map((p) => p.text).join('\n');
    expect(all).toContain('833,509/1.703,274 tỷ đồng');
    expect(all).toContain('3.964/3.187 triệu đồng đạt 124%');
    expect(all).toContain('Tỷ lệ tăng dân số tự nhiên: 0,7%.');
    expect(all).toContain('97,0%');
    expect(all).toContain('ngày 09 tháng 9 năm 2025');
    expect(all).toContain('trước ngày 10/12/2025');
  });

  it('sends it to the seed\'s recipients and signs it on behalf of the committee', () => {
    const [left, right] = d.cells(d.tables()[1])[0];
    expect(d.paras(left).map((p) => p.text)).toEqual([
      'Nơi nhận:',
      '- UBND thành phố (b/c);',
      '- TT Đảng ủy xã (b/c);',
      '- TT HĐND xã (b/c);',
      '- Ủy ban MTTQ Việt Nam xã;',
      '- Các phòng ban, đơn vị trực thuộc xã;',
      '- Các thôn trên địa bàn;',
      '- Lưu: VT.',
    ]);
    expect(d.paras(right).map((p) => p.text).filter(Boolean)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });
});
