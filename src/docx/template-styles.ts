/**
 * What a Word template's styles and page say, and whether Decree 30 allows
 * it: every style the renderer uses must be there (a deleted "TD Signer"
 * would leave the signer in Word's Normal style), with its size, bold and
 * italic, font and page within the ranges of templates/nd30-styles.yaml.
 * Each problem names the style as Word shows it, in Vietnamese and English.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import type PizZip from 'pizzip';
import { z } from 'zod';
import { layout, type RunStyleName, type StyleName } from '../layout.js';
import { dataFile } from '../phrases/data-file.js';
import { RULE_STYLE, RUN_STYLE_NAMES, STYLE_NAMES, styleId } from './template.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const TWIPS_PER_MM = 1440 / 25.4;

const Range = z.tuple([z.number(), z.number()]);
const Ranges = z.strictObject({
  font: z.string(),
  page: z.strictObject({
    width: z.number(),
    height: z.number(),
    margin: z.strictObject({ top: Range, bottom: Range, left: Range, right: Range }),
  }),
  styles: z.record(z.string(), z.strictObject({ size: Range, bold: z.boolean().optional(), italic: z.boolean().optional() })),
});

/** A style's properties, as it and the styles it is based on set them. */
export interface StyleFacts {
  /** Points. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  font?: string;
  align?: 'left' | 'center' | 'justify' | 'right';
  /** Exact line height, points (only a line rule of "exact" is one). */
  line?: number;
  /** Space before, points. */
  before?: number;
  /** First-line indent, twips; a hanging one is negative. */
  firstLine?: number;
  keepNext?: boolean;
  /** A single top border's thickness, points (the rule style's). */
  topBorder?: number;
}

const JC: Record<string, StyleFacts['align']> = { left: 'left', start: 'left', center: 'center', both: 'justify', distribute: 'justify', right: 'right', end: 'right' };

/** A paragraph's single top border, points; none for no border or another kind. */
function topBorderOf(pPr: Element): number | undefined {
  const bdr = first(pPr, 'pBdr');
  const top = bdr && first(bdr, 'top');
  if (!top || attr(top, 'val') !== 'single') return undefined;
  return Number(attr(top, 'sz') ?? 0) / 8;
}

function paragraphFacts(pPr: Element | undefined): StyleFacts {
  if (!pPr) return {};
  const spacing = first(pPr, 'spacing');
  const ind = first(pPr, 'ind');
  const jc = attr(first(pPr, 'jc'), 'val');
  const num = (el: Element | undefined, name: string) => (attr(el, name) === null ? undefined : Number(attr(el, name)));
  return {
    align: jc ? JC[jc] : undefined,
    line: attr(spacing, 'lineRule') === 'exact' && num(spacing, 'line') !== undefined ? num(spacing, 'line')! / 20 : undefined,
    before: num(spacing, 'before') === undefined ? undefined : num(spacing, 'before')! / 20,
    firstLine: num(ind, 'hanging') === undefined ? num(ind, 'firstLine') : -num(ind, 'hanging')!,
    keepNext: toggle(pPr, 'keepNext'),
    topBorder: topBorderOf(pPr),
  };
}

