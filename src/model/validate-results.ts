/**
 * Results checked against the plan: ids that exist, values of the kind the
 * target needs, components that add up, awards of forms that exist and fit;
 * missing results and reports are listed as warnings, not failures.
 */
import type { Campaign, IndicatorItem } from './schema.js';
import { REPORT_BLOCKS, isPeriodYear as isPair } from './schema.js';
import type { Achieved, AwardForm, Results } from './results-schema.js';
import { problem, type Problem } from './problems.js';
import { equals, formatVi, sum, toFixed } from '../format/decimal.js';
import { isRealDate } from '../format/date.js';
import { isCapitals } from '../format/text.js';
import { indicatorLookup } from './assignments.js';
import { planParts } from './outline.js';
import { checkOutline } from './validate.js';
import { campaignKindName, issuerWords } from '../phrases/words.js';
import { appendixTextWidth } from '../layout.js';

type Path = PropertyKey[];


/** Whether an achieved value has the shape the item's target needs. */
function shapeProblem(item: IndicatorItem, a: Achieved): [string, string] | undefined {
  if (item.kind === 'completion') return typeof a === 'boolean' ? undefined : ['cần true/false (đã hoàn thành hay chưa)', 'needs true or false (done or not)'];
  if (typeof a === 'boolean') return ['cần một số, không phải true/false', 'needs a figure, not true/false'];
  if (item.kind === 'quota') return typeof a === 'object' ? ['cần một tỷ lệ phần trăm', 'needs one percentage'] : undefined;
  if (isPair(item.target) && typeof a !== 'object') return ['cần cặp {period, year} như kế hoạch', 'needs a {period, year} pair like the target'];
  if (!isPair(item.target) && typeof a === 'object') return ['cần một giá trị như kế hoạch', 'needs one value like the target'];
  return undefined;
}

function slotsOf(a: Achieved): Record<string, string | number> {
  if (typeof a === 'boolean') return {};
  if (typeof a === 'object') return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Record<string, string | number>;
  return { value: a };
}

