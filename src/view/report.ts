/**
 * A campaign's report ("Báo cáo tổng kết", "sơ kết", "kết quả thực hiện"):
 * its outline (templates/outlines/report.yaml, or the report's own) filled
 * from the results. Every figure, rate, status and count comes from the
 * results file and the plan, never typed twice.
 */
import type { Campaign, GeneratedName, Node, REPORT_BLOCKS } from '../model/schema.js';
import type { AwardForm, Results } from '../model/results-schema.js';
import type { DocumentView } from './document.js';
import { addresseeLines, appendixLabel, appendixViews, closingView, headerView, keptAppendices, summaryRule, balancedSummary } from './frame.js';
import { outlineBlocks } from './outline.js';
import { documentTime, ownCitation, planContext, subjectOf, withClosing } from './plan.js';
import { itemName } from './indicators.js';
import { count, indicatorLine } from './report-figures.js';
import { awardTable, indicatorTable } from './report-tables.js';
import { computeOutcomes, reportingStatus, type IndicatorOutcome, type Outcomes } from '../report/outcomes.js';
import { planParts } from '../model/outline.js';
import { reportingDeadline, unitName } from '../model/assignments.js';
import { closeList, joinNames } from '../format/text.js';
import { citationHead } from '../format/citation.js';
import { documentTypeName, documentTypeTitle } from '../format/labels.js';
import { citedNumber } from '../format/numbering.js';
import { citedDate, longDate, parseIsoDate, shortDate } from '../format/date.js';
import { phrase } from '../phrases/index.js';
import { campaignKindName, issuerWords, reportKindWords, type IssuerWords } from '../phrases/words.js';
import { outlineTemplate } from '../phrases/outline-template.js';
import { issuerProfile, issuerSymbol } from '../phrases/profiles.js';

const TYPE = 'BC';

type ReportBlock = (typeof REPORT_BLOCKS)[number];

const item = (text: string): Node => ({ item: text, omitEmpty: false, units: [], body: [], items: [] });

interface ReportInput {
  c: Campaign;
  r: Results;
  forms: AwardForm[];
  outcomes: Outcomes;
  words: IssuerWords;
  /** The label of the appendix a generated table stands in ("Phụ lục II"), once the appendices are laid out. */
  appendixOf: (name: GeneratedName) => string | undefined;
}

/** "Thực hiện Kế hoạch số 232/KH-UBND ...; ..., Ủy ban nhân dân xã ... đã ban hành Kế hoạch ...; tổ chức quán triệt ...". */
function launchSentence({ c, r, words }: ReportInput): Node[] {
  const cited = r.report.basis.length
    ? r.report.basis.map((d) => `Thực hiện ${citationHead(d)}`)
    : planParts(c.plan).basis.flatMap((b) => b.documents.map((d) => `${b.verb} ${citationHead(d)}`));
  const p = c.plan;
  const plan = !p
    ? ''
    : `${documentTypeName(p.type)} ${citedNumber(p.number, issuerSymbol(c, p.type), issuerProfile(c).number)} ${
        // A draft's number and day are left blank to fill in, as the unit plans cite it ("số      /KH-UBND ngày      /9/2025").
        p.number === null ? `ngày ${citedDate(p.date)}` : longDate(p.date)
      } ${subjectOf(p)}`;
  return [phrase('report-launch', { basis: cited.join('; '), issuer: c.issuer.name, plan, ...words })];
}

function unitReportsSentence({ c, r, words }: ReportInput): Node[] {
  if (!c.units.length) return [];
  const rep = reportingStatus(c, r);
  const deadline = reportingDeadline(c);
  return [
    phrase('report-units', {
      ...words,
      units: count(c.units.length),
      onTime: count(rep.onTime.length),
      late: count(rep.late.length),
      missing: count(rep.missing.length),
      // "Có 0 đơn vị gửi báo cáo" is no sentence a clerk writes.
      anyReported: rep.onTime.length + rep.late.length > 0,
      deadline: deadline ? shortDate(parseIsoDate(deadline)) : '',
    }),
  ];
}

function indicatorCounts({ outcomes, appendixOf }: ReportInput): Node[] {
  if (!outcomes.total) return [];
  return [
    phrase('report-indicators', {
      reached: count(outcomes.reached),
      total: count(outcomes.total),
      exceeded: count(outcomes.counts.exceeded),
      notReached: count(outcomes.counts['not-reached']),
      noData: count(outcomes.counts['no-data']),
      appendix: appendixOf('indicator-table') ?? '',
    }),
  ];
}

