/**
 * Column widths fitted to a table's content, as a typesetter drags a border
 * by hand: a column some of whose lines would fit on one line with a little
 * more room ("Công chức Phòng Kinh tế" in "Chức vụ, đơn vị") gets that room,
 * taken first from the columns with room to spare, then from the slack of
 * those whose cells wrap anyway ("Thành tích"), never so much that a cell of
 * theirs takes another line (a cell spanning them included). Pure: the
 * widths and line counts of texts come from the caller. Both renderers lay out the widths this returns.
 */

/** What a column's content asks, points: each of its body lines on one line; the least width its cells keep their line counts at. */
export interface ColumnNeed {
  lines: number[];
  floor: number;
}

/** Points left above every floor: the renderers' own measures of where a line breaks differ by fractions of one. */
const FLOOR_MARGIN = 1;

/** A column grows to fit a line at most this share wider than it. */
const GROW = 0.35;

/** The widest line a column can be grown to fit, points; its own width when none is within reach. */
function reach(width: number, need: ColumnNeed): number {
  return Math.max(width, ...need.lines.filter((l) => l <= width * (1 + GROW)));
}

/** Widths (points, adding up to the table's) fitted to the columns' needs. */
export function fitWidths(widths: number[], needs: ColumnNeed[]): number[] {
  const out = [...widths];
  // Room to spare where nothing wraps: half of it is given (the column stays airy); of a column that wraps, its slack.
  const spare = widths.map((w, k) => needs[k].lines.every((l) => l <= w));
  const capacity = widths.map((w, k) => Math.max(0, w - needs[k].floor) / (spare[k] ? 2 : 1));
  const grown = new Set<number>();
  const gave = new Set<number>();
  const lack = widths.map((w, k) => reach(w, needs[k]) - w);
  // The nearest to fitting first: each is given all it lacks or nothing, so that no column is widened to no use.
  const order = widths.map((_, k) => k).filter((k) => lack[k] > 0).sort((a, b) => lack[a] - lack[b] || a - b);
  for (const k of order) {
    if (gave.has(k)) continue;
    const donors = widths.map((_, j) => j).filter((j) => j !== k && !grown.has(j) && capacity[j] > 0);
    if (donors.reduce((a, j) => a + capacity[j], 0) < lack[k]) continue;
    let owed = lack[k];
    // From the columns with room to spare first, each in proportion to what it can give; then from those that wrap,
    // those that could not be fitted anyway before those still to be.
    const tiers = [(j: number) => spare[j], (j: number) => !spare[j] && !(lack[j] > 0), (j: number) => !spare[j] && lack[j] > 0];
    for (const tier of tiers) {
      const ks = donors.filter(tier);
      const can = ks.reduce((a, j) => a + capacity[j], 0);
      const give = Math.min(owed, can);
      for (const j of ks) {
        const part = can ? (give * capacity[j]) / can : 0;
        out[j] -= part;
        capacity[j] -= part;
        if (part > 0) gave.add(j);
      }
      owed -= give;
    }
    out[k] += lack[k];
    grown.add(k);
  }
  return out;
}

/** A cell as measured: the column it starts in and how many it spans, its lines (paragraphs), as printed. */
export interface MeasuredCell {
  column: number;
  span: number;
  lines: string[];
  bold: boolean;
  italic: boolean;
}

/** How texts measure: a text's width on one line, and how many lines it takes in a width (points, padding excluded). */
export interface Measure {
  width: (text: string, c: MeasuredCell) => number;
  lineCount: (text: string, c: MeasuredCell, width: number) => number;
}

/** The least width (to half a point) at which `text` takes no more lines than it does in `width`. */
function keptAt(text: string, c: MeasuredCell, width: number, m: Measure): number {
  const one = m.width(text, c);
  if (one <= width) return one;
  const n = m.lineCount(text, c, width);
  let [lo, hi] = [Math.max(0, ...text.split(' ').map((w) => m.width(w, c))), width];
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (m.lineCount(text, c, mid) <= n) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Column widths (points) fitted to the cells of a table: `body` cells give the lines a column may grow to fit (those
 * of one column only: a spanning cell wraps over its columns); every cell, the header's too, a floor its columns keep
 * so that it takes no more lines than now (a spanning cell's shared by its columns in proportion to their widths).
 * `padding` is a cell's padding and border; floors are measured only when some column is within reach of a line.
 */
export function fitColumns(widths: number[], body: MeasuredCell[], header: MeasuredCell[], m: Measure, padding: number): number[] {
  const lines = widths.map((_, k) => body.filter((c) => c.column === k && c.span === 1).flatMap((c) => c.lines.map((l) => m.width(l, c) + padding)));
  if (!widths.some((w, k) => reach(w, { lines: lines[k], floor: 0 }) > w)) return widths;
  const floors = widths.map(() => 0);
  for (const c of [...body, ...header]) {
    const cols = widths.slice(c.column, c.column + c.span);
    const room = cols.reduce((a, b) => a + b, 0);
    const kept = Math.max(0, ...c.lines.map((l) => keptAt(l, c, room - padding, m))) + padding + FLOOR_MARGIN;
    cols.forEach((w, i) => (floors[c.column + i] = Math.max(floors[c.column + i], (kept * w) / room)));
  }
  return fitWidths(widths, widths.map((_, k) => ({ lines: lines[k], floor: floors[k] })));
}
