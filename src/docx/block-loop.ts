/**
 * The template's `{#blocks}` loops filled without docxtemplater's loop
 * machinery: walking a section per role for every block took three
 * quarters of a DOCX's CPU time. When the template is compiled, each loop of
 * the shape the renderer fills (a `{#role}…{/role}` section per role, whose
 * paragraphs hold a block's fields as whole tags, and `{#raw}{@xml}{/raw}`)
 * is cut out and replaced by one raw tag; a block's paragraphs are then its
 * section's, their tags filled as docxtemplater fills them (its escaping,
 * "\n" as a line break in the run's own properties). The template's own
 * paragraphs, styles and direct formatting are kept. A loop of any other
 * shape is left to docxtemplater: a tag Word split across runs or another
 * tag than a block's fields, a text without `xml:space="preserve"` (which
 * docxtemplater adds inside loops), a page break, section properties or a
 * drawing in a tag's own paragraph, content between the paragraphs. Both
 * ways give the same bytes on every fixture (tested).
 */

/** The raw tag a loop is replaced by, filled from each scope's `blocks`. */
export const BLOCKS_XML = 'blocksXml';

/** A section's paragraphs: literal XML, and tags to fill (with the properties of the run each stands in). */
type Piece = string | { tag: string; rPr: string };

/** The sections of a block loop, by role; `raw` for the block that is its own XML. */
export type BlockLoop = Map<string, Piece[]>;