/** Per group, "1.1. Các chỉ tiêu kinh tế: đạt và vượt 03/03 chỉ tiêu" and a line per indicator. */
function indicatorOutcomes({ outcomes }: ReportInput): Node[] {
  return outcomes.groups.flatMap((g): Node[] => {
    // Each indicator opens with its code, "(1) ...": a paragraph, not a dash item.
    const lines: Node[] = g.indicators.map((o) => indicatorLine(o));
    if (!g.group.title) return lines;
    const heading = `${g.group.title}: đạt và vượt ${count(g.reached)}/${count(g.indicators.length)} chỉ tiêu`;
    return [{ section: heading, numbering: 'dash', omitEmpty: false, units: [], body: lines, items: [] }];
  });
}

function taskOutcomes({ c, r }: ReportInput): Node[] {
  const reports = c.units.flatMap((u) => {
    const res = r.units.find((x) => x.unit === u.id);
    return res && res.reportedOn !== null && (res.activities.length || res.ownResults.length)
      ? [item(`${u.name}: ${[...res.activities, ...res.ownResults].map((t) => (/[.!?]$/.test(t) ? t : `${t}.`)).join(' ')}`)]
      : [];
  });
  return reports.length ? reports : ['Chưa có đơn vị báo cáo kết quả thực hiện nhiệm vụ.'];
}

/**
 * "Tổng số 05 lượt khen thưởng thuộc thẩm quyền của ..., gồm:" and a line per form; or one sentence when there are
 * none. A title (Lao động tiên tiến, Gia đình văn hóa) is conferred, not an award: the count names what there is
 * ("khen thưởng, công nhận danh hiệu"; "công nhận danh hiệu" of titles alone).
 */
function awards({ r, forms }: ReportInput, proposed: boolean, who: string): Node[] {
  const ask = proposed ? 'đề nghị ' : '';
  const lines = forms.flatMap((f) => {
    const list = r.awards.filter((a) => a.form === f.id && a.proposed === proposed);
    const collectives = list.filter((a) => a.kind === 'collective').length;
    const individuals = list.filter((a) => a.kind === 'individual').length;
    const parts = [collectives ? `${count(collectives)} tập thể` : '', individuals ? `${count(individuals)} cá nhân` : ''].filter(Boolean);
    return list.length ? [`${f.name}: ${parts.join(' và ')};`] : [];
  });
  const given = r.awards.filter((a) => a.proposed === proposed);
  if (!given.length) return [`Không có ${ask}khen thưởng thuộc thẩm quyền của ${who}.`];
  const isTitle = given.map((a) => forms.find((f) => f.id === a.form)?.title === true);
  const what = [isTitle.some((t) => !t) ? 'khen thưởng' : '', isTitle.some(Boolean) ? 'công nhận danh hiệu' : ''].filter(Boolean).join(', ');
  return [phrase('report-awards', { total: count(given.length), what: `${ask}${what}`, who }), ...closeList(lines).map(item)];
}

/** "(4) Tỷ lệ tăng dân số tự nhiên; (9) ...": the indicators of a status, by the items that have it. */
function named(list: IndicatorOutcome[]): string {
  return list
    .map((o) => `(${o.code}) ${joinNames(o.items.filter((i) => i.status === o.status).map((i) => itemName(i.item)))}`)
    .join('; ');
}

function strengths({ r, outcomes }: ReportInput): Node[] {
  const all = outcomes.groups.flatMap((g) => g.indicators);
  const exceeded = all.filter((o) => o.status === 'exceeded');
  const computed = outcomes.reached
    ? [phrase('report-strength', { reached: count(outcomes.reached), total: count(outcomes.total) }) + (exceeded.length ? ` Các chỉ tiêu vượt kế hoạch: ${named(exceeded)}.` : '')]
    : [];
  return [...computed, ...r.report.strengths].map(item);
}

function shortcomings({ c, r, outcomes }: ReportInput): Node[] {
  const all = outcomes.groups.flatMap((g) => g.indicators);
  const missed = all.filter((o) => o.status === 'not-reached');
  const noData = all.filter((o) => o.status === 'no-data');
  const rep = reportingStatus(c, r);
  const name = (id: string) => unitName(c, id);
  const deadline = reportingDeadline(c);
  return [
    ...(missed.length ? [`Còn ${count(missed.length)} chỉ tiêu chưa đạt kế hoạch: ${named(missed)}.`] : []),
    ...(noData.length ? [`Còn ${count(noData.length)} chỉ tiêu chưa có số liệu: ${named(noData)}.`] : []),
    ...(rep.late.length && deadline ? [`Đơn vị gửi báo cáo chậm so với thời hạn ${shortDate(parseIsoDate(deadline))}: ${rep.late.map(name).join(', ')}.`] : []),
    ...(rep.missing.length ? [`Đơn vị chưa gửi báo cáo: ${rep.missing.map(name).join(', ')}.`] : []),
    ...r.report.shortcomings,
  ].map(item);
}

