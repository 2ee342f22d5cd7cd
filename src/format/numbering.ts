/**
 * Labels of the parts of a document: Roman sections, numbered clauses and
 * points lettered in the Vietnamese alphabet (Decree 30, Appendix I).
 */

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function roman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`no Roman numeral for ${n}`);
  let rest = n;
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

/** The letters points take, in order: no f, j, w, z; đ after d. */
export const POINT_LETTERS = [
  'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm',
  'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y',
] as const;

/** "a)" for index 0, "đ)" for index 4. */
export function pointLabel(index: number): string {
  const letter = POINT_LETTERS[index];
  if (letter === undefined) {
    throw new RangeError(`một danh sách có nhiều nhất ${POINT_LETTERS.length} điểm (a đến y) / a list has at most ${POINT_LETTERS.length} lettered points (a to y)`);
  }
  return `${letter})`;
}

/** "I." */
export function sectionLabel(n: number): string {
  return `${roman(n)}.`;
}

/** "1." or, nested, "2.1." */
export function clauseLabel(...numbers: number[]): string {
  return `${numbers.join('.')}.`;
}

/** "05" for 5: document numbers below 10 take a leading zero. */
export function padNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A document's number as printed: an integer with at least two digits, or the issuer's own digits ("0124"). */
export const printedNumber = (number: number | string): string => (typeof number === 'string' ? number : padNumber(number));

/** Blank left for the number of a draft before registration. */
export const BLANK_NUMBER = '      ';

/**
 * How an organisation prints a document's number: its label, and whether the
 * number joins the symbol with a slash ("05/KH-UBND", Decree 30) or a hyphen
 * ("12-KH/ĐU", the Party's and the Youth Union's form).
 */
export interface NumberFormat {
  label: 'Số:' | 'Số';
  form: 'slash' | 'hyphen';
}

export const DECREE_30_NUMBER: NumberFormat = { label: 'Số:', form: 'slash' };

/** "Số: 05/KH-UBND", "Số 12-KH/ĐU"; for a draft, the number left blank: "Số:      /KH-UBND". */
export function numberLine(number: number | string | null, symbol: string, format: NumberFormat = DECREE_30_NUMBER): string {
  const joiner = format.form === 'slash' ? '/' : '-';
  return number === null ? `${format.label}${BLANK_NUMBER}${joiner}${symbol}` : `${format.label} ${printedNumber(number)}${joiner}${symbol}`;
}

/** "số 05/KH-UBND" as cited in running text; "số      /KH-UBND" for a draft. */
export function citedNumber(number: number | string | null, symbol: string, format: NumberFormat = DECREE_30_NUMBER): string {
  return `số ${numberLine(number, symbol, format).slice(format.label.length).replace(/^ /, '')}`;
}

export type Scheme = 'roman' | 'arabic' | 'decimal' | 'letter' | 'dash' | 'plus' | 'none';

/** The scheme a list takes by its depth when the data names none: I. / 1. / a) / - / +. */
export function defaultScheme(depth: number): Scheme {
  return (['roman', 'arabic', 'letter', 'dash'] as const)[depth - 1] ?? 'plus';
}

/**
 * The label of the n-th numbered entry (from 1) of a list: "II.", "3.",
 * "2.1." (under "2."), "đ)", "-", "+", or none.
 */
export function listLabel(scheme: Scheme, n: number, parentLabel = ''): string {
  switch (scheme) {
    case 'roman':
      return sectionLabel(n);
    case 'arabic':
      return clauseLabel(n);
    case 'decimal': {
      // Only a numbered parent ("2.", "2.1.") is carried on; under "a)" or "-" the entries count on their own.
      const parent = /^\d+(\.\d+)*\.?$/.test(parentLabel) ? parentLabel.replace(/\.$/, '') : '';
      return parent ? `${parent}.${n}.` : clauseLabel(n);
    }
    case 'letter':
      return pointLabel(n - 1);
    case 'dash':
      return '-';
    case 'plus':
      return '+';
    case 'none':
      return '';
  }
}

/** How many entries a scheme can number: the lettered points run out after y. */
export const schemeCapacity = (scheme: Scheme): number => (scheme === 'letter' ? POINT_LETTERS.length : scheme === 'roman' ? 3999 : Infinity);
