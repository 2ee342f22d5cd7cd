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
export const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
