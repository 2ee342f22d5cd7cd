/**
 * The layout a Word template sets: its page (size, margins, header
 * distance) and, for each style the documents use, the size, bold, italic,
 * alignment, exact line height, space before, first-line indent and
 * keep-with-next it has (inherited ones included). What a style leaves
 * unsaid keeps the default of src/layout.ts. Lengths are rounded to a tenth
 * of a millimetre and a twentieth of a point, as Word stores them, so the
 * package's own template gives back exactly the defaults it was made from.
 */
import type PizZip from 'pizzip';
import { columnWidthsOf, DEFAULT_LAYOUT, ptToTwips, type LayoutValues, type RunStyleName, type StyleName } from '../layout.js';
import { RULE_STYLE, styleId } from './template.js';
import { templatePage, templateStyles } from './template-styles.js';

const TWIPS_PER_MM = 1440 / 25.4;
const tenth = (mm: number) => Math.round(mm * 10) / 10;

export function templateLayout(zip: PizZip, base: LayoutValues = DEFAULT_LAYOUT): LayoutValues {
  const out = structuredClone(base);
  const stylesXml = zip.file('word/styles.xml')?.asText();
  const documentXml = zip.file('word/document.xml')?.asText();
  const page = documentXml ? templatePage(documentXml) : undefined;
  if (page) {
    out.page = {
      width: tenth(page.width),
      height: tenth(page.height),
      headerDistance: Number.isFinite(page.headerDistance) ? tenth(page.headerDistance) : base.page.headerDistance,
      margin: { top: tenth(page.margin.top), bottom: tenth(page.margin.bottom), left: tenth(page.margin.left), right: tenth(page.margin.right) },
    };
  }
  if (!stylesXml) return out;
  const styles = templateStyles(stylesXml);
  for (const name of Object.keys(out.styles) as StyleName[]) {
    const s = styles.get(styleId(name));
    if (!s) continue;
    const o = out.styles[name];
    out.styles[name] = {
      ...o,
      ...(s.size !== undefined ? { size: s.size } : {}),
      bold: s.bold ?? false,
      italic: s.italic ?? false,
      ...(s.align ? { align: s.align } : {}),
      ...(s.line !== undefined ? { line: s.line } : {}),
      ...(s.before !== undefined ? { before: s.before } : {}),
      ...(s.firstLine !== undefined ? { indent: tenth(s.firstLine / TWIPS_PER_MM) } : {}),
      keepNext: s.keepNext ?? false,
    };
  }
  const rule = styles.get(RULE_STYLE.id);
  if (rule) {
    out.rule = {
      width: rule.topBorder ?? base.rule.width,
      offset: rule.before ?? base.rule.offset,
      gap: rule.line ?? base.rule.gap,
    };
  }
  for (const name of Object.keys(out.runs) as RunStyleName[]) {
    const s = styles.get(styleId(name));
    if (s) out.runs[name] = { bold: s.bold ?? false, italic: s.italic ?? false };
  }
  return out;
}

/**
 * The template's two-column tables (the header, the signature and
 * recipients) made to span its text area, as the PDF's do: a clerk who
 * widens the margins in Word leaves the tables as wide as they were, past
 * the new margin. The document part's text with the widths set, or
 * undefined when they already are.
 */
export function fittedTables(documentXml: string, values: LayoutValues): string | undefined {
  const [left, right] = columnWidthsOf(values.page).map(ptToTwips);
  const fitted = documentXml.replace(/<w:tbl>.*?<\/w:tbl>/g, (table) => {
    const grid = /<w:tblGrid>(.*?)<\/w:tblGrid>/.exec(table)?.[1] ?? '';
    if ((grid.match(/<w:gridCol /g) ?? []).length !== 2) return table;
    let col = 0;
    let cell = 0;
    return table
      .replace(/(<w:tblW w:w=")\d+(")/, `$1${left + right}$2`)
      .replace(/(<w:gridCol w:w=")\d+(")/g, (_, a: string, b: string) => `${a}${col++ % 2 ? right : left}${b}`)
      .replace(/(<w:tcW w:w=")\d+(")/g, (_, a: string, b: string) => `${a}${cell++ % 2 ? right : left}${b}`);
  });
  return fitted === documentXml ? undefined : fitted;
}
