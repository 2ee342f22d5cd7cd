/**
 * `thidua collect`: the units' results forms (forms.ts) read back into the
 * results data. Every problem names the workbook, the sheet and cell
 * ("Chỉ tiêu!F7") and the field, in Vietnamese and English; units that have
 * not returned a form are listed.
 */
import ExcelJS from 'exceljs';
import { isPeriodYear, type Campaign, type IndicatorItem } from '../model/schema.js';
import { indicatorLookup, pickedItems, resolveAssignment } from '../model/assignments.js';
import type { IndicatorResult, UnitResult } from '../model/results-schema.js';
import { problem, type Problem } from '../model/problems.js';
import { readDate, readDecimal, readText, plainValue } from './cells.js';
import {
  ACTIVITY_COLUMNS, ACTIVITY_KINDS, DONE, HEADER_ROW, INDICATOR_COLUMNS, INFO_ROWS, SHEETS, TASK_COLUMNS,
} from './layout.js';

export interface FormFile {
  name: string;
  content: Buffer;
}

export interface Collected {
  units: UnitResult[];
  indicators: IndicatorResult[];
  problems: Problem[];
}

/** A problem at a workbook's cell: "Chỉ tiêu!F7 (achieved)". */
const at = (file: string, sheet: string, cell: string, field: string, vi: string, en: string, severity: Problem['severity'] = 'error'): Problem => ({
  ...problem(`${sheet}!${cell} (${field})`, vi, en, severity),
  file,
});

const hasPair = (item: IndicatorItem) => 'target' in item && isPeriodYear(item.target);

/** A merged cell where a value goes: the clerk's value may sit in another cell of the merge. */
function mergedProblem(file: string, ws: ExcelJS.Worksheet, cell: string, field: string): Problem | undefined {
  const c = ws.getCell(cell);
  if (!c.isMerged) return undefined;
  return at(file, ws.name, cell, field, 'ô bị gộp với ô khác: hãy bỏ gộp ô và ghi giá trị vào đúng ô này', 'the cell is merged with others: unmerge it and write the value in this cell');
}

