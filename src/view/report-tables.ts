/**
 * The tables of a report's appendices, as table data: every indicator item
 * with its plan, result, rate and status; every award given and proposed,
 * by form.
 */
import type { Campaign, Cell, Table } from '../model/schema.js';
import type { AwardForm, Results } from '../model/results-schema.js';
import { unitName } from '../model/assignments.js';
import { STATUS_LABEL, type ItemOutcome, type Outcomes } from '../report/outcomes.js';
import { formatVi } from '../format/decimal.js';
import { roman } from '../format/numbering.js';
import { upperFirst } from '../format/text.js';
import { layout } from '../layout.js';
import { positionAt } from '../phrases/abbreviations.js';
import { formatTarget, itemName } from './indicators.js';
import { achievedText, isCeiling, planFigures, rateText, unitOf } from './report-figures.js';

type Columns = Table['columns'];


const columns = (shares: readonly number[], align: Columns[number]['align'][]): Columns =>
  shares.map((width, k) => ({ width, align: align[k] }));

/** A group row: bold, its number, and its title across the other columns (it does not wrap in the narrow second one). */
const groupRow = (n: string | null, title: string, width: number) => ({ group: true, cells: [n, { text: title, colSpan: width - 1, rowSpan: 1 }] });

/** "- Giá trị thương mại, dịch vụ" rows under an item: each component's plan and result, judged only as the whole item. */
function componentRows(it: ItemOutcome, unit: string | null): Table['rows'] {
  if ((it.item.kind !== 'money' && it.item.kind !== 'count') || !it.item.components.length) return [];
  return it.item.components.map((comp) => {
    const a = it.result?.components.find((x) => x.id === comp.id)?.achieved;
    const done = a === undefined || typeof a === 'boolean' ? '—' : typeof a === 'object' ? [a.period, a.year].map((v) => (v === undefined ? '—' : formatVi(v))).join('/') : formatVi(a);
    return [null, `- ${upperFirst(comp.label)}`, unit, formatTarget(comp.target, formatVi), done, null, null, null];
  });
}

/** An indicator of at most this many rows is kept on one page, so that none of its rows is left alone on the next. */
const KEPT_ROWS = 6;

/** A row kept on the page of the row after it. */
const keptRow = (cells: Cell[]): Table['rows'][number] => ({ cells, group: false, keepWithNext: true });

/** The rows of one indicator, each but the last kept with the next when there are few enough. */
const keptTogether = (rows: Table['rows']): Table['rows'] =>
  rows.length < 2 || rows.length > KEPT_ROWS ? rows : rows.map((r, i) => (i === rows.length - 1 || !Array.isArray(r) ? r : keptRow(r)));

/**
 * Who gave an item's figures, and its note: the unit's name alone as a cell holds a name ("Phòng Kinh tế"); with a
 * note, each a sentence of its own ("Phòng Kinh tế. Dự án đang ... quý I năm 2026."). The appendix's, not the narrative's.
 */
function itemNote(c: Campaign, it: ItemOutcome): string | null {
  const source = it.result?.reportedBy ? unitName(c, it.result.reportedBy) : '';
  const note = upperFirst(it.result?.note?.trim().replace(/\.$/, '') ?? '');
  if (!note) return source || null;
  return `${source ? `${source}. ` : ''}${note}.`;
}

/** Every indicator item: its plan, result, rate and status, in groups; its components as rows of their own; its source and note. */
export function indicatorTable(c: Campaign, outcomes: Outcomes): Table {
  const rows: Table['rows'] = [];
  let groups = 0;
  outcomes.groups.forEach((g) => {
    if (g.group.title) rows.push(groupRow(roman(++groups), g.group.title, 8));
    for (const o of g.indicators) {
      const own: Table['rows'] = [];
      o.items.forEach((it, k) => {
        const kind = it.item.kind;
        const unit = kind === 'completion' ? null : kind === 'percent' || kind === 'quota' ? '%' : unitOf(it.item).trim();
        const target = kind === 'quota' ? formatVi(it.item.percent) : kind === 'completion' ? 'Hoàn thành' : planFigures(it.item);
        const done = kind === 'completion' ? upperFirst(achievedText(it)) : it.slots.every((x) => !x.achieved) ? '—' : it.slots.map((s) => (s.achieved ? formatVi(s.achieved) : '—')).join('/');
        own.push([k === 0 ? String(o.code) : null, itemName(it.item), unit, target, done, isCeiling(it) ? '—' : rateText(it, false), STATUS_LABEL[it.status], itemNote(c, it)]);
        own.push(...componentRows(it, unit));
      });
      rows.push(...keptTogether(own));
    }
  });
  return {
    columns: columns(layout.table.columns.indicators, ['center', 'left', 'center', 'right', 'right', 'right', 'center', 'left']),
    header: [['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ (%)', 'Đánh giá', 'Ghi chú']],
    rows,
    fit: true,
  };
}

/** Awards given, then proposed, by form. */
export function awardTable(c: Campaign, r: Results, forms: AwardForm[], ownTitle: string): Table {
  const rows: Table['rows'] = [];
  let n = 0;
  let groups = 0;
  [false, true].forEach((proposed) => {
    const list = forms.flatMap((f) => r.awards.filter((a) => a.form === f.id && a.proposed === proposed).map((a) => ({ a, f })));
    if (!list.length) return;
    rows.push(groupRow(roman(++groups), proposed ? 'Đề nghị cấp trên khen thưởng' : ownTitle, 4));
    for (const f of forms) {
      const ofForm = list.filter((x) => x.f.id === f.id);
      if (!ofForm.length) continue;
      rows.push(groupRow(null, f.name, 4));
      ofForm.forEach(({ a }, k) => {
        // A collective is its unit: only a person's position and unit are worth a column.
        const unit = a.unit ? unitName(c, a.unit) : undefined;
        // The unit once: not again when the position already names it ("Trưởng Công an xã"), one phrase where they meet ("Trưởng thôn 2").
        const person = a.position && unit ? positionAt(a.position, unit) : (a.position ?? unit ?? '');
        const where = a.kind === 'collective' ? (a.position ?? '') : person;
        const cells = [String(++n), a.name, where || null, a.achievement];
        // The last of a form's list never stands alone at the top of a page: the one before it goes over with it.
        rows.push(k === ofForm.length - 2 ? keptRow(cells) : cells);
      });
    }
  });
  return {
    columns: columns(layout.table.columns.awards, ['center', 'left', 'left', 'left']),
    header: [['STT', 'Tập thể, cá nhân', 'Chức vụ, đơn vị', 'Thành tích']],
    rows,
    // Names and positions on one line where a little room allows, from the others' spare room (column-fit.ts).
    fit: true,
  };
}
