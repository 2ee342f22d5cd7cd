/**
 * The year-end summary report ("Báo cáo tổng kết") of a campaign, computed
 * from the results: every figure, rate, status and count comes from the
 * results file and the plan, never typed twice.
 */
import type { Campaign, IndicatorItem, Target } from '../model/schema.js';
import type { AwardForm, Results } from '../model/results-schema.js';
import type { AppendixView, Block, DocumentView, TableRow } from './document.js';
import { closingView, headerView, summaryRule } from './frame.js';
import { clause, dash, para, section, closingPara } from './blocks.js';
import { formatTarget, itemName } from './indicators.js';
import { boundOf } from '../model/bound.js';
import {
  STATUS_LABEL, computeOutcomes, reportingStatus, type IndicatorOutcome, type ItemOutcome, type Outcomes,
} from '../report/outcomes.js';
import { documentSymbol, documentTypeName, documentTypeTitle } from '../format/labels.js';
import { citedNumber, numberLine, padNumber, roman } from '../format/numbering.js';
import { longDate, parseIsoDate, shortDate } from '../format/date.js';
import { formatVi, type Fixed } from '../format/decimal.js';
import { inWordsLine } from '../format/words.js';
import { lowerFirst } from '../format/text.js';
import { phrase } from '../phrases/index.js';
import { appendixTextWidth, layout } from '../layout.js';
import { textWidthPt, variantOf } from '../measure.js';

const TYPE = 'BC';

/** "05", "12": counts below ten with a leading zero, as administrative reports write them; none is "0". */
const count = (n: number): string => (n === 0 ? '0' : padNumber(n));

const unitName = (c: Campaign, id: string): string => c.units.find((u) => u.id === id)?.name ?? id;

/** The unit of an item's figures, as printed after them. */
/** Money's unit names its currency even where the plan wrote "350 triệu". */
const moneyUnit = (unit: string): string => (/đồng/.test(unit) ? unit : `${unit} đồng`);

function unitOf(item: IndicatorItem): string {
  if (item.kind === 'money') return ` ${moneyUnit(item.unit)}`;
  if (item.kind === 'count') return ` ${item.unit}`;
  if (item.kind === 'percent') return item.showSign ? '%' : '';
  return item.kind === 'quota' ? '%' : '';
}

const pct = (f: Fixed | undefined) => (f ? `${formatVi(f)}%` : '—');

/** "840,215/1.712,500 tỷ đồng" from the achieved slots of an item. */
function achievedText(o: ItemOutcome): string {
  if (o.item.kind === 'completion') return o.done === undefined ? 'chưa có số liệu' : o.done ? 'đã hoàn thành' : 'chưa hoàn thành';
  if (o.slots.every((s) => !s.achieved)) return 'chưa có số liệu';
  const values = o.slots.map((s) => (s.achieved ? formatVi(s.achieved) : '…'));
  const u = unitOf(o.item);
  return u === '%' ? values.map((v) => `${v}%`).join('/') : `${values.join('/')}${u}`;
}

function targetText(item: IndicatorItem): string {
  if (item.kind === 'quota') return `${formatVi(item.percent)}%`;
  if (item.kind === 'completion') return 'hoàn thành';
  const u = unitOf(item);
  const words = boundOf(item) === 'atMost' ? 'không quá ' : '';
  return u === '%' ? `${words}${formatTarget(item.target, (v) => `${formatVi(v)}%`)}` : `${words}${formatTarget(item.target, formatVi)}${u}`;
}

/** "100,8%/100,9%"; in the table, whose column says "(%)", without the signs. */
const rateText = (o: ItemOutcome, sign = true): string => {
  const rates = o.slots.map((s) => s.rate);
  return rates.some(Boolean) ? rates.map((r) => (sign ? pct(r) : r ? formatVi(r) : '—')).join('/') : '—';
};

/** "Tổng giá trị sản xuất: thực hiện 840,215/1.712,500 tỷ đồng (kế hoạch 833,509/1.703,274 tỷ đồng), đạt 100,8%/100,5% kế hoạch". */
function itemSentence(o: ItemOutcome): string {
  const label = itemName(o.item);
  if (o.status === 'no-data') return `${label}: chưa có số liệu`;
  if (o.item.kind === 'completion') return `${label}: ${achievedText(o)}`;
  const rate = o.slots.some((s) => s.rate) && !isCeiling(o) ? `, đạt ${rateText(o)} kế hoạch` : '';
  if (o.item.kind === 'quota') return `${label}: thực hiện ${achievedText(o)}`;
  return `${label}: thực hiện ${achievedText(o)} (kế hoạch ${targetText(o.item)})${rate}`;
}

