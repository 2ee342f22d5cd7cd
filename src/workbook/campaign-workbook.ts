/**
 * `thidua excel`: a campaign as a workbook a clerk can fill, one sheet per
 * part (campaign-layout.ts): the general information and signers, the body
 * of the plan row by row, the indicators, the units, their assignments and
 * the recipients. Lists where a value is one of a set, notes on every
 * column, frozen headers. campaign-reader.ts reads it back to the same data.
 */
import ExcelJS from 'exceljs';
import {
  APPENDIX_PART, APPENDIX_ROW, ASSIGNED_NAMES, ASSIGNMENT_HEADER, CAMPAIGN_SHEETS, CITATION_FIELDS, COMPONENT_KIND, GENERAL_FIELDS, GENERAL_REST,
  HEADER_ROW, INDICATOR_FIELDS, IN_ITEMS, ITEM_FIELDS, KIND_CHOICES, NODE_COLUMNS, NODE_KINDS, OUTLINE_COLUMNS,
  PARTS, RECIPIENT_FIELDS, RECIPIENT_OWNERS, ROLE_NAMES, SHEET_COLUMNS, TABLE_ROW, UNIT_ELSEWHERE, UNIT_FIELDS,
  generalNote, type OutlineColumn,
} from './campaign-layout.js';
import { lines, text, yaml, type CellValue, type Codec } from './codecs.js';
import { getAt, restCell, splitRow, type Column, type FieldColumn, type Obj, type SheetColumn } from './row-fields.js';
import PizZip from 'pizzip';
import { generateZip } from '../docx/package.js';
import { InvalidInputError, problem, type Problem } from '../model/problems.js';
import { CELL_CHARS } from './codecs.js';
import { fitRowHeights, printedAcross } from './print.js';
import { LIMITS } from '../model/limits.js';

const FONT = { name: 'Times New Roman', size: 12 };
const BOLD = { ...FONT, bold: true };
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
/** Rows below the data that still offer the lists, for what the clerk adds. */
const SPARE_ROWS = 200;

type HeaderColumn = SheetColumn;

function sheet(wb: ExcelJS.Workbook, name: string, columns: HeaderColumn[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: printedAcross(HEADER_ROW),
  });
  // A text column is formatted as text, so that what a clerk types there ("1.10", "1/2") stays as typed.
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: { font: FONT, alignment: { wrapText: true, vertical: 'top' }, ...(c.codec?.numFmt ? { numFmt: c.codec.numFmt } : {}) } }));
  const head = ws.getRow(HEADER_ROW);
  head.font = BOLD;
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.fill = GREY;
    if (c.note) cell.note = c.note;
  });
  return ws;
}

/** The units' ids, as a list a cell may offer: the first column of "Đơn vị". */
const UNIT_IDS = `'${CAMPAIGN_SHEETS.units}'!$A$${HEADER_ROW + 1}:$A$${HEADER_ROW + LIMITS.listLength}`;

/**
 * List validations on the columns whose values are one of a set (its
 * choices, or a range of cells such as UNIT_IDS), over the data and spare rows.
 */
function lists(ws: ExcelJS.Worksheet, columns: HeaderColumn[], extra: Record<number, string[] | string> = {}): void {
  const last = Math.max(ws.rowCount, HEADER_ROW) + SPARE_ROWS;
  columns.forEach((c, i) => {
    const choices = extra[i] ?? c.codec?.choices;
    if (!choices) return;
    const letter = ws.getColumn(i + 1).letter;
    offer(ws, `${letter}${HEADER_ROW + 1}:${letter}${last}`, choices);
  });
}

/** A list of choices (or a range of cells holding them) on a range of cells. */
function offer(ws: ExcelJS.Worksheet, range: string, choices: string[] | string): void {
  const [formula, error] = typeof choices === 'string' ? [choices, `Chọn một mã đơn vị ở trang ${CAMPAIGN_SHEETS.units}.`] : [`"${choices.join(',')}"`, `Chọn: ${choices.join('; ')}`];
  // exceljs keeps a range's validation in the sheet's model, written as one rule.
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
    type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorTitle: 'Giá trị không có trong danh sách', error,
  });
}

