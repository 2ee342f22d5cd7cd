/**
 * `thidua forms`: one results workbook per unit, with exactly the indicator
 * items and tasks it leads or supports, the issuer's targets filled in and
 * locked, cells for its results, notes and activities, and the deadline and
 * channel in the heading. `collect.ts` reads them back.
 */
import ExcelJS from 'exceljs';
import { isPeriodYear, type Campaign, type IndicatorItem, type Unit } from '../model/schema.js';
import { pickedItems, resolveAssignment } from '../model/assignments.js';
import { isItem, planParts } from '../model/outline.js';
import { formatTarget, itemName } from '../view/indicators.js';
import { unitOf } from '../view/report-figures.js';
import { formatVi } from '../format/decimal.js';
import { parseIsoDate, shortDate } from '../format/date.js';
import type { TaskNode } from '../model/schema.js';
import {
  ACTIVITY_COLUMNS, ACTIVITY_KINDS, ACTIVITY_ROWS, DONE, HEADER_ROW, INDICATOR_COLUMNS, INFO_ROWS, ROLES, SHEETS, TASK_COLUMNS, componentKey,
} from './layout.js';
import { fitRowHeights, printedAcross } from './print.js';

const OPEN: Partial<ExcelJS.Style> = { protection: { locked: false }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } } };
const SHUT: Partial<ExcelJS.Style> = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } } };
const BOLD = { bold: true, name: 'Times New Roman', size: 12 };
const FONT = { name: 'Times New Roman', size: 12 };
const WRAP = { wrapText: true, vertical: 'top' } as const;

/** A cell to fill (open, yellow) or one the form fills (locked, grey); long texts wrap. */
const cellStyle = (open: boolean, wrap = false): Partial<ExcelJS.Style> => ({ ...(open ? OPEN : SHUT), font: FONT, ...(wrap ? { alignment: WRAP } : {}) });
/** Locked cells can be selected and copied; columns can be widened to read them. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true };

/** A target as the plan prints it: "833,509/1.703,274", "97,0", "100%". */
function targetText(item: IndicatorItem): string {
  if (item.kind === 'quota') return `${formatVi(item.percent)}%`;
  if (item.kind === 'completion') return 'Hoàn thành';
  return formatTarget(item.target, (v) => formatVi(v));
}

const hasPair = (item: IndicatorItem) => 'target' in item && isPeriodYear(item.target);

const taskText = (task: TaskNode): string => (isItem(task) ? task.item : task.section);

function header(ws: ExcelJS.Worksheet, columns: { header: string; key: string; width: number; note: string }[]): void {
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { font: FONT, alignment: WRAP } }));
  const row = ws.getRow(HEADER_ROW);
  row.font = BOLD;
  columns.forEach((c, i) => {
    row.getCell(i + 1).note = c.note;
  });
  ws.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
}

/** The deadline and channel of the reports, from the plan's reporting duty. */
function deadlineLine(c: Campaign): string {
  const r = planParts(c.plan).reporting;
  if (!r) return `Gửi về: ${c.issuer.name}`;
  const channel = r.via ?? r.to;
  // "qua phòng Văn hóa - Xã hội" in the plan's sentence; a heading of its own starts with a capital.
  return `Hạn gửi: ${shortDate(parseIsoDate(r.deadline))}; gửi về: ${channel.charAt(0).toLocaleUpperCase('vi')}${channel.slice(1)}`;
}

