/**
 * The year-end summary report of the fixture ("Báo cáo tổng kết"): its frame,
 * its sections, and every figure in it, each expected value worked out here
 * from the YAML (not through the code under test). Changing a result changes
 * the report.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkResultsData, loadAwardForms, loadCampaign } from '../src/model/load.js';
import { reportView } from '../src/view/report.js';
import { STATUS_LABEL } from '../src/report/outcomes.js';
import type { Campaign } from '../src/model/schema.js';
import type { DocumentView } from '../src/view/document.js';
import { bodyTexts, gridOf, rawGroups, rawReporting, textOf } from './support/kien-minh.js';
import {
  CAMPAIGN_FILE, RESULTS_FILE, expectedIndicators, isReached, pad, rate, reachedCount, readYaml, resultOf, vi, type Raw, type Status,
} from './support/expected-outcomes.js';
import { renderFamilyDocument } from './support/documents.js';

const FORMS_FILE = fileURLToPath(new URL('../templates/award-forms.yaml', import.meta.url));

const { campaign } = await loadCampaign(CAMPAIGN_FILE);
const forms = await loadAwardForms();
const plan: Raw = readYaml(CAMPAIGN_FILE);
const rawResults: Raw = readYaml(RESULTS_FILE);
const rawForms: Raw[] = readYaml(FORMS_FILE);

/** The report of the results, after an optional change to (a deep copy of) the results data. */
function report(change: (d: Raw) => void = () => {}, c: Campaign = campaign): { view: DocumentView; data: Raw } {
  const data = structuredClone(rawResults);
  change(data);
  const checked = checkResultsData(structuredClone(data), c, forms);
  expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { view: reportView(c, checked.value!, forms), data };
}

// ---- Expectations from the YAML, with plain numbers and strings (the oracle: ./support/expected-outcomes.ts) ----

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

/** The name of an item as the report gives it: its short name where its label runs into its value. */
function label(item: Raw): string {
  if (item.kind === 'quota') return `Hoàn thành ${item.percent ?? 100}% chỉ tiêu ${item.label}`;
  if (item.kind === 'completion') return `Hoàn thành ${item.label}`;
  return item.name ?? item.label;
}

/** What an indicator line must say about one item, as a clerk writes it: its achieved figures and, against a target above zero, its rate. */
function itemFragments(d: Raw, item: Raw): string[] {
  const r = resultOf(d, item.id);
  if (item.kind === 'completion') {
    return [`${item.label} ${r === undefined ? ': chưa có số liệu' : r.achieved ? 'đã hoàn thành' : 'chưa hoàn thành'}`.replace(' :', ':')];
  }
  if (!r) return [`${label(item)}: chưa có số liệu`];
  // A quota: its share done of what was given.
  if (item.kind === 'quota') return [`${vi(r.achieved)}% chỉ tiêu ${item.label}`];
  const pair = typeof item.target === 'object';
  const values = pair ? `${vi(r.achieved.period)}/${vi(r.achieved.year)}` : vi(r.achieved);
  // A report writes a rate with its sign, even where the plan printed none ("Tỷ lệ hộ nghèo: 0").
  const sign = '%';
  // Money names its currency ("372 triệu đồng").
  const unit = item.kind === 'money' && !/đồng/.test(item.unit) ? `${item.unit} đồng` : item.unit;
  const figures = item.kind === 'percent' ? `${pair ? values.replace('/', `${sign}/`) : values}${sign}` : `${values} ${unit}`;
  const lower = item.lowerIsBetter === true;
  const zero = !pair && Number(item.target) === 0;
  // Beside a ceiling or a zero target, no rate: the plan's figure in brackets, a ceiling as the appendix's "≤" in words.
  if (lower || zero) return [`${label(item)} ${figures} (kế hoạch: ${lower && !zero ? 'không quá ' : ''}`];
  // A rate: the plan's rate beside it, no rate of a rate.
  if (item.kind === 'percent') return [`${label(item)} ${figures} (kế hoạch: `];
  const rates = pair
    ? `${rate(r.achieved.period, item.target.period)}%/${rate(r.achieved.year, item.target.year)}%`
    : `${rate(r.achieved, item.target)}%`;
  return [`${label(item)} thực hiện ${figures}`, `đạt ${rates} kế hoạch`];
}

