/**
 * The word joiners typeset puts where a line must not break
 * ("232/⁠KH-⁠UBND") and its non-breaking hyphens ("kinh tế ‑ xã hội") have
 * done their work once pdfmake has found the places a line may break;
 * printed, a joiner would measure as a glyph Tinos lacks and copy out of the
 * PDF as a space, and the hyphen would copy out as U+2011, which a search
 * for "kinh tế - xã hội" does not find. This patch drops the joiners and
 * prints the plain hyphen (of the same width) in the pieces pdfmake's text
 * breaker returns, before they are measured.
 */
import { createRequire } from 'node:module';
import { NB_HYPHEN, WORD_JOINER } from '../format/text.js';

interface Piece {
  text: string;
}
interface TextBreakerProto {
  getBreaks(this: TextBreakerProto, texts: unknown, styles: unknown): Piece[];
}

// The very module instance pdfmake itself requires.
const require = createRequire(import.meta.url);
const TextBreaker = (require('pdfmake/js/TextBreaker.js') as { default: { prototype: TextBreakerProto } }).default;
const getBreaks = TextBreaker.prototype.getBreaks;

TextBreaker.prototype.getBreaks = function withoutJoiners(texts: unknown, styles: unknown): Piece[] {
  const pieces = getBreaks.call(this, texts, styles);
  for (const p of pieces) {
    if (p.text.includes(WORD_JOINER)) p.text = p.text.replaceAll(WORD_JOINER, '');
    if (p.text.includes(NB_HYPHEN)) p.text = p.text.replaceAll(NB_HYPHEN, '-');
  }
  return pieces;
};