/** Money achieved in words, for the whole year (or the one value). */
function inWords(o: ItemOutcome): string | undefined {
  if (o.item.kind !== 'money') return undefined;
  const main = o.slots.find((s) => s.slot === 'year' && s.achieved) ?? o.slots.find((s) => s.slot === 'value' && s.achieved);
  if (!main?.achieved) return undefined;
  const line = inWordsLine(main.achieved, moneyUnit(o.item.unit));
  // After a period/year pair, say which figure is spelt out.
  return main.slot === 'year' ? line.replace(/^Bằng chữ:/, 'Bằng chữ (cả năm):') : line;
}

/** A ceiling (lower is better): a rate against it would read as a score, so none is shown. */
const isCeiling = (o: ItemOutcome): boolean =>
  (o.item.kind === 'money' || o.item.kind === 'count' || o.item.kind === 'percent') && boundOf(o.item) === 'atMost';

const statusWord = (o: IndicatorOutcome) => lowerFirst(STATUS_LABEL[o.status]);

/** "- (1) Tổng giá trị sản xuất: thực hiện ...; đánh giá: vượt. Bằng chữ: ..." */
/** "trong đó: Giá trị thương mại, dịch vụ: 726,402/1.495,307 tỷ đồng; ..." from the reported components. */
function componentsText(o: ItemOutcome): string {
  if ((o.item.kind !== 'money' && o.item.kind !== 'count') || !o.result?.components.length) return '';
  const item = o.item;
  const parts = item.components.flatMap((c) => {
    const a = o.result!.components.find((x) => x.id === c.id)?.achieved;
    if (a === undefined || typeof a === 'boolean') return [];
    const value = typeof a === 'object' ? [a.period, a.year].map((v) => (v === undefined ? '…' : formatVi(v))).join('/') : formatVi(a);
    return [`${c.label}${c.separator}${value}${unitOf(item)}`];
  });
  return parts.length ? ` (trong đó: ${parts.join('; ')})` : '';
}

/** "- (1) Tổng giá trị sản xuất: thực hiện ...; đánh giá: vượt. Bằng chữ: ... Ghi chú: ..." */
function indicatorLines(c: Campaign, o: IndicatorOutcome): Block[] {
  const words = o.items.map(inWords).filter(Boolean).join(' ');
  const reporters = [...new Set(o.items.flatMap((i) => (i.result?.reportedBy ? [unitName(c, i.result.reportedBy)] : [])))];
  const notes = o.items.flatMap((i) => (i.result?.note ? [i.result.note.replace(/\.$/, '')] : []));
  const sentence =
    `(${o.indicator.code}) ${o.items.map((i) => itemSentence(i) + componentsText(i)).join('; ')}; đánh giá: ${statusWord(o)}.` +
    (reporters.length ? ` Số liệu do ${reporters.join(', ')} báo cáo.` : '') +
    (notes.length ? ` Ghi chú: ${notes.join('; ')}.` : '') +
    (words ? ` ${words}` : '');
  return [dash(sentence)];
}

function resultsSection(c: Campaign, r: Results, outcomes: Outcomes): Block[] {
  const blocks: Block[] = [section(2, 'KẾT QUẢ THỰC HIỆN')];
  blocks.push(clause('Kết quả thực hiện các chỉ tiêu chủ yếu', 1));
  blocks.push(
    para(
      phrase('report-indicators', {
        reached: count(outcomes.reached),
        total: count(outcomes.total),
        exceeded: count(outcomes.counts.exceeded),
        notReached: count(outcomes.counts['not-reached']),
        noData: count(outcomes.counts['no-data']),
      }),
    ),
  );
  outcomes.groups.forEach((g, i) => {
    blocks.push({ role: 'subclause', text: `1.${i + 1}. ${g.group.title}: đạt và vượt ${count(g.reached)}/${count(g.indicators.length)} chỉ tiêu` });
    for (const o of g.indicators) blocks.push(...indicatorLines(c, o));
  });

  blocks.push(clause('Kết quả thực hiện các nhiệm vụ', 2));
  const reports = c.units.flatMap((u) => {
    const res = r.units.find((x) => x.unit === u.id);
    return res && res.reportedOn !== null && (res.activities.length || res.ownResults.length)
      ? [dash(`${u.name}: ${[...res.activities, ...res.ownResults].map((t) => (/[.!?]$/.test(t) ? t : `${t}.`)).join(' ')}`)]
      : [];
  });
  blocks.push(...(reports.length ? reports : [para('Chưa có đơn vị báo cáo kết quả thực hiện nhiệm vụ.')]));

  const models = c.units.flatMap((u) => (r.units.find((x) => x.unit === u.id)?.models ?? []).map((m) => dash(`${u.name}: ${m}`)));
  if (models.length) blocks.push(clause('Mô hình mới, điển hình tiên tiến', 3), ...models);
  return blocks;
}

