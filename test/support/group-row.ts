/**
 * A report whose appendix table has a group row ("II. Các chỉ tiêu xã hội")
 * at the foot of a page unless it is kept with the row after it: the
 * fixture's report with copies of a row put before the group row, as many
 * as it takes to bring the group row to the foot when nothing keeps it.
 */
import type { DocumentView, RowView, TableBlock } from '../../src/view/document.js';
import { renderPdf } from '../../src/render/pdf.js';
import { renderFixtureReport } from './documents.js';
import { isGroupRow, lines, pdfWords, squeeze } from './pdf-layout.js';

export interface GroupRowCase {
  /** The padded report, its group rows kept with the next. */
  view: DocumentView;
  /** The same report with no row kept: its PDF has the group row last on a page. */
  loosePdf: Buffer;
  /** The group row's text, its cells one after the other. */
  title: string;
}


/** Whether some page ends with the lines of the row whose cells read `text`. */
function endsWith(pdf: Buffer, text: string): boolean {
  const want = squeeze(text);
  return pdfWords(pdf).some((p) => {
    const ls = lines(p).map((l) => squeeze(l.map((w) => w.text).join('')));
    return [1, 2, 3].some((n) => ls.slice(-n).join('') === want);
  });
}

export async function groupRowAtFoot(): Promise<GroupRowCase> {
  const base = (await renderFixtureReport()).view;
  const appendix = base.appendices[0];
  const table = appendix.body.find((b): b is TableBlock => b.role === 'table')!;
  const rows = table.table.rows;
  const group = rows.findIndex((r, i) => i > 0 && isGroupRow(r));
  const title = rows[group].cells.flatMap((c) => ('lines' in c ? c.lines : [])).join(' ');
  const variant = (copies: number, keep: boolean): DocumentView => {
    const padded: RowView[] = [...rows.slice(0, group), ...Array<RowView>(copies).fill(rows[group + 1]), ...rows.slice(group)].map((r) => ({
      ...r,
      // Only group rows kept: the copies of an indicator's first row are not chained to the rows after them.
      keepWithNext: keep && isGroupRow(r),
    }));
    const body = appendix.body.map((b) => (b === table ? { ...table, table: { ...table.table, rows: padded } } : b));
    return { ...base, appendices: [{ ...appendix, body }, ...base.appendices.slice(1)] };
  };
  // About 25 rows fill a landscape page: within 40 copies the group row reaches a foot.
  for (let copies = 0; copies < 40; copies++) {
    const loosePdf = (await renderPdf(variant(copies, false))).content;
    if (endsWith(loosePdf, title)) return { view: variant(copies, true), loosePdf, title };
  }
  throw new Error('no padding brings the group row to the foot of a page');
}
