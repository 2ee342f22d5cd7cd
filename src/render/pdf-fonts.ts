/**
 * pdfkit parses a font afresh for every document: fontkit decodes the
 * font's substitution and kerning tables each time, which is most of the
 * CPU of a PDF. This patch gives each document its own pdfkit font object
 * (its own subset and ids) over the one parsed font per file and thread that
 * text measuring uses too (src/measure.ts), with word layouts shared across
 * documents.
 *
 * fontkit caches glyph objects on the font, and a glyph first made without
 * its code points (by the subsetter, at the end of a document) keeps none
 * when a later document lays out text with it: its ToUnicode entry would be
 * lost and text extraction would drop letters. So a glyph asked for with
 * code points gets them when it has none.
 */
import { createRequire } from 'node:module';
import { fontOfFile } from '../measure.js';

interface Glyph {
  codePoints: number[];
}
interface FontkitFont {
  getGlyph(id: number, codePoints?: number[]): Glyph | null;
}
interface EmbeddedFont {
  id: string;
  font: FontkitFont;
  layoutCache?: Record<string, unknown>;
  name: string;
}
type EmbeddedFontClass = new (document: PdfDocument, font: FontkitFont, id: string) => EmbeddedFont;
interface PdfDocument {
  _font: EmbeddedFont | null;
  fonts: Record<string, Record<string, string | string[]>>;
  fontCache: Record<string, Record<string, EmbeddedFont>>;
  _fontFamilies: Record<string, EmbeddedFont>;
  _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(familyName: string, bold: boolean, italics: boolean): EmbeddedFont;
}

// The very module instance pdfmake itself requires.
const require = createRequire(import.meta.url);
const PDFDocument = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: PdfDocument } }).default;
const original = PDFDocument.prototype.provideFont;

/** The class pdfkit embeds fonts with, known once it has opened one. */
let Embedded: EmbeddedFontClass | undefined;
/** Per font file: its parsed font (measure.ts's, given code points) and the word layouts of all documents. */
const shared = new Map<string, { parsed: FontkitFont; layouts: Record<string, unknown> }>();

function sharedFont(file: string): { parsed: FontkitFont; layouts: Record<string, unknown> } {
  let s = shared.get(file);
  if (!s) {
    const parsed = fontOfFile(file) as unknown as FontkitFont;
    withCodePoints(parsed);
    shared.set(file, (s = { parsed, layouts: Object.create(null) as Record<string, unknown> }));
  }
  return s;
}

/** A glyph asked for with code points carries them, whoever made it first. */
function withCodePoints(font: FontkitFont): void {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && !glyph.codePoints.length && codePoints.length) glyph.codePoints = codePoints;
    return glyph;
  };
}

PDFDocument.prototype.provideFont = function provideFont(this: PdfDocument, familyName, bold, italics) {
  const type = this.getFontType(bold, italics);
  const file = this.fonts[familyName]?.[type];
  if (typeof file !== 'string') return original.call(this, familyName, bold, italics);
  this.fontCache[familyName] ??= {};
  const cached = this.fontCache[familyName][type];
  if (cached) return cached;
  const { parsed, layouts } = sharedFont(file);
  let id: string;
  if (!Embedded) {
    // The first font pdfkit opens tells its class; the document then gets the shared font in its place, under its id.
    const opened = original.call(this, familyName, bold, italics);
    Embedded = opened.constructor as EmbeddedFontClass;
    id = opened.id;
    for (const [k, f] of Object.entries(this._fontFamilies)) if (f === opened) delete this._fontFamilies[k];
  } else {
    id = `F${++this._fontCount}`;
  }
  const font = new Embedded(this, parsed, id);
  // Registered as pdfkit's own font() registers a font it opens from a file.
  this._fontFamilies[file] = font;
  this._fontFamilies[font.name] ??= font;
  this._font = font;
  if (font.layoutCache) font.layoutCache = layouts;
  this.fontCache[familyName][type] = font;
  return font;
};
