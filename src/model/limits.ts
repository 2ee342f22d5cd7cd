/**
 * The bounds of every input dimension (documented in the README). Data
 * past them is refused with a problem naming the field before any costlier
 * check runs, so that one input's work is bounded whatever it holds.
 */
export const LIMITS = {
  /** Characters of one text (a paragraph of a plan is a few hundred). */
  textLength: 10_000,
  /** Characters of one word, between spaces: a long e-mail address or web link fits; a line of the page holds about 80. */
  wordLength: 64,
  /** Entries of one list (units, tasks, rows of a table ...). */
  listLength: 1_000,
  /** Fields of one object. */
  objectKeys: 200,
  /** Levels of lists and objects inside one another. */
  depth: 40,
  /** Digits of a figure before its decimal point, and after. */
  integerDigits: 15,
  fractionDigits: 6,
  /** Problems listed for one input; the rest are counted. */
  problems: 200,
  /** Bytes of a campaign or results file the CLI reads (the service has its own body limit). */
  fileBytes: 16 * 1024 * 1024,
  /** Rows of one sheet of a campaign workbook. */
  workbookRows: 20_000,
  /** Of a Word template or a workbook: entries of its package, and their size once inflated. */
  templateEntries: 500,
  templateInflatedBytes: 32 * 1024 * 1024,
} as const;
