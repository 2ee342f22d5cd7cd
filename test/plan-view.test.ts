/**
 * The plan view built from variations of the fixture: legal bases on their
 * own italic lines, and user text that looks like template code printed as
 * typed through the handlebars phrases, in the DOCX and the PDF.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCampaignData } from '../src/model/load.js';
import type { Campaign } from '../src/model/schema.js';
import { planView } from '../src/view/plan.js';
import { loadDocxTemplate, renderDocx } from '../src/render/docx.js';
import { renderPdf } from '../src/render/pdf.js';
import { typographicQuotes } from '../src/format/text.js';
import { FIXTURE, docxParagraphs, pdfPagesText, withoutPageNumbers } from './support/documents.js';
import { headerView, withRoom } from '../src/view/frame.js';
import { profile } from '../src/phrases/profiles.js';
import { layout } from '../src/layout.js';
import { textWidthPt, variantOf } from '../src/measure.js';

function campaignWith(mutate: (d: any) => void): Campaign {
  const data = parse(readFileSync(FIXTURE, 'utf8'));
  mutate(data);
  const checked = checkCampaignData(data);
  expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return checked.campaign!;
}

describe('opening', () => {
  it('puts each "Căn cứ" basis on its own italic line, ";" between and "." last, before the "Thực hiện" paragraph', () => {
    const c = campaignWith((d) => {
      d.plan.body.unshift({
        basis: {
          verb: 'Căn cứ',
          lines: true,
          documents: [
            { type: 'Nghị quyết', reference: '12/NQ-HĐND', date: '2025-07-01', issuer: 'Hội đồng nhân dân xã Kiến Minh', title: 'về nhiệm vụ năm 2025' },
            { type: 'Quyết định', reference: '03/QĐ-UBND', date: '2025-07-05', issuer: 'Ủy ban nhân dân xã Kiến Minh', title: 'về thi đua' },
          ],
        },
      });
    });
    const [first, second, third] = planView(c).body;
    expect(first).toEqual({ role: 'basis', text: 'Căn cứ Nghị quyết số 12/NQ-HĐND ngày 01 tháng 7 năm 2025 của Hội đồng nhân dân xã Kiến Minh về nhiệm vụ năm 2025;' });
    expect(second).toEqual({ role: 'basis', text: 'Căn cứ Quyết định số 03/QĐ-UBND ngày 05 tháng 7 năm 2025 của Ủy ban nhân dân xã Kiến Minh về thi đua.' });
    expect(third.role).toBe('body');
    expect(third.role !== 'table' && third.text).toMatch(/^Thực hiện Kế hoạch số 232\/KH-UBND ngày 09 tháng 9 năm 2025 của Ủy ban nhân dân thành phố Hải Phòng/);
  });
});

describe('user text is data', () => {
  const tricky = 'xây dựng {{summary}} {#blocks} {@summaryRule} <w:p> & "kế hoạch" như sau:';

  it('is printed as typed in the sentence a phrase template makes, in DOCX and PDF', async () => {
    const c = campaignWith((d) => {
      d.plan.closing.request = tricky;
    });
    const view = planView(c);
    const last = view.body.at(-1)!;
    expect(last.role === 'closing' && last.text.endsWith(`, ${tricky}./.`)).toBe(true);
    const docx = renderDocx(view, await loadDocxTemplate());
    // Printed as typed, its quotes typographic.
    const printed = typographicQuotes(tricky);
    expect(docxParagraphs(docx).join('\n')).toContain(printed);
    const pdf = await renderPdf(view);
    expect(withoutPageNumbers(await pdfPagesText(pdf.content)).replace(/\s+/g, ' ')).toContain(printed);
  });
});

describe('withRoom: a line of the header\'s left column that would run into the national name goes on two lines', () => {
  const st = layout.styles.issuerParent;
  const width = (t: string) => textWidthPt(t, st.size, variantOf(st));
  // The room beside "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", and beside a shorter heading ("ĐẢNG CỘNG SẢN VIỆT NAM").
  const national = width('CÔNG AN THÀNH PHỐ HẢI PHÒNG') - 1;
  const wide = width('CÔNG AN THÀNH PHỐ HẢI PHÒNG') + 1;
  it.each<[string, number, string[]]>([
    ['CÔNG AN THÀNH PHỐ HẢI PHÒNG', national, ['CÔNG AN', 'THÀNH PHỐ HẢI PHÒNG']],
    ['CÔNG AN THÀNH PHỐ HẢI PHÒNG', wide, ['CÔNG AN THÀNH PHỐ HẢI PHÒNG']],
    ['ỦY BAN MTTQ VIỆT NAM XÃ KIẾN MINH', national, ['ỦY BAN MTTQ VIỆT NAM', 'XÃ KIẾN MINH']],
    // "THỊ XÃ" is the level word, not its "XÃ".
    ['BAN CHỈ HUY QUÂN SỰ THỊ XÃ KINH MÔN', national, ['BAN CHỈ HUY QUÂN SỰ', 'THỊ XÃ KINH MÔN']],
    // No level word: the break that leaves the longer line shortest.
    ['HỘI CỰU CHIẾN BINH VIỆT NAM TRUNG ƯƠNG', national, ['HỘI CỰU CHIẾN BINH', 'VIỆT NAM TRUNG ƯƠNG']],
    ['UBND XÃ KIẾN MINH', national, ['UBND XÃ KIẾN MINH']],
  ])('%j in %d pt → %j', (line, room, expected) => {
    const lines = withRoom(line, st, room);
    expect(lines).toEqual(expected);
    if (lines.length > 1) for (const l of lines) expect(width(l)).toBeLessThanOrEqual(room);
  });
});

describe('headerView: each line of the left column has the room beside the line of its row', () => {
  const header = (parent: string[], lines: string[], name: 'state' | 'party' = 'state') =>
    headerView({ parent, lines, place: 'Kiến Minh' }, 'KH-UBND', null, { day: null, month: 9, year: 2025 }, profile(name));
  it.each<[string, string[], string[], 'state' | 'party', string[], string[]]>([
    // Beside "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (row 0) it would come within 6 mm: two lines.
    ['a parent line beside the national name', ['CÔNG AN THÀNH PHỐ HẢI PHÒNG'], ['CÔNG AN XÃ KIẾN MINH'], 'state', ['CÔNG AN', 'THÀNH PHỐ HẢI PHÒNG'], ['CÔNG AN XÃ KIẾN MINH']],
    // An issuer line 197,7 pt wide: beside the national name (row 0) two lines, beside the shorter motto (row 1) one.
    ['an issuer line beside the national name', [], ['UBND THÀNH PHỐ HẢI PHÒNG'], 'state', [], ['UBND', 'THÀNH PHỐ HẢI PHÒNG']],
    ['an issuer line beside the motto', ['ĐẢNG BỘ'], ['UBND THÀNH PHỐ HẢI PHÒNG'], 'state', ['ĐẢNG BỘ'], ['UBND THÀNH PHỐ HẢI PHÒNG']],
    // Beside "ĐẢNG CỘNG SẢN VIỆT NAM" there is room.
    ['a parent line beside the Party\'s name', ['ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG'], ['ĐẢNG ỦY XÃ KIẾN MINH'], 'party', ['ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG'], ['ĐẢNG ỦY XÃ KIẾN MINH']],
  ])('%s', (_, parent, lines, name, expectedParent, expectedIssuer) => {
    const h = header(parent, lines, name);
    expect(h.parent).toEqual(expectedParent);
    expect(h.issuer).toEqual(expectedIssuer);
  });
});
