/**
 * Column widths fitted to a table's content, as a typesetter drags a border
 * by hand: a column some of whose lines would fit on one line with a little
 * more room ("Công chức Phòng Kinh tế" in "Chức vụ, đơn vị") gets that room,
 * taken first from the columns with room to spare, then from those whose
 * cells wrap anyway ("Thành tích"); no column goes below its longest word.
 * Pure: the widths of texts come from the caller. Both renderers lay out the
 * widths this returns.
 */

/** What a column's content asks, points: each of its body lines on one line, its longest unbreakable word (the header's too). */
export interface ColumnNeed {
  lines: number[];
  word: number;
}

/** A column grows to fit a line at most this share wider than it. */
export const GROW = 0.35;
/** A column whose cells wrap anyway gives at most this share of its width. */
export const GIVE = 0.25;

/** The widest line a column can be grown to fit, points; its own width when none is within reach. */
function reach(width: number, need: ColumnNeed): number {
  return Math.max(width, ...need.lines.filter((l) => l <= width * (1 + GROW)));
}

/** What a column can give, points: half the room its longest line leaves; of one that wraps anyway, a share of its width. */
function capacityOf(width: number, need: ColumnNeed): number {
  const longest = Math.max(0, ...need.lines);
  if (longest <= width) return Math.max(0, (width - Math.max(longest, need.word)) / 2);
  return Math.max(0, width - Math.max(need.word, width * (1 - GIVE)));
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

/** A cell of one column as measured: its lines, bold or not. */
export interface MeasuredCell {
  lines: string[];
  bold: boolean;
}

/** The needs of each column from the body cells that span it alone (a spanning cell wraps over its columns) and the header's words. */
export function columnNeeds(
  body: MeasuredCell[][],
  header: MeasuredCell[][],
  width: (text: string, bold: boolean) => number,
  padding: number,
): ColumnNeed[] {
  const words = (cells: MeasuredCell[]) => cells.flatMap((c) => c.lines.flatMap((l) => l.split(' ').map((w) => width(w, c.bold) + padding)));
  return body.map((cells, k) => ({
    lines: cells.flatMap((c) => c.lines.map((l) => width(l, c.bold) + padding)),
    word: Math.max(0, ...words(cells), ...words(header[k] ?? [])),
  }));
}
