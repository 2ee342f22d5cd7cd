/**
 * How a sheet of thidua's workbooks shows and prints: rows as tall as their
 * text, and as wide as an A4 page across, in landscape, its header row on
 * every page, so that a clerk who prints a form or the campaign gets
 * readable pages rather than columns cut apart.
 */
import type ExcelJS from 'exceljs';

export const printedAcross = (headerRows: number): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  ...(headerRows > 0 ? { printTitlesRow: `1:${headerRows}` } : {}),
});

/** Points of a line of 12-point text, and the most a row may be (Excel's limit). */
const LINE_HEIGHT = 15.75;
const MAX_ROW_HEIGHT = 409;

/**
 * Every row as tall as its wrapped text, by an estimate of the lines of its
 * fullest cell: spreadsheet programs do not grow a row for text written
 * into it, so a long paragraph would show one line.
 */
export function fitRowHeights(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) => {
    let most = 1;
    row.eachCell((cell, c) => {
      if (typeof cell.value !== 'string') return;
      // A column of width w holds about 1.4 w characters of 12-point Times a line.
      const perLine = Math.max(4, 1.4 * (ws.getColumn(c).width ?? 10));
      const count = cell.value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
      most = Math.max(most, count);
    });
    if (most > 1) row.height = Math.min(MAX_ROW_HEIGHT, most * LINE_HEIGHT);
  });
}