const PARAGRAPH = /<w:p(?=[ >])(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g;
const TEXT = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g;
const textOf = (p: string): string => [...p.matchAll(TEXT)].map((m) => m[1]).join('');
/** What docxtemplater keeps of a paragraph that holds only a loop's tag: then it is not only a tag's. */
const KEPT = /<w:br\b|<w:sectPr\b|<w:drawing\b|<w:pict\b|<w:object\b/;
/** A paragraph that holds `tag` alone. */
const only = (p: string, tag: string): boolean => textOf(p) === tag && !KEPT.test(p);

/** The properties (`w:rPr`) of the run a `w:t` at `at` stands in: what docxtemplater repeats after a line break. */
function runProps(p: string, at: number): string {
  const run = Math.max(p.lastIndexOf('<w:r>', at), p.lastIndexOf('<w:r ', at));
  return run < 0 ? '' : (/<w:rPr\/>|<w:rPr>[\s\S]*?<\/w:rPr>/.exec(p.slice(run, at))?.[0] ?? '');
}

/** A paragraph's pieces, or undefined where a tag is not whole in one `w:t` or not one of `fields`, or a text is not space-preserved. */
function pieces(p: string, fields: readonly string[]): Piece[] | undefined {
  if (/<w:t(?=[ >])(?![^>]*xml:space="preserve")/.test(p)) return undefined;
  const out: Piece[] = [];
  let literal = '';
  let at = 0;
  for (const m of p.matchAll(TEXT)) {
    const text = m[1];
    if (!/[{}]/.test(text)) continue;
    const open = m.index! + m[0].indexOf('>') + 1;
    literal += p.slice(at, open);
    const rPr = runProps(p, m.index!);
    let last = 0;
    for (const t of text.matchAll(/\{([^{}]*)\}/g)) {
      if (!fields.includes(t[1])) return undefined;
      out.push(literal + text.slice(last, t.index), { tag: t[1], rPr });
      literal = '';
      last = t.index! + t[0].length;
    }
    if (/[{}]/.test(text.slice(last))) return undefined;
    literal += text.slice(last);
    at = open + text.length;
  }
  out.push(literal + p.slice(at));
  return out;
}

/**
 * The template's document.xml with each `{#blocks}` loop replaced by `{@blocksXml}`, and the loops' sections (all
 * loops alike); undefined where a loop has another shape, or the loops differ.
 */
export function cutBlockLoops(xml: string, roles: readonly string[], fields: readonly string[]): { xml: string; loop: BlockLoop } | undefined {
  const paragraphs = [...xml.matchAll(PARAGRAPH)];
  let loop: BlockLoop | undefined;
  let shape: string | undefined;
  let out = '';
  let from = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    if (textOf(paragraphs[i][0]) !== '{#blocks}') continue;
    const end = paragraphs.findIndex((p, k) => k > i && textOf(p[0]) === '{/blocks}');
    if (end < 0 || !only(paragraphs[i][0], '{#blocks}') || !only(paragraphs[end][0], '{/blocks}')) return undefined;
    const inside = paragraphs.slice(i + 1, end);
    // Nothing between the paragraphs (a bookmark, a table): docxtemplater's.
    const start = paragraphs[i].index! + paragraphs[i][0].length;
    if (inside.map((p) => p[0]).join('') !== xml.slice(start, paragraphs[end].index)) return undefined;
    const sections: BlockLoop = new Map();
    for (let k = 0; k < inside.length; ) {
      const role = /^\{#(\w+)\}$/.exec(textOf(inside[k][0]))?.[1];
      const close = inside.findIndex((p, j) => j > k && textOf(p[0]) === `{/${role}}`);
      if (!role || ![...roles, 'raw'].includes(role) || sections.has(role) || close < 0) return undefined;
      if (!only(inside[k][0], `{#${role}}`) || !only(inside[close][0], `{/${role}}`)) return undefined;
      const body = inside.slice(k + 1, close).map((p) => p[0]);
      if (role === 'raw') {
        if (body.length !== 1 || !only(body[0], '{@xml}')) return undefined;
        sections.set(role, [{ tag: 'xml', rPr: '' }]);
      } else {
        const parts = body.map((p) => pieces(p, fields));
        if (parts.some((p) => p === undefined)) return undefined;
        sections.set(role, parts.flat() as Piece[]);
      }
      k = close + 1;
    }
    const key = JSON.stringify([...sections]);
    if (shape !== undefined && shape !== key) return undefined;
    shape = key;
    loop = sections;
    out += xml.slice(from, paragraphs[i].index) + `<w:p><w:r><w:t>{@${BLOCKS_XML}}</w:t></w:r></w:p>`;
    from = paragraphs[end].index! + paragraphs[end][0].length;
    i = end;
  }
  return loop ? { xml: out + xml.slice(from), loop } : undefined;
}

// docxtemplater's own escaping (doc-utils' charMap), and the characters it refuses.
const ESCAPES: [RegExp, string][] = [[/&/g, '&amp;'], [/</g, '&lt;'], [/>/g, '&gt;'], [/"/g, '&quot;'], [/'/g, '&apos;']];
const escaped = (s: string): string => ESCAPES.reduce((t, [r, e]) => t.replace(r, e), s);
const CORRUPT = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;

/** A field holds a character docxtemplater refuses: the caller lets docxtemplater say so, in its own words. */
export class RefusedText extends Error {}

/** A field as docxtemplater fills it, with `linebreaks`: each "\n" ends the run and the text, a break, a new run with the same properties. */
function filled(value: unknown, rPr: string): string {
  const s = value === undefined || value === null ? '' : String(value);
  if (CORRUPT.test(s)) throw new RefusedText(s);
  return s
    .split('\n')
    .map(escaped)
    .join(`</w:t></w:r><w:r><w:br/></w:r><w:r>${rPr}<w:t xml:space="preserve">`);
}

const PRESERVE = '<w:t xml:space="preserve">';

/**
 * The paragraphs of some blocks (each with its role's flag set, as templateData gives them), through the loop's
 * sections. A field left empty closes its text as docxtemplater's postrender does: `<w:t/>`.
 */
export function blocksXml(loop: BlockLoop, blocks: readonly Record<string, unknown>[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    for (const [role, section] of loop) {
      if (b[role] !== true) continue;
      if (role === 'raw') parts.push(String(b.xml ?? ''));
      else for (const p of section) parts.push(typeof p === 'string' ? p : filled(b[p.tag], p.rPr));
    }
  }
  // docxtemplater's space-preserve postrender, over the parts as it has them.
  let last = -1;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === '') continue;
    if (last >= 0 && parts[last].endsWith(PRESERVE) && parts[i].startsWith('</w:t>')) {
      parts[last] = `${parts[last].slice(0, -PRESERVE.length)}<w:t/>`;
      parts[i] = parts[i].slice('</w:t>'.length);
    }
    last = i;
  }
  return parts.join('');
}
