/**
 * An outline turned into the blocks of a document: typed and generated
 * blocks expanded into what they print, empty sections marked `omitEmpty`
 * left out, and every numbered entry labelled by its list's scheme (I. / 1. /
 * 2.1. / a) / - / +) or as printed.
 */
import type { GeneratedName, Indicator, Node, NumberingScheme } from '../model/schema.js';
import { childrenOf, isItem, isSection } from '../model/outline.js';
import { defaultScheme, listLabel } from '../format/numbering.js';
import type { Block, TableView, TextBlock, TextRole } from './document.js';
import { indicatorSentence, indicatorText } from './indicators.js';
import { basisBlocks, reportingSentence, timelineSentences } from './sentences.js';
import { tableView } from './table.js';
import { fitColumns, type Measure, type MeasuredCell } from './column-fit.js';
import { breakAtPhrases } from '../format/text.js';
import { layout, mmToPt, textWidth, type TextStyle } from '../layout.js';
import { textWidthPt, variantOf, wrap, wrapper } from '../measure.js';
import { breakWords, paragraphSetting, typeset, typesetParagraph } from '../phrases/typeset.js';

export interface OutlineContext {
  /** The printed code of an indicator of the plan; others are coded in turn in their own outline. */
  codeOf: (indicator: Indicator) => number | undefined;
  /** The word for the campaign's kind, which a composed timeline sentence starts with. */
  kindName: string;
  /** Fills a generated block; absent where none may stand (an outline the issuer wrote). */
  generate?: (name: GeneratedName) => Node[];
}

/** What an outline prints before it is numbered. */
type Entry =
  | { kind: 'text'; block: TextBlock }
  | { kind: 'table'; table: TableView }
  | { kind: 'numbered'; heading: boolean; text: string; lead?: string; label?: string; numbering?: NumberingScheme; children: Entry[] };

const text = (t: string, role: TextRole = 'body'): Entry => ({ kind: 'text', block: { role, text: t } });

function expand(nodes: Node[], ctx: OutlineContext, room: number, codes = { last: 0 }): Entry[] {
  const code = (ind: Indicator) => (codes.last = ind.code ?? ctx.codeOf(ind) ?? codes.last + 1);
  const more = (list: Node[]) => expand(list, ctx, room, codes);
  return nodes.flatMap((n): Entry[] => {
    if (typeof n === 'string') return [text(n)];
    if ('paragraph' in n) {
      const { paragraph, ...own } = n;
      return [{ kind: 'text', block: { role: 'body', text: paragraph, own } }];
    }
    if (isSection(n) || isItem(n)) {
      const children = more(childrenOf(n));
      if (n.omitEmpty && !children.length) return [];
      const heading = isSection(n);
      return [{
        kind: 'numbered',
        heading,
        text: heading ? n.section : n.item,
        ...(isItem(n) && n.lead !== undefined ? { lead: n.lead } : {}),
        ...(n.label !== undefined ? { label: n.label } : {}),
        ...(n.numbering ? { numbering: n.numbering } : {}),
        children,
      }];
    }
    if ('basis' in n) return basisBlocks(n.basis).map((block): Entry => ({ kind: 'text', block }));
    if ('indicators' in n) {
      return n.indicators.map((ind): Entry =>
        n.numbering === 'code'
          ? text(indicatorSentence(ind, code(ind)))
          : { kind: 'numbered', heading: false, text: indicatorText(ind), children: [] },
      );
    }
    if ('tasks' in n) return more(n.tasks);
    if ('commendation' in n) return more(n.commendation);
    if ('organisation' in n) return more(n.organisation);
    if ('timeline' in n) {
      const [main, ...phases] = timelineSentences(n.timeline, ctx.kindName);
      if (n.lead === undefined) return [main, ...phases].map((s) => text(s));
      // As a run-in item, the phases are its children, each its own line.
      const children = phases.map((p): Entry => ({ kind: 'numbered', heading: false, label: '-', text: p.replace(/^- /, ''), children: [] }));
      return [{ kind: 'numbered', heading: false, lead: n.lead, text: main, children }];
    }
    if ('reporting' in n) {
      const sentence = reportingSentence(n.reporting);
      return [n.lead === undefined ? text(sentence) : { kind: 'numbered', heading: false, lead: n.lead, text: sentence, children: [] }];
    }
    if ('table' in n) return [{ kind: 'table', table: n.table.fit ? fittedTable(tableView(n.table), room) : tableView(n.table) }];
    if (!ctx.generate) throw new RangeError(`a generated block ("${n.generate}") cannot stand here`);
    return more(ctx.generate(n.generate));
  });
}

/** A table's columns fitted to its content on a page `room` wide (column-fit.ts), measured as its cells print. */
function fittedTable(t: TableView, room: number): TableView {
  const st = layout.styles.tableCell;
  const { padX, border } = layout.table;
  // Header cells print bold whatever their own emphasis, in both renderers.
  const cellsOf = (rows: TableView['rows'], header: boolean): MeasuredCell[] =>
    rows.flatMap((row) =>
      row.cells.flatMap((c, column) => ('lines' in c ? [{ column, span: c.colSpan, lines: c.lines.map(typeset), bold: header || c.bold, italic: c.italic }] : [])),
    );
  // A wrapping cell is tried at width after width: its words measured once.
  const wrappers = new Map<string, (width: number) => string[]>();
  const measure: Measure = {
    width: (text, c) => textWidthPt(text, st.size, variantOf(c)),
    lineCount: (text, c, width) => {
      const key = `${variantOf(c)}|${text}`;
      let at = wrappers.get(key);
      if (!at) wrappers.set(key, (at = wrapper(text, st.size, variantOf(c))));
      return at(width).length;
    },
  };
  // A little over the cell's padding and border, so that rounding never wraps a line that was measured to fit.
  const widths = fitColumns(t.widths.map((w) => w * room), cellsOf(t.rows, false), cellsOf(t.header, true), measure, 2 * padX + border + 0.5);
  return { ...t, widths: widths.map((w) => w / room) };
}

