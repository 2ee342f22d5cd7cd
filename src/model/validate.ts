/**
 * Cross-field rules the schema alone cannot state: figures that must add up,
 * stated percentages that must equal their ratio, unique ids and codes,
 * dates in order, lists the numbering can label, tables whose rows fit their
 * columns, typed blocks where they may stand, and lines that must fit their
 * column of the header.
 */
import type { Campaign, Indicator, Node, NumberingScheme, Plan, PointInTime, Signer, Table, Target } from './schema.js';
import { UNIT_PLAN_BLOCKS, type TaskNode } from './schema.js';
import { formatPath, problem, type Problem } from './problems.js';
import { childrenOf, isItem, isSection, planParts, walk } from './outline.js';
import { compare, equals, formatVi, percentOf, sum, toFixed, type Fixed } from '../format/decimal.js';
import { isRealDate, placeDateLine } from '../format/date.js';
import { appendixTextWidth, columnWidths, layout, textWidth } from '../layout.js';
import { textWidthPt, variantOf } from '../measure.js';
import { POINT_LETTERS, defaultScheme, numberLine, schemeCapacity } from '../format/numbering.js';
import { isCapitals, sentencesOf } from '../format/text.js';
import { indicatorLookup, leadsIndicatorItem, leadsTaskItem, resolveAssignment, taskLookup, taskParts, taskRefId } from './assignments.js';
import { issuerProfile, issuerSymbol } from '../phrases/profiles.js';
import { tableLayout } from '../view/table.js';
import { unitKindLevels } from '../phrases/words.js';

type Path = PropertyKey[];

