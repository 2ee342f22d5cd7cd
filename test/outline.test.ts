/**
 * The outline as data, table by table: the labels of every numbering scheme,
 * what an outline prints (numbering by depth, as printed, run-in headings,
 * typed blocks where they stand, empty sections left out), the phrasing of
 * indicators, the citation of documents, the times of a campaign, and the
 * words of levels and kinds.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CitedDocument, Indicator, Issuer, Node, Outline, Table, Unit } from '../src/model/schema.js';
import { planView } from '../src/view/plan.js';
import { unitPlanView } from '../src/view/unit-plan.js';
import { tableView } from '../src/view/table.js';
import { fitColumns, fitWidths, type ColumnNeed, type Measure } from '../src/view/column-fit.js';
import { tableXml } from '../src/render/docx.js';
import { defaultScheme, listLabel, numberLine, type Scheme } from '../src/format/numbering.js';
import { citation, citationHead } from '../src/format/citation.js';
import { outlineBlocks, type OutlineContext } from '../src/view/outline.js';
import { appendixTextWidth } from '../src/layout.js';
import { indicatorSentence, indicatorText } from '../src/view/indicators.js';
import { fromText, untilText } from '../src/view/sentences.js';
import { campaignKindName, issuerWords, reportKindWords, unitWords } from '../src/phrases/words.js';
import { Campaign } from '../src/model/schema.js';
import { textOf } from './support/kien-minh.js';

const ctx: OutlineContext = { codeOf: () => undefined, kindName: 'Đợt thi đua' };
/** An outline's printed lines: "role: text", a run-in heading as "role: [lead] text". */
function printed(nodes: z.input<typeof Node>[], numbering?: Scheme): string[] {
  return outlineBlocks(Outline.parse(nodes), ctx, numbering).map((b) =>
    b.role === 'table' ? 'table' : `${b.role}: ${b.lead ? `[${b.lead.text}|${b.lead.style}] ` : ''}${b.text}`,
  );
}

describe('listLabel: the label of the n-th entry of a list', () => {
  it.each<[Scheme, number, string, string]>([
    ['roman', 1, '', 'I.'],
    ['roman', 4, '', 'IV.'],
    ['roman', 14, '', 'XIV.'],
    ['arabic', 1, '', '1.'],
    ['arabic', 12, 'II.', '12.'],
    ['decimal', 1, '2.', '2.1.'],
    ['decimal', 3, '2.1.', '2.1.3.'],
    ['decimal', 2, '', '2.'],
    ['decimal', 1, 'a)', '1.'],
    ['decimal', 2, '-', '2.'],
    ['decimal', 1, 'Phần I.', '1.'],
    ['letter', 1, '1.', 'a)'],
    ['letter', 5, '', 'đ)'],
    ['letter', 23, '', 'y)'],
    ['dash', 7, 'a)', '-'],
    ['plus', 2, '-', '+'],
    ['none', 3, '1.', ''],
  ])('%s, entry %i under "%s" → "%s"', (scheme, n, parent, expected) => {
    expect(listLabel(scheme, n, parent)).toBe(expected);
  });

  it('runs out of letters after y', () => {
    expect(() => listLabel('letter', 24)).toThrow(RangeError);
  });

  it.each<[number, Scheme]>([
    [1, 'roman'],
    [2, 'arabic'],
    [3, 'letter'],
    [4, 'dash'],
    [5, 'plus'],
    [6, 'plus'],
  ])('a list at depth %i is numbered %s unless the data says otherwise', (depth, scheme) => {
    expect(defaultScheme(depth)).toBe(scheme);
  });
});

describe('the number line: the number as the issuer prints it', () => {
  it.each<[number | string | null, string, string]>([
    [5, 'KH-UBND', 'Số: 05/KH-UBND'],
    ['0124', 'KH-UBND', 'Số: 0124/KH-UBND'],
    ['05', 'BC-PTNMT', 'Số: 05/BC-PTNMT'],
    [null, 'KH-HĐTĐKT', 'Số:      /KH-HĐTĐKT'],
  ])('%j and %s → %j', (n, symbol, expected) => {
    expect(numberLine(n, symbol)).toBe(expected);
  });
});

