/**
 * Every layout number of the documents, in one place. These are the
 * defaults, from which the package's Word template is generated
 * (scripts/build-templates.ts); the template in use is then the source: its
 * page and its styles' numbers are read from it (src/docx/template-layout.ts)
 * and put here (useLayout) before its documents are built and rendered, so
 * that a clerk's restyled template changes the PDF as it changes the DOCX.
 * Values are the house choices of ../shared/nd30/FORMAT.md (Decree
 * 30/2020/ND-CP, Appendix I).
 */

export const PT_PER_MM = 72 / 25.4;
export const TWIPS_PER_PT = 20;

export const mmToPt = (mm: number): number => mm * PT_PER_MM;
export const ptToTwips = (pt: number): number => Math.round(pt * TWIPS_PER_PT);
export const mmToTwips = (mm: number): number => ptToTwips(mmToPt(mm));

export interface TextStyle {
  /** Font size in points. */
  size: number;
  bold: boolean;
  italic: boolean;
  align: 'left' | 'center' | 'justify' | 'right';
  /** Exact line height in points (Word "exactly", LibreOffice "fixed"). */
  line: number;
  /** Space before the paragraph, points. */
  before: number;
  /** First-line indent, mm; a negative one hangs, the lines after the first indented by as much. */
  indent: number;
  /** Keep with the next paragraph (headings). */
  keepNext: boolean;
}

const style = (s: Partial<TextStyle> & Pick<TextStyle, 'size' | 'line'>): TextStyle => ({
  bold: false,
  italic: false,
  align: 'center',
  before: 0,
  indent: 0,
  keepNext: false,
  ...s,
});

const body = { size: 14, line: 17, before: 6, indent: 10, align: 'justify' } as const;

export const layout = {
  page: {
    /** A4 portrait. */
    width: 210,
    height: 297,
    margin: { top: 20, bottom: 20, left: 30, right: 15 },
    /** Distance of the page number from the top edge. */
    headerDistance: 10,
  },
  font: {
    /** What the DOCX names; Word and LibreOffice substitute a metric twin where it is missing. */
    docx: 'Times New Roman',
    /** What the PDF embeds: Tinos has Times New Roman's widths and every Vietnamese letter. */
    pdf: 'Tinos',
  },
  /** Share of the text width taken by the left column of the header and closing tables: room for "ỦY BAN NHÂN DÂN XÃ KIẾN MINH" over a unit (7,0 cm at 12 pt). */
  leftColumnShare: 0.44,
  /** Least space between a line of the header's left column (parent body, issuer) and the line of its row beside it (the national name, then the motto), mm: a line that would come closer goes on two. */
  headerGap: 6,
  /** A generated title's lines take at most this share of the text width: balanced, not run from margin to margin. */
  titleShare: 0.9,
  rule: {
    /** Thickness of the rule lines under issuer, motto and summary, points. */
    width: 0.5,
    /** Rule under the issuer and under the summary: this share of the text's width (decree: 1/3 to 1/2). */
    share: 0.4,
    /** Space between the text and the rule under it, points. */
    offset: 3,
    /** Height of the paragraph that carries a rule in the DOCX, points. */
    gap: 2,
  },
  /** A justified paragraph's last two words are kept on its last line where together they are at most this many characters, */
  lastWords: 16,
  /** ... unless the line above would then be stretched so that each of its spaces widens by more than this many spaces (a gap of 2,5). */
  lastWordsStretch: 1.5,
  /** Widow and orphan control: at least this many lines of a paragraph on each side of a page break (Word's and LibreOffice's own). */
  minLines: 2,
  /** Blank lines left for the signature and seal. */
  signatureLines: 4,
  /** Space above the closing table (recipients and signer), as the top margin of its cells, points. */
  closingGap: 12,
  styles: {
    issuerParent: style({ size: 12, line: 15 }),
    issuer: style({ size: 13, line: 15, bold: true }),
    /** The mark under the issuer where the organisation prints one ("*", "***") instead of a rule. */
    issuerMark: style({ size: 13, line: 15 }),
    nationalName: style({ size: 12, line: 15, bold: true }),
    motto: style({ size: 13, line: 15, bold: true }),
    number: style({ size: 13, line: 15, before: 4 }),
    placeDate: style({ size: 14, line: 17, italic: true, before: 4 }),
    docType: style({ size: 14, line: 17, bold: true, before: 18 }),
    summary: style({ size: 14, line: 17, bold: true }),
    // Headings are not justified: a heading that wraps keeps its spaces, not a first line stretched to the margin.
    section: style({ ...body, align: 'left', bold: true, keepNext: true }),
    clause: style({ ...body, align: 'left', bold: true, keepNext: true }),
    subclause: style({ ...body, align: 'left', bold: true, italic: true, keepNext: true }),
    body: style(body),
    basis: style({ ...body, italic: true }),
    closing: style({ ...body, keepNext: true }),
    recipientsTitle: style({ size: 12, line: 14, bold: true, italic: true, align: 'left' }),
    // A "Nơi nhận" entry that wraps goes on under its words, not under its dash: hanging by the dash and space (6,4 pt at 11 pt).
    recipient: style({ size: 11, line: 13, align: 'left', indent: -2.3 }),
    signer: style({ size: 14, line: 17, bold: true }),
    signerName: style({ size: 14, line: 17, bold: true }),
    pageNumber: style({ size: 14, line: 17 }),
    addressee: style({ size: 14, line: 17, before: 12 }),
    appendixLabel: style({ size: 14, line: 17, bold: true }),
    appendixTitle: style({ size: 14, line: 17, bold: true }),
    appendixNote: style({ size: 14, line: 17, italic: true }),
    tableHeader: style({ size: 12, line: 14, bold: true }),
    tableCell: style({ size: 12, line: 14, align: 'left' }),
  },
  /** Character styles of run-in headings ("a) Đối tượng thi đua: ..."): a clause's bold, a point's italic. */
  runs: {
    leadClause: { bold: true, italic: false },
    leadPoint: { bold: false, italic: true },
  },
  table: {
    /** Border lines of appendix tables, points. */
    border: 0.5,
    /** Cell padding, points. */
    padX: 3,
    padY: 2,
    /** Space before a table (under an appendix heading, or between paragraphs), points. */
    gap: 8,
    /** Space after a table: the height of the paragraph Word wants after one, which the PDF leaves too, points. */
    after: 1,
    /** Column shares of the appendix tables. */
    columns: {
      // The first column holds "STT" in bold 12 pt, with room to spare on a portrait page.
      // Pairs of figures ("833,509/1.703,274", "112,5/103,0") fit their columns on one line in 12 pt on a landscape page;
      // the note's column holds a unit's name ("Phòng Văn hóa - Xã hội", "Ban Chỉ huy Quân sự xã") on one line.
      indicators: [0.05, 0.22, 0.07, 0.14, 0.14, 0.1, 0.09, 0.19],
      awards: [0.08, 0.3, 0.28, 0.34],
    },
  },
} as const;

