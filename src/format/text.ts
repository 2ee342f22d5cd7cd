/** Small rules of Vietnamese running text. */

/** "phát động Đợt thi đua ..." from a summary, to follow other words in a sentence. */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}