describe('outlineBlocks: what an outline prints', () => {
  it.each<[string, z.input<typeof Node>[], string[], Scheme?]>([
    [
      'sections numbered by depth: I. / 1. / a) / - / +, plain paragraphs not counted',
      [
        'Mở đầu.',
        {
          section: 'MỤC ĐÍCH',
          body: [
            'Đoạn không đánh số.',
            { section: 'Mục đích', items: ['Một', { item: 'Hai', items: ['Ba', { item: 'Bốn', items: ['Năm'] }] }] },
          ],
        },
        { section: 'YÊU CẦU' },
      ],
      [
        'body: Mở đầu.',
        'section: I. MỤC ĐÍCH',
        'body: Đoạn không đánh số.',
        'clause: 1. Mục đích',
        'body: a) Một',
        'body: b) Hai',
        'body: - Ba',
        'body: - Bốn',
        'body: + Năm',
        'section: II. YÊU CẦU',
      ],
    ],
    [
      'a section\'s own scheme for its children: decimal under "2.", dashes',
      [{ section: 'A', body: [{ section: 'B' }, { section: 'C', numbering: 'decimal', body: [{ section: 'D:' }, { section: 'E:' }] }, { section: 'F', numbering: 'dash', items: ['G'] }] }],
      ['section: I. A', 'clause: 1. B', 'clause: 2. C', 'subclause: 2.1. D:', 'subclause: 2.2. E:', 'clause: 3. F', 'body: - G'],
    ],
    [
      'labels as printed: the counter goes on under them; an empty label prints none',
      [{ section: 'A', body: [{ section: 'B', label: '5.1.' }, { section: 'C' }, { section: 'D', label: '' }, { section: 'E' }] }],
      ['section: I. A', 'clause: 5.1. B', 'clause: 2. C', 'clause: D', 'clause: 4. E'],
    ],
    [
      'a top-level list numbered arabic',
      [{ section: 'Mục đích' }, { section: 'Yêu cầu' }],
      ['section: 1. Mục đích', 'section: 2. Yêu cầu'],
      'arabic',
    ],
    [
      'run-in headings: bold at a clause\'s depth, italic at a point\'s',
      [{ section: 'A', body: [{ item: 'Cán bộ, công chức.', lead: 'Đối tượng:' }, { section: 'B', body: [{ item: 'Nhân dân.', lead: 'Phạm vi:' }, { item: 'Cả năm.', lead: 'Thời gian:' }] }] }],
      ['section: I. A', 'body: [1. Đối tượng:|leadClause] Cán bộ, công chức.', 'clause: 2. B', 'body: [a) Phạm vi:|leadPoint] Nhân dân.', 'body: [b) Thời gian:|leadPoint] Cả năm.'],
    ],
    [
      'a point alone is not lettered (no "a)" without a "b)"); one lettered as printed keeps its label',
      [{ section: 'A', body: [{ section: 'B', items: ['Một việc.'] }, { section: 'C', items: [{ item: 'Việc ghi sẵn.', label: 'a)' }] }] }],
      ['section: I. A', 'clause: 1. B', 'body: Một việc.', 'clause: 2. C', 'body: a) Việc ghi sẵn.'],
    ],
    [
      'a point beside one lettered as printed is lettered after it',
      [{ section: 'A', body: [{ section: 'B', items: [{ item: 'Việc ghi sẵn.', label: 'a)' }, 'Việc sau.'] }] }],
      ['section: I. A', 'clause: 1. B', 'body: a) Việc ghi sẵn.', 'body: b) Việc sau.'],
    ],
    [
      'a note in brackets is said once, on the first of the sibling headings that end with it',
      [{ section: 'A', body: [{ section: 'X (theo Kế hoạch)', items: ['x'] }, { section: 'Y (theo Kế hoạch)', items: ['y'] }, { section: 'Z (khác)', items: ['z'] }] }],
      ['section: I. A', 'clause: 1. X (theo Kế hoạch)', 'body: x', 'clause: 2. Y', 'body: y', 'clause: 3. Z (khác)', 'body: z'],
    ],
    [
      'wrappers (commendation, organisation, tasks) stand in their list: their entries are counted with the others',
      [
        {
          section: 'A',
          body: [
            { section: 'Trước' },
            { organisation: [{ section: 'Phòng X' }, 'Đoạn.'] },
            { tasks: [{ id: 't', item: 'Nhiệm vụ' }] },
            { commendation: [{ item: 'Khen' }] },
          ],
        },
      ],
      ['section: I. A', 'clause: 1. Trước', 'clause: 2. Phòng X', 'body: Đoạn.', 'body: 3. Nhiệm vụ', 'body: 4. Khen'],
    ],
    [
      'sections marked omitEmpty are left out when empty, and the others numbered in turn',
      [{ section: 'A', body: [{ section: 'Trống', omitEmpty: true }, { section: 'Có', omitEmpty: true, items: ['x'] }, { section: 'Rỗng' }] }],
      ['section: I. A', 'clause: 1. Có', 'body: x', 'clause: 2. Rỗng'],
    ],
    [
      'the time of the campaign as a paragraph, and as a run-in item with its phases',
      [
        { timeline: { start: 'launch', end: '2025-12-31' } },
        {
          section: 'A',
          body: [
            {
              lead: 'Thời gian:',
              timeline: {
                subject: '',
                start: '2025-10',
                end: { event: 'khi kết thúc Đại hội' },
                phases: [{ name: 'Giai đoạn 1', from: '2025-10-01', to: '2025-11-30', text: 'phát động' }],
              },
            },
          ],
        },
      ],
      [
        'body: Đợt thi đua được triển khai từ ngày phát động đến hết tháng 12/2025.',
        'section: I. A',
        'body: [1. Thời gian:|leadClause] Từ tháng 10/2025 đến khi kết thúc Đại hội.',
        'body: - Giai đoạn 1 (từ ngày 01/10/2025 đến ngày 30/11/2025): phát động.',
      ],
    ],
    [
      'the reporting duty, composed with and without a collecting body, and as printed',
      [
        { reporting: { to: 'Ủy ban nhân dân xã', via: 'phòng Văn hóa - Xã hội', deadline: '2025-12-10', purpose: 'để tổng hợp' } },
        { reporting: { to: 'Sở Nội vụ', deadline: '2026-01-05' } },
        { reporting: { to: 'Sở Nội vụ', deadline: '2026-01-05', sentence: 'Gửi báo cáo về Sở Nội vụ trước ngày 05/01/2026.' } },
      ],
      [
        'body: Báo cáo kết quả thực hiện về Ủy ban nhân dân xã (qua phòng Văn hóa - Xã hội trước ngày 10/12/2025) để tổng hợp.',
        'body: Báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 05/01/2026.',
        'body: Gửi báo cáo về Sở Nội vụ trước ngày 05/01/2026.',
      ],
    ],
    [
      'cited documents: one paragraph with what follows; legal bases on their own italic lines',
      [
        { basis: { verb: 'Căn cứ', lines: true, end: ';', documents: [{ type: 'Luật', name: 'Thi đua, khen thưởng', date: '2022-06-15' }, { type: 'Nghị định', reference: '98/2023/NĐ-CP', date: '2023-12-31', issuer: 'Chính phủ' }] } },
        { basis: { documents: [{ type: 'Quyết định', reference: '2437/QĐ-TTg', date: '2025-11-04', dateForm: 'short', issuer: 'Thủ tướng Chính phủ' }], separator: ', ', thenSeparator: ', ', then: 'Sở X ban hành Kế hoạch như sau:' } },
      ],
      [
        'basis: Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
        'basis: Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;',
        'body: Thực hiện Quyết định số 2437/QĐ-TTg ngày 04/11/2025 của Thủ tướng Chính phủ, Sở X ban hành Kế hoạch như sau:',
      ],
    ],
    [
      'indicators coded "(n)." by default, or as items of their list',
      [
        { indicators: [{ id: 'a', code: 3, items: [{ id: 'b', kind: 'percent', label: 'Tỷ lệ', target: 90 }] }] },
        { section: 'A', numbering: 'dash', body: [{ numbering: 'list', indicators: [{ id: 'c', items: [{ id: 'd', kind: 'percent', target: 100, after: 'hồ sơ đúng hạn', name: 'Hồ sơ' }], end: ';' }] }] },
      ],
      ['body: (3). Tỷ lệ: 90%.', 'section: I. A', 'body: - 100% hồ sơ đúng hạn;'],
    ],
    [
      'a paragraph with its own emphasis keeps its text',
      [{ paragraph: 'PHẦN THỨ NHẤT', bold: true, align: 'center', indent: false }],
      ['body: PHẦN THỨ NHẤT'],
    ],
  ])('%s', (_name, nodes, expected, numbering) => {
    expect(printed(nodes, numbering)).toEqual(expected);
  });

  it('keeps a paragraph\'s emphasis and alignment for the renderers', () => {
    const [b] = outlineBlocks(Outline.parse([{ paragraph: 'Ghi chú', italic: true, align: 'center', indent: false }]), ctx);
    expect(b).toEqual({ role: 'body', text: 'Ghi chú', own: { bold: false, italic: true, align: 'center', indent: false } });
  });

  it('a table stands where it is, its rows on the grid of its columns', () => {
    const blocks = outlineBlocks(
      Outline.parse([
        'Trước bảng.',
        {
          table: {
            columns: [{ width: 1 }, { width: 2 }, { width: 1 }],
            header: [[{ text: 'A', rowSpan: 2 }, { text: 'B', colSpan: 2 }], ['B1', 'B2']],
            rows: [[{ text: ['x', 'y'] }, null, 'z'], { group: true, cells: [{ text: 'Tổng', colSpan: 2 }, '3'] }],
          },
        },
      ]),
      ctx,
    );
    expect(blocks.map(textOf)).toEqual(['Trước bảng.', '']);
    const t = blocks[1].role === 'table' ? blocks[1].table : undefined;
    expect(t!.widths).toEqual([0.25, 0.5, 0.25]);
    expect(t!.header[0].cells.map((c) => ('lines' in c ? c.lines : c))).toEqual([['A'], ['B'], { covered: 'col' }]);
    expect(t!.header[1].cells.map((c) => ('lines' in c ? c.lines : c))).toEqual([{ covered: 'row', colSpan: 1 }, ['B1'], ['B2']]);
    expect(t!.rows[0].cells.map((c) => ('lines' in c ? c.lines : c))).toEqual([['x', 'y'], [], ['z']]);
    expect(t!.rows[1].cells.map((c) => ('lines' in c ? [c.lines, c.bold] : c))).toEqual([[['Tổng'], true], { covered: 'col' }, [['3'], true]]);
  });

  it('breaks a heading for the width of its page: a landscape appendix\'s line holds what a portrait one does not', () => {
    // Two thirds of a portrait line fit before "của"; the whole does not fit one portrait line, but fits a landscape one.
    const heading = [{ section: 'Bảng tổng hợp kết quả thực hiện các chỉ tiêu chủ yếu năm 2025 của các đơn vị trên địa bàn xã' }];
    const [portrait] = outlineBlocks(Outline.parse(heading), ctx);
    const [landscape] = outlineBlocks(Outline.parse(heading), ctx, undefined, appendixTextWidth(true));
    expect(portrait.role !== 'table' && portrait.text).toContain('\u00a0');
    expect(landscape.role !== 'table' && landscape.text).toBe(`I. ${heading[0].section}`);
  });

  const LINE = 'Tổ chức tổng vệ sinh môi trường khu dân cư hằng tháng, trồng hoa trên các tuyến đường thôn;';
  it.each<[string, string[], boolean[]]>([
    ['a one-line last item keeps the item before with it', [LINE, `${LINE} ${LINE}`, 'Một ý ngắn.'], [false, true, false]],
    ['a last item of two lines stands alone (widow control keeps it whole)', [LINE, `${LINE} ${LINE}`, `${LINE} ${LINE}`], [false, false, false]],
    ['an item before of more than three lines is not moved with it', [LINE, Array(5).fill(LINE).join(' '), 'Một ý ngắn.'], [false, false, false]],
    ['a one-item list keeps nothing', ['Một ý ngắn.'], [false]],
  ])('a list\'s end: %s', (_, items, kept) => {
    const blocks = outlineBlocks(Outline.parse([{ section: 'Danh sách', numbering: 'dash', items }]), ctx).slice(1);
    expect(blocks.map((b) => b.role !== 'table' && b.keepWithNext === true)).toEqual(kept);
  });

  it('refuses a generated block in an outline the issuer wrote', () => {
    expect(() => outlineBlocks(Outline.parse([{ generate: 'leads-tasks' }]), ctx)).toThrow(/cannot stand here/);
  });
});