export type StyleName = keyof typeof layout.styles;
export type RunStyleName = keyof typeof layout.runs;

/** What a Word template sets of the layout: its page, and each style's numbers. */
export interface LayoutValues {
  page: { width: number; height: number; headerDistance: number; margin: { top: number; bottom: number; left: number; right: number } };
  styles: Record<StyleName, TextStyle>;
  runs: Record<RunStyleName, { bold: boolean; italic: boolean }>;
  /** The rule lines: thickness, space above, height of their paragraph (points). */
  rule: { width: number; offset: number; gap: number };
}

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

/** The layout's values now (a copy). */
export const layoutValues = (): LayoutValues =>
  structuredClone({
    page: layout.page,
    styles: layout.styles,
    runs: layout.runs,
    rule: { width: layout.rule.width, offset: layout.rule.offset, gap: layout.rule.gap },
  }) as LayoutValues;
/** The defaults, as this file sets them: what a template's unsaid numbers keep. */
export const DEFAULT_LAYOUT: LayoutValues = layoutValues();

let current: LayoutValues | undefined;
/** Changes each time the layout does: what is computed from it can tell it is stale. */
export let layoutVersion = 0;

/**
 * The layout of a template, from now on in this thread. Its objects are
 * changed in place, so that whatever holds one of them sees the new numbers;
 * the same values again change nothing.
 */
export function useLayout(values: LayoutValues): void {
  if (current === values) return;
  current = values;
  const l = layout as Mutable<typeof layout>;
  Object.assign(l.page.margin, values.page.margin);
  Object.assign(l.page, { width: values.page.width, height: values.page.height, headerDistance: values.page.headerDistance });
  for (const name of Object.keys(l.styles) as StyleName[]) Object.assign(l.styles[name], values.styles[name]);
  for (const name of Object.keys(l.runs) as RunStyleName[]) Object.assign(l.runs[name], values.runs[name]);
  Object.assign(l.rule, values.rule);
  layoutVersion++;
}

/** Width of the text area of a page, points. */
const textWidthOf = (page: LayoutValues['page']): number => mmToPt(page.width - page.margin.left - page.margin.right);

/** Width of the text area, points. */
export const textWidth = (): number => textWidthOf(layout.page);

/** Width of the text area of an appendix page, portrait or landscape, points. */
export const appendixTextWidth = (landscape: boolean): number =>
  landscape ? mmToPt(layout.page.height - layout.page.margin.left - layout.page.margin.right) : textWidth();

/** Widths of the two columns of the header and closing tables of a page, points: they span its text area. */
export const columnWidthsOf = (page: LayoutValues['page']): [number, number] => {
  const left = textWidthOf(page) * layout.leftColumnShare;
  return [left, textWidthOf(page) - left];
};

/** Widths of the two columns of the header and closing tables, points. */
export const columnWidths = (): [number, number] => columnWidthsOf(layout.page);
