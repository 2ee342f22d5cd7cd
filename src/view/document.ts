/**
 * The computed view of a document: every word in reading order, with the
 * role that decides its style. Renderers only lay this out; they add no text
 * of their own, so the DOCX and the PDF say the same words in the same order.
 */

/** Paragraph roles of the body; each maps to one style of the layout. `basis`: a formal legal basis ("Căn cứ ...;") on its own italic line; `closing`: the last paragraph ("... ./."), kept on the page of the signature. */
export const TEXT_ROLES = ['section', 'clause', 'subclause', 'body', 'basis', 'closing'] as const;
export type TextRole = (typeof TEXT_ROLES)[number];

/** Styles of a run-in heading ("a) Đối tượng thi đua: ..."): that of a clause (bold), or of a point (italic). */
export const LEAD_STYLES = ['leadClause', 'leadPoint'] as const;
export type LeadStyle = (typeof LEAD_STYLES)[number];

export interface TextBlock {
  role: TextRole;
  /** A run-in heading printed before the text, a space between. */
  lead?: { text: string; style: LeadStyle };
  text: string;
  /** A paragraph's own emphasis and alignment, over its role's style. */
  own?: { bold: boolean; italic: boolean; align: 'justify' | 'left' | 'center' | 'right'; indent: boolean };
  /** Kept on the page of what follows, as a heading is: a lead-in that opens a list ("Nguyên nhân của những hạn chế trên:"). */
  keepWithNext?: boolean;
}

export interface TableBlock {
  role: 'table';
  table: TableView;
}

export type Block = TextBlock | TableBlock;
export type BlockRole = Block['role'];

export interface HeaderView {
  /** Parent body lines (capitals, not bold). */
  parent: string[];
  /** Issuer lines (capitals, bold). */
  issuer: string[];
  /** Length of the rule under the issuer, points (0 where a mark stands instead). */
  issuerRule: number;
  /** The mark under the issuer in place of a rule ("*" of the Party, "***" of the Youth Union), or null. */
  issuerMark: string | null;
  /** "Số: 05/KH-UBND", "Số 12-KH/ĐU". */
  number: string;
  /** Top right, bold: the national name, or the organisation's own line ("ĐOÀN TNCS HỒ CHÍ MINH"). */
  nationalName: string;
  /** The motto under the national name; null under an organisation's own line. */
  motto: string | null;
  /** Length of the rule under the right column's last line (the motto's or the name's exact width), points. */
  mottoRule: number;
  /** "Kiến Minh, ngày 05 tháng 01 năm 2026". */
  placeDate: string;
}

export interface ClosingView {
  recipientsTitle: string;
  /** "- UBND thành phố (b/c);" ... "- Lưu: VT." */
  recipients: string[];
  /** "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH". */
  signerLines: string[];
  /** Null while the document waits for signing. */
  signerName: string | null;
}

export type Align = 'left' | 'center' | 'right';

export interface CellView {
  /** The cell's lines, each its own paragraph; none for an empty cell. */
  lines: string[];
  colSpan: number;
  rowSpan: number;
  bold: boolean;
  italic: boolean;
  align: Align;
  /** Centred between the row's top and bottom (a header cell, a cell spanning rows), not at its top. */
  middle: boolean;
}

/** A grid position another cell's span covers: to its left in the row (`col`), or above it (`row`, as wide as that cell). */
export type Covered = { covered: 'col' } | { covered: 'row'; colSpan: number };

export interface RowView {
  /** One entry per grid column. */
  cells: (CellView | Covered)[];
  /** A group row ("I. Chỉ tiêu kinh tế"): never the last row on a page. */
  keepWithNext: boolean;
}

/** A table whose header rows repeat on every page and whose rows never split. */
export interface TableView {
  /** Shares of the table's width, adding up to 1. */
  widths: number[];
  header: RowView[];
  rows: RowView[];
}

/** An appendix on its own pages, numbered on its own: "Phụ lục I", title, "(Kèm theo ...)", its body. */
export interface AppendixView {
  label: string;
  title: string[];
  note: string | null;
  /** Length of the rule under the heading, points. */
  rule: number;
  landscape: boolean;
  body: Block[];
}

export interface DocumentView {
  /** Base of the file names: "ke-hoach". */
  fileBase: string;
  header: HeaderView;
  /** "KẾ HOẠCH". */
  typeTitle: string;
  /** Trích yếu; "\n" where the view breaks its lines (a balanced title). */
  summary: string;
  /** Length of the rule under the summary, points. */
  summaryRule: number;
  /** "Kính gửi: ..." lines of a document sent to addressees; empty otherwise. */
  addressees: string[];
  body: Block[];
  closing: ClosingView;
  /** Appendices after the signature, each starting a page. */
  appendices: AppendixView[];
  metadata: {
    title: string;
    subject: string;
    author: string;
    /** Fixed creation date (the document's own date), so output is reproducible. */
    date: Date;
  };
}