describe('indicator phrasing: the value anywhere in its sentence', () => {
  type In = z.input<typeof Indicator>;
  it.each<[string, In, string]>([
    [
      'value first, words after it',
      { id: 'x', items: [{ id: 'a', kind: 'percent', target: 100, after: 'hồ sơ được giải quyết đúng hạn', name: 'Hồ sơ đúng hạn' }] },
      '100% hồ sơ được giải quyết đúng hạn.',
    ],
    [
      'words before, the binding in words, the value, words after',
      { id: 'x', items: [{ id: 'a', kind: 'percent', label: 'Phấn đấu có', separator: ' ', printBound: true, target: 70, after: 'số người được khám sức khỏe' }] },
      'Phấn đấu có ít nhất 70% số người được khám sức khỏe.',
    ],
    [
      'the plan\'s own words of the binding',
      { id: 'x', items: [{ id: 'a', kind: 'count', label: 'Tạo việc làm cho', separator: ' ', printBound: true, boundWords: 'trên', target: 500, unit: 'lao động' }] },
      'Tạo việc làm cho trên 500 lao động.',
    ],
    [
      'at most, for what lower is better',
      { id: 'x', items: [{ id: 'a', kind: 'percent', label: 'Tỷ lệ hộ nghèo giảm xuống', separator: ' ', printBound: true, lowerIsBetter: true, target: '1.5' }] },
      'Tỷ lệ hộ nghèo giảm xuống không quá 1,5%.',
    ],
    [
      'a range in words',
      { id: 'x', items: [{ id: 'a', kind: 'percent', label: 'Tỷ lệ che phủ rừng', target: { from: 60, to: 62 } }] },
      'Tỷ lệ che phủ rừng: từ 60% đến 62%.',
    ],
    [
      'several values in one sentence, joined by commas',
      {
        id: 'x',
        join: ', ',
        items: [
          { id: 'a', kind: 'percent', label: 'tỷ lệ hộ nghèo giảm', separator: ' ', target: '1.5', lowerIsBetter: true },
          { id: 'b', kind: 'percent', label: 'hộ cận nghèo giảm', separator: ' ', target: 1, lowerIsBetter: true },
        ],
        lead: 'Phấn đấu',
      },
      'Phấn đấu tỷ lệ hộ nghèo giảm 1,5%, hộ cận nghèo giảm 1%.',
    ],
    [
      'words after that close onto the value',
      { id: 'x', items: [{ id: 'a', kind: 'count', label: 'Xây mới', separator: ' ', target: '03', unit: 'nhà', after: ', sửa chữa 05 nhà' }] },
      'Xây mới 03 nhà, sửa chữa 05 nhà.',
    ],
  ])('%s', (_name, input, expected) => {
    expect(indicatorText(Indicator.parse(input))).toBe(expected);
  });

  it('prints its code before its sentence', () => {
    expect(indicatorSentence(Indicator.parse({ id: 'x', codeDot: false, items: [{ id: 'a', kind: 'completion', label: 'dự án' }] }), 7)).toBe('(7) Hoàn thành dự án.');
  });

  it('an item with neither words before its value nor a short name is refused', () => {
    const r = Indicator.safeParse({ id: 'x', items: [{ id: 'a', kind: 'percent', target: 1 }] });
    expect(r.success).toBe(false);
  });
});

