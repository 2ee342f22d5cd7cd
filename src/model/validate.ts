/**
 * Cross-field rules the schema alone cannot state: figures that must add up,
 * stated percentages that must equal their ratio, unique ids, dates in order,
 * and lines that must fit their column of the header.
 */
import type { Campaign, Decimal, Target } from './schema.js';
import { formatPath, problem, type Problem } from './problems.js';
import { compare, equals, formatVi, percentOf, sum, toFixed, type Fixed } from '../format/decimal.js';
import { isRealDate, placeDateLine } from '../format/date.js';
import { columnWidths, layout } from '../layout.js';
import { textWidthPt, variantOf } from '../measure.js';
import { POINT_LETTERS, numberLine } from '../format/numbering.js';
import { indicatorLookup, leadsIndicatorItem, leadsTaskItem, taskLookup, taskRefId } from './assignments.js';
import { documentSymbol } from '../format/labels.js';

type Path = PropertyKey[];

/** The values of a target by slot: a single value, or the period and year of a pair. */
function slots(t: Target): Record<string, Fixed> | undefined {
  if (typeof t === 'object' && 'period' in t) return { period: toFixed(t.period), year: toFixed(t.year) };
  if (typeof t === 'object' && 'from' in t) return undefined;
  return { value: toFixed(t as Decimal) };
}

function checkTarget(t: Target, path: Path, out: Problem[]): void {
  if (typeof t === 'object' && 'from' in t && compare(toFixed(t.from), toFixed(t.to)) >= 0) {
    out.push(problem(path, 'khoảng giá trị phải có "from" nhỏ hơn "to"', 'a range needs "from" below "to"'));
  }
  if (typeof t === 'object' && 'period' in t) {
    const p = toFixed(t.period);
    const y = toFixed(t.year);
    if (compare(p, y) > 0) {
      out.push(
        problem(
          path,
          `giá trị của đợt (${formatVi(p)}) lớn hơn giá trị cả năm (${formatVi(y)})`,
          `the campaign-period value (${formatVi(p)}) exceeds the whole-year value (${formatVi(y)})`,
          'warning',
        ),
      );
    }
  }
}

function checkIndicators(c: Campaign, out: Problem[]): void {
  const ids = new Map<string, string>();
  const codes = new Map<number, string>();
  const claim = (id: string, path: Path) => {
    const where = ids.get(id);
    if (where) out.push(problem(path, `mã "${id}" bị trùng với ${where}`, `id "${id}" is used twice (also at ${where})`));
    else ids.set(id, formatPath(path));
  };
  c.indicatorGroups.forEach((g, gi) => {
    claim(g.id, ['indicatorGroups', gi, 'id']);
    g.indicators.forEach((ind, ii) => {
      const base: Path = ['indicatorGroups', gi, 'indicators', ii];
      claim(ind.id, [...base, 'id']);
      const seen = codes.get(ind.code);
      if (seen) {
        out.push(problem([...base, 'code'], `số thứ tự (${ind.code}) bị trùng với ${seen}`, `code (${ind.code}) is used twice (also at ${seen})`));
      } else codes.set(ind.code, formatPath([...base, 'code']));
      ind.items.forEach((item, ti) => {
        const ip: Path = [...base, 'items', ti];
        claim(item.id, [...ip, 'id']);
        if (item.kind === 'quota' || item.kind === 'completion') return;
        if (item.lowerIsBetter && item.bound === 'atLeast') {
          out.push(problem([...ip, 'bound'], 'chỉ tiêu "càng thấp càng tốt" không thể là "ít nhất"', 'a lower-is-better target cannot bind "at least"'));
        }
        checkTarget(item.target, [...ip, 'target'], out);
        if (item.kind === 'percent') return;
        checkComponents(item, ip, out);
        if (item.context) {
          const ctx = item.context;
          const stated = toFixed(ctx.percent);
          const actual = percentOf(toFixed(ctx.actual), toFixed(ctx.plan), stated.decimals);
          if (!equals(actual, stated)) {
            out.push(
              problem(
                [...ip, 'context', 'percent'],
                `tỷ lệ ghi ${formatVi(stated)}% nhưng ${formatVi(ctx.actual)}/${formatVi(ctx.plan)} = ${formatVi(actual)}%`,
                `states ${formatVi(stated)}% but ${formatVi(ctx.actual)}/${formatVi(ctx.plan)} = ${formatVi(actual)}%`,
              ),
            );
          }
        }
        item.components.forEach((comp, ci) => claim(comp.id, [...ip, 'components', ci, 'id']));
      });
    });
  });
  c.tasks.forEach((t, i) => claim(t.id, ['tasks', i, 'id']));
}

