/**
 * The DOCX against Decree 30 (../shared/nd30/FORMAT.md), read from its XML
 * as Word would read it: page, margins, fonts, the header and closing
 * tables, rule lines, page numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document, Element } from '@xmldom/xmldom';
import {
  attr, child, children, descendants, docxPart, mm, paragraphStyle, paragraphText,
  renderFixturePlan, styleProps, type StyleProps,
} from './support/documents.js';
import { textWidthPt } from '../src/measure.js';

const twipsToMm = (t: number | string | null) => mm(Number(t) / 20);

let doc: Document;
let styles: Document;
let body: Element;
let docx: Buffer;

beforeAll(async () => {
  ({ docx } = await renderFixturePlan());
  doc = docxPart(docx, 'word/document.xml');
  styles = docxPart(docx, 'word/styles.xml');
  body = descendants(doc, 'body')[0];
});

/** Paragraphs of a table cell, with their text and resolved style. */
function cellParagraphs(tc: Element): { text: string; style: StyleProps; el: Element }[] {
  return children(tc, 'p').map((p) => ({ text: paragraphText(p), style: styleProps(styles, paragraphStyle(p) ?? 'Normal'), el: p }));
}

/** Length of a rule paragraph (top border shortened by indents) in points, in a cell of `cellPt`. */
function ruleLength(p: Element, cellPt: number): number {
  const pPr = child(p, 'pPr')!;
  const top = child(child(pPr, 'pBdr')!, 'top')!;
  expect(attr(top, 'val')).toBe('single');
  const ind = child(pPr, 'ind')!;
  return cellPt - (Number(attr(ind, 'left')) + Number(attr(ind, 'right'))) / 20;
}

const cellWidthPt = (tc: Element) => Number(attr(child(child(tc, 'tcPr')!, 'tcW')!, 'w')) / 20;
const isRule = (p: Element) => !!child(child(p, 'pPr') ?? p, 'pBdr');

describe('page', () => {
  it('is A4 portrait with margins in the decree ranges', () => {
    const sectPr = child(body, 'sectPr')!;
    const pgSz = child(sectPr, 'pgSz')!;
    expect(twipsToMm(attr(pgSz, 'w'))).toBeCloseTo(210, 0);
    expect(twipsToMm(attr(pgSz, 'h'))).toBeCloseTo(297, 0);
    expect(attr(pgSz, 'orient')).not.toBe('landscape');
    const m = child(sectPr, 'pgMar')!;
    const top = twipsToMm(attr(m, 'top'));
    const bottom = twipsToMm(attr(m, 'bottom'));
    const left = twipsToMm(attr(m, 'left'));
    const right = twipsToMm(attr(m, 'right'));
    expect(top).toBeGreaterThanOrEqual(19.95);
    expect(top).toBeLessThanOrEqual(25.05);
    expect(bottom).toBeGreaterThanOrEqual(19.95);
    expect(bottom).toBeLessThanOrEqual(25.05);
    expect(left).toBeGreaterThanOrEqual(29.95);
    expect(left).toBeLessThanOrEqual(35.05);
    expect(right).toBeGreaterThanOrEqual(14.95);
    expect(right).toBeLessThanOrEqual(20.05);
  });

  it('uses Times New Roman by default, in Vietnamese', () => {
    const rPr = descendants(styles, 'rPrDefault')[0];
    const fonts = descendants(rPr, 'rFonts')[0];
    expect(attr(fonts, 'ascii')).toBe('Times New Roman');
    expect(attr(fonts, 'hAnsi')).toBe('Times New Roman');
    expect(attr(descendants(rPr, 'lang')[0], 'val')).toBe('vi-VN');
  });

  it('numbers pages from page 2 on, centred at the top in 13–14 pt, none on page 1', () => {
    const sectPr = child(body, 'sectPr')!;
    expect(child(sectPr, 'titlePg')).toBeDefined();
    const refs = children(sectPr, 'headerReference');
    const rels = docxPart(docx, 'word/_rels/document.xml.rels');
    const target = (type: string) => {
      const id = refs.find((r) => attr(r, 'type') === type)!.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
      const rel = Array.from(rels.getElementsByTagName('Relationship')).find((r) => r.getAttribute('Id') === id)!;
      return docxPart(docx, `word/${rel.getAttribute('Target')}`);
    };
    const first = target('first');
    expect(descendants(first, 'instrText')).toHaveLength(0);
    expect(descendants(first, 'fldSimple')).toHaveLength(0);
    const other = target('default');
    expect(descendants(other, 'instrText').map((t) => t.textContent?.trim())).toEqual(['PAGE']);
    const p = descendants(other, 'p')[0];
    const st = styleProps(styles, paragraphStyle(p)!);
    expect(st.jc).toBe('center');
    expect(st.size).toBeGreaterThanOrEqual(13);
    expect(st.size).toBeLessThanOrEqual(14);
    expect(st.bold || st.italic).toBe(false);
  });
});

