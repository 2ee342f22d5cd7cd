/**
 * pdfmake 0.3 justifies a line by spreading the free space over every inline
 * it holds, and it cuts words into several inlines at each break opportunity
 * ("232/", "KH-", "UBND"), so justified text gets gaps inside words
 * ("232/ KH- UBND"). Word and LibreOffice widen only the spaces between
 * words; this patch makes pdfmake do the same.
 */
import { createRequire } from 'node:module';

interface Inline {
  text: string;
  x: number;
  alignment?: string;
  justifyShift?: number;
}
interface Line {
  inlines: Inline[];
  newLineForced?: boolean;
  lastLineInParagraph?: boolean;
  getWidth(): number;
}
interface ElementWriterProto {
  context(): { availableWidth: number };
  alignLine(this: ElementWriterProto, line: Line): void;
}

// The very module instance pdfmake itself requires.
const require = createRequire(import.meta.url);
const ElementWriter = (require('pdfmake/js/ElementWriter.js') as { default: { prototype: ElementWriterProto } }).default;
const original = ElementWriter.prototype.alignLine;

ElementWriter.prototype.alignLine = function alignLine(line: Line): void {
  const justify = line.inlines.length > 1 && line.inlines[0].alignment === 'justify';
  if (!justify || line.newLineForced || line.lastLineInParagraph) {
    original.call(this, line);
    return;
  }
  const gaps = line.inlines.map((_, i) => i > 0 && /\s$/.test(line.inlines[i - 1].text));
  const count = gaps.filter(Boolean).length;
  if (!count) return;
  const extra = (this.context().availableWidth - line.getWidth()) / count;
  let offset = 0;
  line.inlines.forEach((inline, i) => {
    if (gaps[i]) {
      offset += extra;
      inline.justifyShift = extra;
    }
    inline.x += offset;
  });
};