function checkComponents(
  item: { target: Target; components: { target: Target }[] },
  path: Path,
  out: Problem[],
): void {
  if (!item.components.length) return;
  const total = slots(item.target);
  const parts = item.components.map((c) => slots(c.target));
  if (!total || parts.some((p) => !p || Object.keys(p).join() !== Object.keys(total).join())) {
    out.push(
      problem([...path, 'components'], 'các thành phần phải có cùng dạng giá trị với tổng', 'components must have the same kind of value as the total'),
    );
    return;
  }
  for (const slot of Object.keys(total)) {
    const s = sum(parts.map((p) => p![slot]));
    if (!equals(s, total[slot])) {
      const where = slot === 'value' ? '' : ` (${slot === 'period' ? 'đợt' : 'cả năm'} / ${slot})`;
      out.push(
        problem(
          [...path, 'components'],
          `tổng các thành phần${where} là ${formatVi(s)}, không bằng ${formatVi(total[slot])}`,
          `components${where} add up to ${formatVi(s)}, not ${formatVi(total[slot])}`,
        ),
      );
    }
  }
}

function checkDates(c: Campaign, out: Problem[]): void {
  const d = c.plan.date;
  if (d.day !== null && !isRealDate({ ...d, day: d.day })) {
    out.push(problem(['plan', 'date', 'day'], 'ngày không có trong tháng', 'no such day in that month'));
  }
  // A draft's blank day may be any day of its month.
  const planStart = Date.UTC(d.year, d.month - 1, d.day ?? 1);
  const planLatest = d.day === null ? Date.UTC(d.year, d.month, 0) : planStart;
  c.plan.basis.forEach((b, i) => {
    if (Date.parse(b.date) > planLatest) {
      out.push(problem(['plan', 'basis', i, 'date'], 'văn bản căn cứ ban hành sau văn bản này', 'the cited document is dated after this one'));
    }
  });
  const t = c.timeline;
  const start = t.start === 'launch' ? planStart : Date.parse(t.start);
  if (Date.parse(t.end) < start) {
    out.push(problem(['timeline', 'end'], 'ngày kết thúc trước ngày bắt đầu', 'ends before it starts'));
  }
  t.phases.forEach((p, i) => {
    if (Date.parse(p.to) < Date.parse(p.from)) {
      out.push(problem(['timeline', 'phases', i, 'to'], 'giai đoạn kết thúc trước khi bắt đầu', 'the phase ends before it starts'));
    }
  });
}

const cm = (pt: number) => ((pt / 72) * 2.54).toFixed(2).replace('.', ',');

/** A line the decree wants on one line must fit its column. */
function fitsColumn(text: string, st: { size: number; bold: boolean; italic: boolean }, width: number, path: Path, out: Problem[]): void {
  const w = textWidthPt(text, st.size, variantOf(st));
  if (w > width) {
    out.push(
      problem(
        path,
        `dòng "${text}" rộng ${cm(w)} cm, quá cột ${cm(width)} cm: hãy tách thành nhiều dòng`,
        `line "${text}" is ${cm(w)} cm wide, wider than its ${cm(width)} cm column: split it into lines`,
      ),
    );
  }
}

/** The issuer's lines, the date and number lines and the signer's lines fit their columns. */
function checkWidths(c: Campaign, out: Problem[]): void {
  const [left, right] = columnWidths();
  const s = layout.styles;
  c.issuer.parent.forEach((l, i) => fitsColumn(l, s.issuerParent, left, ['issuer', 'parent', i], out));
  c.issuer.lines.forEach((l, i) => fitsColumn(l, s.issuer, left, ['issuer', 'lines', i], out));
  c.plan.signer.authorities.forEach((a, i) => fitsColumn(`${a.prefix} ${a.of}`, s.signer, right, ['plan', 'signer', 'authorities', i], out));
  fitsColumn(c.plan.signer.position, s.signer, right, ['plan', 'signer', 'position'], out);
  // The widest date the plan can print: the place and a two-digit day and month.
  const date = c.plan.date;
  fitsColumn(placeDateLine(c.issuer.place, { ...date, day: 28, month: Math.max(date.month, 10) }), s.placeDate, right, ['issuer', 'place'], out);
  fitsColumn(numberLine(c.plan.number ?? 99, documentSymbol(c.plan.type, c.issuer.abbreviation)), s.number, left, ['issuer', 'abbreviation'], out);
}

/** Lettered points run out after y. */
function checkPointCounts(c: Campaign, out: Problem[]): void {
  const max = POINT_LETTERS.length;
  const lists: [Path, number][] = [
    [['purposes'], c.purposes.length],
    [['requirements'], c.requirements.length],
    [['tasks'], c.tasks.length],
  ];
  for (const [path, n] of lists) {
    if (n > max) out.push(problem(path, `nhiều nhất ${max} điểm (a đến y)`, `at most ${max} lettered points (a to y)`));
  }
}