describe('citation: a cited document as written', () => {
  type In = z.input<typeof CitedDocument>;
  it.each<[In, string]>([
    [
      { type: 'Kế hoạch', reference: '232/KH-UBND', date: '2025-09-09', issuer: 'Ủy ban nhân dân thành phố Hải Phòng', title: 'phát động ...' },
      'Kế hoạch số 232/KH-UBND ngày 09 tháng 9 năm 2025 của Ủy ban nhân dân thành phố Hải Phòng phát động ...',
    ],
    [{ type: 'Chỉ thị', reference: '41-CT/TW', date: '2024-12-26', dateForm: 'short', commaBeforeDate: true, issuer: 'Bộ Chính trị' }, 'Chỉ thị số 41-CT/TW, ngày 26/12/2024 của Bộ Chính trị'],
    [{ type: 'Quyết định', reference: '2437/QĐ-TTg', date: '2025-11-04', dateForm: 'short', issuer: 'Thủ tướng Chính phủ' }, 'Quyết định số 2437/QĐ-TTg ngày 04/11/2025 của Thủ tướng Chính phủ'],
    [{ type: 'Nghị quyết', reference: '57-NQ/TW', date: '2024-12-22', dateForm: 'short' }, 'Nghị quyết số 57-NQ/TW ngày 22/12/2024'],
    [{ type: 'Nghị quyết', reference: '59-NQ/TW', date: '2025-01-24', dateForm: 'short' }, 'Nghị quyết số 59-NQ/TW ngày 24/01/2025'],
    [{ type: 'Quyết định', reference: '2437/QĐ-TTg', date: '2025-11-04', dateForm: 'plain' }, 'Quyết định số 2437/QĐ-TTg ngày 4/11/2025'],
    [{ type: 'Nghị định', reference: '98/2023/NĐ-CP', date: '2023-12-31', issuer: 'Chính phủ' }, 'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ'],
    [{ type: 'Luật', name: 'Thi đua, khen thưởng', date: '2022-06-15' }, 'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022'],
    [{ type: 'Luật', name: 'Hộ tịch năm 2014' }, 'Luật Hộ tịch năm 2014'],
    [{ type: 'Công văn', reference: '12/UBND-VX', date: '2025-01-24', dateForm: 'short', issuer: 'UBND tỉnh' }, 'Công văn số 12/UBND-VX ngày 24/01/2025 của UBND tỉnh'],
  ])('%j', (input, expected) => {
    expect(citation(CitedDocument.parse(input))).toBe(expected);
  });

  it('the head leaves the title out', () => {
    expect(citationHead(CitedDocument.parse({ type: 'Kế hoạch', reference: '5/KH-UBND', title: 'về x' }))).toBe('Kế hoạch số 5/KH-UBND');
  });

  it.each(['232/kh ubnd', 'KH-UBND', '232'])('refuses the reference %j', (reference) => {
    expect(CitedDocument.safeParse({ type: 'Kế hoạch', reference }).success).toBe(false);
  });
});

