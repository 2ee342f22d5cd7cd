/**
 * Each organisation's format (templates/profiles.yaml, FORMATS.md) on a
 * whole document: the launch plan issued by a Party committee, a Youth
 * Union and a Farmers' Union, read back from the DOCX paragraphs and the
 * PDF text as a reader would see them, in order.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCampaignData } from '../src/model/load.js';
import { planView } from '../src/view/plan.js';
import { loadDocxTemplate, renderDocx } from '../src/render/docx.js';
import { renderPdf } from '../src/render/pdf.js';
import { docxParagraphs, pdfPagesText } from './support/documents.js';
import { FIXTURE } from './support/cli.js';

const original = parse(readFileSync(FIXTURE, 'utf8'));

interface Case {
  profile: string;
  parent: string[];
  lines: string[];
  abbreviation: string;
  authority: string;
  position: string;
  archive: string[];
  /** What the header and closing print, in reading order. */
  header: string[];
  signer: string[];
  archiveLine: string;
  absent: string[];
}

const cases: Case[] = [
  {
    profile: 'party',
    parent: ['ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG'],
    lines: ['ĐẢNG ỦY XÃ KIẾN MINH'],
    abbreviation: 'ĐU',
    authority: 'BAN THƯỜNG VỤ',
    position: 'BÍ THƯ',
    archive: ['Văn phòng Đảng ủy'],
    header: ['ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG', 'ĐẢNG ỦY XÃ KIẾN MINH', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số      -KH/ĐU', 'Kiến Minh, ngày      tháng 9 năm 2025'],
    signer: ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'],
    archiveLine: '- Lưu Văn phòng Đảng ủy.',
    absent: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'TM. BAN THƯỜNG VỤ'],
  },
  {
    profile: 'youth-union',
    parent: ['THÀNH ĐOÀN HẢI PHÒNG'],
    lines: ['BCH ĐOÀN XÃ KIẾN MINH'],
    abbreviation: 'ĐTN',
    authority: 'BAN THƯỜNG VỤ',
    position: 'BÍ THƯ',
    archive: ['VP'],
    header: ['THÀNH ĐOÀN HẢI PHÒNG', 'BCH ĐOÀN XÃ KIẾN MINH', '***', 'ĐOÀN TNCS HỒ CHÍ MINH', 'Số:      -KH/ĐTN', 'Kiến Minh, ngày      tháng 9 năm 2025'],
    signer: ['TM. BAN THƯỜNG VỤ', 'BÍ THƯ'],
    archiveLine: '- Lưu VP.',
    absent: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
  },
  {
    profile: 'farmers-union',
    parent: ['HỘI NÔNG DÂN VIỆT NAM'],
    lines: ['BCH HỘI NÔNG DÂN', 'XÃ KIẾN MINH'],
    abbreviation: 'HNDX',
    authority: 'BAN THƯỜNG VỤ',
    position: 'CHỦ TỊCH',
    archive: ['VT'],
    header: ['HỘI NÔNG DÂN VIỆT NAM', 'BCH HỘI NÔNG DÂN', 'XÃ KIẾN MINH', '*', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số      -KH/HNDX', 'Kiến Minh, ngày      tháng 9 năm 2025'],
    signer: ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH'],
    archiveLine: '- Lưu: VT.',
    absent: [],
  },
];

function campaignOf(c: Case) {
  const data = structuredClone(original);
  Object.assign(data.issuer, { profile: c.profile, parent: c.parent, lines: c.lines, abbreviation: c.abbreviation });
  data.plan.signer = { authorities: [{ prefix: 'TM.', of: c.authority }], position: c.position, name: null };
  data.plan.archive = c.archive;
  // A unit of the same abbreviation (the commune's own Youth Union) would clash with the issuer's.
  for (const u of data.units) if (u.abbreviation === c.abbreviation) u.abbreviation = `${c.abbreviation}X`;
  const checked = checkCampaignData(data);
  expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return checked.campaign!;
}

/** `want` in `have` in this order, each once at least, others between allowed. */
function inOrder(have: string[], want: string[]): void {
  let at = 0;
  for (const w of want) {
    const i = have.indexOf(w, at);
    expect(i, `"${w}" after "${have[at - 1] ?? ''}" in ${JSON.stringify(have.slice(0, 40))}`).toBeGreaterThanOrEqual(0);
    at = i + 1;
  }
}

describe.each(cases)('a launch plan in the $profile format', (c) => {
  it('its view heads, numbers and signs it so', () => {
    const view = planView(campaignOf(c));
    const h = view.header;
    expect([...h.parent, ...h.issuer, h.issuerMark, h.nationalName, ...(h.motto === null ? [] : [h.motto]), h.number, h.placeDate]).toEqual(c.header);
    expect(view.closing.signerLines).toEqual(c.signer);
    expect(view.closing.recipients.at(-1)).toBe(c.archiveLine);
  });

  it('the DOCX says so, in reading order, and nothing of another format', async () => {
    const view = planView(campaignOf(c));
    const docx = renderDocx(view, await loadDocxTemplate());
    const paras = docxParagraphs(docx);
    inOrder(paras, [...c.header, ...c.signer]);
    expect(paras).toContain(c.archiveLine);
    for (const a of c.absent) expect(paras).not.toContain(a);
  });

  it('the PDF says so, in reading order, and nothing of another format', async () => {
    const view = planView(campaignOf(c));
    const text = (await pdfPagesText((await renderPdf(view)).content)).join('\n');
    const squeeze = (t: string) => t.replace(/\s+/g, ' ').trim();
    // Header cells side by side come out of the PDF line by line: each expected line appears, in order.
    const flat = squeeze(text);
    const after = (want: string[], from: number): number =>
      want.reduce((at, w) => {
        const i = flat.indexOf(w, at);
        expect(i, `"${w}" in the PDF text after position ${at}`).toBeGreaterThanOrEqual(0);
        return i + w.length;
      }, from);
    const headerEnd = after(c.header.map(squeeze), 0);
    // The recipients and the signer stand side by side: each in its own order after the body.
    after(c.signer, headerEnd);
    after([c.archiveLine], headerEnd);
    for (const a of c.absent) expect(flat).not.toContain(a);
  });
});
