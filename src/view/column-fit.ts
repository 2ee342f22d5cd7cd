/**
 * Column widths fitted to a table's content, as a typesetter drags a border
 * by hand: a column some of whose lines would fit on one line with a little
 * more room ("Công chức Phòng Kinh tế" in "Chức vụ, đơn vị") gets that room,
 * taken first from the columns with room to spare, then from the slack of
 * those whose cells wrap anyway ("Thành tích"), never so much that a cell of
 * theirs takes another line. Pure: the widths and line counts of texts come
 * from the caller. Both renderers lay out the widths this returns.
 */

/** What a column's content asks, points: each of its body lines on one line; the least width its cells keep their line counts at. */
export interface ColumnNeed {
  lines: number[];
  floor: number;
}

/** Points left above a column's floor. */
const FLOOR_MARGIN = 1;

/** A column grows to fit a line at most this share wider than it. */
export const GROW = 0.35;

/** The widest line a column can be grown to fit, points; its own width when none is within reach. */
function reach(width: number, need: ColumnNeed): number {
  return Math.max(width, ...need.lines.filter((l) => l <= width * (1 + GROW)));
}

/** What a column can give, points: half the room it has to spare when nothing in it wraps (it stays airy); else its slack. */
function capacityOf(width: number, need: ColumnNeed): number {
  const slack = Math.max(0, width - need.floor);
  return need.lines.every((l) => l <= width) ? slack / 2 : slack;
}

/** Widths (points, adding up to the table's) fitted to the columns' needs. */
export function fitWidths(widths: number[], needs: ColumnNeed[]): number[] {
  const out = [...widths];
  const capacity = widths.map((w, k) => capacityOf(w, needs[k]));
  const spare = widths.map((w, k) => needs[k].lines.every((l) => l <= w));
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

/** A cell of one column as measured: its lines (paragraphs), bold or not. */
export interface MeasuredCell {
  lines: string[];
  bold: boolean;
}

/** How texts measure: a text's width on one line, and how many lines it takes in a width (points, padding excluded). */
export interface Measure {
  width: (text: string, bold: boolean) => number;
  lineCount: (text: string, bold: boolean, width: number) => number;
}

/** The least width (to half a point) at which `text` takes no more lines than it does in `width`. */
function keptAt(text: string, bold: boolean, width: number, m: Measure): number {
  const one = m.width(text, bold);
  if (one <= width) return one;
  const n = m.lineCount(text, bold, width);
  let [lo, hi] = [Math.max(0, ...text.split(' ').map((w) => m.width(w, bold))), width];
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (m.lineCount(text, bold, mid) <= n) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The needs of each column of a table `widths` wide (points): its body cells that span it alone (a spanning cell
 * wraps over its columns) on one line; the floor that keeps every cell of it, header cells too, on as many lines.
 */
export function columnNeeds(body: MeasuredCell[][], header: MeasuredCell[][], widths: number[], m: Measure, padding: number): ColumnNeed[] {
  return body.map((cells, k) => {
    const room = widths[k] - padding;
    const all = [...cells, ...(header[k] ?? [])];
    const floor = Math.max(0, ...all.flatMap((c) => c.lines.map((l) => keptAt(l, c.bold, room, m))));
    // A point more under a wrapping cell: its renderers' own measures of where its lines break differ by fractions of one.
    return { lines: cells.flatMap((c) => c.lines.map((l) => m.width(l, c.bold) + padding)), floor: floor + padding + FLOOR_MARGIN };
  });
}
