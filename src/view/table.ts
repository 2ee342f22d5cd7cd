/**
 * A table of the data laid on its grid: each row gets one entry per column,
 * cells that span columns or rows marking the positions they cover, so that
 * both renderers merge the same cells.
 */
import type { Cell, Row, Table } from '../model/schema.js';
import type { Align, CellView, Covered, RowView, TableView } from './document.js';

/** Where a table's rows do not fit its columns: the row (from 0, header rows first) and what is wrong. */
export interface GridProblem {
  part: 'header' | 'rows';
  row: number;
  vi: string;
  en: string;
}

const cellsOf = (r: Row): Cell[] => (Array.isArray(r) ? r : r.cells);
const isGroup = (r: Row): boolean => !Array.isArray(r) && r.group;
/** A group row stays with the row after it, as does a row marked to. */
const keepsWithNext = (r: Row): boolean => !Array.isArray(r) && (r.group || r.keepWithNext === true);

/** A header cell, and one spanning rows, is centred top to bottom beside its taller neighbours, as a clerk's Word table sets it. */
function cellView(c: Cell, align: Align, strong: boolean, header: boolean): CellView {
  if (c === null) return { lines: [], colSpan: 1, rowSpan: 1, bold: strong, italic: false, align, middle: header };
  if (typeof c === 'string') return { lines: [c], colSpan: 1, rowSpan: 1, bold: strong, italic: false, align, middle: header };
  const lines = c.text === undefined ? [] : Array.isArray(c.text) ? c.text : [c.text];
  return { lines, colSpan: c.colSpan, rowSpan: c.rowSpan, bold: c.bold ?? strong, italic: c.italic ?? false, align: c.align ?? align, middle: header || c.rowSpan > 1 };
}

/** Rows on the grid of `columns` columns; spans never reach past the part (header or body) they start in. */
function gridRows(rows: Row[], table: Table, part: 'header' | 'rows', problems: GridProblem[]): RowView[] {
  const n = table.columns.length;
  // Rows still covered below a cell that spans rows, per column, and how wide that cell is.
  const below: { left: number; width: number }[] = Array.from({ length: n }, () => ({ left: 0, width: 0 }));
  const out = rows.map((row, r): RowView => {
    const cells = cellsOf(row);
    const grid: (CellView | Covered)[] = [];
    let next = 0;
    for (let col = 0; col < n; ) {
      const b = below[col];
      if (b.left > 0) {
        for (let k = 0; k < b.width; k++) grid.push(k === 0 ? { covered: 'row', colSpan: b.width } : { covered: 'col' });
        for (let k = 0; k < b.width; k++) below[col + k].left--;
        col += b.width;
        continue;
      }
      const c = cells[next++];
      if (c === undefined) {
        problems.push({ part, row: r, vi: `hàng có ít ô hơn ${n} cột`, en: `the row has fewer cells than the ${n} columns` });
        return { cells: [], keepWithNext: false };
      }
      const header = part === 'header';
      const view = cellView(c, header ? 'center' : table.columns[col].align, header || isGroup(row), header);
      if (col + view.colSpan > n) {
        problems.push({ part, row: r, vi: `ô thứ ${next} vượt quá ${n} cột`, en: `cell ${next} reaches past the ${n} columns` });
        return { cells: [], keepWithNext: false };
      }
      if (below.slice(col + 1, col + view.colSpan).some((x) => x.left > 0)) {
        problems.push({ part, row: r, vi: `ô thứ ${next} chồng lên ô gộp hàng phía trên`, en: `cell ${next} overlaps a cell spanning rows from above` });
        return { cells: [], keepWithNext: false };
      }
      grid.push(view);
      for (let k = 1; k < view.colSpan; k++) grid.push({ covered: 'col' });
      if (view.rowSpan > 1) {
        if (r + view.rowSpan > rows.length) {
          problems.push({ part, row: r, vi: `ô thứ ${next} gộp quá số hàng còn lại`, en: `cell ${next} spans more rows than follow it` });
        }
        for (let k = 0; k < view.colSpan; k++) below[col + k] = { left: view.rowSpan - 1, width: k === 0 ? view.colSpan : 0 };
      }
      col += view.colSpan;
    }
    if (next < cells.length) {
      problems.push({ part, row: r, vi: `hàng có nhiều ô hơn ${n} cột`, en: `the row has more cells than the ${n} columns` });
    }
    return { cells: grid, keepWithNext: part === 'rows' && keepsWithNext(row) };
  });
  if (below.some((b) => b.left > 0) && !problems.length) {
    problems.push({ part, row: rows.length - 1, vi: 'ô gộp hàng vượt quá hàng cuối', en: 'a cell spans rows past the last row' });
  }
  return out;
}

/** The table's view, and what in its data does not fit its grid. */
export function tableLayout(table: Table): { view: TableView; problems: GridProblem[] } {
  const problems: GridProblem[] = [];
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  const view: TableView = {
    widths: table.columns.map((c) => c.width / total),
    header: gridRows(table.header, table, 'header', problems),
    rows: gridRows(table.rows, table, 'rows', problems),
  };
  return { view, problems };
}

/** The table's view; its data has been checked (the model's validation reports grid problems with their paths). */
export function tableView(table: Table): TableView {
  const { view, problems } = tableLayout(table);
  if (problems.length) throw new RangeError(`table rows do not fit its columns: ${problems.map((p) => p.en).join('; ')}`);
  return view;
}
