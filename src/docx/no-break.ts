/**
 * The no-break marks typeset puts in text (src/format/text.ts), as Word has
 * them: a non-breaking hyphen is Word's own `<w:noBreakHyphen/>` (what
 * Ctrl+Shift+- types; text readers take it for "-"), and the word joiner
 * after a "/" ("232/⁠KH", "(b/⁠c)") is dropped, since neither Word nor
 * LibreOffice breaks a line there. So the document's text holds no
 * character a reader, a search or a copy would not expect, and LibreOffice
 * still breaks its lines where the PDF does (test/libreoffice.test.ts).
 */
import { NB_HYPHEN, WORD_JOINER } from '../format/text.js';

const TEXT = /(<w:t(?: [^>]*)?>)([^<]*)<\/w:t>/g;
const HELD_HYPHEN = new RegExp(`-${WORD_JOINER}|${NB_HYPHEN}`, 'g');
const AFTER_SLASH = new RegExp(`(?<=/)${WORD_JOINER}`, 'g');

/** A document part's `<w:t>` runs of text with Word's own no-break marks. */
export function wordNoBreaks(xml: string): string {
  return xml.replace(TEXT, (whole, open: string, text: string) => {
    if (!text.includes(NB_HYPHEN) && !text.includes(WORD_JOINER)) return whole;
    const pieces = text.replace(AFTER_SLASH, '').split(HELD_HYPHEN);
    const t = open.includes('xml:space') ? open : '<w:t xml:space="preserve">';
    return pieces.map((p) => (p ? `${t}${p}</w:t>` : '')).join('<w:noBreakHyphen/>');
  });
}
