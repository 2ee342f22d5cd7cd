/**
 * PDF renderer: lays a document view out with pdfmake from the same layout
 * numbers as the DOCX template, with Tinos (Times New Roman's widths) so
 * that lines break where Word and LibreOffice break them.
 */
import pdfmake from 'pdfmake';
import type { Content, ContentCanvas, ContentTable, ContentText, CustomTableLayout, Style, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { AppendixView, Block, DocumentView, TableView } from '../view/document.js';
import { appendixTextWidth, columnWidths, layout, layoutVersion, mmToPt, textWidth, type StyleName, type TextStyle } from '../layout.js';
import { paragraphSetting, typeset, typesetLines, typesetParagraph } from '../phrases/typeset.js';
import { FONT_FILES, naturalLineHeight, variantOf } from '../measure.js';
import './pdf-justify.js';
import { KEEP_WITH_NEXT, type KeptLines, type KeptRows } from './pdf-keep.js';
import './pdf-joiner.js';
import './pdf-fonts.js';

const FONT_PATHS = new Set(Object.values(FONT_FILES));

pdfmake.addFonts({ [layout.font.pdf]: FONT_FILES });
// Documents never fetch anything: only the bundled font files may be read.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_PATHS.has(path));

/** pdfmake style of a layout style; the exact line height becomes a multiple of the font's own. */
export function pdfStyle(s: TextStyle): Style {
  return {
    fontSize: s.size,
    bold: s.bold,
    italics: s.italic,
    alignment: s.align,
    lineHeight: s.line / naturalLineHeight(s.size, variantOf(s)),
    leadingIndent: mmToPt(s.indent),
    // A hanging indent: the paragraph indented, its first line drawn back.
    margin: [mmToPt(Math.max(0, -s.indent)), s.before, 0, 0],
  };
}

/** The pdfmake styles of the layout in use, made again when it changes. */
let made: { version: number; styles: Record<StyleName, Style> } | undefined;
function pdfStyles(): Record<StyleName, Style> {
  if (made?.version !== layoutVersion) {
    made = { version: layoutVersion, styles: Object.fromEntries((Object.keys(layout.styles) as StyleName[]).map((name) => [name, pdfStyle(layout.styles[name])])) as Record<StyleName, Style> };
  }
  return made.styles;
}

const line = (text: string, style: StyleName): Content => ({ text, style });

/** A solid rule of `length` centred in `width`, as tall as the DOCX rule paragraph. */
function rule(length: number, width: number): ContentCanvas {
  const x1 = (width - length) / 2;
  return {
    canvas: [{ type: 'line', x1, y1: 0, x2: x1 + length, y2: 0, lineWidth: layout.rule.width }],
    margin: [0, layout.rule.offset, 0, layout.rule.gap],
  };
}

/** Borderless, and without cell padding, as the DOCX tables. */
const plainTable = (paddingTop: number): CustomTableLayout => ({
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => paddingTop,
  paddingBottom: () => 0,
});

function headerTable(view: DocumentView): Content {
  const [left, right] = columnWidths();
  const h = view.header;
  return {
    table: {
      widths: [left, right],
      dontBreakRows: true,
      body: [
        [
          {
            stack: [
              ...h.parent.map((l) => line(l, 'issuerParent')),
              ...h.issuer.map((l) => line(l, 'issuer')),
              h.issuerMark === null ? rule(h.issuerRule, left) : line(h.issuerMark, 'issuerMark'),
            ],
          },
          { stack: [line(h.nationalName, 'nationalName'), ...(h.motto === null ? [] : [line(h.motto, 'motto')]), rule(h.mottoRule, right)] },
        ],
        [line(h.number, 'number'), line(h.placeDate, 'placeDate')],
      ],
    },
    layout: plainTable(0),
  };
}

function closingTable(view: DocumentView): Content {
  const [left, right] = columnWidths();
  const c = view.closing;
  const signature = Array.from({ length: layout.signatureLines }, () => line(' ', 'signerName'));
  return {
    table: {
      widths: [left, right],
      dontBreakRows: true,
      body: [
        [
          { stack: [line(c.recipientsTitle, 'recipientsTitle'), ...c.recipients.map((r) => line(typeset(r), 'recipient'))] },
          {
            stack: [
              ...c.signerLines.map((l) => line(l, 'signer')),
              ...signature,
              ...(c.signerName ? [line(c.signerName, 'signerName')] : []),
            ],
          },
        ],
      ],
    },
    layout: plainTable(layout.closingGap),
  };
}

/** A table `width` wide: borders, padding, header rows repeated on each page, rows never split, merged cells. */
function table(t: TableView, width: number): ContentTable & KeptRows {
  const tl = layout.table;
  const widths = t.widths.map((share) => width * share - 2 * tl.padX - tl.border);
  const row = (cells: TableView['rows'][number]['cells'], header: boolean): TableCell[] =>
    cells.map((c): TableCell => {
      // pdfmake wants an empty placeholder at every position a span covers.
      if ('covered' in c) return {};
      const lines = c.lines.map((l): Content => ({
        text: typeset(l),
        style: header ? 'tableHeader' : 'tableCell',
        alignment: c.align,
        bold: header || c.bold,
        italics: c.italic,
      }));
      return {
        stack: lines.length ? lines : [{ text: '', style: 'tableCell' }],
        ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
        ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
        ...(c.middle ? { verticalAlignment: 'middle' as const } : {}),
      };
    });
  return {
    table: {
      headerRows: t.header.length,
      dontBreakRows: true,
      // pdf-keep.ts: pdfmake's row indexes count the header rows.
      keepWithNext: t.rows.flatMap((r, i) => (r.keepWithNext ? [t.header.length + i] : [])),
      widths,
      body: [...t.header.map((r) => row(r.cells, true)), ...t.rows.map((r) => row(r.cells, false))],
    },
    layout: {
      hLineWidth: () => tl.border,
      vLineWidth: () => tl.border,
      paddingLeft: () => tl.padX,
      paddingRight: () => tl.padX,
      paddingTop: () => tl.padY,
      paddingBottom: () => tl.padY,
    },
    margin: [0, tl.gap, 0, tl.after],
  };
}

/** A block `width` wide (the text width of its page). */
function block(b: Block, width: number): Content & KeptLines {
  if (b.role === 'table') return table(b.table, width);
  const keep = layout.styles[b.role].keepNext || b.keepWithNext === true;
  const printed = typesetParagraph(b.text, paragraphSetting(b, width));
  const text = b.lead ? [{ text: `${typeset(b.lead.text)} `, ...runStyle(b.lead.style) }, printed] : printed;
  // Emphasis adds to the role's style, as direct formatting does in the DOCX.
  const own = b.own && {
    ...(b.own.bold ? { bold: true } : {}),
    ...(b.own.italic ? { italics: true } : {}),
    alignment: b.own.align,
    ...(b.own.indent ? {} : { leadingIndent: 0 }),
  };
  return { text, style: b.role, ...own, minLines: layout.minLines, ...(keep ? { headlineLevel: KEEP_WITH_NEXT } : {}) };
}

/**
 * The last paragraph and the closing table, kept on one page. The
 * paragraph's space before stands outside the block, so that it stays on
 * the page before when the block moves over: LibreOffice and Word start a
 * page with no space before its first paragraph.
 */
function closingBlock(view: DocumentView): Content {
  const last = view.body.at(-1);
  const table = closingTable(view);
  if (!last) return { stack: [table], unbreakable: true };
  if (last.role === 'table') return { stack: [block(last, textWidth()), table], unbreakable: true };
  return { stack: [{ ...(block(last, textWidth()) as ContentText), marginTop: 0 }, table], unbreakable: true, marginTop: layout.styles[last.role].before };
}

const runStyle = (name: keyof typeof layout.runs) => ({ bold: layout.runs[name].bold, italics: layout.runs[name].italic });

/** An appendix from a new page; `label` is the node whose laid-out position tells where its section starts. */
function appendixContent(a: AppendixView, label: Content & { positions?: { pageNumber: number }[] }): Content[] {
  const width = appendixTextWidth(a.landscape);
  return [
    label,
    ...a.title.map((t) => line(typeset(t), 'appendixTitle')),
    ...(a.note === null ? [] : [line(typeset(a.note), 'appendixNote')]),
    rule(a.rule, width),
    ...a.body.map((b) => block(b, width)),
  ];
}

/** The page-number header's mark (pdfmake's headlineLevel, which prints nothing), to tell it from the page's content. */
const PAGE_NUMBER = -1;

export function pdfDefinition(view: DocumentView, onPageCount?: (n: number) => void): TDocumentDefinitions {
  const p = layout.page;
  const styles = pdfStyles();
  const m = p.margin;
  // pdfmake records where it laid a node out on the node itself; the header reads it.
  const labels = view.appendices.map((a): Content & { positions?: { pageNumber: number }[] } => ({
    text: a.label,
    style: 'appendixLabel',
    pageBreak: 'before',
    pageOrientation: a.landscape ? 'landscape' : 'portrait',
  }));
  const sectionStart = (page: number) =>
    Math.max(1, ...labels.map((l) => l.positions?.[0]?.pageNumber ?? Infinity).filter((s) => s <= page));
  return {
    pageSize: { width: mmToPt(p.width), height: mmToPt(p.height) },
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(m.left), mmToPt(m.top), mmToPt(m.right), mmToPt(m.bottom)],
    info: {
      title: view.metadata.title,
      subject: view.metadata.subject,
      author: view.metadata.author,
      creator: 'thidua',
      producer: 'thidua',
      creationDate: view.metadata.date,
      modDate: view.metadata.date,
    },
    defaultStyle: { font: layout.font.pdf, ...styles.body, margin: [0, 0, 0, 0] },
    styles,
    header: (currentPage: number, pageCount: number) => {
      onPageCount?.(pageCount);
      // Each section (the document, then each appendix) numbers its pages from 1, none on its first page (Decree 30).
      const start = sectionStart(currentPage);
      if (currentPage === start) return null;
      return {
        headlineLevel: PAGE_NUMBER,
        text: String(currentPage - start + 1),
        style: 'pageNumber',
        margin: [mmToPt(m.left), mmToPt(p.headerDistance), mmToPt(m.right), 0],
      };
    },
    content: [
      headerTable(view),
      line(view.typeTitle, 'docType'),
      line(typesetLines(view.summary), 'summary'),
      rule(view.summaryRule, textWidth()),
      ...view.addressees.map((a) => line(typeset(a), 'addressee')),
      ...view.body.slice(0, -1).map((b) => block(b, textWidth())),
      // The last paragraph ("... ./.") and the signature stay on one page, as the DOCX's keepNext does.
      closingBlock(view),
      ...view.appendices.flatMap((a, i) => appendixContent(a, labels[i])),
    ],
    // Keep a heading with the paragraph after it, as the DOCX styles' keepNext does: a heading followed on its page by
    // nothing but headings goes over with them (pdfmake asks once per node, so the chain is decided at its first).
    // The page's number is laid out after its content, so it is among the nodes "following" on the page: not content.
    pageBreakBefore: (node, following) =>
      node.headlineLevel === KEEP_WITH_NEXT &&
      following.getFollowingNodesOnPage().every((n) => n.headlineLevel === KEEP_WITH_NEXT || n.headlineLevel === PAGE_NUMBER),
  };
}

export interface PdfResult {
  content: Buffer;
  pages: number;
}

export async function renderPdf(view: DocumentView): Promise<PdfResult> {
  let pages = 0;
  const doc = pdfmake.createPdf(pdfDefinition(view, (n) => (pages = n)));
  const content = (await doc.getBuffer()) as Buffer;
  return { content, pages };
}
