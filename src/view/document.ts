/**
 * The computed view of a document: every word in reading order, with the
 * role that decides its style. Renderers only lay this out; they add no text
 * of their own, so the DOCX and the PDF say the same words in the same order.
 */

/** Paragraph roles of the body; each maps to one style of the layout. `basis`: a formal legal basis ("Căn cứ ...;") on its own italic line; `closing`: the last paragraph ("... ./."), kept on the page of the signature. */
export const BLOCK_ROLES = ['section', 'clause', 'subclause', 'body', 'basis', 'closing'] as const;
export type BlockRole = (typeof BLOCK_ROLES)[number];

export interface Block {
  role: BlockRole;
  text: string;
}

export interface HeaderView {
  /** Parent body lines (capitals, not bold). */
  parent: string[];
  /** Issuer lines (capitals, bold). */
  issuer: string[];
  /** Length of the rule under the issuer, points. */
  issuerRule: number;
  /** "Số: 05/KH-UBND". */
  number: string;
  nationalName: string;
  motto: string;
  /** Length of the rule under the motto (its exact width), points. */
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

export interface TableColumn {
  title: string;
  /** Share of the table's width. */
  share: number;
  align: 'left' | 'center' | 'right';
}

export interface TableRow {
  cells: string[];
  /** A group heading row: bold. */
  strong: boolean;
}

/** A table whose header row repeats on every page and whose rows never split. */
export interface TableView {
  columns: TableColumn[];
  rows: TableRow[];
}

/** An appendix on its own pages, numbered on its own: "Phụ lục I", title, "(Kèm theo ...)", a table. */
export interface AppendixView {
  label: string;
  title: string;
  note: string;
  /** Length of the rule under the note, points. */
  rule: number;
  table: TableView;
}

export interface DocumentView {
  /** Base of the file names: "ke-hoach". */
  fileBase: string;
  header: HeaderView;
  /** "KẾ HOẠCH". */
  typeTitle: string;
  /** Trích yếu. */
  summary: string;
  /** Length of the rule under the summary, points. */
  summaryRule: number;
  /** "Kính gửi: ..." lines of a document sent up to a superior; empty otherwise. */
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