describe('the times of a campaign', () => {
  it.each<[Parameters<typeof fromText>[0], string, string]>([
    ['launch', 'ngày phát động', 'ngày phát động'],
    ['2025-10-01', 'ngày 01/10/2025', 'ngày 01/10/2025'],
    ['2025-12-31', 'ngày 31/12/2025', 'hết tháng 12/2025'],
    ['2026-02-28', 'ngày 28/02/2026', 'hết tháng 02/2026'],
    ['2025-10', 'tháng 10/2025', 'hết tháng 10/2025'],
    ['2026-01', 'tháng 01/2026', 'hết tháng 01/2026'],
    [{ event: 'khi kết thúc Đại hội' }, 'khi kết thúc Đại hội', 'khi kết thúc Đại hội'],
  ])('%j: from %j, until %j', (p, from, until) => {
    expect(fromText(p)).toBe(from);
    expect(untilText(p)).toBe(until);
  });
});

describe('the words of levels and kinds (templates/*.yaml)', () => {
  const issuer = (level: string, kind = 'people-committee', words = {}) =>
    Issuer.parse({ level, kind, lines: ['X'], abbreviation: 'UBND', place: 'X', name: 'X', words });

  it.each<[string, string, string, string, string, string]>([
    ['xa', 'xã', 'các thôn', 'các phòng, ban, ngành, đoàn thể', 'Chủ tịch Ủy ban nhân dân xã', 'Đảng ủy xã'],
    ['phuong', 'phường', 'các tổ dân phố', 'các phòng, ban, ngành, đoàn thể', 'Chủ tịch Ủy ban nhân dân phường', 'Đảng ủy phường'],
    ['dac-khu', 'đặc khu', 'các thôn, tổ dân phố', 'các phòng, ban, ngành, đoàn thể', 'Chủ tịch Ủy ban nhân dân đặc khu', 'Đảng ủy đặc khu'],
    ['huyen', 'huyện', 'các xã, thị trấn', 'các phòng, ban, ngành, đoàn thể', 'Chủ tịch Ủy ban nhân dân huyện', 'Huyện ủy'],
    ['tinh', 'tỉnh', 'các xã, phường', 'các sở, ban, ngành, đoàn thể', 'Chủ tịch Ủy ban nhân dân tỉnh', 'Tỉnh ủy'],
    ['thanh-pho', 'thành phố', 'các xã, phường, đặc khu', 'các sở, ban, ngành, đoàn thể', 'Chủ tịch Ủy ban nhân dân thành phố', 'Thành ủy'],
  ])('a People\'s Committee of level %s: %s, %s, %s, %s, %s', (level, word, subdivisions, bodies, head, party) => {
    expect(issuerWords(issuer(level))).toEqual({ level: word, subdivisions, bodies, head, party });
  });

  it('a department has its own bodies and head; the issuer\'s own words win', () => {
    expect(issuerWords(issuer('tinh', 'department'))).toEqual({ level: 'tỉnh', subdivisions: 'các đơn vị trực thuộc', bodies: 'các phòng, đơn vị', head: 'Thủ trưởng cơ quan', party: 'Tỉnh ủy' });
    expect(issuerWords(issuer('tinh', 'department', { head: 'Giám đốc Sở', bodies: 'các phòng thuộc Sở' }))).toMatchObject({ head: 'Giám đốc Sở', bodies: 'các phòng thuộc Sở' });
  });

  const unit = (kind: string, extra = {}) =>
    Unit.parse({ id: 'u', name: 'Tên', kind, abbreviation: 'U', header: { lines: ['U'] }, signer: { position: 'TRƯỞNG' }, ...extra });

  it.each<[string, string, string, string, string]>([
    // In its own plan a unit is "đơn vị", "thôn", "tổ dân phố" past its title, opening and closing; its name stays with its head.
    ['department', 'toàn thể công chức, người lao động', 'Lãnh đạo Tên', 'trong lĩnh vực được giao phụ trách', 'nhiệm vụ chính trị, chuyên môn của đơn vị'],
    ['force', 'toàn thể cán bộ, chiến sĩ', 'Lãnh đạo Tên', 'trong lĩnh vực được giao phụ trách', 'nhiệm vụ chính trị, chuyên môn của đơn vị'],
    ['mass-organisation', 'toàn thể cán bộ, hội viên', 'Ban Thường vụ Tên', 'trong các chi hội', 'nhiệm vụ chính trị, công tác vận động hội viên của Hội'],
    ['village', 'cán bộ, đảng viên và các hộ gia đình trong thôn', 'Trưởng thôn', 'trên địa bàn thôn', 'nhiệm vụ phát triển kinh tế - xã hội, bảo đảm an ninh, trật tự trên địa bàn thôn'],
    ['residential-group', 'cán bộ, đảng viên và các hộ gia đình trong tổ dân phố', 'Tổ trưởng tổ dân phố', 'trên địa bàn tổ dân phố', 'nhiệm vụ phát triển kinh tế - xã hội, bảo đảm an ninh, trật tự trên địa bàn tổ dân phố'],
  ])('a unit of kind %s: %s / %s / %s / %s', (kind, audience, head, field, duty) => {
    expect(unitWords(unit(kind))).toMatchObject({ audience, head, field, duty });
  });

  it.each<[string, string, string, string]>([
    // Under the People's Committee a unit is given its part; the Front and the mass organisations, beside it, are asked.
    ['department', 'được giao chủ trì', 'được giao phối hợp', 'được giao'],
    ['village', 'được giao chủ trì', 'được giao phối hợp', 'được giao'],
    ['front', 'chủ trì thực hiện', 'tham gia phối hợp thực hiện', 'đề ra'],
    ['youth-union', 'chủ trì thực hiện', 'tham gia phối hợp thực hiện', 'đề ra'],
    ['womens-union', 'chủ trì thực hiện', 'tham gia phối hợp thực hiện', 'đề ra'],
    ['farmers-union', 'chủ trì thực hiện', 'tham gia phối hợp thực hiện', 'đề ra'],
    ['veterans-association', 'chủ trì thực hiện', 'tham gia phối hợp thực hiện', 'đề ra'],
  ])('a unit of kind %s leads what is "%s", supports what is "%s", achieves what is "%s"', (kind, leading, supporting, assigned) => {
    const issuer = { level: 'xã', subdivisions: 'các thôn', bodies: 'các phòng, ban', head: 'Chủ tịch', party: 'Đảng ủy xã' };
    expect(unitWords(unit(kind), issuer)).toMatchObject({ leading, supporting, assigned });
    expect(unitWords(unit(kind, { supporting: 'phối hợp' }), issuer).supporting).toBe('phối hợp');
  });

  it('a unit\'s own words win', () => {
    expect(unitWords(unit('village', { audience: 'các hộ gia đình trong thôn' })).audience).toBe('các hộ gia đình trong thôn');
  });

  it.each<[string, string | undefined, string]>([
    ['dot', undefined, 'Đợt thi đua'],
    ['phong-trao', undefined, 'Phong trào thi đua'],
    ['chuyen-de', 'Phong trào thi đua chuyên đề', 'Phong trào thi đua chuyên đề'],
  ])('a campaign of kind %s (own word %j) is named %s', (kind, kindName, expected) => {
    const c = Campaign.parse({ id: 'c', name: 'x', kind, ...(kindName ? { kindName } : {}), issuer: { level: 'xa', lines: ['X'], abbreviation: 'UBND', place: 'X', name: 'X' } });
    expect(campaignKindName(c)).toBe(expected);
  });

  it.each<['tong-ket' | 'so-ket' | 'ket-qua', string, string, string]>([
    ['tong-ket', 'Tổng kết Đợt thi đua A', 'báo cáo tổng kết', 'bao-cao-tong-ket'],
    ['so-ket', 'Sơ kết Đợt thi đua A', 'báo cáo sơ kết', 'bao-cao-so-ket'],
    ['ket-qua', 'Kết quả thực hiện Đợt thi đua A', 'báo cáo kết quả thực hiện', 'bao-cao-ket-qua'],
  ])('a report of kind %s: %s, %s, %s', (kind, summary, name, file) => {
    expect(reportKindWords(kind, 'Đợt thi đua A')).toEqual({ summary, name, file });
  });
});