function awardsSection(r: Results, forms: AwardForm[]): Block[] {
  const blocks: Block[] = [section(3, 'CÔNG TÁC KHEN THƯỞNG')];
  const byForm = (proposed: boolean) =>
    forms
      .map((f) => {
        const list = r.awards.filter((a) => a.form === f.id && a.proposed === proposed);
        const collectives = list.filter((a) => a.kind === 'collective').length;
        const individuals = list.filter((a) => a.kind === 'individual').length;
        const parts = [collectives ? `${count(collectives)} tập thể` : '', individuals ? `${count(individuals)} cá nhân` : ''].filter(Boolean);
        return list.length ? dash(`${f.name}: ${parts.join(' và ')};`) : undefined;
      })
      .filter((b): b is Block => !!b);
  const given = byForm(false);
  const proposed = byForm(true);
  const fix = (lines: Block[]) => lines.map((b, i) => (i === lines.length - 1 ? { ...b, text: b.text.replace(/;$/, '.') } : b));
  const total = (p: boolean) => r.awards.filter((a) => a.proposed === p).length;
  blocks.push(clause('Khen thưởng của xã', 1));
  // With none of a kind, one sentence says so instead of an empty list.
  const awardsOf = (n: number, what: string, who: string, lines: Block[]) =>
    n ? [para(phrase('report-awards', { total: count(n), what, who })), ...fix(lines)] : [para(`Không có ${what} thuộc thẩm quyền của ${who}.`)];
  blocks.push(...awardsOf(total(false), 'khen thưởng', 'Chủ tịch Ủy ban nhân dân xã', given));
  blocks.push(clause('Đề nghị cấp trên khen thưởng', 2));
  blocks.push(...awardsOf(total(true), 'đề nghị khen thưởng', 'cấp trên', proposed));
  if (r.awards.length) blocks.push(para('Danh sách chi tiết tại Phụ lục II kèm theo Báo cáo này.'));
  return blocks;
}

function assessmentSection(c: Campaign, r: Results, outcomes: Outcomes): Block[] {
  const all = outcomes.groups.flatMap((g) => g.indicators);
  const exceeded = all.filter((o) => o.status === 'exceeded');
  const missed = all.filter((o) => o.status === 'not-reached');
  const noData = all.filter((o) => o.status === 'no-data');
  // Name the items that have the indicator's status, not just its first item.
  const names = (list: IndicatorOutcome[]) =>
    list
      .map((o) => `(${o.indicator.code}) ${o.items.filter((i) => i.status === o.status || o.status === 'exceeded').map((i) => itemName(i.item)).join(', ')}`)
      .join('; ');
  const rep = reportingStatus(c, r);
  const strengths = [
    ...(outcomes.reached
      ? [phrase('report-strength', { reached: count(outcomes.reached), total: count(outcomes.total) }) + (exceeded.length ? ` Các chỉ tiêu vượt kế hoạch: ${names(exceeded)}.` : '')]
      : []),
    ...r.report.strengths,
  ];
  const shortcomings = [
    ...(missed.length ? [`Còn ${count(missed.length)} chỉ tiêu chưa đạt kế hoạch: ${names(missed)}.`] : []),
    ...(noData.length ? [`Còn ${count(noData.length)} chỉ tiêu chưa có số liệu: ${names(noData)}.`] : []),
    ...(rep.late.length ? [`Đơn vị gửi báo cáo chậm so với thời hạn ${shortDate(parseIsoDate(c.reporting.deadline))}: ${rep.late.map((id) => unitName(c, id)).join(', ')}.`] : []),
    ...(rep.missing.length ? [`Đơn vị chưa gửi báo cáo: ${rep.missing.map((id) => unitName(c, id)).join(', ')}.`] : []),
    ...r.report.shortcomings,
  ];
  const blocks: Block[] = [section(4, 'ĐÁNH GIÁ CHUNG')];
  blocks.push(clause('Ưu điểm', 1), ...strengths.map(dash));
  blocks.push(clause('Hạn chế, nguyên nhân', 2), ...shortcomings.map(dash), ...r.report.causes.map(dash));
  if (r.report.lessons.length) blocks.push(clause('Bài học kinh nghiệm', 3), ...r.report.lessons.map(dash));
  return blocks;
}

