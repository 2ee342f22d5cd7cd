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