describe('typed blocks read the same wherever they stand', () => {
  const base = {
    id: 'c',
    name: 'Đợt thi đua A',
    kind: 'dot',
    issuer: { level: 'phuong', lines: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG A'], abbreviation: 'UBND', place: 'A', name: 'Ủy ban nhân dân phường A' },
  };
  const plan = (body: unknown[], extra: Record<string, unknown> = {}) => ({
    date: { year: 2025, month: 10, day: 1 },
    summary: 'Phát động Đợt thi đua A',
    body,
    recipients: [{ name: 'Lưu trữ' }],
    archive: ['VT'],
    signer: { position: 'CHỦ TỊCH' },
    ...extra,
  });
  const unit = (id: string, extra: Record<string, unknown> = {}) => ({
    id, name: `Tổ ${id}`, kind: 'residential-group', abbreviation: id.toUpperCase(), header: { lines: [`TỔ ${id.toUpperCase()}`] }, signer: { position: 'TỔ TRƯỞNG' }, ...extra,
  });

  it('an automatic code is one more than the code before it', () => {
    const c = Campaign.parse({
      ...base,
      plan: plan([{ indicators: [{ id: 'a', code: 5, items: [{ id: 'a1', kind: 'percent', label: 'A', target: 1 }] }, { id: 'b', items: [{ id: 'b1', kind: 'percent', label: 'B', target: 2 }] }] }]),
    });
    expect(planView(c).body.map(textOf).slice(0, 2)).toEqual(['(5). A: 1%.', '(6). B: 2%.']);
  });

  it('indicators of an appendix are coded with the plan\'s, in turn', () => {
    const c = Campaign.parse({
      ...base,
      plan: plan(
        [{ indicators: [{ id: 'a', items: [{ id: 'a1', kind: 'percent', label: 'A', target: 1 }] }] }, 'Các chỉ tiêu khác tại Phụ lục.'],
        { appendices: [{ title: ['CHỈ TIÊU'], body: [{ indicators: [{ id: 'b', items: [{ id: 'b1', kind: 'percent', label: 'B', target: 2 }] }] }] }] },
      ),
    });
    expect(planView(c).appendices[0].body.map(textOf)).toEqual(['(2). B: 2%.']);
  });

  it('a unit named by a clause gets the clause\'s words once, without the plan\'s own reporting sentence', () => {
    const c = Campaign.parse({
      ...base,
      plan: plan([
        {
          organisation: [
            {
              section: 'Các tổ dân phố',
              units: ['t1'],
              body: ['Xây dựng kế hoạch của tổ.', { section: 'Tổ 1', units: ['t1'], body: ['Làm điểm.'] }, { reporting: { to: 'UBND phường', deadline: '2025-12-01' } }],
            },
          ],
        },
      ]),
      units: [unit('t1')],
    });
    const texts = unitPlanView(c, c.units[0]).body.map(textOf);
    expect(texts.filter((t) => t === 'Xây dựng kế hoạch của tổ.')).toHaveLength(1);
    expect(texts.filter((t) => t.endsWith('Làm điểm.'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('báo cáo kết quả thực hiện về UBND phường'))).toEqual([
      'Tổ t1 báo cáo kết quả thực hiện về UBND phường trước ngày 01/12/2025.',
    ]);
  });

  it('an indicator a unit names whole and by an item is carried once', () => {
    const c = Campaign.parse({
      ...base,
      plan: plan([{ indicators: [{ id: 'a', items: [{ id: 'a1', kind: 'percent', label: 'A', target: 1 }, { id: 'a2', kind: 'percent', label: 'B', target: 2 }] }] }]),
      units: [unit('t1', { leads: { indicators: ['a2', 'a', 'a1'] } })],
    });
    expect(unitPlanView(c, c.units[0]).body.map(textOf).filter((t) => t.startsWith('(1).'))).toEqual(['(1). A: 1%; B: 2%.']);
  });
});

describe('the table renderers', () => {
  it('an italic header cell is italic in the DOCX as in the PDF', () => {
    const t = tableView(Table.parse({ columns: [{ width: 1 }], header: [[{ text: 'Ghi chú', italic: true }]], rows: [['x']] }));
    expect(tableXml(t, 400)).toMatch(/<w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Ghi chú<\/w:t>/);
  });
});

describe('column widths fitted to their content', () => {
  // A column's lines on one line, and the least width its cells keep their line counts at.
  const need = (lines: number[], floor = 20): ColumnNeed => ({ lines, floor });
  it.each<[string, number[], ColumnNeed[], number[]]>([
    ['a line a little wider than its column gets the room, from the slack of a column that wraps anyway', [100, 100], [need([120]), need([300], 70)], [120, 80]],
    ['a column that wraps gives no more than its slack: no cell of it takes another line', [100, 100], [need([120]), need([300], 90)], [100, 100]],
    ['a line far wider than its column is left to wrap', [100, 100], [need([200]), need([300])], [100, 100]],
    ['the widest line within reach is fitted, the longer ones wrap', [100, 200], [need([110, 125, 400]), need([600], 100)], [125, 175]],
    ['room to spare is taken first: half of it', [60, 100, 100], [need([10]), need([110]), need([300])], [50, 110, 100]],
    ['then the slack of a column that wraps, for the rest', [60, 100, 100], [need([10]), need([130]), need([300])], [40, 130, 90]],
    ['a column whose floor is its width gives nothing', [30, 100, 100], [need([5], 28), need([101]), need([100], 100)], [29, 101, 100]],
    ['the nearest to fitting is fitted first, all it lacks or nothing, from a column that cannot be fitted before one that can', [100, 100, 100], [need([110]), need([125]), need([400], 70)], [110, 100, 90]],
    ['nothing wraps: nothing moves', [100, 100], [need([50]), need([90])], [100, 100]],
  ])('%s', (_, widths, needs, expected) => {
    const fitted = fitWidths(widths, needs);
    fitted.forEach((w, k) => expect(w).toBeCloseTo(expected[k], 6));
    expect(fitted.reduce((a, b) => a + b, 0)).toBeCloseTo(widths.reduce((a, b) => a + b, 0), 6);
  });

  // Letters 1 pt wide, a space 1 pt: a text's width is its length; lines broken greedily at spaces.
  const m: Measure = {
    width: (t) => t.length,
    lineCount: (t, _, w) => t.split(' ').reduce<string[]>((ls, word) => (ls.length && `${ls[ls.length - 1]} ${word}`.length <= w ? [...ls.slice(0, -1), `${ls[ls.length - 1]} ${word}`] : [...ls, word]), []).length,
  };
  const cell = (column: number, text: string, span = 1) => ({ column, span, lines: [text], bold: false, italic: false });

  it('takes from a wrapped cell down to where it keeps its line count, no further', () => {
    // "aaaa bbbb cccc dddd" takes two lines in 13 points and down to 9 ("aaaa bbbb" / "cccc dddd"): its column, 15 wide
    // with a padding of 2 and a point more, gives about 3 (the floor is found to half a point); the 30-letter line
    // beside it lacks 2 (32 with its padding) and gets them, the 31-letter one lacks 3 and does not.
    expect(fitColumns([15, 30], [cell(0, 'aaaa bbbb cccc dddd'), cell(1, 'x'.repeat(30))], [], m, 2)).toEqual([13, 32]);
    expect(fitColumns([15, 30], [cell(0, 'aaaa bbbb cccc dddd'), cell(1, 'x'.repeat(31))], [], m, 2)).toEqual([15, 30]);
  });

  it('keeps a cell that spans the columns on as many lines: its floor is shared by them', () => {
    // A 40-letter header across both (43 with padding and margin) holds the first at 43 × 15/45 ≈ 14.3: it gives too little.
    const header = [cell(0, 'h'.repeat(40), 2)];
    expect(fitColumns([15, 30], [cell(0, 'aaaa bbbb cccc dddd'), cell(1, 'x'.repeat(30))], header, m, 2)).toEqual([15, 30]);
  });

  it('measures nothing more when no line is within reach of its column', () => {
    const lazy: Measure = { ...m, lineCount: () => { throw new Error('measured'); } };
    expect(fitColumns([15, 30], [cell(0, 'aaaa bbbb cccc dddd'), cell(1, 'x'.repeat(60))], [], lazy, 2)).toEqual([15, 30]);
  });
});