const attr = (el: Element | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;
const first = (el: Element | Document, name: string): Element | undefined => (el.getElementsByTagNameNS(W, name)[0] as Element | undefined) ?? undefined;

/** A toggle property (<w:b/>, <w:b w:val="0"/>): undefined when the element is not there. */
const toggle = (rPr: Element | undefined, name: string): boolean | undefined => {
  const el = rPr && first(rPr, name);
  if (!el) return undefined;
  const v = attr(el, 'val');
  return v === null || !['0', 'false', 'off'].includes(v);
};

function runFacts(rPr: Element | undefined): StyleFacts {
  const sz = rPr && first(rPr, 'sz');
  const fonts = rPr && first(rPr, 'rFonts');
  return {
    size: sz && attr(sz, 'val') ? Number(attr(sz, 'val')) / 2 : undefined,
    bold: toggle(rPr, 'b'),
    italic: toggle(rPr, 'i'),
    font: attr(fonts, 'ascii') ?? undefined,
  };
}

/** Each style of styles.xml by id, with what it inherits (basedOn, then the document defaults) filled in. */
export function templateStyles(stylesXml: string): Map<string, StyleFacts & { type: string; name: string }> {
  const doc = new DOMParser().parseFromString(stylesXml, 'text/xml');
  const defaultsEl = first(doc, 'rPrDefault');
  const defaults = runFacts(defaultsEl && first(defaultsEl, 'rPr'));
  const raw = new Map<string, { type: string; name: string; basedOn?: string; facts: StyleFacts }>();
  for (const el of Array.from(doc.getElementsByTagNameNS(W, 'style')) as Element[]) {
    const id = attr(el, 'styleId');
    if (!id) continue;
    const child = (name: string) => Array.from(el.childNodes).find((n): n is Element => (n as Element).localName === name);
    const facts = { ...paragraphFacts(child('pPr')), ...runFacts(child('rPr')) };
    raw.set(id, { type: attr(el, 'type') ?? '', name: attr(first(el, 'name'), 'val') ?? id, basedOn: attr(first(el, 'basedOn'), 'val') ?? undefined, facts });
  }
  const resolved = new Map<string, StyleFacts & { type: string; name: string }>();
  const resolve = (id: string, depth = 0): StyleFacts => {
    const s = raw.get(id);
    if (!s || depth > 20) return defaults;
    const base = s.basedOn ? resolve(s.basedOn, depth + 1) : defaults;
    const own = Object.fromEntries(Object.entries(s.facts).filter(([, v]) => v !== undefined));
    return { ...base, ...own };
  };
  for (const [id, s] of raw) resolved.set(id, { type: s.type, name: s.name, ...resolve(id) });
  return resolved;
}

/** The page of the template's last section (the document's own), in mm. */
export function templatePage(documentXml: string): { width: number; height: number; headerDistance: number; margin: Record<'top' | 'bottom' | 'left' | 'right', number> } | undefined {
  const doc = new DOMParser().parseFromString(documentXml, 'text/xml');
  const sections = doc.getElementsByTagNameNS(W, 'sectPr');
  const sect = sections[sections.length - 1] as Element | undefined;
  if (!sect) return undefined;
  const mm = (el: Element | undefined, name: string) => Number(attr(el, name)) / TWIPS_PER_MM;
  const size = first(sect, 'pgSz');
  const mar = first(sect, 'pgMar');
  return {
    width: mm(size, 'w'),
    height: mm(size, 'h'),
    headerDistance: mm(mar, 'header'),
    margin: { top: mm(mar, 'top'), bottom: mm(mar, 'bottom'), left: mm(mar, 'left'), right: mm(mar, 'right') },
  };
}

const fmt = (n: number) => String(Math.round(n * 10) / 10).replace('.', ',');
const rangeText = ([a, b]: [number, number]) => (a === b ? fmt(a) : `${fmt(a)}–${fmt(b)}`);

/** Why a template's styles or page cannot be used; none for one that can. */
export function templateStyleProblems(zip: PizZip): string[] {
  const ranges = dataFile('nd30-styles.yaml', Ranges);
  const stylesXml = zip.file('word/styles.xml')?.asText();
  if (!stylesXml) return ['không có word/styles.xml / no word/styles.xml'];
  const styles = templateStyles(stylesXml);
  const problems: string[] = [];
  const paragraphs = Object.keys(layout.styles) as StyleName[];
  const runs = Object.keys(layout.runs) as RunStyleName[];
  const rule = styles.get(RULE_STYLE.id);
  if (!rule || rule.type !== 'paragraph') {
    problems.push(`thiếu kiểu (style) "${RULE_STYLE.name}": hãy lấy lại từ mẫu gốc / the style "${RULE_STYLE.name}" is missing: copy it back from the package's template`);
  } else if (!rule.topBorder) {
    problems.push(`kiểu "${rule.name}": cần đường viền trên nét đơn (đường kẻ) / style "${rule.name}": needs a single top border (the rule line)`);
  }
  for (const [name, type, shown] of [
    ...paragraphs.map((n) => [n, 'paragraph', STYLE_NAMES[n]] as const),
    ...runs.map((n) => [n, 'character', RUN_STYLE_NAMES[n]] as const),
  ]) {
    const s = styles.get(styleId(name));
    if (!s || s.type !== type) {
      problems.push(`thiếu kiểu (style) "${shown}": hãy lấy lại từ mẫu gốc / the style "${shown}" is missing: copy it back from the package's template`);
      continue;
    }
    if (s.font && s.font !== ranges.font) problems.push(`kiểu "${s.name}": phông ${s.font}, Nghị định 30 quy định ${ranges.font} / style "${s.name}": font ${s.font}, Decree 30 asks for ${ranges.font}`);
    const r = ranges.styles[name];
    if (!r) continue;
    if (s.size !== undefined && (s.size < r.size[0] || s.size > r.size[1])) {
      problems.push(`kiểu "${s.name}": cỡ chữ ${fmt(s.size)}, Nghị định 30 quy định ${rangeText(r.size)} / style "${s.name}": ${fmt(s.size)} pt, Decree 30 asks for ${rangeText(r.size)} pt`);
    }
    for (const [key, vi, en] of [['bold', 'đậm', 'bold'], ['italic', 'nghiêng', 'italic']] as const) {
      const want = r[key];
      if (want !== undefined && !!s[key] !== want) {
        problems.push(`kiểu "${s.name}": ${want ? 'cần' : 'không được'} in ${vi} theo Nghị định 30 / style "${s.name}": Decree 30 asks for it ${want ? '' : 'not '}${en}`);
      }
    }
  }
  const documentXml = zip.file('word/document.xml')?.asText();
  const page = documentXml ? templatePage(documentXml) : undefined;
  if (page) {
    const near = (a: number, b: number) => Math.abs(a - b) < 1;
    if (!near(page.width, ranges.page.width) || !near(page.height, ranges.page.height)) {
      problems.push(`khổ giấy ${fmt(page.width)} × ${fmt(page.height)} mm, cần A4 dọc ${ranges.page.width} × ${ranges.page.height} mm / paper ${fmt(page.width)} × ${fmt(page.height)} mm, Decree 30 asks for A4 portrait`);
    }
    const sides = { top: ['trên', 'top'], bottom: ['dưới', 'bottom'], left: ['trái', 'left'], right: ['phải', 'right'] } as const;
    for (const side of Object.keys(sides) as (keyof typeof sides)[]) {
      const [lo, hi] = ranges.page.margin[side];
      const v = page.margin[side];
      if (v < lo - 0.5 || v > hi + 0.5) problems.push(`lề ${sides[side][0]} ${fmt(v)} mm, Nghị định 30 quy định ${rangeText([lo, hi])} mm / ${sides[side][1]} margin ${fmt(v)} mm, Decree 30 asks for ${rangeText([lo, hi])} mm`);
    }
  }
  return problems;
}
