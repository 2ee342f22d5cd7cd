/**
 * Page-break rules Word and LibreOffice apply and pdfmake 0.3 lacks, so that
 * the PDF breaks pages where the DOCX does:
 * - widow and orphan control: a paragraph marked with `minLines` leaves at
 *   least that many lines on each side of a page break, or moves whole to
 *   the next page (Word's "widow/orphan control", LibreOffice's 2 and 2);
 * - a table row marked in the table's `keepWithNext` (a group row: "I. Chỉ
 *   tiêu kinh tế") stays on the page of the row after it, as a row whose
 *   paragraphs keep with the next does in Word and LibreOffice;
 * - a heading moved to the next page to stay with what follows starts that
 *   page with no space before it, as a page's first paragraph does there.
 */
import { createRequire } from 'node:module';

/** A paragraph under widow and orphan control. */
export interface KeptLines {
  minLines?: number;
}
/** A table whose rows at these indexes (header rows counted) stay on the page of the next row. */
export interface KeptRows {
  table: { keepWithNext: number[] };
}

interface Line {
  getHeight(): number;
}
interface Context {
  y: number;
  availableHeight: number;
  pageMargins: { top: number };
}
interface Writer {
  context(): Context;
  addLine(line: Line): unknown;
  moveToNextPage(orientation?: string): void;
  /** Depth of unbreakable blocks being laid out: their lines go to a page of their own, moved whole. */
  transactionLevel: number;
  beginUnbreakableBlock(): void;
  commitUnbreakableBlock(): void;
}
interface TextNode {
  minLines?: number;
  pageOrientation?: string;
  positions: unknown[];
}
/** pdfmake's `headlineLevel` of a node kept on the page of what follows it (pdf.ts's pageBreakBefore moves it over). */
export const KEEP_WITH_NEXT = 1;

interface MarginNode {
  pageBreak?: string;
  headlineLevel?: number;
  _margin?: [number, number, number, number] | null;
}
interface LayoutBuilderProto {
  writer: Writer;
  processNode(this: LayoutBuilderProto, node: MarginNode, ...rest: unknown[]): void;
  processLeaf(this: LayoutBuilderProto, node: TextNode): void;
  buildNextLine(node: TextNode): Line | null;
}
interface TableProcessorProto {
  tableNode: { table: { keepWithNext?: number[]; body: unknown[] } };
  endRow(this: TableProcessorProto, rowIndex: number, writer: Writer, pageBreaks: unknown): void;
  /** Rows whose unbreakable block is held open for the rows after them. */
  heldRows?: number;
}

// The very module instances pdfmake itself requires.
const require = createRequire(import.meta.url);
const LayoutBuilder = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: LayoutBuilderProto } }).default;
const TableProcessor = (require('pdfmake/js/TableProcessor.js') as { default: { prototype: TableProcessorProto } }).default;

const processLeaf = LayoutBuilder.prototype.processLeaf;
const processNode = LayoutBuilder.prototype.processNode;

LayoutBuilder.prototype.processNode = function startPage(node: MarginNode, ...rest: unknown[]): void {
  const m = node._margin;
  if (node.pageBreak !== 'before' || node.headlineLevel !== KEEP_WITH_NEXT || !m?.[1]) {
    processNode.call(this, node, ...rest);
    return;
  }
  // Laid out once more on later passes: the space is given back after this one.
  node._margin = [m[0], 0, m[2], m[3]];
  try {
    processNode.call(this, node, ...rest);
  } finally {
    node._margin = m;
  }
};

/** Whether `line` goes on the current page: pdfmake's own test (a line always fits at the top of a page). */
const fits = (c: Context, height: number): boolean => height <= c.availableHeight || c.y <= c.pageMargins.top;

/** How many of `heights`, from the first, fit in the rest of the page. */
function fitting(c: Context, heights: number[]): number {
  if (c.y <= c.pageMargins.top) return heights.length;
  let room = c.availableHeight;
  let n = 0;
  while (n < heights.length && heights[n] <= room) room -= heights[n++];
  return n;
}

LayoutBuilder.prototype.processLeaf = function keepLines(node: TextNode): void {
  const min = node.minLines;
  // In an unbreakable block (the last paragraph with the signature) no break falls inside the paragraph.
  if (!min || this.writer.transactionLevel > 0) {
    processLeaf.call(this, node);
    return;
  }
  // All lines first (the width is the same on every page of the text area), then the breaks.
  const lines: Line[] = [];
  for (let l = this.buildNextLine(node); l; l = this.buildNextLine(node)) lines.push(l);
  const heights = lines.map((l) => l.getHeight());
  const n = lines.length;
  const first = fitting(this.writer.context(), heights);
  // Fewer than `min` lines would stay on this page, or would stay once `min` go over: the whole paragraph goes.
  if (first < n && (first < min || (n - first < min && n - min < min))) this.writer.moveToNextPage(node.pageOrientation);
  lines.forEach((line, i) => {
    const c = this.writer.context();
    // The last `min` lines go over together, never one alone.
    const widow = i > 0 && n - i === min && fitting(c, heights.slice(i)) < min;
    if (widow || !fits(c, heights[i])) this.writer.moveToNextPage(node.pageOrientation);
    node.positions.push(this.writer.addLine(line));
  });
};

const endRow = TableProcessor.prototype.endRow;

TableProcessor.prototype.endRow = function keepRows(rowIndex: number, writer: Writer, pageBreaks: unknown): void {
  const { keepWithNext, body } = this.tableNode.table;
  // The last row has no next row to be kept with.
  const keep = rowIndex < body.length - 1 && (keepWithNext?.includes(rowIndex) ?? false);
  // One more level of pdfmake's unbreakable block: this row's commit leaves it open for the next row.
  if (keep) writer.beginUnbreakableBlock();
  endRow.call(this, rowIndex, writer, pageBreaks);
  if (keep) {
    this.heldRows = (this.heldRows ?? 0) + 1;
  } else {
    for (; this.heldRows; this.heldRows--) writer.commitUnbreakableBlock();
  }
};