type HeadingRole = Extract<TextRole, 'section' | 'clause' | 'subclause'>;
const headingRole = (depth: number): HeadingRole => (depth === 1 ? 'section' : depth === 2 ? 'clause' : 'subclause');

/** A heading or title as it is to wrap: where a phrase ends rather than inside one (breakAtPhrases), measured in its style on a page `room` wide, its first line indented. */
export function brokenAtPhrases(text: string, st: TextStyle, room: number): string {
  const indent = mmToPt(st.indent);
  return breakAtPhrases(text, { width: (line, i) => (i === 0 ? indent : 0) + textWidthPt(typeset(line), st.size, variantOf(st)), room, breakBefore: breakWords(), printed: typeset });
}
const labelled = (label: string, t: string) => (label ? `${label} ${t}` : t);

/** Lines a body paragraph takes on a page `room` wide, as both renderers set it (its run-in heading on the first). */
function bodyLines(b: TextBlock, room: number): number {
  const s = paragraphSetting(b, room);
  return wrap(typesetParagraph(b.text, s), s.room, s.size, s.variant, s.first).length;
}

/**
 * A list whose last item is a single line keeps the item before it with it,
 * so that the line never stands alone at the top of a page. Only an item of
 * at most three lines, which widow control never splits, is kept: Word and
 * pdfmake then both move it whole.
 */
function keepListEnd(entries: Entry[], blocks: Block[][], room: number): void {
  const last = entries.length - 1;
  const e = entries[last];
  if (last < 1 || e?.kind !== 'numbered' || e.heading || e.children.length || entries[last - 1].kind === 'table') return;
  const [own] = blocks[last];
  const before = blocks[last - 1].at(-1);
  if (own?.role !== 'body' || own.lead || before?.role !== 'body' || before.keepWithNext) return;
  if (bodyLines(own, room) === 1 && bodyLines(before, room) <= 3) blocks[last - 1][blocks[last - 1].length - 1] = { ...before, keepWithNext: true };
}

/** A heading's closing note in brackets: "(số thứ tự theo Kế hoạch của ...)". */
const bracketNote = (heading: string): string | undefined => / \([^()]+\)$/.exec(heading)?.[0];

/**
 * A heading's text as printed after the sibling heading before it: a note in brackets that one already gave is said
 * once ("1. Các chỉ tiêu được giao chủ trì (số thứ tự theo ...)" then "2. Các chỉ tiêu được giao phối hợp").
 */
function headingAfter(heading: string, previous: string | undefined): string {
  const note = bracketNote(heading);
  return note && previous !== undefined && bracketNote(previous) === note ? heading.slice(0, -note.length) : heading;
}

function print(entries: Entry[], depth: number, scheme: NumberingScheme, parentLabel: string, room: number): Block[] {
  let count = 0;
  // A point is lettered beside another only: one alone is a paragraph of its own (no "a)" without a "b)").
  const numbered = entries.filter((e) => e.kind === 'numbered');
  const alone = scheme === 'letter' && numbered.length === 1 && numbered[0].label === undefined;
  let previousHeading: string | undefined;
  const blocks = entries.map((e): Block[] => {
    if (e.kind === 'text' || e.kind === 'table') previousHeading = undefined;
    if (e.kind === 'text') return [e.block];
    if (e.kind === 'table') return [{ role: 'table', table: e.table }];
    count++;
    const label = e.label ?? (alone ? '' : listLabel(scheme, count, parentLabel));
    const heading = e.heading ? headingAfter(e.text, previousHeading) : '';
    previousHeading = e.heading ? e.text : undefined;
    const own: TextBlock = e.heading
      ? { role: headingRole(depth), text: brokenAtPhrases(labelled(label, heading), layout.styles[headingRole(depth)], room) }
      : e.lead !== undefined
        ? { role: 'body', lead: { text: labelled(label, e.lead), style: depth <= 2 ? 'leadClause' : 'leadPoint' }, text: e.text }
        : { role: 'body', text: labelled(label, e.text) };
    return [own, ...print(e.children, depth + 1, e.numbering ?? defaultScheme(depth + 1), label, room)];
  });
  keepListEnd(entries, blocks, room);
  return blocks.flat();
}

/** The blocks of an outline whose top-level list is numbered `numbering` (Roman by default), on a page `room` wide (the body's, or a landscape appendix's). */
export function outlineBlocks(nodes: Node[], ctx: OutlineContext, numbering: NumberingScheme = defaultScheme(1), room = textWidth()): Block[] {
  return keepLeadIns(print(expand(nodes, ctx, room), 1, numbering, '', room));
}

/** A paragraph ending with ":" opens what follows it: it never ends a page alone. */
const keepLeadIns = (blocks: Block[]): Block[] =>
  blocks.map((b, i) =>
    (b.role === 'body' || b.role === 'basis') && !b.lead && /:$/.test(b.text.trim()) && blocks[i + 1] !== undefined ? { ...b, keepWithNext: true } : b,
  );