/** Cells past what Excel holds, as problems. */
function tooLongCells(ws: ExcelJS.Worksheet, tooLong: Problem[]): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value !== 'string' || cell.value.length <= CELL_CHARS) return;
      tooLong.push(problem(`${ws.name}!${cell.address}`, `ô dài ${cell.value.length} ký tự, Excel chỉ chứa được ${CELL_CHARS}: hãy rút gọn hoặc chia nội dung này trong tệp YAML`, `the cell would hold ${cell.value.length} characters, Excel holds ${CELL_CHARS}: shorten or split this content in the YAML file`));
    }),
  );
}

/** Cells whose values are dates show as dates. */
function addRow(ws: ExcelJS.Worksheet, cells: CellValue[], codecs: (Codec | undefined)[]): void {
  const row = ws.addRow(cells);
  codecs.forEach((c, i) => {
    if (c?.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
  });
}

// ---------------------------------------------------------------- Nội dung

interface OutlineRow extends Partial<Record<OutlineColumn, CellValue>> {}

interface Outlines {
  rows: OutlineRow[];
  /** The lists held on sheets of their own (indicators, cited documents), by sheet, numbered from 1 in the order of their rows. */
  blocks: Record<string, Obj[][]>;
}

function nodeRows(part: string, nodes: unknown[], depth: number, inItems: boolean, out: Outlines): void {
  for (const node of nodes) {
    const base: OutlineRow = { part, depth, inItems: inItems ? IN_ITEMS : null };
    if (typeof node === 'string') {
      out.rows.push({ ...base, kind: NODE_KINDS[0].name, text: node });
      continue;
    }
    const n = node as Obj;
    const kind = NODE_KINDS.find((k) => k.key && k.key in n);
    if (!kind) throw new Error(`unknown node: ${Object.keys(n).join(', ')}`);
    const columns = Object.entries(NODE_COLUMNS) as [OutlineColumn, FieldColumn][];
    if (kind.text) columns.push(['text', { key: kind.text, codec: text }]);
    const omit = [...(kind.children ?? []), ...(kind.block ? [kind.block.path] : [])];
    const { cells, rest } = splitRow(n, columns.map(([, c]) => c), omit);
    const row: OutlineRow = { ...base, kind: kind.name, rest: restCell(rest) };
    columns.forEach(([c], i) => {
      if (cells[i] !== null) row[c] = cells[i];
    });
    if (kind.block) {
      const blocks = (out.blocks[kind.block.sheet] ??= []);
      blocks.push(getAt(n, kind.block.path) as Obj[]);
      row.block = blocks.length;
    }
    out.rows.push(row);
    for (const path of kind.children ?? []) {
      const children = (getAt(n, path) ?? []) as unknown[];
      if (path === 'table.rows') {
        for (const r of children) out.rows.push({ part, depth: depth + 1, kind: TABLE_ROW, text: yaml.write(r) });
      } else nodeRows(part, children, depth + 1, path === 'items', out);
    }
  }
}

/** An outline's body and appendices: "Kế hoạch", "Kế hoạch - Phụ lục 1", ... */
function outlineOf(part: string, holder: Obj, out: Outlines): void {
  if (Array.isArray(holder.body)) nodeRows(part, holder.body, 1, false, out);
  const appendices = holder.appendices;
  if (!Array.isArray(appendices) || !appendices.length) return;
  appendices.forEach((a: Obj, i) => {
    const name = `${part}${APPENDIX_PART}${i + 1}`;
    const { cells, rest } = splitRow(a, [
      { key: 'label', codec: text },
      { key: 'title', codec: lines },
    ], ['body']);
    out.rows.push({ part: name, kind: APPENDIX_ROW, label: cells[0], text: cells[1], rest: restCell(rest) });
    nodeRows(name, a.body as unknown[], 1, false, out);
  });
}

function outlineSheet(wb: ExcelJS.Workbook, out: Outlines): void {
  const columns = SHEET_COLUMNS.outline;
  const ws = sheet(wb, CAMPAIGN_SHEETS.outline, columns);
  for (const r of out.rows) ws.addRow(OUTLINE_COLUMNS.map((c) => r[c] ?? null));
  lists(ws, columns, { [OUTLINE_COLUMNS.indexOf('kind')]: KIND_CHOICES, [OUTLINE_COLUMNS.indexOf('numbering')]: NODE_COLUMNS.numbering!.codec.choices! });
}

// ---------------------------------------------------------------- Chỉ tiêu

const INDICATOR_COLUMNS = SHEET_COLUMNS.indicators;

function indicatorSheet(wb: ExcelJS.Workbook, blocks: Obj[][] = []): void {
  const ws = sheet(wb, CAMPAIGN_SHEETS.indicators, INDICATOR_COLUMNS);
  const codecs = INDICATOR_COLUMNS.map((c) => c.codec);
  blocks.forEach((indicators, b) => {
    for (const ind of indicators) {
      const own = splitRow(ind, INDICATOR_FIELDS, ['items']);
      // The indicator's id on each of its rows, its other fields on the first only.
      const later = [ind.id as string, ...INDICATOR_FIELDS.slice(1).map(() => null)];
      (ind.items as Obj[]).forEach((raw, k) => {
        // A quota's share stands in the target's column.
        const item = raw.kind === 'quota' && 'percent' in raw ? { ...Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'percent')), target: raw.percent } : raw;
        const { cells, rest } = splitRow(item, ITEM_FIELDS, ['components']);
        const head = k === 0 ? own.cells : later;
        addRow(ws, [b + 1, ...head, ...cells, restCell(rest), k === 0 ? restCell(own.rest) : null], codecs);
        for (const part of (item.components ?? []) as Obj[]) {
          const sub = splitRow(part, ITEM_FIELDS);
          sub.cells[1] = COMPONENT_KIND;
          addRow(ws, [b + 1, ...later, ...sub.cells, restCell(sub.rest), null], codecs);
        }
      });
    }
  });
  lists(ws, INDICATOR_COLUMNS, { [1 + INDICATOR_FIELDS.length + 1]: [...ITEM_FIELDS[1].codec.choices!, COMPONENT_KIND] });
}