async function readForm(c: Campaign, f: FormFile, out: Collected, seen: Map<string, string>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(f.content as unknown as ArrayBuffer);
  } catch {
    out.problems.push({ ...problem(f.name, 'không đọc được tệp Excel (.xlsx)', 'cannot read the file as an Excel workbook (.xlsx)'), file: f.name });
    return;
  }
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) out.problems.push({ ...problem(name, `thiếu trang "${name}" của phiếu báo cáo`, `the form's sheet "${name}" is missing`), file: f.name });
    return ws;
  };
  const info = sheet(SHEETS.info);
  if (!info) return;
  const campaignId = readText(info.getCell(`B${INFO_ROWS.campaign}`).value);
  if (campaignId !== c.id) {
    out.problems.push(at(f.name, SHEETS.info, `B${INFO_ROWS.campaign}`, 'campaign', `phiếu của đợt thi đua khác ("${campaignId ?? ''}"), không phải "${c.id}"`, `a form of another campaign ("${campaignId ?? ''}"), not "${c.id}"`));
    return;
  }
  const unitId = readText(info.getCell(`B${INFO_ROWS.unit}`).value) ?? '';
  const unit = c.units.find((u) => u.id === unitId);
  if (!unit) {
    out.problems.push(at(f.name, SHEETS.info, `B${INFO_ROWS.unit}`, 'unit', `không có đơn vị "${unitId}" trong đợt thi đua`, `no unit "${unitId}" in the campaign`));
    return;
  }
  if (seen.has(unit.id)) {
    out.problems.push(at(f.name, SHEETS.info, `B${INFO_ROWS.unit}`, 'unit', `đơn vị "${unit.id}" đã có phiếu ${seen.get(unit.id)}`, `unit "${unit.id}" already has a form: ${seen.get(unit.id)}`));
    return;
  }
  seen.set(unit.id, f.name);
  const result: UnitResult = { unit: unit.id, reportedOn: null, activities: [], models: [], ownResults: [] };
  const dateCell = `B${INFO_ROWS.reportedOn}`;
  const merged = mergedProblem(f.name, info, dateCell, 'reportedOn');
  if (merged) out.problems.push(merged);
  const date = readDate(info.getCell(dateCell).value);
  if (date && 'value' in date) result.reportedOn = date.value;
  else if (date) out.problems.push(at(f.name, SHEETS.info, dateCell, 'reportedOn', date.vi, date.en));
  // A form sent back is a report: its date says when it came.
  else out.problems.push(at(f.name, SHEETS.info, dateCell, 'reportedOn', 'chưa ghi ngày báo cáo', 'the report date is empty'));

  // Indicator rows: only those of items the unit leads carry a result.
  const led = new Set(resolveAssignment(c, unit.leads).indicators.flatMap((p) => pickedItems(p).map((i) => i.id)));
  const items = indicatorLookup(c);
  const ind = sheet(SHEETS.indicators);
  let lastItem: IndicatorItem | undefined;
  // The item of the row above where the unit only supports it: its components' rows, as its own, carry no result.
  let lastSupported: string | undefined;
  ind?.eachRow((row, r) => {
    if (r <= HEADER_ROW) return;
    const id = readText(row.getCell(INDICATOR_COLUMNS.item).value);
    if (!id) return;
    const cell = (col: string) => `${col}${r}`;
    const read = (col: string, field: string) => {
      const d = readDecimal(row.getCell(col).value);
      if (d && !('value' in d)) out.problems.push(at(f.name, SHEETS.indicators, cell(col), field, d.vi, d.en));
      // A whole number is written as a number, as a clerk types it in YAML; a decimal keeps its digits as text ("97.0").
      return d && 'value' in d ? (/^-?\d{1,15}$/.test(d.value) ? Number(d.value) : d.value) : undefined;
    };
    const achievedOf = (pair: boolean, field: string): IndicatorResult['achieved'] | undefined => {
      const period = read(INDICATOR_COLUMNS.achieved, field);
      if (!pair) return period;
      const year = read(INDICATOR_COLUMNS.year, `${field}.year`);
      if (period === undefined && year === undefined) return undefined;
      return { ...(period !== undefined ? { period } : {}), ...(year !== undefined ? { year } : {}) };
    };
    // A component's row belongs to the item above it.
    if (id.includes('.')) {
      const [itemId, partId] = id.split('.');
      if (!lastItem && lastSupported === itemId) return;
      const owner = out.indicators.at(-1);
      const part = lastItem?.id === itemId && 'components' in lastItem ? lastItem.components.find((p) => p.id === partId) : undefined;
      if (!part || !lastItem) {
        out.problems.push(at(f.name, SHEETS.indicators, cell(INDICATOR_COLUMNS.item), 'components', `không có thành phần "${id}" dưới chỉ tiêu ở dòng trên`, `no component "${id}" of the item above`));
        return;
      }
      const achieved = achievedOf(isPeriodYear(part.target), 'components');
      if (achieved === undefined) return;
      if (owner?.item !== itemId) {
        out.problems.push(at(f.name, SHEETS.indicators, cell(INDICATOR_COLUMNS.achieved), 'components', 'có kết quả thành phần nhưng chỉ tiêu chưa có kết quả', 'a component\'s result, but none for its item'));
        return;
      }
      owner.components.push({ id: partId, achieved });
      return;
    }
    const pick = items.get(id);
    // A component's row is coded "item.component" under its item: its id alone codes no row.
    const item = pick && pick.item !== null && !pick.components ? pick.entry.indicator.items[pick.item] : undefined;
    if (!item) {
      out.problems.push(at(f.name, SHEETS.indicators, cell(INDICATOR_COLUMNS.item), 'item', `không có chỉ tiêu "${id}" trong kế hoạch`, `no indicator item "${id}" in the plan`));
      return;
    }
    lastItem = led.has(id) ? item : undefined;
    lastSupported = led.has(id) ? undefined : id;
    if (!led.has(id)) return;
    for (const [col, field] of [[INDICATOR_COLUMNS.achieved, 'achieved'], [INDICATOR_COLUMNS.year, 'achieved.year'], [INDICATOR_COLUMNS.note, 'note']] as const) {
      const m = mergedProblem(f.name, ind, cell(col), field);
      if (m) out.problems.push(m);
    }
    const note = readText(row.getCell(INDICATOR_COLUMNS.note).value);
    const raw = row.getCell(INDICATOR_COLUMNS.achieved).value;
    let achieved: IndicatorResult['achieved'] | undefined;
    if (item.kind === 'completion') {
      const t = readText(raw);
      if (t === DONE.yes) achieved = true;
      else if (t === DONE.no) achieved = false;
      else if (t !== undefined) {
        out.problems.push(at(f.name, SHEETS.indicators, cell(INDICATOR_COLUMNS.achieved), 'achieved', `cần "${DONE.yes}" hoặc "${DONE.no}", không phải "${t}"`, `needs "${DONE.yes}" or "${DONE.no}", not "${t}"`));
        return;
      }
    } else achieved = achievedOf(hasPair(item), 'achieved');
    if (achieved !== undefined) out.indicators.push({ item: id, achieved, components: [], reportedBy: unit.id, ...(note ? { note } : {}) });
    else if (note) {
      out.problems.push(at(f.name, SHEETS.indicators, cell(INDICATOR_COLUMNS.achieved), 'achieved', 'có ghi chú nhưng chưa có kết quả', 'a note but no result', 'warning'));
    }
  });

  // Task results are what the unit did: its activities, in the plan's order, then its own entries.
  const tasks = sheet(SHEETS.tasks);
  tasks?.eachRow((row, r) => {
    if (r <= HEADER_ROW) return;
    const text = readText(row.getCell(TASK_COLUMNS.result).value);
    const m = mergedProblem(f.name, tasks, `${TASK_COLUMNS.result}${r}`, 'activities');
    if (m) out.problems.push(m);
    if (text) result.activities.push(text);
  });
  const acts = sheet(SHEETS.activities);
  acts?.eachRow((row, r) => {
    if (r <= HEADER_ROW) return;
    const text = readText(row.getCell(ACTIVITY_COLUMNS.text).value);
    if (!text) return;
    const kind = readText(plainValue(row.getCell(ACTIVITY_COLUMNS.kind).value)) ?? 'Hoạt động';
    const field = ACTIVITY_KINDS[kind as keyof typeof ACTIVITY_KINDS];
    if (!field) {
      const kinds = Object.keys(ACTIVITY_KINDS).map((k) => `"${k}"`).join(', ');
      out.problems.push(at(f.name, SHEETS.activities, `${ACTIVITY_COLUMNS.kind}${r}`, 'kind', `loại không có: "${kind}" (chọn ${kinds})`, `unknown kind "${kind}" (choose ${kinds})`));
      return;
    }
    result[field].push(text);
  });
  out.units.push(result);
}

/** Read every form; the units of the campaign with no form are warnings. */
export async function collectForms(c: Campaign, files: FormFile[]): Promise<Collected> {
  const out: Collected = { units: [], indicators: [], problems: [] };
  const seen = new Map<string, string>();
  for (const f of files) await readForm(c, f, out, seen);
  for (const u of c.units) {
    if (!seen.has(u.id)) out.problems.push(problem(['units'], `đơn vị "${u.id}" (${u.name}) chưa gửi phiếu báo cáo`, `unit "${u.id}" (${u.name}) has not returned its form`, 'warning'));
  }
  return out;
}