function launchSection(c: Campaign, r: Results): Block[] {
  const p = c.plan;
  const rep = reportingStatus(c, r);
  const blocks: Block[] = [section(1, 'CÔNG TÁC TRIỂN KHAI')];
  blocks.push(
    para(
      phrase('report-launch', {
        basis: p.basis.map((b) => `${b.verb} ${documentTypeName(b.type)} ${citedNumber(b.number, b.symbol)} ${longDate(parseIsoDate(b.date))} của ${b.issuer}`).join('; '),
        issuer: c.issuer.name,
        plan:
          p.number === null
            ? `${documentTypeName(p.type)} ${lowerFirst(p.summary)}`
            : `${documentTypeName(p.type)} ${citedNumber(p.number, documentSymbol(p.type, c.issuer.abbreviation))} ${longDate(p.date)} ${lowerFirst(p.summary)}`,
      }),
    ),
  );
  if (c.units.length) {
    blocks.push(
      para(
        phrase('report-units', {
          units: count(c.units.length),
          onTime: count(rep.onTime.length),
          late: count(rep.late.length),
          missing: count(rep.missing.length),
          deadline: shortDate(parseIsoDate(c.reporting.deadline)),
        }),
      ),
    );
  }
  blocks.push(...r.report.launch.map(para));
  return blocks;
}

function directionsSection(r: Results): Block[] {
  const blocks: Block[] = [section(5, 'PHƯƠNG HƯỚNG, KIẾN NGHỊ')];
  if (r.report.directions.length) blocks.push(clause('Phương hướng', 1), ...r.report.directions.map(dash));
  if (r.report.recommendations.length) blocks.push(clause('Kiến nghị', r.report.directions.length ? 2 : 1), ...r.report.recommendations.map(dash));
  return blocks;
}

/** Phụ lục I: the full indicator table. */
function indicatorAppendix(outcomes: Outcomes): AppendixView['table'] {
  const w = layout.table.columns.indicators;
  const rows: TableRow[] = [];
  outcomes.groups.forEach((g, gi) => {
    rows.push({ strong: true, cells: [roman(gi + 1), g.group.title, '', '', '', '', ''] });
    for (const o of g.indicators) {
      o.items.forEach((it, k) => {
        const unit = it.item.kind === 'completion' ? '' : it.item.kind === 'percent' || it.item.kind === 'quota' ? '%' : unitOf(it.item).trim();
        const target = it.item.kind === 'quota' ? `${formatVi(it.item.percent)}` : it.item.kind === 'completion' ? 'Hoàn thành' : planFigures(it.item.target, boundOf(it.item));
        const done = it.item.kind === 'completion' ? upperFirst(achievedText(it)) : it.status === 'no-data' ? '—' : it.slots.map((s) => (s.achieved ? formatVi(s.achieved) : '—')).join('/');
        rows.push({
          strong: false,
          cells: [k === 0 ? String(o.indicator.code) : '', itemName(it.item), unit, target, done, isCeiling(it) ? '—' : rateText(it, false), STATUS_LABEL[it.status]],
        });
      });
    }
  });
  return {
    columns: [
      { title: 'STT', share: w[0], align: 'center' },
      { title: 'Chỉ tiêu', share: w[1], align: 'left' },
      { title: 'Đơn vị tính', share: w[2], align: 'center' },
      { title: 'Kế hoạch', share: w[3], align: 'center' },
      { title: 'Thực hiện', share: w[4], align: 'center' },
      { title: 'Tỷ lệ (%)', share: w[5], align: 'center' },
      { title: 'Đánh giá', share: w[6], align: 'center' },
    ],
    rows,
  };
}

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