// ---------------------------------------------------------------- Văn bản dẫn

function citationSheet(wb: ExcelJS.Workbook, blocks: Obj[][] = []): void {
  const columns = SHEET_COLUMNS.citations;
  const ws = sheet(wb, CAMPAIGN_SHEETS.citations, columns);
  blocks.forEach((documents, b) => {
    for (const d of documents) {
      const { cells, rest } = splitRow(d, CITATION_FIELDS);
      addRow(ws, [b + 1, ...cells, restCell(rest)], columns.map((c) => c.codec));
    }
  });
}

// ---------------------------------------------------------------- Đơn vị, Phân công, Nơi nhận

/** What the ids of "Phân công" name, for a clerk to read beside them: a task's heading or text, an indicator's first words. */
function namesOf(out: Outlines): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of out.rows) if (typeof r.id === 'string' && typeof r.text === 'string') names.set(r.id, r.text);
  const said = (i: Obj) => String(i.label ?? i.name ?? i.after ?? '');
  for (const indicators of out.blocks[CAMPAIGN_SHEETS.indicators] ?? []) {
    for (const ind of indicators) {
      const items = ind.items as Obj[];
      names.set(ind.id as string, items.map(said).filter(Boolean).join('; '));
      for (const item of items) {
        names.set(item.id as string, said(item));
        for (const part of (item.components as Obj[] | undefined) ?? []) names.set(part.id as string, said(part));
      }
    }
  }
  return names;
}

function unitSheets(wb: ExcelJS.Workbook, units: Obj[], names: Map<string, string>): void {
  const columns = SHEET_COLUMNS.units;
  const ws = sheet(wb, CAMPAIGN_SHEETS.units, columns);
  for (const u of units) {
    const { cells, rest } = splitRow(u, UNIT_FIELDS, UNIT_ELSEWHERE);
    addRow(ws, [...cells, restCell(rest)], columns.map((c) => c.codec));
  }
  lists(ws, columns);

  const as = sheet(wb, CAMPAIGN_SHEETS.assignments, ASSIGNMENT_HEADER);
  for (const u of units) {
    for (const role of ['leads', 'supports'] as const) {
      const a = (u[role] ?? {}) as { indicators?: string[]; tasks?: (string | Obj)[] };
      for (const id of a.indicators ?? []) as.addRow([u.id, ROLE_NAMES[role], ASSIGNED_NAMES.indicators, id, null, null, null, names.get(id) ?? null]);
      for (const t of a.tasks ?? []) {
        if (typeof t === 'string') {
          as.addRow([u.id, ROLE_NAMES[role], ASSIGNED_NAMES.tasks, t, null, null, null, names.get(t) ?? null]);
          continue;
        }
        const list = (v: unknown) => (Array.isArray(v) ? (v as unknown[]).join(', ') : null);
        const id = t.task as string;
        as.addRow([u.id, ROLE_NAMES[role], ASSIGNED_NAMES.tasks, id, list(t.items), list(t.sentences), Array.isArray(t.text) ? (t.text as string[]).join('\n') : null, names.get(id) ?? null]);
      }
    }
  }
  lists(as, ASSIGNMENT_HEADER, { 0: UNIT_IDS, 1: Object.values(ROLE_NAMES), 2: Object.values(ASSIGNED_NAMES) });
}

