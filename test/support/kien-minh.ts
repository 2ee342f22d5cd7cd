/**
 * Where the parts of the Kiến Minh fixture stand in its plan's outline, read
 * from the raw YAML (not through the code under test): tests use these to
 * work out what the documents must say.
 */
import type { AppendixView, Block, DocumentView, RowView } from '../../src/view/document.js';

/** Plain parsed YAML, read and mutated freely. */
export type Raw = any;

/** The indicator groups: the sections of "2. Mục tiêu, chỉ tiêu chủ yếu năm 2025" (in II.), each with one indicators block. */
export const rawGroups = (d: Raw): Raw[] =>
  d.plan.body[2].body[1].body.map((g: Raw) => ({ id: g.id, title: g.section.replace(/:$/, ''), indicators: g.body[0].indicators }));

/** Every indicator with its printed code: its own, or its place among the plan's indicators (from 1). */
export const rawIndicators = (d: Raw): Raw[] =>
  rawGroups(d)
    .flatMap((g) => g.indicators)
    .map((ind: Raw, k: number) => ({ ...ind, code: ind.code ?? k + 1 }));

/** The tasks of "3. Nhiệm vụ và giải pháp chủ yếu": {id, item, items}. */
export const rawTasks = (d: Raw): Raw[] => d.plan.body[2].body[2].body[0].tasks.map((t: Raw) => ({ ...t, items: t.items ?? [] }));

/** The reporting duty, in the first clause of V. TỔ CHỨC THỰC HIỆN. */
export const rawReporting = (d: Raw): Raw => d.plan.body[5].body[0].organisation[0].body[1].reporting;

/** A block's words: a paragraph's text after its run-in heading, its no-break spaces as spaces; nothing for a table. */
export const textOf = (b: Block): string => (b.role === 'table' ? '' : b.lead ? `${b.lead.text} ${b.text}` : b.text).replace(/\u00a0/g, ' ');

/** The texts of a view's body blocks. */
export const bodyTexts = (v: DocumentView): string[] => v.body.map(textOf);

/**
 * The first table of an appendix as a grid of texts: its column titles and
 * shares, and per row whether it is a group row (bold) and every position's
 * text ("" for an empty or covered one).
 */
export function gridOf(a: AppendixView): { columns: { title: string; share: number }[]; rows: { strong: boolean; cells: string[] }[] } {
  const t = a.body.flatMap((b) => (b.role === 'table' ? [b.table] : []))[0];
  const texts = (r: RowView) => r.cells.map((c) => ('lines' in c ? c.lines.join('\n') : ''));
  return {
    columns: texts(t.header[0]).map((title, k) => ({ title, share: t.widths[k] })),
    rows: t.rows.map((r) => ({ strong: r.cells.some((c) => 'lines' in c && c.bold), cells: texts(r) })),
  };
}
