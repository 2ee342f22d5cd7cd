/** Small rules of Vietnamese running text. */

/** "phát động Đợt thi đua ..." from a summary, to follow other words in a sentence. */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** "Các phòng, ban ..." to open a sentence. */
export function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** Whether a text is written in capitals (and has letters at all). */
export const isCapitals = (s: string): boolean => s === s.toLocaleUpperCase('vi') && s !== s.toLocaleLowerCase('vi');

/** A list cut from a longer one ends with a full stop, not the ";" that led on to the rest. */
export const closeList = (lines: string[]): string[] => lines.map((t, i) => (i === lines.length - 1 ? t.replace(/;$/, '.') : t));

/**
 * The sentences of a text: it is cut after ".", "!" or "?" where the next
 * word starts with a capital ("... trên địa bàn xã. Thực hiện quyết liệt ...");
 * a full stop inside a figure or an abbreviation is not followed by a space
 * and a capital, so it does not cut.
 */
export const sentencesOf = (text: string): string[] => text.split(SENTENCE_BREAK);

/** A sentence ends at ".", "!" or "?" before a capital; not after an abbreviation ("TP. Hải Phòng", "TS. Nguyễn") or an article's number ("Điều 5. Luật"). */
const SENTENCE_BREAK = /(?<=[.!?])(?<!(?:^|[\s(])(?:TP|Tp|TX|TT|TS|ThS|PGS|GS|BS|KS|Q|P|X|St|Th)\.)(?<!(?:Điều|Khoản|Mục|Chương|Phần|Phụ lục) \d+\.)\s+(?=\p{Lu})/u;

const NBSP = '\u00a0';
/** NON-BREAKING HYPHEN: the dash as printed, with no line break on either side (Unicode line breaking, UAX 14: class GL). */
const NB_HYPHEN = '\u2011';

/**
 * Places a line must not break at, joined: around a dash between words
 * ("kinh tế - xã hội", "2025 - 2030", "Văn hóa - Xã hội": no line ends or
 * starts with the dash; a break before it, or after it and its space, is
 * otherwise allowed), between a number and the word after it ("833,509 tỷ
 * đồng", "135/856 lượt người"), and between "số" and the number it
 * introduces. Applied alike by both renderers, so the DOCX as Word or
 * LibreOffice lays it out and the PDF break lines alike. (A symbol may still
 * break after its "/" or "-", in both alike: a joiner there would copy out of
 * the PDF as a space.)
 */
export const keepTogether = (text: string): string =>
  text
    .replace(/(?<=\S) - (?=\S)/gu, `${NBSP}${NB_HYPHEN}${NBSP}`)
    .replace(/(?<=\d) (?=\p{Ll})/gu, NBSP)
    .replace(/(?<=(?:^|\s)[sS]ố) (?=\d)/gu, NBSP);