function planFigures(t: Target, bound: 'exact' | 'atLeast' | 'atMost'): string {
  return `${bound === 'atMost' ? '≤ ' : ''}${formatTarget(t, formatVi)}`;
}

/** Phụ lục II: awards given, then proposed, by form. */
function awardsAppendix(c: Campaign, r: Results, forms: AwardForm[]): AppendixView['table'] {
  const w = layout.table.columns.awards;
  const rows: TableRow[] = [];
  let n = 0;
  [false, true].forEach((proposed, gi) => {
    const list = forms.flatMap((f) => r.awards.filter((a) => a.form === f.id && a.proposed === proposed).map((a) => ({ a, f })));
    if (!list.length) return;
    rows.push({ strong: true, cells: [roman(gi + 1), proposed ? 'Đề nghị cấp trên khen thưởng' : 'Khen thưởng của xã', '', ''] });
    for (const f of forms) {
      const ofForm = list.filter((x) => x.f.id === f.id);
      if (!ofForm.length) continue;
      rows.push({ strong: true, cells: ['', f.name, '', ''] });
      for (const { a } of ofForm) {
        // A collective is its unit: only a person's position and unit are worth a column.
        const unit = a.unit ? unitName(c, a.unit) : undefined;
        // The unit once: not again when the position already names it ("Trưởng Công an xã").
        const person = [a.position, unit && !a.position?.includes(unit) ? unit : undefined].filter(Boolean).join(', ');
        const where = a.kind === 'collective' ? (a.position ?? '') : person;
        rows.push({ strong: false, cells: [String(++n), a.name, where, a.achievement] });
      }
    }
  });
  return {
    columns: [
      { title: 'STT', share: w[0], align: 'center' },
      { title: 'Tập thể, cá nhân', share: w[1], align: 'left' },
      { title: 'Chức vụ, đơn vị', share: w[2], align: 'left' },
      { title: 'Thành tích', share: w[3], align: 'left' },
    ],
    rows,
  };
}

export function reportView(c: Campaign, r: Results, forms: AwardForm[]): DocumentView {
  const data = r.report;
  const outcomes = computeOutcomes(c, r);
  const symbol = documentSymbol(TYPE, c.issuer.abbreviation);
  const summary = phrase('report-summary', { campaign: c.name });
  const body = [
    ...launchSection(c, r),
    ...resultsSection(c, r, outcomes),
    ...awardsSection(r, forms),
    ...assessmentSection(c, r, outcomes),
    ...directionsSection(r),
  ];
  body.push(closingPara(phrase('report-closing', { campaign: c.name, issuer: c.issuer.name, to: data.to.join(', ') })));
  const ofReport = `${documentTypeName(TYPE)} ${numberLine(data.number, symbol).replace(/^Số:\s?/, 'số ')} ${longDate(data.date)} của ${c.issuer.name}`;
  const appendix = (k: number, title: string, table: AppendixView['table']): AppendixView => {
    const note = `(Kèm theo ${ofReport})`;
    const s = layout.styles.appendixTitle;
    return {
      label: `Phụ lục ${roman(k)}`,
      title,
      note,
      rule: Math.min(textWidthPt(title, s.size, variantOf(s)), appendixTextWidth()) * layout.rule.share,
      table,
    };
  };
  return {
    fileBase: 'bao-cao-tong-ket',
    header: headerView(c.issuer, symbol, data.number, data.date),
    typeTitle: documentTypeTitle(TYPE),
    summary,
    summaryRule: summaryRule(summary),
    addressees: data.to.length === 1 ? [`Kính gửi: ${data.to[0]}.`] : ['Kính gửi:', ...data.to.map((t, i) => `- ${t}${i === data.to.length - 1 ? '.' : ';'}`)],
    body,
    closing: closingView(data.recipients, data.archive, data.signer),
    appendices: [
      appendix(1, data.appendixTitles.indicators, indicatorAppendix(outcomes)),
      ...(r.awards.length ? [appendix(2, data.appendixTitles.awards, awardsAppendix(c, r, forms))] : []),
    ],
    metadata: {
      title: `${documentTypeName(TYPE)} ${lowerFirst(summary)}`,
      subject: summary,
      author: c.issuer.name,
      date: new Date(Date.UTC(data.date.year, data.date.month - 1, data.date.day ?? 1)),
    },
  };
}