/** Units: unique ids and symbols, headers that fit, references that exist, nothing left without a lead. */
function checkUnits(c: Campaign, out: Problem[], context: CheckContext): void {
  const [left, right] = columnWidths();
  const s = layout.styles;
  const indicators = indicatorLookup(c);
  const tasks = taskLookup(c);
  const unitIds = new Set([...c.units.map((u) => u.id), ...(context.unitIds ?? [])]);
  const seen = new Map<string, number>();
  const symbols = new Map<string, number>();

  c.units.forEach((u, i) => {
    const at = (...rest: PropertyKey[]): Path => ['units', i, ...rest];
    if (seen.has(u.id)) out.push(problem(at('id'), `mã đơn vị "${u.id}" bị trùng`, `unit id "${u.id}" is used twice`));
    seen.set(u.id, i);
    if (symbols.has(u.abbreviation) || u.abbreviation === c.issuer.abbreviation) {
      out.push(problem(at('abbreviation'), `ký hiệu "${u.abbreviation}" bị trùng`, `abbreviation "${u.abbreviation}" is used twice`));
    }
    symbols.set(u.abbreviation, i);
    u.header.parent.forEach((l, k) => fitsColumn(l, s.issuerParent, left, at('header', 'parent', k), out));
    u.header.lines.forEach((l, k) => fitsColumn(l, s.issuer, left, at('header', 'lines', k), out));
    u.signer.authorities.forEach((a, k) => fitsColumn(`${a.prefix} ${a.of}`, s.signer, right, at('signer', 'authorities', k), out));
    fitsColumn(u.signer.position, s.signer, right, at('signer', 'position'), out);
    const d = u.plan.date;
    if (d?.day != null && !isRealDate({ ...d, day: d.day })) {
      out.push(problem(at('plan', 'date', 'day'), 'ngày không có trong tháng', 'no such day in that month'));
    }
    for (const role of ['leads', 'supports'] as const) {
      u[role].indicators.forEach((id, k) => {
        if (!indicators.has(id)) {
          out.push(problem(at(role, 'indicators', k), `không có chỉ tiêu "${id}"`, `no indicator or indicator item "${id}"`));
        }
      });
      u[role].tasks.forEach((ref, k) => {
        const task = tasks.get(taskRefId(ref));
        if (!task) {
          out.push(problem(at(role, 'tasks', k, ...(typeof ref === 'string' ? [] : ['task'])), `không có nhiệm vụ "${taskRefId(ref)}"`, `no task "${taskRefId(ref)}"`));
          return;
        }
        if (typeof ref === 'string') return;
        ref.items.forEach((n, m) => {
          if (n > task.items.length) {
            out.push(
              problem(at(role, 'tasks', k, 'items', m), `nhiệm vụ "${task.id}" chỉ có ${task.items.length} ý`, `task "${task.id}" has only ${task.items.length} items`),
            );
          }
        });
      });
    }
  });

  const unitRef = (id: string | undefined, path: Path) => {
    if (id !== undefined && !unitIds.has(id)) out.push(problem(path, `không có đơn vị "${id}"`, `no unit "${id}"`));
  };
  unitRef(c.reporting.viaUnit, ['reporting', 'viaUnit']);
  c.unitPlans.recipients.forEach((r, k) => unitRef(r.unit, ['unitPlans', 'recipients', k, 'unit']));
  c.plan.recipients.forEach((r, k) => unitRef(r.unit, ['plan', 'recipients', k, 'unit']));

  if (!unitIds.size) return;
  // Everything the commune plans should have a unit that leads it.
  if (context.someUnitsLeftOut) return;
  c.indicatorGroups.forEach((g, gi) =>
    g.indicators.forEach((ind, ii) =>
      ind.items.forEach((item, ti) => {
        if (c.units.some((u) => leadsIndicatorItem(u, ind, ti))) return;
        out.push(
          problem(['indicatorGroups', gi, 'indicators', ii, 'items', ti], `chưa có đơn vị chủ trì chỉ tiêu "${item.id}"`, `no unit leads indicator item "${item.id}"`, 'warning'),
        );
      }),
    ),
  );
  c.tasks.forEach((t, ti) => {
    const parts = t.items.length ? t.items.map((_, k) => k) : [null];
    for (const k of parts) {
      if (c.units.some((u) => leadsTaskItem(u, t, k))) continue;
      const path: Path = k === null ? ['tasks', ti] : ['tasks', ti, 'items', k];
      const what = k === null ? `nhiệm vụ "${t.id}"` : `ý ${k + 1} của nhiệm vụ "${t.id}"`;
      const whatEn = k === null ? `task "${t.id}"` : `item ${k + 1} of task "${t.id}"`;
      out.push(problem(path, `chưa có đơn vị chủ trì ${what}`, `no unit leads ${whatEn}`, 'warning'));
    }
  });
}

export interface CheckContext {
  /** Ids of every unit in the data, including those left out for their own errors. */
  unitIds?: string[];
  /** Some units were left out: what they lead is unknown, so no "unled" warnings. */
  someUnitsLeftOut?: boolean;
}

export function checkCampaign(c: Campaign, context: CheckContext = {}): Problem[] {
  const out: Problem[] = [];
  checkIndicators(c, out);
  checkDates(c, out);
  checkWidths(c, out);
  checkPointCounts(c, out);
  checkUnits(c, out, context);
  return out;
}