/** The workbook of one unit's results form. */
export async function unitForm(c: Campaign, unit: Unit): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  // A fixed date: the same campaign gives the same workbook.
  wb.created = wb.modified = new Date(Date.UTC(c.plan?.date.year ?? 2000, 0, 1));

  const info = wb.addWorksheet(SHEETS.info, { pageSetup: printedAcross(0) });
  info.columns = [{ width: 28, style: { font: FONT } }, { width: 70, style: { font: FONT, alignment: { wrapText: true } } }];
  info.getCell('A1').value = 'PHIẾU BÁO CÁO KẾT QUẢ THI ĐUA';
  info.getCell('A1').font = { ...BOLD, size: 14 };
  info.getCell('A2').value = c.name;
  info.getCell('A3').value = `Đơn vị: ${unit.name}`;
  info.getCell('A3').font = BOLD;
  info.getCell('A4').value = deadlineLine(c);
  info.getCell('A5').value = 'Điền các ô nền vàng ở các trang Chỉ tiêu, Nhiệm vụ, Hoạt động; các ô nền xám đã khóa.';
  const rows: [number, string, string | null, string][] = [
    [INFO_ROWS.campaign, 'Mã đợt thi đua', c.id, 'Không sửa: dùng để nhận biết phiếu khi tổng hợp.'],
    [INFO_ROWS.unit, 'Mã đơn vị', unit.id, 'Không sửa: dùng để nhận biết phiếu khi tổng hợp.'],
    [INFO_ROWS.reportedOn, 'Ngày báo cáo', null, 'Ngày đơn vị gửi báo cáo, ví dụ 10/12/2025.'],
  ];
  for (const [r, label, value, note] of rows) {
    info.getCell(`A${r}`).value = label;
    const cell = info.getCell(`B${r}`);
    cell.value = value;
    cell.note = note;
    cell.style = value === null ? { ...cellStyle(true), numFmt: 'dd/mm/yyyy' } : cellStyle(false);
  }
  info.getCell(`B${INFO_ROWS.reportedOn}`).dataValidation = {
    type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1945, 0, 1))],
    showErrorMessage: true, errorTitle: 'Ngày không hợp lệ', error: 'Nhập ngày, ví dụ 10/12/2025.',
  };
  await info.protect('', PROTECTION);

  const ind = wb.addWorksheet(SHEETS.indicators, { pageSetup: printedAcross(HEADER_ROW) });
  header(ind, [
    { header: 'Mã', key: 'item', width: 22, note: 'Mã chỉ tiêu trong kế hoạch (không sửa).' },
    { header: 'Chỉ tiêu', key: 'name', width: 46, note: 'Tên chỉ tiêu (không sửa).' },
    { header: 'Đơn vị tính', key: 'unit', width: 14, note: '' },
    { header: `Chỉ tiêu của ${c.issuer.name}`, key: 'target', width: 20, note: 'Chỉ tiêu kế hoạch giao (không sửa).' },
    { header: 'Vai trò', key: 'role', width: 12, note: 'Chủ trì: đơn vị báo cáo kết quả; Phối hợp: đơn vị chủ trì báo cáo.' },
    { header: 'Kết quả (trong đợt)', key: 'achieved', width: 18, note: 'Số đạt được, ví dụ 1.703,274; chỉ tiêu hoàn thành: chọn Hoàn thành / Chưa hoàn thành.' },
    { header: 'Kết quả cả năm', key: 'year', width: 18, note: 'Chỉ với chỉ tiêu có số trong đợt và cả năm.' },
    { header: 'Ghi chú', key: 'note', width: 40, note: 'Giải trình, ghi chú về kết quả.' },
  ]);
  const picks = (role: 'leads' | 'supports') =>
    resolveAssignment(c, unit[role]).indicators.flatMap((p) => pickedItems(p).map((item) => ({ item, role, parts: p.components })));
  for (const { item, role, parts } of [...picks('leads'), ...picks('supports')]) {
    const row = ind.addRow({ item: item.id, name: itemName(item), unit: unitOf(item).trim(), target: targetText(item), role: ROLES[role] });
    for (const col of ['A', 'B', 'C', 'D', 'E']) row.getCell(col).style = cellStyle(false, true);
    const leads = role === 'leads';
    const achieved = row.getCell(INDICATOR_COLUMNS.achieved);
    const year = row.getCell(INDICATOR_COLUMNS.year);
    achieved.style = cellStyle(leads);
    year.style = cellStyle(leads && hasPair(item));
    row.getCell(INDICATOR_COLUMNS.note).style = cellStyle(true, true);
    if (!leads) achieved.value = '(đơn vị chủ trì báo cáo)';
    if (leads && item.kind === 'completion') {
      achieved.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${DONE.yes},${DONE.no}"`], showErrorMessage: true, error: `Chọn ${DONE.yes} hoặc ${DONE.no}.` };
    }
    // The parts of an item that add up to it: a row each, below it, for the unit that leads it; for a unit that supports
    // some of them only, those, as its plan gives them.
    if (!('components' in item) || (!leads && !parts)) continue;
    for (const part of item.components.filter((_, k) => leads || parts!.includes(k))) {
      const sub = ind.addRow({ item: componentKey(item.id, part.id), name: `– ${part.label}`, unit: unitOf(item).trim(), target: formatTarget(part.target, (v) => formatVi(v)), role: ROLES.component });
      for (const col of ['A', 'B', 'C', 'D', 'E']) sub.getCell(col).style = cellStyle(false, true);
      sub.getCell(INDICATOR_COLUMNS.achieved).style = cellStyle(leads);
      sub.getCell(INDICATOR_COLUMNS.year).style = cellStyle(leads && isPeriodYear(part.target));
      sub.getCell(INDICATOR_COLUMNS.note).style = cellStyle(false);
    }
  }
  await ind.protect('', PROTECTION);

  const tasks = wb.addWorksheet(SHEETS.tasks, { pageSetup: printedAcross(HEADER_ROW) });
  header(tasks, [
    { header: 'Mã', key: 'task', width: 22, note: 'Mã nhiệm vụ trong kế hoạch (không sửa).' },
    { header: 'Nhiệm vụ', key: 'text', width: 60, note: 'Nhiệm vụ được giao (không sửa).' },
    { header: 'Vai trò', key: 'role', width: 12, note: '' },
    { header: 'Kết quả thực hiện', key: 'result', width: 60, note: 'Những việc đơn vị đã làm, kết quả đạt được.' },
  ]);
  for (const role of ['leads', 'supports'] as const) {
    for (const pick of resolveAssignment(c, unit[role]).tasks) {
      const row = tasks.addRow({ task: pick.task.id, text: taskText(pick.task), role: ROLES[role] });
      for (const col of ['A', 'B', 'C']) row.getCell(col).style = cellStyle(false, true);
      row.getCell(TASK_COLUMNS.result).style = cellStyle(true, true);
    }
  }
  await tasks.protect('', PROTECTION);

  const acts = wb.addWorksheet(SHEETS.activities, { pageSetup: printedAcross(HEADER_ROW) });
  header(acts, [
    { header: 'Loại', key: 'kind', width: 30, note: Object.keys(ACTIVITY_KINDS).join('; ') },
    { header: 'Nội dung', key: 'text', width: 90, note: 'Mỗi hoạt động, mô hình, kết quả một dòng.' },
  ]);
  for (let r = HEADER_ROW + 1; r <= HEADER_ROW + ACTIVITY_ROWS; r++) {
    const kind = acts.getCell(`${ACTIVITY_COLUMNS.kind}${r}`);
    kind.style = cellStyle(true);
    kind.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.keys(ACTIVITY_KINDS).join(',')}"`], showErrorMessage: true, error: 'Chọn một loại trong danh sách.' };
    acts.getCell(`${ACTIVITY_COLUMNS.text}${r}`).style = cellStyle(true, true);
  }
  await acts.protect('', PROTECTION);

  wb.eachSheet(fitRowHeights);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