function recipientSheet(wb: ExcelJS.Workbook, data: Obj): void {
  const columns = SHEET_COLUMNS.recipients;
  const ws = sheet(wb, CAMPAIGN_SHEETS.recipients, columns);
  const owners: [string, unknown][] = [
    [RECIPIENT_OWNERS.plan, getAt(data, 'plan.recipients')],
    [RECIPIENT_OWNERS.unitPlans, getAt(data, 'unitPlans.recipients')],
    ...((data.units ?? []) as Obj[]).map((u): [string, unknown] => [u.id as string, u.reportsTo]),
  ];
  for (const [owner, list] of owners) {
    for (const r of (list ?? []) as Obj[]) {
      const { cells, rest } = splitRow(r, RECIPIENT_FIELDS);
      ws.addRow([owner, ...cells, restCell(rest)]);
    }
  }
  // The recipient that is one of the units: its id.
  lists(ws, columns, { [1 + RECIPIENT_FIELDS.findIndex((f) => f.key === 'unit')]: UNIT_IDS });
}

// ---------------------------------------------------------------- Thông tin chung

function generalSheet(wb: ExcelJS.Workbook, data: Obj): void {
  const ws = sheet(wb, CAMPAIGN_SHEETS.general, SHEET_COLUMNS.general);
  const columns = GENERAL_FIELDS.map((f): Column => ({ key: f.path, codec: f.codec, header: f.label, width: 0, note: '' }));
  // Appendices set to none ([]) instead of the default ones stay here: no row of "Nội dung" can say it.
  const held = ['plan.appendices', 'unitPlans.outline.appendices'].filter((p) => (getAt(data, p) as unknown[] | undefined)?.length);
  const { cells, rest } = splitRow(data, columns, ['units', 'plan.body', 'plan.recipients', 'unitPlans.recipients', 'unitPlans.outline.body', ...held]);
  GENERAL_FIELDS.forEach((f, i) => {
    const row = ws.addRow([f.label, cells[i], f.path]);
    row.getCell(3).fill = GREY;
    if (f.codec.numFmt) row.getCell(2).numFmt = f.codec.numFmt;
    const note = generalNote(f);
    if (note) row.getCell(1).note = note;
    if (f.codec.choices) offer(ws, `B${row.number}`, f.codec.choices);
  });
  const last = ws.addRow(['Khác (YAML)', restCell(rest), GENERAL_REST]);
  last.getCell(3).fill = GREY;
  last.getCell(1).note = 'Những trường không có dòng riêng, viết theo YAML trên một dòng; để trống nếu không có.';
}

/** The workbook of a campaign's data, as read from its file (valid). */
export async function campaignWorkbook(data: Obj): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  // A fixed date: the same campaign gives the same workbook.
  wb.created = wb.modified = new Date(Date.UTC(2000, 0, 1));
  generalSheet(wb, data);
  const outlines: Outlines = { rows: [], blocks: {} };
  if (data.plan) outlineOf(PARTS.plan, data.plan as Obj, outlines);
  const unitOutline = getAt(data, 'unitPlans.outline');
  if (unitOutline) outlineOf(PARTS.unitPlans, unitOutline as Obj, outlines);
  outlineSheet(wb, outlines);
  indicatorSheet(wb, outlines.blocks[CAMPAIGN_SHEETS.indicators]);
  citationSheet(wb, outlines.blocks[CAMPAIGN_SHEETS.citations]);
  unitSheets(wb, (data.units ?? []) as Obj[], namesOf(outlines));
  recipientSheet(wb, data);
  const tooLong: Problem[] = [];
  wb.eachSheet((ws) => {
    tooLongCells(ws, tooLong);
    fitRowHeights(ws);
  });
  if (tooLong.length) throw new InvalidInputError(tooLong);
  // Repacked with fixed entry dates: the same campaign gives the same bytes.
  return generateZip(new PizZip(Buffer.from(await wb.xlsx.writeBuffer())));
}
