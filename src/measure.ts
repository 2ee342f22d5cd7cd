/**
 * Text widths from the embedded font's metrics. Tinos has the advance widths
 * of Times New Roman, so the same numbers hold for the PDF and for the DOCX
 * as Word or LibreOffice lays it out. Used for rule-line lengths and to check
 * that a line printed on its own (issuer name, motto) fits its column.
 *
 * One parsed font per file and thread, the very copy of fontkit pdfkit uses
 * (its CommonJS build), so that the PDF renderer shares these fonts too; the
 * widths of the texts measured are kept.
 */
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(path: string): Font };

export type FontVariant = 'normal' | 'bold' | 'italics' | 'bolditalics';

/** Paths of the Tinos TTF files shipped by @expo-google-fonts/tinos. */
export const FONT_FILES: Record<FontVariant, string> = {
  normal: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italics: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  bolditalics: require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf'),
};

const fonts = new Map<string, Font>();

/** The parsed font of a file, once per thread. */
export function fontOfFile(path: string): Font {
  let f = fonts.get(path);
  if (!f) {
    f = fontkit.openSync(path);
    fonts.set(path, f);
  }
  return f;
}

const font = (variant: FontVariant): Font => fontOfFile(FONT_FILES[variant]);

export function variantOf(style: { bold: boolean; italic: boolean }): FontVariant {
  if (style.bold) return style.italic ? 'bolditalics' : 'bold';
  return style.italic ? 'italics' : 'normal';
}

/** Advance widths in font units per word, and per pair of words' facing letters, per variant. */
const widths = new Map<FontVariant, Map<string, number>>();
/** Entries kept per variant before the oldest are forgotten, so that a long run cannot fill memory. */
const WIDTH_CACHE = 20_000;

function cachedUnits(f: Font, cache: Map<string, number>, text: string): number {
  let units = cache.get(text);
  if (units === undefined) {
    units = f.layout(text).advanceWidth;
    if (cache.size >= WIDTH_CACHE) cache.delete(cache.keys().next().value!);
    cache.set(text, units);
  }
  return units;
}

/** The last letter of a word, a surrogate pair whole. */
const lastLetter = (w: string): string => (/[\udc00-\udfff]$/.test(w) ? w.slice(-2) : w.slice(-1));
const firstLetter = (w: string): string => (/^[\ud800-\udbff]/.test(w) ? w.slice(0, 2) : w.slice(0, 1));
/** Text whose words cannot be measured apart: empty words, or a word that ends or starts with a combining mark. */
const UNSPLITTABLE = /(^| ) |(^| )\p{M}|\p{M}( |$)/u;

/**
 * Advance width of a single line of text, points: what the font lays out
 * for the whole line. Lines are measured again and again while they are
 * broken, each one word longer, so a line is summed from its words and,
 * at each space, what the space and the kerning of the letters either side
 * of it add (the font's substitutions and kerning act on neighbouring
 * glyphs only): the same width, with each word laid out once.
 */
export function textWidthPt(text: string, size: number, variant: FontVariant = 'normal'): number {
  const f = font(variant);
  let cache = widths.get(variant);
  if (!cache) widths.set(variant, (cache = new Map()));
  const nfc = text.normalize('NFC');
  let units: number;
  if (!nfc.includes(' ') || UNSPLITTABLE.test(nfc)) {
    units = cachedUnits(f, cache, nfc);
  } else {
    const words = nfc.split(' ');
    units = cachedUnits(f, cache, words[0]);
    for (let i = 1; i < words.length; i++) {
      const a = lastLetter(words[i - 1]);
      const b = firstLetter(words[i]);
      const joint = cachedUnits(f, cache, `${a} ${b}`) - cachedUnits(f, cache, a) - cachedUnits(f, cache, b);
      units += joint + cachedUnits(f, cache, words[i]);
    }
  }
  return (units / f.unitsPerEm) * size;
}

/** The font's own line height (ascent to descent, no gap), points: what pdfmake's lineHeight 1 means. */
export function naturalLineHeight(size: number, variant: FontVariant = 'normal'): number {
  const f = font(variant);
  return ((f.ascent - f.descent) / f.unitsPerEm) * size;
}

/**
 * Lines of a paragraph broken greedily at spaces within `width` (the first
 * within `first`: an indented line), the way a word processor breaks
 * unhyphenated text.
 */
export function wrap(text: string, width: number, size: number, variant: FontVariant = 'normal', first = width): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidthPt(candidate, size, variant) > (lines.length ? width : first)) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A text to be broken at many widths (a title tried at room after room): its words and the joints between them
 * measured once, so that each width's lines (those `wrap` gives, the first within `first`) cost a pass of sums, not
 * a measure per word.
 */
export function wrapper(text: string, size: number, variant: FontVariant = 'normal'): (width: number, first?: number) => string[] {
  if (UNSPLITTABLE.test(text.normalize('NFC'))) return (width, first = width) => wrap(text, width, size, variant, first);
  const words = text.split(' ');
  const w = words.map((x) => textWidthPt(x, size, variant));
  // What the space before word i adds, with the kerning of the letters either side: as textWidthPt sums it.
  const joint = words.map((x, i) => (i === 0 ? 0 : textWidthPt(`${words[i - 1]} ${x}`, size, variant) - w[i - 1] - w[i]));
  return (width, first = width) => {
    const lines: string[] = [];
    let start = 0;
    let sum = w[0];
    for (let i = 1; i < words.length; i++) {
      if (sum + joint[i] + w[i] > (lines.length ? width : first)) {
        lines.push(words.slice(start, i).join(' '));
        start = i;
        sum = w[i];
      } else {
        sum += joint[i] + w[i];
      }
    }
    lines.push(words.slice(start).join(' '));
    return lines;
  };
}

/** Width of the widest line of a wrapped paragraph, points. */
export function widestLine(text: string, width: number, size: number, variant: FontVariant = 'normal'): number {
  return Math.max(...wrap(text, width, size, variant).map((l) => textWidthPt(l, size, variant)));
}