describe('header table', () => {
  let rows: Element[];
  let cells: Element[][];
  beforeAll(() => {
    const tbl = children(body, 'tbl')[0];
    expect(children(body, 'p').length).toBeGreaterThan(0);
    expect(Array.from(body.childNodes).find((n) => n.nodeType === 1)).toBe(tbl);
    rows = children(tbl, 'tr');
    cells = rows.map((r) => children(r, 'tc'));
  });

  it('is a borderless two-column table, about 40/60, with zero side cell margins', () => {
    const tbl = children(body, 'tbl')[0];
    const tblPr = child(tbl, 'tblPr')!;
    const borders = Array.from(child(tblPr, 'tblBorders')!.childNodes).filter((n) => n.nodeType === 1) as Element[];
    expect(borders.length).toBeGreaterThanOrEqual(6);
    for (const b of borders) expect(attr(b, 'val')).toMatch(/^(nil|none)$/);
    const mar = child(tblPr, 'tblCellMar')!;
    expect(attr(child(mar, 'left')!, 'w')).toBe('0');
    expect(attr(child(mar, 'right')!, 'w')).toBe('0');
    expect(rows).toHaveLength(2);
    const [l, r] = cells[0].map(cellWidthPt);
    expect(l / (l + r)).toBeGreaterThan(0.35);
    expect(l / (l + r)).toBeLessThan(0.45);
    expect(mm(l + r)).toBeCloseTo(165, 0);
  });

  it('left: the issuer in bold capitals 12–13 pt, centred, one line each, with a rule 1/3–1/2 of its length', () => {
    const ps = cellParagraphs(cells[0][0]);
    const text = ps.filter((p) => p.text);
    expect(text.map((p) => p.text)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ KIẾN MINH']);
    const cell = cellWidthPt(cells[0][0]);
    for (const p of text) {
      expect(p.style.bold).toBe(true);
      expect(p.style.jc).toBe('center');
      expect(p.style.size).toBeGreaterThanOrEqual(12);
      expect(p.style.size).toBeLessThanOrEqual(13);
      expect(p.text).toBe(p.text.toLocaleUpperCase('vi'));
      expect(textWidthPt(p.text, p.style.size!, 'bold')).toBeLessThan(cell);
    }
    const rule = ps.find((p) => isRule(p.el))!;
    expect(ps.indexOf(rule)).toBe(ps.length - 1);
    const issuerWidth = Math.max(...text.map((p) => textWidthPt(p.text, p.style.size!, 'bold')));
    const ratio = ruleLength(rule.el, cell) / issuerWidth;
    expect(ratio).toBeGreaterThanOrEqual(1 / 3);
    expect(ratio).toBeLessThanOrEqual(1 / 2);
  });

  it('right: national name 12–13 pt bold capitals, motto 13–14 pt bold, a rule exactly the motto long', () => {
    const ps = cellParagraphs(cells[0][1]);
    const [name, motto] = ps.filter((p) => p.text);
    expect(name.text).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(name.style.bold).toBe(true);
    expect(name.style.size).toBeGreaterThanOrEqual(12);
    expect(name.style.size).toBeLessThanOrEqual(13);
    expect(motto.text).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(motto.style.bold).toBe(true);
    expect(motto.style.size).toBeGreaterThanOrEqual(13);
    expect(motto.style.size).toBeLessThanOrEqual(14);
    for (const p of [name, motto]) expect(p.style.jc).toBe('center');
    const cell = cellWidthPt(cells[0][1]);
    expect(textWidthPt(name.text, name.style.size!, 'bold')).toBeLessThan(cell);
    const rule = ps.find((p) => isRule(p.el))!;
    expect(ruleLength(rule.el, cell)).toBeCloseTo(textWidthPt(motto.text, motto.style.size!, 'bold'), 0);
  });

  it('second row: the number (13 pt, upright) under the issuer, the place and date (italic) under the motto', () => {
    const [num] = cellParagraphs(cells[1][0]);
    expect(num.text).toBe('Số:      /KH-UBND');
    expect(num.style.size).toBe(13);
    expect(num.style.italic).toBe(false);
    expect(num.style.jc).toBe('center');
    const [date] = cellParagraphs(cells[1][1]);
    expect(date.text).toMatch(/^Kiến Minh, ngày {2,}tháng 9 năm 2025$/);
    expect(date.style.italic).toBe(true);
    expect(date.style.size).toBeGreaterThanOrEqual(13);
    expect(date.style.size).toBeLessThanOrEqual(14);
    expect(date.style.jc).toBe('center');
    expect(textWidthPt(date.text, date.style.size!, 'italics')).toBeLessThan(cellWidthPt(cells[1][1]));
  });
});

describe('title and body', () => {
  const bodyParagraphs = () => children(body, 'p');

  it('the type name and the summary are centred and bold, with a rule 1/3–1/2 of the summary under it', () => {
    const [type, summary, rule] = bodyParagraphs();
    const ts = styleProps(styles, paragraphStyle(type)!);
    expect(paragraphText(type)).toBe('KẾ HOẠCH');
    expect(ts.bold && ts.jc === 'center').toBe(true);
    expect(ts.size).toBeGreaterThanOrEqual(13);
    const ss = styleProps(styles, paragraphStyle(summary)!);
    expect(paragraphText(summary)).toMatch(/^Phát động Đợt thi đua/);
    expect(ss.bold && ss.jc === 'center').toBe(true);
    expect(isRule(rule)).toBe(true);
    const length = ruleLength(rule, 165 / 25.4 * 72);
    // The summary wraps: its length is that of its widest line, at most the text width.
    const widest = Math.min(textWidthPt(paragraphText(summary), ss.size!, 'bold'), (165 / 25.4) * 72);
    expect(length / widest).toBeGreaterThanOrEqual(1 / 3 - 0.02);
    expect(length / widest).toBeLessThanOrEqual(1 / 2);
  });

  it('body text is 14 pt, justified, 1 cm first-line indent, at least 6 pt before', () => {
    const st = styleProps(styles, 'TDBody');
    expect(st.size).toBe(14);
    expect(st.jc).toBe('both');
    expect(twipsToMm(st.firstLine!)).toBeCloseTo(10, 1);
    expect(st.before).toBeGreaterThanOrEqual(120);
    expect(st.font).toBe('Times New Roman');
    // Line spacing between single and 1.5 lines of 14 pt.
    expect(st.line! / 20).toBeGreaterThanOrEqual(14 * 1.15 - 0.5);
    expect(st.line! / 20).toBeLessThanOrEqual(14 * 1.5);
  });

  it('sections are Roman, clauses numbered, points lettered, in bold where they carry a title', () => {
    const texts = bodyParagraphs().map((p) => ({ text: paragraphText(p), style: paragraphStyle(p) }));
    const sections = texts.filter((t) => t.style === 'TDSection').map((t) => t.text);
    expect(sections.map((s) => s.split(' ')[0])).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.']);
    for (const s of sections) expect(s).toBe(s.toLocaleUpperCase('vi'));
    expect(styleProps(styles, 'TDSection').bold).toBe(true);
    expect(styleProps(styles, 'TDClause').bold).toBe(true);
    const clauses = texts.filter((t) => t.style === 'TDClause').map((t) => t.text.split(' ')[0]);
    expect(clauses).toEqual(['1.', '2.', '1.', '2.', '3.', '1.', '2.']);
    const points = texts.filter((t) => /^[a-zđ]\) /.test(t.text)).map((t) => t.text[0]);
    expect(points).toEqual(['a', 'b', 'a', 'b', 'c', 'a', 'b', 'c']);
    expect(texts.filter((t) => t.style === 'TDSubclause').map((t) => t.text.split(' ')[0])).toEqual(['2.1.', '2.2.', '2.3.', '2.4.']);
  });

  it('decimal comma and thousands dot in the figures', () => {
    const all = bodyParagraphs().map(paragraphText).join('\n');
    expect(all).toContain('833,509/1.703,274 tỷ đồng');
    expect(all).toContain('3.964/3.187 triệu đồng đạt 124%');
    expect(all).toContain('Tỷ lệ tăng dân số tự nhiên: 0,7%.');
    expect(all).toContain('97,0%');
    expect(all).toContain('ngày 09 tháng 9 năm 2025');
    expect(all).toContain('trước ngày 10/12/2025');
  });

  it('the body ends with "./." before the closing table', () => {
    const ps = bodyParagraphs().map(paragraphText).filter(Boolean);
    expect(ps.at(-1)).toMatch(/\.\/\.$/);
    expect(ps.filter((t) => t.endsWith('./.'))).toHaveLength(1);
  });
});