/** A list under the sentence that leads in to it; nothing when the list is empty. */
const withLead = (lead: string, list: Node[]): Node[] => (list.length ? [lead, ...list] : []);

function generator(input: ReportInput): (name: GeneratedName) => Node[] {
  const { c, r, forms, outcomes, words, appendixOf } = input;
  const own = `Khen thưởng của ${words.level}`;
  const blocks: Record<ReportBlock, () => Node[]> = {
    'launch-sentence': () => launchSentence(input),
    'unit-reports-sentence': () => unitReportsSentence(input),
    'launch-activities': () => r.report.launch,
    'indicator-counts': () => indicatorCounts(input),
    'indicator-outcomes': () => indicatorOutcomes(input),
    'task-outcomes': () => taskOutcomes(input),
    models: () => c.units.flatMap((u) => (r.units.find((x) => x.unit === u.id)?.models ?? []).map((m) => item(`${u.name}: ${m}`))),
    'awards-given': () => awards(input, false, words.head),
    'awards-proposed': () => awards(input, true, 'cấp trên'),
    'awards-appendix-note': () => {
      const label = appendixOf('award-table');
      return r.awards.length && label ? [`Danh sách chi tiết tại ${label} kèm theo Báo cáo này.`] : [];
    },
    strengths: () => strengths(input),
    // Each list under its lead-in, and neither when the list is empty.
    shortcomings: () => withLead(phrase('report-shortcomings', { kindName: campaignKindName(c) }), shortcomings(input)),
    causes: () => withLead(phrase('report-causes', {}), r.report.causes.map(item)),
    lessons: () => r.report.lessons.map(item),
    directions: () => r.report.directions.map(item),
    recommendations: () => r.report.recommendations.map(item),
    'indicator-table': () => (outcomes.total ? [{ table: indicatorTable(c, outcomes) }] : []),
    'award-table': () => (r.awards.length ? [{ table: awardTable(c, r, forms, own) }] : []),
  };
  return (name) => {
    // Validation keeps other blocks out of a report's outline.
    if (!(name in blocks)) throw new RangeError(`"${name}" cannot stand in a report`);
    return blocks[name as ReportBlock]();
  };
}

/** The generated blocks that stand at the top of an appendix's body. */
const generatedIn = (body: Node[]): GeneratedName[] => body.flatMap((n) => (typeof n === 'object' && 'generate' in n ? [n.generate] : []));

export function reportView(c: Campaign, r: Results, forms: AwardForm[]): DocumentView {
  const data = r.report;
  const words = issuerWords(c.issuer);
  const kind = reportKindWords(data.kind, c.name);
  const base = outlineTemplate('report', { ...words, campaign: c.name, issuer: c.issuer.name, kindName: kind.name, to: data.to.join(', ') });
  const summary = data.summary ?? kind.summary;
  const printed = balancedSummary(summary);
  const labels = new Map<GeneratedName, string>();
  const input: ReportInput = { c, r, forms, outcomes: computeOutcomes(c, r), words, appendixOf: (name) => labels.get(name) };
  const ctx = { ...planContext(c), generate: generator(input) };
  // The appendices first: the body names them by their labels.
  const kept = keptAppendices(data.appendices ?? base.appendices ?? [], ctx);
  kept.forEach((k, i) => generatedIn(k.source.body).forEach((name) => labels.set(name, appendixLabel(k.source, i, kept.length))));
  const format = issuerProfile(c);
  const symbol = issuerSymbol(c, TYPE);
  const typeName = documentTypeName(TYPE);
  return {
    fileBase: kind.file,
    header: headerView(c.issuer, symbol, data.number, data.date, format),
    typeTitle: documentTypeTitle(TYPE),
    summary: printed,
    summaryRule: summaryRule(printed),
    addressees: addresseeLines(data.to),
    body: withClosing(outlineBlocks(data.body ?? base.body ?? [], ctx, data.numbering), data.closing ?? base.closing),
    closing: closingView(data.recipients, data.archive, data.signer, format, data.to.length > 0),
    appendices: appendixViews(kept, ownCitation(typeName, data.number, symbol, data.date, c.issuer.name, format.number)),
    metadata: {
      title: `${typeName} ${subjectOf({ summary, subject: data.subject })}`,
      subject: summary,
      author: c.issuer.name,
      date: documentTime(data.date),
    },
  };
}