/** `unitIds`: every unit of the campaign's data, including any left out for their own errors. */
export function checkResults(c: Campaign, r: Results, forms: AwardForm[], unitIds?: string[]): Problem[] {
  const out: Problem[] = [];
  if (r.campaign !== c.id) {
    out.push(problem(['campaign'], `kết quả của đợt "${r.campaign}", không phải "${c.id}"`, `results of campaign "${r.campaign}", not "${c.id}"`));
  }
  const items = indicatorLookup(c);
  const level = issuerWords(c.issuer).level;
  const known = new Set([...c.units.map((u) => u.id), ...(unitIds ?? [])]);
  const unitRef = (id: string | undefined, path: Path) => {
    if (id !== undefined && !known.has(id)) out.push(problem(path, `không có đơn vị "${id}"`, `no unit "${id}"`));
  };

  const seen = new Set<string>();
  r.indicators.forEach((res, i) => {
    const at = (...rest: PropertyKey[]): Path => ['indicators', i, ...rest];
    const pick = items.get(res.item);
    // An item's results are given by the item's id; its components' among them.
    const item = pick && pick.item !== null && !pick.components ? pick.entry.indicator.items[pick.item] : undefined;
    if (!item) {
      out.push(problem(at('item'), `không có ý chỉ tiêu "${res.item}"`, `no indicator item "${res.item}"`));
      return;
    }
    if (seen.has(res.item)) out.push(problem(at('item'), `kết quả của "${res.item}" bị trùng`, `a second result for "${res.item}"`));
    seen.add(res.item);
    unitRef(res.reportedBy, at('reportedBy'));
    const shape = shapeProblem(item, res.achieved);
    if (shape) out.push(problem(at('achieved'), shape[0], shape[1]));
    // A count is of people, households, works: never below zero.
    if (item.kind === 'count') {
      const values: [Path, Achieved][] = [[at('achieved'), res.achieved], ...res.components.map((x, k): [Path, Achieved] => [at('components', k, 'achieved'), x.achieved])];
      for (const [path, a] of values) {
        if (Object.values(slotsOf(a)).some((v) => toFixed(v).scaled < 0n)) out.push(problem(path, 'số lượng không được âm', 'a count cannot be negative'));
      }
    }
    const components = item.kind === 'money' || item.kind === 'count' ? item.components : [];
    res.components.forEach((comp, k) => {
      if (!components.some((x) => x.id === comp.id)) {
        out.push(problem(at('components', k, 'id'), `chỉ tiêu không có thành phần "${comp.id}"`, `the item has no component "${comp.id}"`));
      }
    });
    if (shape || !res.components.length) return;
    const total = slotsOf(res.achieved);
    for (const slot of Object.keys(total)) {
      const parts = res.components.map((x) => slotsOf(x.achieved)[slot]);
      if (parts.some((p) => p === undefined)) continue;
      const s = sum(parts.map((p) => toFixed(p!)));
      if (!equals(s, toFixed(total[slot]))) {
        const where = slot === 'value' ? '' : ` (${slot})`;
        out.push(
          problem(
            at('components'),
            `tổng các thành phần${where} là ${formatVi(s)}, không bằng ${formatVi(total[slot])}`,
            `components${where} add up to ${formatVi(s)}, not ${formatVi(total[slot])}`,
          ),
        );
      }
    }
  });
  // Missing results are listed, not fatal: the report says "chưa có số liệu". The path is the results' list.
  for (const { indicator, code } of planParts(c.plan).indicators) {
    for (const it of indicator.items) {
      if (!seen.has(it.id)) {
        out.push(problem(['indicators'], `chưa có kết quả của "${it.id}" (chỉ tiêu (${code}))`, `no result for "${it.id}" (indicator (${code}))`, 'warning'));
      }
    }
  }

  const reported = new Set<string>();
  r.units.forEach((u, i) => {
    unitRef(u.unit, ['units', i, 'unit']);
    if (reported.has(u.unit)) out.push(problem(['units', i, 'unit'], `đơn vị "${u.unit}" bị trùng`, `unit "${u.unit}" is listed twice`));
    reported.add(u.unit);
    if (u.reportedOn === null && (u.activities.length || u.models.length || u.ownResults.length)) {
      out.push(problem(['units', i, 'reportedOn'], 'có nội dung báo cáo nhưng chưa có ngày báo cáo', 'has results but no report date', 'warning'));
    }
  });
  c.units.forEach((u) => {
    const k = r.units.findIndex((x) => x.unit === u.id);
    if (k < 0 || r.units[k].reportedOn === null) {
      const path = k < 0 ? ['units'] : ['units', k, 'reportedOn'];
      out.push(problem(path, `đơn vị "${u.id}" chưa báo cáo`, `unit "${u.id}" has not reported`, 'warning'));
    }
  });

  r.awards.forEach((a, i) => {
    const at = (...rest: PropertyKey[]): Path => ['awards', i, ...rest];
    unitRef(a.unit, at('unit'));
    const form = forms.find((f) => f.id === a.form);
    if (!form) {
      out.push(problem(at('form'), `không có hình thức khen thưởng "${a.form}"`, `no award form "${a.form}"`));
      return;
    }
    if (!form.recipients.includes(a.kind)) {
      const kindVi = a.kind === 'collective' ? 'tập thể' : 'cá nhân';
      out.push(problem(at('kind'), `"${form.name}" không dành cho ${kindVi}`, `"${form.name}" is not given to ${a.kind === 'individual' ? 'an individual' : 'a collective'}`));
    }
    // A title crowns a year's work; a campaign by occasion or on a theme earns certificates (Law 2022, thi đua theo đợt, chuyên đề).
    if (form.title && c.kind !== 'phong-trao') {
      out.push(problem(at('form'), `"${form.name}" là danh hiệu xét theo năm, không khen theo ${campaignKindName(c).toLowerCase()}`, `"${form.name}" is a title considered on a year's work, not an award of a campaign by occasion or on a theme`));
    }
    if (form.decidedBy === 'issuer' && a.proposed) {
      out.push(problem(at('proposed'), `"${form.name}" do ${level} quyết định, không phải đề nghị cấp trên`, `"${form.name}" is the issuer's own to give, not a proposal`));
    }
    if (form.decidedBy === 'superior' && !a.proposed) {
      out.push(problem(at('proposed'), `"${form.name}" do cấp trên quyết định: ${level} chỉ đề nghị`, `"${form.name}" is decided by a superior: the issuer can only propose it`));
    }
  });
  checkReport(r, out);
  return out;
}

/** The report's own frame: a real date, no cited document after it, its own outline's blocks, a running form of a summary in capitals. */
function checkReport(r: Results, out: Problem[]): void {
  const d = r.report.date;
  if (d.day !== null && !isRealDate({ ...d, day: d.day })) out.push(problem(['report', 'date', 'day'], 'ngày không có trong tháng', 'no such day in that month'));
  const latest = d.day === null ? Date.UTC(d.year, d.month, 0) : Date.UTC(d.year, d.month - 1, d.day);
  r.report.basis.forEach((doc, i) => {
    if (doc.date && Date.parse(doc.date) > latest) {
      out.push(problem(['report', 'basis', i, 'date'], 'văn bản được dẫn ban hành sau báo cáo này', 'the cited document is dated after this report'));
    }
  });
  if (r.report.body) checkOutline(r.report.body, ['report', 'body'], REPORT_BLOCKS, out, r.report.numbering);
  r.report.appendices?.forEach((a, i) =>
    checkOutline(a.body, ['report', 'appendices', i, 'body'], REPORT_BLOCKS, out, a.numbering, appendixTextWidth(a.landscape)),
  );
  if (r.report.summary && isCapitals(r.report.summary) && !r.report.subject) {
    out.push(problem(['report', 'subject'], 'trích yếu in hoa cần có dạng viết thường (subject) để dẫn trong câu', 'a summary in capitals needs its running-text form (subject)'));
  }
}