/** The values of a target by slot: a single value, or the period and year of a pair. */
function slots(t: Target): Record<string, Fixed> | undefined {
  if (typeof t === 'object' && 'period' in t) return { period: toFixed(t.period), year: toFixed(t.year) };
  if (typeof t === 'object' && 'from' in t) return undefined;
  return { value: toFixed(t) };
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

function checkComponents(item: { target: Target; components: { target: Target }[] }, path: Path, out: Problem[]): void {
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

/** A count (of people, households, works) is never below zero. */
function checkCount(t: Target, path: Path, out: Problem[]): void {
  const values = typeof t === 'object' ? Object.values(t) : [t];
  if (values.some((v) => toFixed(v).scaled < 0n)) out.push(problem(path, 'số lượng không được âm', 'a count cannot be negative'));
}

function checkIndicatorItems(ind: Indicator, base: Path, claim: (id: string, path: Path) => void, out: Problem[]): void {
  ind.items.forEach((item, ti) => {
    const ip: Path = [...base, 'items', ti];
    claim(item.id, [...ip, 'id']);
    if (item.kind === 'count') {
      checkCount(item.target, [...ip, 'target'], out);
      item.components.forEach((c, k) => checkCount(c.target, [...ip, 'components', k, 'target'], out));
    }
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
}

/** Ids unique across the plan's tree and its indicators; codes unique within a group (they may restart in each). */
function checkIds(plan: Plan, out: Problem[]): void {
  const ids = new Map<string, string>();
  const codes = new Map<string, string>();
  const claim = (id: string, path: Path) => {
    const where = ids.get(id);
    if (where) out.push(problem(path, `mã "${id}" bị trùng với ${where}`, `id "${id}" is used twice (also at ${where})`));
    else ids.set(id, formatPath(path));
  };
  const parts = planParts(plan);
  const at = (path: PropertyKey[]): Path => ['plan', ...path];
  for (const { id, path } of parts.nodeIds) claim(id, at([...path, 'id']));
  for (const { indicator, path, code, group } of parts.indicators) {
    claim(indicator.id, at([...path, 'id']));
    const key = `${parts.groups.indexOf(group)}:${code}`;
    // A code given in the data is reported where it stands; an automatic one at its indicator.
    const where = at(indicator.code === undefined ? path : [...path, 'code']);
    const seen = codes.get(key);
    if (seen) out.push(problem(where, `số thứ tự (${code}) bị trùng với ${seen}`, `code (${code}) is used twice (also at ${seen})`));
    else codes.set(key, formatPath(where));
    checkIndicatorItems(indicator, at(path), claim, out);
  }
}

/** "2025-10" or "2025-10-15" as the first and last day it can mean; launch and events are not dated. */
function dayRange(p: PointInTime): [number, number] | undefined {
  if (typeof p !== 'string' || p === 'launch') return undefined;
  if (p.length === 7) {
    const [y, m] = p.split('-').map(Number);
    return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 0)];
  }
  const t = Date.parse(p);
  return [t, t];
}

function checkDates(plan: Plan, out: Problem[]): void {
  const d = plan.date;
  if (d.day !== null && !isRealDate({ ...d, day: d.day })) {
    out.push(problem(['plan', 'date', 'day'], 'ngày không có trong tháng', 'no such day in that month'));
  }
  // A draft's blank day may be any day of its month.
  const planStart = Date.UTC(d.year, d.month - 1, d.day ?? 1);
  const planLatest = d.day === null ? Date.UTC(d.year, d.month, 0) : planStart;
  const parts = planParts(plan);
  parts.basis.forEach((b, k) =>
    b.documents.forEach((doc, i) => {
      if (doc.date && Date.parse(doc.date) > planLatest) {
        out.push(problem(['plan', ...parts.basisPaths[k], 'basis', 'documents', i, 'date'], 'văn bản được dẫn ban hành sau văn bản này', 'the cited document is dated after this one'));
      }
    }),
  );
  const r = parts.reporting;
  if (r && Date.parse(r.deadline) < planStart) {
    out.push(problem(['plan', ...parts.reportings[0], 'reporting', 'deadline'], 'hạn báo cáo trước ngày của kế hoạch', 'the reporting deadline is before the date of the plan'));
  }
  const t = parts.timeline;
  if (!t) return;
  const at = (...rest: PropertyKey[]): Path => ['plan', ...parts.timelines[0], 'timeline', ...rest];
  if (t.end === 'launch') out.push(problem(at('end'), 'đợt thi đua không thể kết thúc "từ ngày phát động"', 'the campaign cannot end at its launch'));
  const start = t.start === 'launch' ? [planStart, planStart] : dayRange(t.start);
  const end = dayRange(t.end);
  if (start && end && end[1] < start[0]) out.push(problem(at('end'), 'ngày kết thúc trước ngày bắt đầu', 'ends before it starts'));
  t.phases.forEach((p, i) => {
    const from = dayRange(p.from);
    const to = dayRange(p.to);
    if (from && to && to[1] < from[0]) out.push(problem(at('phases', i, 'to'), 'giai đoạn kết thúc trước khi bắt đầu', 'the phase ends before it starts'));
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

function checkSigner(signer: Signer, base: Path, out: Problem[]): void {
  const right = columnWidths()[1];
  signer.authorities.forEach((a, i) => fitsColumn(`${a.prefix} ${a.of}`, layout.styles.signer, right, [...base, 'authorities', i], out));
  fitsColumn(signer.position, layout.styles.signer, right, [...base, 'position'], out);
}

/** The issuer's lines, the date and number lines and the signer's lines fit their columns. */
function checkWidths(c: Campaign, out: Problem[]): void {
  const [left, right] = columnWidths();
  const s = layout.styles;
  c.issuer.parent.forEach((l, i) => fitsColumn(l, s.issuerParent, left, ['issuer', 'parent', i], out));
  c.issuer.lines.forEach((l, i) => fitsColumn(l, s.issuer, left, ['issuer', 'lines', i], out));
  const p = c.plan;
  if (!p) return;
  checkSigner(p.signer, ['plan', 'signer'], out);
  // The widest date the plan can print: the place and a two-digit day and month.
  fitsColumn(placeDateLine(c.issuer.place, { ...p.date, day: 28, month: Math.max(p.date.month, 10) }), s.placeDate, right, ['issuer', 'place'], out);
  fitsColumn(numberLine(p.number ?? 99, issuerSymbol(c, p.type), issuerProfile(c).number), s.number, left, ['issuer', 'abbreviation'], out);
}

/** How many entries of a list are numbered: items, sections, tasks, indicators printed as items; wrappers spread. */
function numberedCount(list: Node[]): number {
  return list.reduce((n, x) => {
    if (typeof x !== 'object') return n;
    if (isSection(x) || isItem(x)) return n + 1;
    if ('tasks' in x) return n + x.tasks.length;
    if ('indicators' in x) return n + (x.numbering === 'list' ? x.indicators.length : 0);
    if ('timeline' in x || 'reporting' in x) return n + (x.lead === undefined ? 0 : 1);
    if ('commendation' in x) return n + numberedCount(x.commendation);
    if ('organisation' in x) return n + numberedCount(x.organisation);
    return n;
  }, 0);
}

/**
 * Lists the numbering can label (lettered points run out after y), blocks
 * that may stand where they are, tables that fit their columns.
 */
export function checkOutline(
  nodes: Node[],
  base: Path,
  allowed: readonly string[],
  out: Problem[],
  numbering: NumberingScheme = defaultScheme(1),
  widthPt: number = textWidth(),
): void {
  const checkList = (list: Node[], scheme: NumberingScheme, at: Path) => {
    const max = schemeCapacity(scheme);
    if (numberedCount(list) > max) out.push(problem(at, `nhiều nhất ${max} mục được đánh số kiểu "${scheme}"`, `at most ${max} entries numbered "${scheme}"`));
  };
  checkList(nodes, numbering, base);
  walk(
    nodes,
    (n, { path }) => {
      if (typeof n !== 'object') return;
      // Lists nest by "body" and "items"; wrappers (commendation, organisation, tasks) stand in their parent's list.
      const depth = 1 + path.slice(base.length).filter((k) => k === 'body' || k === 'items').length;
      if (isSection(n) || isItem(n)) {
        const children = childrenOf(n);
        if (children.length) checkList(children, n.numbering ?? defaultScheme(depth + 1), path);
      }
      if ('generate' in n && !allowed.includes(n.generate)) {
        out.push(problem([...path, 'generate'], `khối "${n.generate}" không dùng được ở đây`, `a "${n.generate}" block cannot stand here`));
      }
      if ('table' in n) checkTable(n.table, [...path, 'table'], widthPt, out);
    },
    base,
  );
}

/** Rows that fit the columns; no word wider than its column (it would break inside the word). */
function checkTable(t: Table, path: Path, widthPt: number, out: Problem[]): void {
  const { view, problems } = tableLayout(t);
  for (const p of problems) out.push(problem([...path, p.part, p.row], p.vi, p.en));
  if (problems.length) return;
  const tl = layout.table;
  const inner = (k: number, span: number) => widthPt * view.widths.slice(k, k + span).reduce((a, b) => a + b, 0) - 2 * tl.padX - tl.border;
  (['header', 'rows'] as const).forEach((part) =>
    view[part].forEach((row, r) =>
      row.cells.forEach((c, k) => {
        if ('covered' in c) return;
        const style = part === 'header' || c.bold ? { ...layout.styles.tableCell, bold: true } : layout.styles.tableCell;
        const word = c.lines.flatMap((l) => l.split(/\s+/)).find((w) => textWidthPt(w, style.size, variantOf(style)) > inner(k, c.colSpan));
        if (word === undefined) return;
        out.push(
          problem(
            [...path, part, r],
            `từ "${word}" rộng hơn cột ${k + 1} của bảng và sẽ bị ngắt giữa chừng: hãy nới rộng cột`,
            `the word "${word}" is wider than column ${k + 1} of the table and would break inside: widen the column`,
            'warning',
          ),
        );
      }),
    ),
  );
}

/** Plan-wide rules of typed blocks: one time of the campaign, one reporting duty; a printed summary in capitals has a running form. */
function checkPlanBlocks(c: Campaign, p: Plan, out: Problem[]): void {
  checkOutline(p.body, ['plan', 'body'], [], out, p.numbering);
  p.appendices.forEach((a, i) => checkOutline(a.body, ['plan', 'appendices', i, 'body'], [], out, a.numbering, appendixTextWidth(a.landscape)));
  const parts = planParts(p);
  for (const path of parts.timelines.slice(1)) {
    out.push(problem(['plan', ...path, 'timeline'], 'chỉ được có một khối thời gian (timeline)', 'at most one timeline block'));
  }
  for (const path of parts.reportings.slice(1)) {
    out.push(problem(['plan', ...path, 'reporting'], 'chỉ được có một khối báo cáo (reporting)', 'at most one reporting block'));
  }
  if (isCapitals(p.summary) && !p.subject) {
    out.push(problem(['plan', 'subject'], 'trích yếu in hoa cần có dạng viết thường (subject) để dẫn trong câu', 'a summary in capitals needs its running-text form (subject)'));
  }
  if (p.closing && 'text' in p.closing && !p.closing.text.endsWith('./.')) {
    out.push(problem(['plan', 'closing', 'text'], 'đoạn kết thúc văn bản thường kết thúc bằng "./."', 'the last paragraph usually ends with "./."', 'warning'));
  }
  if (p.appendices.length && !JSON.stringify(p.body).toLocaleLowerCase('vi').includes('phụ lục')) {
    out.push(problem(['plan', 'appendices'], 'nội dung văn bản nên dẫn chiếu đến phụ lục', 'the body should refer to its appendices', 'warning'));
  }
  const own = c.unitPlans?.outline;
  if (own?.body) checkOutline(own.body, ['unitPlans', 'outline', 'body'], UNIT_PLAN_BLOCKS, out);
  own?.appendices?.forEach((a, i) =>
    checkOutline(a.body, ['unitPlans', 'outline', 'appendices', i, 'body'], UNIT_PLAN_BLOCKS, out, a.numbering, appendixTextWidth(a.landscape)),
  );
}

/** Units: unique ids and symbols, kinds of the issuer's level, headers that fit, references that exist, nothing left without a lead. */
function checkUnits(c: Campaign, out: Problem[], context: CheckContext): void {
  const [left] = columnWidths();
  const s = layout.styles;
  const indicators = indicatorLookup(c);
  const tasks = taskLookup(c);
  const unitIds = new Set([...c.units.map((u) => u.id), ...(context.unitIds ?? [])]);
  const seen = new Map<string, number>();
  const symbols = new Map<string, number>();
  if (c.units.length && !c.plan) out.push(problem(['units'], 'có đơn vị nhưng chưa có kế hoạch (plan) để triển khai', 'units without a plan to carry out'));

  c.units.forEach((u, i) => {
    const at = (...rest: PropertyKey[]): Path => ['units', i, ...rest];
    if (seen.has(u.id)) out.push(problem(at('id'), `mã đơn vị "${u.id}" bị trùng`, `unit id "${u.id}" is used twice`));
    seen.set(u.id, i);
    if (symbols.has(u.abbreviation) || u.abbreviation === c.issuer.abbreviation) {
      out.push(problem(at('abbreviation'), `ký hiệu "${u.abbreviation}" bị trùng`, `abbreviation "${u.abbreviation}" is used twice`));
    }
    symbols.set(u.abbreviation, i);
    if (!unitKindLevels(u.kind).includes(c.issuer.level)) {
      out.push(problem(at('kind'), `loại đơn vị "${u.kind}" không có ở cấp "${c.issuer.level}"`, `a "${u.kind}" unit does not belong to a "${c.issuer.level}" issuer`));
    }
    u.header.parent.forEach((l, k) => fitsColumn(l, s.issuerParent, left, at('header', 'parent', k), out));
    u.header.lines.forEach((l, k) => fitsColumn(l, s.issuer, left, at('header', 'lines', k), out));
    checkSigner(u.signer, at('signer'), out);
    const d = u.plan.date;
    if (d?.day != null && !isRealDate({ ...d, day: d.day })) {
      out.push(problem(at('plan', 'date', 'day'), 'ngày không có trong tháng', 'no such day in that month'));
    }
    // The default unit plan letters the tasks it carries, a) to y).
    for (const role of ['leads', 'supports'] as const) {
      const count = resolveAssignment(c, u[role]).tasks.length;
      if (count > POINT_LETTERS.length) {
        out.push(problem(at(role, 'tasks'), `kế hoạch của đơn vị đánh số nhiệm vụ từ a) đến y): nhiều nhất ${POINT_LETTERS.length} nhiệm vụ (có ${count})`, `a unit plan letters its tasks a) to y): at most ${POINT_LETTERS.length} (this has ${count})`));
      }
    }
    const both = resolveAssignment(c, u.leads).indicators.filter((p) => resolveAssignment(c, u.supports).indicators.some((q) => q.entry === p.entry));
    for (const p of both) {
      out.push(problem(at('supports', 'indicators'), `đơn vị vừa chủ trì vừa phối hợp chỉ tiêu "${p.entry.indicator.id}"`, `the unit both leads and supports indicator "${p.entry.indicator.id}"`, 'warning'));
    }
    for (const role of ['leads', 'supports'] as const) {
      u[role].indicators.forEach((id, k) => {
        if (!indicators.has(id)) {
          out.push(problem(at(role, 'indicators', k), `không có chỉ tiêu "${id}"`, `no indicator or indicator item "${id}"`));
        } else if (role === 'leads' && indicators.get(id)!.components) {
          // The unit that leads an item reports its components with it: a component alone is only supported.
          out.push(
            problem(
              at(role, 'indicators', k),
              `"${id}" là một phần "trong đó" của chỉ tiêu: chỉ giao phối hợp (supports); đơn vị chủ trì chỉ tiêu báo cáo cả phần này`,
              `"${id}" is a component of an indicator item: it can only be supported; the unit leading the item reports it`,
            ),
          );
        }
      });
      u[role].tasks.forEach((ref, k) => {
        const pick = tasks.get(taskRefId(ref));
        if (!pick) {
          out.push(problem(at(role, 'tasks', k, ...(typeof ref === 'string' ? [] : ['task'])), `không có nhiệm vụ "${taskRefId(ref)}"`, `no task "${taskRefId(ref)}"`));
          return;
        }
        if (typeof ref === 'string') return;
        if (pick.items !== null && ref.items) {
          out.push(problem(at(role, 'tasks', k, 'items'), `"${ref.task}" là một ý của nhiệm vụ, không có ý con`, `"${ref.task}" is a part of a task, with no parts of its own`));
          return;
        }
        const parts = taskParts(pick.task);
        (ref.items ?? []).forEach((n, m) => {
          if (n > parts.length) {
            out.push(problem(at(role, 'tasks', k, 'items', m), `nhiệm vụ "${ref.task}" chỉ có ${parts.length} ý`, `task "${ref.task}" has only ${parts.length} items`));
          }
        });
        if (!ref.sentences) return;
        // Sentences are picked from one part, a text.
        const only = ref.items ? (ref.items.length === 1 ? ref.items[0] - 1 : undefined) : pick.items?.length === 1 ? pick.items[0] : undefined;
        const part = only === undefined ? undefined : parts[only];
        const text = part && typeof part === 'object' && isItem(part) && !childrenOf(part).length ? part.item : undefined;
        if (text === undefined) {
          out.push(problem(at(role, 'tasks', k, 'sentences'), 'chỉ chọn được câu trong một ý (một đoạn văn) của nhiệm vụ', 'sentences are picked from one part of a task that is a single text'));
          return;
        }
        const count = sentencesOf(text).length;
        ref.sentences.forEach((n, m) => {
          if (n > count) out.push(problem(at(role, 'tasks', k, 'sentences', m), `ý này chỉ có ${count} câu`, `the part has only ${count} sentences`));
        });
      });
    }
  });

  const unitRef = (id: string | undefined, path: Path) => {
    if (id !== undefined && !unitIds.has(id)) out.push(problem(path, `không có đơn vị "${id}"`, `no unit "${id}"`));
  };
  const p = c.plan;
  if (p) {
    const visit = (n: Node, { path, inside }: { path: PropertyKey[]; inside: ReadonlySet<string> }) => {
      if (typeof n !== 'object') return;
      if ('reporting' in n) unitRef(n.reporting.viaUnit, ['plan', ...path, 'reporting', 'viaUnit']);
      if (!(isSection(n) || isItem(n))) return;
      n.units.forEach((id, k) => unitRef(id, ['plan', ...path, 'units', k]));
      if (n.units.length && !inside.has('organisation')) {
        out.push(problem(['plan', ...path, 'units'], '"units" chỉ có nghĩa ở một điều khoản trong khối tổ chức thực hiện (organisation)', '"units" means something only on a clause of an organisation block', 'warning'));
      }
    };
    walk(p.body, visit, ['body']);
    p.appendices.forEach((a, i) => walk(a.body, visit, ['appendices', i, 'body']));
    p.recipients.forEach((r, k) => unitRef(r.unit, ['plan', 'recipients', k, 'unit']));
  }
  c.unitPlans?.recipients.forEach((r, k) => unitRef(r.unit, ['unitPlans', 'recipients', k, 'unit']));

  if (!unitIds.size || !p) return;
  // Everything the plan sets should have a unit that leads it; what units left out lead is unknown.
  if (context.someUnitsLeftOut) return;
  const parts = planParts(p);
  for (const entry of parts.indicators) {
    entry.indicator.items.forEach((item, ti) => {
      if (c.units.some((u) => leadsIndicatorItem(u, entry, ti))) return;
      out.push(problem(['plan', ...entry.path, 'items', ti], `chưa có đơn vị chủ trì chỉ tiêu "${item.id}"`, `no unit leads indicator item "${item.id}"`, 'warning'));
    });
  }
  for (const { task, path } of parts.tasks) {
    const partPaths = taskPartPaths(task, ['plan', ...path]);
    const items = partPaths.length ? partPaths.map((_, k) => k) : [null];
    for (const k of items) {
      if (c.units.some((u) => leadsTaskItem(c, u, task, k))) continue;
      const what = k === null ? `nhiệm vụ "${task.id}"` : `ý ${k + 1} của nhiệm vụ "${task.id}"`;
      const whatEn = k === null ? `task "${task.id}"` : `item ${k + 1} of task "${task.id}"`;
      out.push(problem(k === null ? ['plan', ...path] : partPaths[k], `chưa có đơn vị chủ trì ${what}`, `no unit leads ${whatEn}`, 'warning'));
    }
  }
}

/** The data paths of a task's parts, in the order taskParts gives them (its body, then its items). */
function taskPartPaths(task: TaskNode, path: Path): Path[] {
  const inBody = task.body.flatMap((n, i) => (typeof n === 'object' && (isItem(n) || isSection(n)) ? [[...path, 'body', i]] : []));
  const inItems = task.items.flatMap((n, i) => (typeof n === 'string' || isItem(n) || isSection(n) ? [[...path, 'items', i]] : []));
  return [...inBody, ...inItems];
}

export interface CheckContext {
  /** Ids of every unit in the data, including those left out for their own errors. */
  unitIds?: string[];
  /** Some units were left out: what they lead is unknown, so no "unled" warnings. */
  someUnitsLeftOut?: boolean;
}

export function checkCampaign(c: Campaign, context: CheckContext = {}): Problem[] {
  const out: Problem[] = [];
  if (c.plan) {
    checkIds(c.plan, out);
    checkDates(c.plan, out);
    checkPlanBlocks(c, c.plan, out);
  }
  checkWidths(c, out);
  checkUnits(c, out, context);
  return out;
}