describe('closing table', () => {
  let cells: Element[];
  beforeAll(() => {
    const tables = children(body, 'tbl');
    expect(tables).toHaveLength(2);
    const last = Array.from(body.childNodes).filter((n) => n.nodeType === 1 && (n as Element).localName !== 'sectPr').at(-1);
    expect(last).toBe(tables[1]);
    cells = children(children(tables[1], 'tr')[0], 'tc');
  });

  it('is borderless', () => {
    const tblPr = child(children(body, 'tbl')[1], 'tblPr')!;
    const borders = Array.from(child(tblPr, 'tblBorders')!.childNodes).filter((n) => n.nodeType === 1) as Element[];
    for (const b of borders) expect(attr(b, 'val')).toMatch(/^(nil|none)$/);
  });

  it('left: "Nơi nhận:" 12 pt bold italic, then 11 pt recipients starting "-" and ending ";", the last "- Lưu: VT."', () => {
    const [title, ...items] = cellParagraphs(cells[0]).filter((p) => p.text);
    expect(title.text).toBe('Nơi nhận:');
    expect(title.style).toMatchObject({ size: 12, bold: true, italic: true });
    expect(items.map((i) => i.text)).toEqual([
      '- UBND thành phố (b/c);',
      '- TT Đảng ủy xã (b/c);',
      '- TT HĐND xã (b/c);',
      '- Ủy ban MTTQ Việt Nam xã;',
      '- Các phòng ban, đơn vị trực thuộc xã;',
      '- Các thôn trên địa bàn;',
      '- Lưu: VT.',
    ]);
    for (const i of items) expect(i.style).toMatchObject({ size: 11, bold: false, italic: false });
  });

  it('right: the signer block in bold capitals, centred, level with "Nơi nhận:", with room to sign', () => {
    const ps = cellParagraphs(cells[1]);
    const lines = ps.filter((p) => p.text);
    expect(lines.map((p) => p.text)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    for (const p of lines) {
      expect(p.style.bold).toBe(true);
      expect(p.style.jc).toBe('center');
      expect(p.style.size).toBeGreaterThanOrEqual(13);
    }
    expect(ps.indexOf(lines[0])).toBe(0);
    expect(cellParagraphs(cells[0])[0].style.before ?? 0).toBe(lines[0].style.before ?? 0);
    expect(ps.length - lines.length).toBeGreaterThanOrEqual(3);
  });
});