/** How a line ends for an indicator of one status. */
const ENDING: Record<Status, RegExp> = {
  exceeded: /(vượt kế hoạch|, đạt)\.$/,
  reached: /(kế hoạch|, đạt|hoàn thành|Công an nhân dân|thành phố giao)\.$/,
  'not-reached': /(chưa đạt kế hoạch|chưa đạt|chưa hoàn thành)\.$/,
  'no-data': /chưa có số liệu\.$/,
};

const texts = bodyTexts;
const lineOf = (v: DocumentView, code: number) => {
  const lines = texts(v).filter((t) => t.startsWith(`(${code}) `));
  expect(lines).toHaveLength(1);
  return lines[0];
};
/** Body texts after a heading (by its exact text) up to the next heading. */
function under(v: DocumentView, heading: string): string[] {
  const start = v.body.findIndex((b) => b.role !== 'body' && textOf(b) === heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = v.body.findIndex((b, i) => i > start && b.role !== 'body');
  return v.body.slice(start + 1, end < 0 ? undefined : end).map(textOf);
}
const countsLine = (v: DocumentView) => under(v, '1. Kết quả thực hiện các chỉ tiêu chủ yếu')[0];

const fixture = report();
const view = fixture.view;

describe('the frame of the report', () => {
  it('has the header, type and summary of a Báo cáo of the commune', () => {
    expect(view.fileBase).toBe('bao-cao-tong-ket');
    expect(view.header.issuer).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ KIẾN MINH']);
    expect(view.header.number).toBe('Số:      /BC-UBND');
    expect(view.header.placeDate).toBe('Kiến Minh, ngày      tháng 12 năm 2025');
    expect(view.typeTitle).toBe('BÁO CÁO');
    // Balanced on two lines, the break before the phrase "kinh tế - xã hội", as the plan's own title breaks.
    expect(view.summary.split('\n').map((l) => l.replace(/\u00a0/g, ' ').replace(/\u2011/g, '-'))).toEqual([
      'Tổng kết Đợt thi đua thực hiện thắng lợi nhiệm vụ phát triển',
      'kinh tế - xã hội, bảo đảm quốc phòng - an ninh năm 2025',
    ]);
    expect(view.summary.replace(/[\u00a0\n]/g, ' ').replace(/\u2011/g, '-')).toBe(`Tổng kết ${campaign.name}`);
  });

  it('is addressed to the city, which "Nơi nhận" names first as "- Như trên;", and signed for the committee by its chairman', () => {
    expect(view.addressees).toEqual(['Kính gửi: Ủy ban nhân dân thành phố Hải Phòng.']);
    expect(view.closing.signerLines).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(view.closing.signerName).toBeNull();
    expect(view.closing.recipients).toEqual([
      '- Như trên;',
      ...rawResults.report.recipients.map((r: Raw) => `- ${r.name}${r.note ? ` (${r.note})` : ''};`),
      '- Lưu: VT, VHXH.',
    ]);
  });

  it('lists several addressees one per line', () => {
    const { view: v } = report((d) => {
      d.report.to = ['Ủy ban nhân dân thành phố Hải Phòng', 'Sở Nội vụ thành phố Hải Phòng'];
    });
    expect(v.addressees).toEqual(['Kính gửi:', '- Ủy ban nhân dân thành phố Hải Phòng;', '- Sở Nội vụ thành phố Hải Phòng.']);
  });
});

describe('the body of the report', () => {
  it('has exactly the five sections, and ends with "./."', () => {
    expect(view.body.filter((b) => b.role === 'section').map(textOf)).toEqual([
      'I. CÔNG TÁC TRIỂN KHAI',
      'II. KẾT QUẢ THỰC HIỆN',
      'III. CÔNG TÁC KHEN THƯỞNG',
      'IV. ĐÁNH GIÁ CHUNG',
      'V. PHƯƠNG HƯỚNG, KIẾN NGHỊ',
    ]);
    expect(textOf(view.body[0])).toBe('I. CÔNG TÁC TRIỂN KHAI');
    expect(textOf(view.body.at(-1)!)).toMatch(/\.\/\.$/);
    expect(texts(view).filter((t) => t.includes('./.'))).toHaveLength(1);
    expect(textOf(view.body.at(-1)!)).toBe(
      `Trên đây là báo cáo tổng kết ${campaign.name} của Ủy ban nhân dân xã Kiến Minh, kính báo cáo Ủy ban nhân dân thành phố Hải Phòng./.`,
    );
  });

  it('section I cites the city\'s plan 232/KH-UBND, and the launch plan (a draft) with its number and day left blank', () => {
    const opening = under(view, 'I. CÔNG TÁC TRIỂN KHAI')[0];
    expect(opening).toMatch(/^Thực hiện Kế hoạch số 232\/KH-UBND ngày 09 tháng 9 năm 2025 của Ủy ban nhân dân thành phố Hải Phòng, /);
    expect(opening).toContain(`Ủy ban nhân dân xã Kiến Minh đã ban hành Kế hoạch số      /KH-UBND ngày      /9/2025 p${campaign.plan!.summary.slice(1)}`);
  });

  it('section I cites a numbered launch plan by number and date', () => {
    const numbered: Campaign = { ...campaign, plan: { ...campaign.plan!, number: 45, date: { year: 2025, month: 9, day: 12 } } };
    const opening = under(report(undefined, numbered).view, 'I. CÔNG TÁC TRIỂN KHAI')[0];
    expect(opening).toContain(`đã ban hành Kế hoạch số 45/KH-UBND ngày 12 tháng 9 năm 2025 p${campaign.plan!.summary.slice(1)}`);
  });

  it('keeps each lead-in that opens a list ("...:") with what follows, and a list\'s one-line last item with the one before (as the outline test shows), and nothing else', () => {
    const kept = view.body.flatMap((b, i) => (b.role !== 'table' && b.keepWithNext ? [[b.text, view.body[i + 1]] as const] : []));
    expect(kept.map(([t]) => t)).toContain('Nguyên nhân của những hạn chế trên:');
    for (const [t, next] of kept) {
      if (/:$/.test(t)) continue;
      expect(t, 'a list item kept with the next').toMatch(/^- /);
      expect(next.role === 'body' && next.text.startsWith('- ') && !view.body[view.body.indexOf(next) + 1]?.role.startsWith('body'), `"${t}": kept with its list's last item`).toBe(true);
    }
    for (const b of view.body) if (b.role === 'body' && !b.lead && /:$/.test(b.text) && b !== view.body.at(-1)) expect(b.keepWithNext).toBe(true);
  });

  it('section I counts the units, on time, late and missing, last: in the order things happened, after the launch and what followed it', () => {
    const deadline: string = rawReporting(plan).deadline;
    const on = (id: string): string | null => rawResults.units.find((u: Raw) => u.unit === id)?.reportedOn ?? null;
    const ids: string[] = plan.units.map((u: Raw) => u.id);
    const onTime = ids.filter((id) => on(id) !== null && on(id)! <= deadline).length;
    const late = ids.filter((id) => on(id) !== null && on(id)! > deadline).length;
    const missing = ids.filter((id) => on(id) === null).length;
    const [d, m, y] = [deadline.slice(8), deadline.slice(5, 7), deadline.slice(0, 4)];
    expect(under(view, 'I. CÔNG TÁC TRIỂN KHAI').at(-1)).toBe(
      `Các phòng, ban, ngành, đoàn thể và các thôn đã xây dựng ${pad(ids.length)} kế hoạch triển khai tại đơn vị. ` +
        `Có ${pad(onTime)} đơn vị gửi báo cáo kết quả đúng hạn (hạn ngày ${d}/${m}/${y}), ${pad(late)} đơn vị gửi chậm, ` +
        `${pad(missing)} đơn vị chưa gửi báo cáo.`,
    );
    expect([ids.length, onTime, late, missing]).toEqual([15, 13, 1, 1]);
  });
});

describe('the indicators in section II: every figure computed', () => {
  const expected = expectedIndicators(plan, rawResults);

  it('counts the indicators reached and exceeded', () => {
    const count = (s: Status) => expected.filter((i) => i.status === s).length;
    const reached = reachedCount(plan, rawResults);
    expect(countsLine(view)).toBe(
      `Kết quả thực hiện ${pad(expected.length)} chỉ tiêu chủ yếu: ${pad(reached)}/${pad(expected.length)} chỉ tiêu đạt và vượt kế hoạch ` +
        `(trong đó ${pad(count('exceeded'))} chỉ tiêu vượt), ${pad(count('not-reached'))} chỉ tiêu chưa đạt, ` +
        `${pad(count('no-data'))} chỉ tiêu chưa có số liệu (chi tiết tại Phụ lục I kèm theo Báo cáo này), cụ thể:`,
    );
    expect(countsLine(view)).toContain('11/14 chỉ tiêu đạt và vượt');
  });

  it('heads each group with its count reached', () => {
    const lines = view.body.filter((b) => b.role === 'subclause').map(textOf);
    expect(lines).toEqual(
      rawGroups(plan).map((g: Raw, gi: number) => {
        const mine = expected.filter((i) => i.group === gi);
        // Points of clause 1, as Decree 30 numbers them: a), b), c) ...
        return `${'abcdefgh'[gi]}) ${g.title}: đạt và vượt ${pad(mine.filter((i) => isReached(i.status)).length)}/${pad(mine.length)} chỉ tiêu`;
      }),
    );
  });

  it.each(expected.map((e) => [e.code, e] as const))('line (%i) has its achieved figures, rates and status in one sentence', (code, e) => {
    const line = lineOf(view, code);
    const lower = line.toLocaleLowerCase('vi');
    for (const { item } of e.items) for (const f of itemFragments(rawResults, item)) expect(lower).toContain(f.toLocaleLowerCase('vi'));
    // Each item's clause ends with its own status: the line with the last one's.
    expect(line).toMatch(ENDING[e.items.at(-1)!.status]);
    // Sources, notes and money in words are the appendix's, not the narrative's.
    for (const w of ['đánh giá:', 'Số liệu do', 'Ghi chú:', 'Bằng chữ', '≤']) expect(line).not.toContain(w);
    expect(line, 'a zero target is plainly 0').not.toMatch(/không quá 0(?!,)/);
  });

  it('spells the examples of the issue', () => {
    expect(lineOf(view, 1)).toBe('(1) Tổng giá trị sản xuất thực hiện 840,215/1.718,642 tỷ đồng, đạt 100,8%/100,9% kế hoạch, vượt kế hoạch.');
    // A rate reads beside the plan's rate, not as a rate of it ("thực hiện 38,5%, đạt 95,8% kế hoạch").
    expect(lineOf(view, 9)).toBe('(9) Tỷ lệ người tập luyện thể dục, thể thao thường xuyên 38,5% (kế hoạch: 40,2%), chưa đạt kế hoạch.');
    expect(lineOf(view, 13)).toBe('(13) Tỷ lệ điều tra phá án 96,2% (kế hoạch: 95%), vượt kế hoạch.');
    expect(lineOf(view, 5)).toContain('Tỷ lệ hộ nghèo 0% (kế hoạch: 0%), đạt;');
    expect(lineOf(view, 3)).toBe('(3) Dự án xây dựng hạ tầng nông thôn mới kiểu mẫu trên địa bàn xã Đông Phương (cũ) chưa hoàn thành.');
    expect(lineOf(view, 14)).toBe('(14) Hoàn thành 100% chỉ tiêu tuyển quân thành phố giao; hoàn thành 100% chỉ tiêu tuyển nghĩa vụ Công an nhân dân.');
  });

  it('the appendix gives each component a row of its own, figures right-aligned, and the source and note of each item', () => {
    const table = gridOf(view.appendices[0]);
    const rows = table.rows.map((r) => r.cells);
    const total = rows.findIndex((r) => r[0] === '1');
    expect(rows.slice(total + 1, total + 3)).toEqual([
      ['', '- Giá trị thương mại, dịch vụ', 'tỷ đồng', '720,556/1.483,178', '726,402/1.495,307', '', '', ''],
      ['', '- Giá trị sản xuất nông lâm, thủy sản', 'tỷ đồng', '112,953/220,096', '113,813/223,335', '', '', ''],
    ]);
    expect(rows[total][7]).toBe('Phòng Kinh tế');
    // A name alone, as a cell holds a name; with a note, each a sentence of its own, full stops and all.
    expect(rows.find((r) => r[0] === '3')![7]).toMatch(/^Phòng Kinh tế\. Dự án đang thi công .*năm 2026\.$/);
    expect(rows.find((r) => r[0] === '5')![3]).toBe('0');
  });

  it('names in section IV the indicators exceeded, not reached and without data', () => {
    const names = (s: Status) => expected.filter((e) => e.status === s);
    const strengths = under(view, '1. Ưu điểm')[0];
    expect(strengths).toMatch(new RegExp(`^- Có ${reachedCount(plan, rawResults)}/14 chỉ tiêu chủ yếu đạt và vượt kế hoạch\\.`));
    for (const e of names('exceeded')) expect(strengths).toContain(`(${e.code}) ${label(e.items[0].item)}`);
    // An indicator of two items is named by the items exceeded alone: (12)'s sorting at source is reached (100%), not exceeded.
    expect(strengths).toContain('(12) Tỷ lệ chất thải rắn được thu gom, xử lý hợp vệ sinh;');
    expect(strengths).not.toContain('phân loại chất thải rắn tại nguồn');
    const [lead, ...shortcomings] = under(view, '2. Hạn chế');
    expect(lead).toBe('Bên cạnh những kết quả đạt được, việc tổ chức thực hiện Đợt thi đua còn một số hạn chế:');
    expect(under(view, '3. Nguyên nhân')[0]).toBe('Nguyên nhân của những hạn chế trên:');
    expect(under(view, '3. Nguyên nhân').slice(1)).toEqual(rawResults.report.causes.map((t: string) => `- ${t.replace(/\s+/g, ' ')}`));
    expect(shortcomings[0]).toBe(
      `- Còn ${pad(names('not-reached').length)} chỉ tiêu chưa đạt kế hoạch: ` +
        `${names('not-reached').map((e) => `(${e.code}) ${label(e.items[0].item)}`).join('; ')}.`,
    );
    expect(shortcomings).toContain('- Đơn vị gửi báo cáo chậm so với thời hạn 10/12/2025: Hội Cựu chiến binh xã.');
    expect(shortcomings).toContain('- Đơn vị chưa gửi báo cáo: Thôn 3.');
  });

  // (5) has two items: the poverty rate has its figure, the near-poverty rate has none.
  it('names in section IV the items without data, not the first item of their indicator', () => {
    const line = under(view, '2. Hạn chế').find((t) => t.includes('chưa có số liệu'));
    expect(line).toBeDefined();
    expect(line).toContain('Tỷ lệ hộ cận nghèo');
  });
});

describe('a changed result changes the report', () => {
  const before = reachedCount(plan, rawResults);

  it('sport participation 41,0 → one more reached, and line (9) says "vượt"', () => {
    const { view: v, data } = report((d) => {
      resultOf(d, 'ty-le-tap-luyen-the-thao').achieved = '41.0';
    });
    expect(reachedCount(plan, data)).toBe(before + 1);
    expect(countsLine(v)).toContain(`${pad(before + 1)}/14 chỉ tiêu đạt và vượt`);
    expect(countsLine(v)).toContain('12/14 chỉ tiêu đạt và vượt');
    expect(lineOf(v, 9)).toBe('(9) Tỷ lệ người tập luyện thể dục, thể thao thường xuyên 41,0% (kế hoạch: 40,2%), vượt kế hoạch.');
    const row = gridOf(v.appendices[0]).rows.find((r) => r.cells[0] === '9')!;
    expect(row.cells.slice(4, 7)).toEqual(['41,0', '102,0', 'Vượt']);
    expect(under(v, '2. Hạn chế')[1]).not.toContain('(9)');
  });

  it('budget 300 → "chưa đạt kế hoạch"', () => {
    const { view: v } = report((d) => {
      resultOf(d, 'thu-ngan-sach').achieved = 300;
    });
    expect(countsLine(v)).toContain(`${pad(before - 1)}/14 chỉ tiêu đạt và vượt`);
    expect(lineOf(v, 2)).toContain('thực hiện 300 triệu');
    expect(lineOf(v, 2)).toContain(`đạt ${rate(300, 350)}% kế hoạch, chưa đạt kế hoạch.`);
    expect(lineOf(view, 2)).toContain('thực hiện 372 triệu đồng');
  });

  it('a unit without a report date → named among the units that did not report', () => {
    const { view: v } = report((d) => {
      delete d.units.find((u: Raw) => u.unit === 'hoi-nong-dan').reportedOn;
    });
    expect(under(v, '2. Hạn chế')).toContain('- Đơn vị chưa gửi báo cáo: Hội Nông dân xã, Thôn 3.');
    expect(under(v, 'I. CÔNG TÁC TRIỂN KHAI').join('\n')).toContain(
      'Có 12 đơn vị gửi báo cáo kết quả đúng hạn (hạn ngày 10/12/2025), 01 đơn vị gửi chậm, 02 đơn vị chưa gửi báo cáo.',
    );
    // Its tasks are no longer reported either.
    expect(under(v, '2. Kết quả thực hiện các nhiệm vụ').some((t) => t.startsWith('- Hội Nông dân xã:'))).toBe(false);
    expect(under(view, '2. Kết quả thực hiện các nhiệm vụ').some((t) => t.startsWith('- Hội Nông dân xã:'))).toBe(true);
  });

  it('a quota without its result → named as what was given, not "Hoàn thành ..."', () => {
    const { view: v } = report((d) => {
      d.indicators = d.indicators.filter((r: Raw) => r.item !== 'chi-tieu-tuyen-quan');
    });
    expect(lineOf(v, 14)).toBe('(14) Chỉ tiêu tuyển quân thành phố giao: chưa có số liệu; hoàn thành 100% chỉ tiêu tuyển nghĩa vụ Công an nhân dân.');
  });

  it('the project completed → line (3) says "đã hoàn thành"', () => {
    const { view: v } = report((d) => {
      resultOf(d, 'du-an-ha-tang-dong-phuong').achieved = true;
    });
    expect(lineOf(v, 3)).toBe('(3) Dự án xây dựng hạ tầng nông thôn mới kiểu mẫu trên địa bàn xã Đông Phương (cũ) đã hoàn thành.');
    expect(countsLine(v)).toContain(`${pad(before + 1)}/14 chỉ tiêu đạt và vượt`);
  });
});

describe('section III: the awards, counted by form', () => {
  /** "- <form>: 03 tập thể và 03 cá nhân;" per form in the list's order; the last line ends with ".". */
  function formLines(proposed: boolean): string[] {
    const lines = rawForms.flatMap((f: Raw) => {
      const list = rawResults.awards.filter((a: Raw) => a.form === f.id && (a.proposed ?? false) === proposed);
      if (!list.length) return [];
      const n = (kind: string) => list.filter((a: Raw) => a.kind === kind).length;
      const parts = [n('collective') ? `${pad(n('collective'))} tập thể` : '', n('individual') ? `${pad(n('individual'))} cá nhân` : ''];
      return [`- ${f.name}: ${parts.filter(Boolean).join(' và ')};`];
    });
    return lines.map((l, i) => (i === lines.length - 1 ? l.replace(/;$/, '.') : l));
  }
  const total = (proposed: boolean) => rawResults.awards.filter((a: Raw) => (a.proposed ?? false) === proposed).length;

  it('the commune\'s own awards', () => {
    expect(under(view, '1. Khen thưởng của xã')).toEqual([
      `Tổng số ${pad(total(false))} lượt khen thưởng thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân xã, gồm:`,
      ...formLines(false),
    ]);
    expect(formLines(false)).toEqual(['- Giấy khen của Chủ tịch Ủy ban nhân dân xã: 05 tập thể và 05 cá nhân.']);
  });

  it('the proposals to the city, counted apart', () => {
    expect(under(view, '2. Đề nghị cấp trên khen thưởng')).toEqual([
      `Tổng số ${pad(total(true))} lượt đề nghị khen thưởng thuộc thẩm quyền của cấp trên, gồm:`,
      ...formLines(true),
      'Danh sách chi tiết tại Phụ lục II kèm theo Báo cáo này.',
    ]);
    expect([total(false), total(true)]).toEqual([10, 2]);
  });

  it('an award more changes the counts', () => {
    const { view: v } = report((d) => {
      d.awards.push({
        form: 'giay-khen-chu-tich-xa',
        kind: 'individual',
        name: 'Bà Nguyễn Thị Mai',
        unit: 'tram-y-te',
        achievement: 'Có thành tích xuất sắc trong tiêm chủng mở rộng',
      });
    });
    const lines = under(v, '1. Khen thưởng của xã');
    expect(lines[0]).toContain('Tổng số 11 lượt khen thưởng');
    expect(lines).toContain('- Giấy khen của Chủ tịch Ủy ban nhân dân xã: 05 tập thể và 06 cá nhân.');
  });

  it('a title among them (Lao động tiên tiến, in a year-end report) is counted as conferred, beside the awards', async () => {
    const { view: v } = await renderFamilyDocument('xa-dong-mau-2025', 'report');
    const lines = bodyTexts(v);
    const at = lines.findIndex((l) => l.startsWith('Tổng số'));
    expect(lines.slice(at, at + 3)).toEqual([
      'Tổng số 07 lượt khen thưởng, công nhận danh hiệu thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân xã, gồm:',
      '1. Giấy khen của Chủ tịch Ủy ban nhân dân xã: 02 tập thể và 02 cá nhân;',
      '2. Lao động tiên tiến: 03 cá nhân.',
    ]);
  });
});

describe('the appendices', () => {
  const [first, second] = view.appendices;
  const NOTE = '(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 12 năm 2025 của Ủy ban nhân dân xã Kiến Minh)';

  it('keep the last award of each form with the one before it, so that it never stands alone at the top of a page', () => {
    const rows = second.body.flatMap((b) => (b.role === 'table' ? b.table.rows : []));
    const isGroup = (r: (typeof rows)[number]) => r.cells.some((c) => 'colSpan' in c && c.colSpan > 1);
    // The awards of each form: the rows between group rows.
    const lists: (typeof rows)[] = [];
    for (const r of rows) (isGroup(r) ? lists.push([]) : lists.at(-1)!.push(r));
    const forms = lists.filter((l) => l.length > 0);
    expect(forms.map((l) => l.length)).toEqual([10, 2]);
    for (const l of forms) expect(l.map((r) => r.keepWithNext)).toEqual(l.map((_, k) => k === l.length - 2));
  });

  it('are two, labelled and noted as the decree wants', () => {
    expect(view.appendices).toHaveLength(2);
    expect(view.appendices.map((a) => a.label)).toEqual(['Phụ lục I', 'Phụ lục II']);
    expect(view.appendices.map((a) => a.note)).toEqual([NOTE, NOTE]);
    expect(view.appendices.map((a) => a.title)).toEqual([
      ['KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU'],
      ['DANH SÁCH KHEN THƯỞNG VÀ ĐỀ NGHỊ KHEN THƯỞNG'],
    ]);
    for (const a of view.appendices) {
      expect(a.rule).toBeGreaterThan(0);
      expect(gridOf(a).columns.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 6);
      for (const r of gridOf(a).rows) expect(r.cells).toHaveLength(gridOf(a).columns.length);
      // A group row's title runs across every column after the first, kept with the row after it.
      const rows = a.body.flatMap((b) => (b.role === 'table' ? b.table.rows : []));
      const groups = rows.filter((r) => r.cells.some((c) => 'colSpan' in c && c.colSpan > 1));
      expect(groups.length).toBeGreaterThan(0);
      for (const r of groups) {
        expect(r.keepWithNext).toBe(true);
        expect(r.cells[1]).toMatchObject({ colSpan: gridOf(a).columns.length - 1 });
      }
    }
    // The rows of one indicator (its items and components: no number of their own) stay on one page.
    const rows = first.body.flatMap((b) => (b.role === 'table' ? b.table.rows : []));
    const continued = (i: number) => rows[i + 1] !== undefined && 'lines' in rows[i + 1].cells[0] && !(rows[i + 1].cells[0] as { lines: string[] }).lines.length && !rows[i + 1].cells.some((c) => 'colSpan' in c && c.colSpan > 1);
    const chained = rows.flatMap((r, i) => (continued(i) ? [r.keepWithNext] : []));
    expect(chained.length).toBeGreaterThan(3);
    expect(chained.every(Boolean)).toBe(true);
  });

  it('Phụ lục I: one row per item under a strong row per group, judged as the results say', () => {
    expect(gridOf(first).columns.map((c) => c.title)).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ (%)', 'Đánh giá', 'Ghi chú']);
    const expected = expectedIndicators(plan, rawResults);
    const rows = rawGroups(plan).flatMap((g: Raw, gi: number) => [
      { strong: true, head: [ROMAN[gi], g.title] },
      ...expected
        .filter((e) => e.group === gi)
        .flatMap((e) =>
          e.items.flatMap(({ item, status }, k) => [
            // Each item judged on its own row, as its clause in the text judges it.
            { strong: false, head: [k ? '' : String(e.code), label(item)], status: STATUS_LABEL[status] },
            // Its components on rows of their own, judged only as the whole item.
            ...(item.components ?? []).map((c: Raw) => ({ strong: false, head: ['', `- ${c.label.charAt(0).toLocaleUpperCase('vi')}${c.label.slice(1)}`], status: '' })),
          ]),
        ),
    ]);
    expect(gridOf(first).rows).toHaveLength(rows.length);
    expect(rows.filter((r: { strong: boolean }) => !r.strong)).toHaveLength(19);
    expect(
      gridOf(first).rows.map((r) => (r.strong ? { strong: true, head: r.cells.slice(0, 2) } : { strong: false, head: r.cells.slice(0, 2), status: r.cells[6] })),
    ).toEqual(rows);
    for (const r of gridOf(first).rows.filter((x) => x.strong)) expect(r.cells.slice(2).every((c) => c === '')).toBe(true);
  });

  it('Phụ lục I: the achieved figures and rates of the items', () => {
    const row = (code: string) => gridOf(first).rows.find((r) => r.cells[0] === code)!.cells;
    expect(row('1').slice(2, 7)).toEqual(['tỷ đồng', '833,509/1.703,274', '840,215/1.718,642', '100,8/100,9', 'Vượt']);
    expect(row('6').slice(4, 7)).toEqual([`${vi(135)}/${vi(856)}`, `${rate(135, 120)}/${rate(856, 831)}`, 'Vượt']);
    expect(row('9').slice(4, 7)).toEqual(['38,5', rate('38.5', '40.2'), 'Chưa đạt']);
    // (5): the poverty rate met, the near-poverty rate without data, each on its row as in the text.
    expect(row('5')[6]).toBe('Đạt');
    expect(gridOf(first).rows.find((r) => r.cells[1] === 'Tỷ lệ hộ cận nghèo')!.cells[6]).toBe('Chưa có số liệu');
    // (12): its first item above, on the numbered row: among the "vượt" the report counts.
    expect(row('12')[6]).toBe('Vượt');
  });

  it('Phụ lục II: every award once, the commune\'s before the proposals', () => {
    expect(gridOf(second).columns.map((c) => c.title)).toEqual(['STT', 'Tập thể, cá nhân', 'Chức vụ, đơn vị', 'Thành tích']);
    const people = gridOf(second).rows.filter((r) => !r.strong);
    expect(people.map((r) => r.cells[1]).sort()).toEqual(rawResults.awards.map((a: Raw) => a.name).sort());
    expect(new Set(people.map((r) => r.cells[1])).size).toBe(rawResults.awards.length);
    expect(people.map((r) => r.cells[0])).toEqual(rawResults.awards.map((_: Raw, i: number) => String(i + 1)));
    const proposed = new Set(rawResults.awards.filter((a: Raw) => a.proposed).map((a: Raw) => a.name));
    const flags = people.map((r) => proposed.has(r.cells[1]));
    expect(flags).toEqual([...flags].sort((a, b) => Number(a) - Number(b)));
    for (const a of rawResults.awards) {
      expect(people.find((r) => r.cells[1] === a.name)!.cells[3]).toBe(a.achievement);
    }
    // A person's position and unit, the unit not again where the position names it, in full or short ("HĐND", "UBND").
    expect(people.find((r) => r.cells[1] === 'Ông Đỗ Văn Nam')!.cells[2]).toBe('Công chức Văn phòng HĐND và UBND xã');
    for (const r of people) expect(r.cells[2].split(', ').length, r.cells[2]).toBeLessThanOrEqual(2);
    const headings = gridOf(second).rows.filter((r) => r.strong && r.cells[0] !== '').map((r) => r.cells.slice(0, 2));
    expect(headings).toEqual([
      ['I', 'Khen thưởng của xã'],
      ['II', 'Đề nghị cấp trên khen thưởng'],
    ]);
  });
});
