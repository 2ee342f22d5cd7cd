/**
 * DOCX renderer: fills the Word template with a document view through
 * docxtemplater. Values are data to docxtemplater: it XML-escapes them and
 * never reads tags inside them. The rule lines and tables go in as raw XML,
 * built here from the view. The body's block loops, where the template has
 * their usual shape, are filled from the template's own paragraphs by
 * docx/block-loop.ts, with the bytes docxtemplater would give.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import PizZip from 'pizzip';
import { LIMITS } from '../model/limits.js';
import Docxtemplater from 'docxtemplater';
import { DOMParser } from '@xmldom/xmldom';
import { wordNoBreaks } from '../docx/no-break.js';
import { BLOCKS_XML, RefusedText, blocksXml, cutBlockLoops, type BlockLoop } from '../docx/block-loop.js';
import { paragraphSetting, typeset, typesetLines, typesetParagraph } from '../phrases/typeset.js';
import { LEAD_STYLES, TEXT_ROLES, type Block, type CellView, type DocumentView, type TableView, type TextBlock } from '../view/document.js';
import { RULE_STYLE, styleId } from '../docx/template.js';
import { templateStyleProblems } from '../docx/template-styles.js';
import { appendixTextWidth, columnWidths, layout, ptToTwips, textWidth, type LayoutValues } from '../layout.js';
import { fittedTables, templateLayout } from '../docx/template-layout.js';
import { generateZip, packageOverLimits } from '../docx/package.js';
import { templateFile, templatesDir } from '../paths.js';

export const DEFAULT_TEMPLATE = resolve(templatesDir, 'van-ban.docx');

/** A template that cannot be used: not a DOCX, or broken tags. */
export class TemplateError extends Error {
  constructor(
    readonly template: string,
    readonly details: string[],
  ) {
    super(`template ${template}: ${details.join('; ')}`);
    this.name = 'TemplateError';
  }
}

/** A checked template, loaded once and reused for many documents, with the layout it sets (for the PDF and the views). */
export interface DocxTemplate {
  name: string;
  content: Buffer;
  layout: LayoutValues;
}

/** Tags the renderer fills; a template must use each of the required ones and no others. */
const REQUIRED_TAGS = [
  'parent', 'issuer', 'issuerRule', 'nationalName', 'motto', 'mottoRule', 'number', 'placeDate',
  'typeTitle', 'summary', 'summaryRule', 'addressees', 'blocks', 'recipientsTitle', 'recipients', 'signerLines', 'signerName',
  'appendices',
];
/** Document properties, and the guide at the template's head (never filled: no document prints it). */
const OPTIONAL_TAGS = ['title', 'subject', 'author', 'guide'];

function compile(zip: PizZip, parser?: (tag: string) => { get: () => unknown }): Docxtemplater {
  return new Docxtemplater(zip, {
    paragraphLoop: true,
    // "\n" is a line break: only a title the view broke into lines has one (data is single-line by the schema).
    linebreaks: true,
    errorLogging: false,
    // Every tag is checked when the template is loaded, so a value is never missing by a typo.
    nullGetter: () => '',
    ...(parser ? { parser } : {}),
  });
}

function templateErrorDetails(e: unknown): string[] {
  const err = e as DocxtemplaterErrorShape;
  return err.properties?.errors?.map((x) => x.properties?.explanation ?? 'error') ?? [err.properties?.explanation ?? err.message];
}

/**
 * A template's package within LIMITS: its parts are copied into every
 * document made from it, so a package that inflates to hundreds of megabytes
 * is refused as it is read, by the sizes its directory declares, and each
 * part is held to its declared size as it inflates.
 */
function checkPackageSize(name: string, zip: PizZip): void {
  // Each part is read once there, so that one whose size is a lie is refused now rather than in the middle of a batch.
  const over = packageOverLimits(zip);
  if (over) throw new TemplateError(name, [over.en]);
}

const tooLarge = (bytes: number) => `a file of ${bytes} bytes, at most ${LIMITS.templateInflatedBytes}`;

/**
 * Check a template before anything is rendered with it: a DOCX package with
 * well-formed XML parts, whose tags are exactly those the renderer fills.
 */
export function docxTemplate(name: string, content: Buffer): DocxTemplate {
  if (content.length > LIMITS.templateInflatedBytes) throw new TemplateError(name, [tooLarge(content.length)]);
  let zip: PizZip;
  try {
    zip = new PizZip(content);
  } catch {
    throw new TemplateError(name, ['not a DOCX (ZIP) file']);
  }
  checkPackageSize(name, zip);
  if (!zip.file('word/document.xml')) throw new TemplateError(name, ['no word/document.xml']);
  const bad: string[] = [];
  // The main document's text as the clerk's template holds it, before the recording render below fills its tags in place.
  let documentText = '';
  for (const part of zip.file(/\.(xml|rels)$/)) {
    const parser = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') bad.push(`${part.name}: ${msg.split('\n')[0]}`);
      },
    });
    try {
      const xml = part.asText();
      if (part.name === 'word/document.xml') documentText = xml.replace(/<[^>]+>/g, '');
      parser.parseFromString(xml, 'text/xml');
    } catch (e) {
      bad.push(`${part.name}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (bad.length) throw new TemplateError(name, [...new Set(bad)]);
  // Render once with a parser that records the tags asked for; with no values, no loop opens, so these are the top-level ones.
  const asked = new Set<string>();
  const recorder = (tag: string) => ({
    get: () => {
      asked.add(tag);
      return undefined;
    },
  });
  try {
    compile(zip, recorder).render({});
  } catch (e) {
    throw new TemplateError(name, templateErrorDetails(e));
  }
  const used = [...asked];
  const unknown = used.filter((t) => !REQUIRED_TAGS.includes(t) && !OPTIONAL_TAGS.includes(t));
  const missing = REQUIRED_TAGS.filter((t) => !used.includes(t));
  const details = [...unknown.map((t) => `unknown tag {${t}}`), ...missing.map((t) => `missing tag {${t}}`)];
  // The motto stands only under the national name: a template made before the organisations' profiles prints it always.
  if (!documentText.includes('{#motto}')) details.push('the motto must stand in a {#motto}…{/motto} section (rebuild the template from templates/van-ban.docx)');
  // Its styles and page: each there, within Decree 30's ranges.
  for (const p of templateStyleProblems(zip)) details.push(p);
  if (details.length) throw new TemplateError(name, details);
  // The package as it came (the recording render above filled the zip's parts in place).
  const pristine = new PizZip(content);
  const layout = templateLayout(pristine);
  // Its header and closing tables span its text area, whatever margins it was given.
  const fitted = fittedTables(pristine.file('word/document.xml')!.asText(), layout);
  if (fitted === undefined) return { name, content, layout };
  pristine.file('word/document.xml', fitted);
  return { name, content: generateZip(pristine), layout };
}

export async function loadDocxTemplate(path: string = templateFile('van-ban.docx')): Promise<DocxTemplate> {
  let content: Buffer;
  try {
    // Not read at all when it is larger than a template may be.
    const { size } = await stat(path);
    if (size > LIMITS.templateInflatedBytes) throw new TemplateError(path, [tooLarge(size)]);
    content = await readFile(path);
  } catch (e) {
    if (e instanceof TemplateError) throw e;
    throw new TemplateError(path, [`cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  return docxTemplate(path, content);
}

/**
 * A solid rule centred in a container: an empty, very short paragraph in
 * the template's "TD Rule" style (its top border, the space above, its
 * height), shortened by equal indents (FORMAT.md, "Rule lines").
 */
export function ruleXml(lengthPt: number, containerPt: number): string {
  const side = ptToTwips(Math.max(0, (containerPt - lengthPt) / 2));
  return (
    `<w:p><w:pPr><w:pStyle w:val="${RULE_STYLE.id}"/>` +
    `<w:ind w:left="${side}" w:right="${side}" w:firstLine="0"/></w:pPr></w:p>`
  );
}

/** The issuer's mark ("*", "***") as a paragraph of its own style. */
const markXml = (mark: string): string =>
  `<w:p><w:pPr><w:pStyle w:val="${styleId('issuerMark')}"/></w:pPr><w:r><w:t xml:space="preserve">${xmlText(mark)}</w:t></w:r></w:p>`;

/** Text for raw XML: what docxtemplater escapes in ordinary tags must be escaped here. */
const xmlText = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A table: borders, header rows repeated on every page, rows that never
 * split across pages, merged cells (gridSpan across, vMerge down), a
 * paragraph per line of a cell, in the template's table styles.
 */
export function tableXml(table: TableView, widthPt: number): string {
  const t = layout.table;
  const widths = table.widths.map((share) => ptToTwips(widthPt * share));
  const border = Math.round(t.border * 8);
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((b) => `<w:${b} w:val="single" w:sz="${border}" w:space="0" w:color="000000"/>`)
    .join('');
  const span = (from: number, n: number) => widths.slice(from, from + n).reduce((a, b) => a + b, 0);
  const tcPr = (k: number, colSpan: number, merge: '' | 'restart' | 'continue', middle = false) =>
    `<w:tcPr><w:tcW w:w="${span(k, colSpan)}" w:type="dxa"/>` +
    (colSpan > 1 ? `<w:gridSpan w:val="${colSpan}"/>` : '') +
    (merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'continue' ? '<w:vMerge/>' : '') +
    (middle ? '<w:vAlign w:val="center"/>' : '') +
    '</w:tcPr>';
  const paragraph = (style: 'tableHeader' | 'tableCell', c: CellView, line: string, keepNext: boolean) => {
    // A header cell is bold by its style; emphasis beyond the style is the cell's own, as in the PDF.
    const bold = style === 'tableCell' && c.bold;
    const rPr = bold || c.italic ? `<w:rPr>${bold ? '<w:b/><w:bCs/>' : ''}${c.italic ? '<w:i/><w:iCs/>' : ''}</w:rPr>` : '';
    return (
      `<w:p><w:pPr><w:pStyle w:val="${styleId(style)}"/>${keepNext ? '<w:keepNext/>' : ''}<w:jc w:val="${c.align}"/></w:pPr>` +
      (line ? `<w:r>${rPr}<w:t xml:space="preserve">${xmlText(typeset(line))}</w:t></w:r>` : '') +
      '</w:p>'
    );
  };
  // Word keeps a row with the next when its paragraphs keep with the next; LibreOffice reads it so.
  const row = (cells: TableView['rows'][number]['cells'], header: boolean, keepNext = false) => {
    const style = header ? 'tableHeader' : 'tableCell';
    return cells
      .map((c, k) => {
        if ('covered' in c) {
          // A position under a cell that spans rows is a continued cell as wide as it; one covered from the left is no cell.
          return c.covered === 'row' ? `<w:tc>${tcPr(k, c.colSpan, 'continue')}<w:p/></w:tc>` : '';
        }
        const lines = c.lines.length ? c.lines : [''];
        return `<w:tc>${tcPr(k, c.colSpan, c.rowSpan > 1 ? 'restart' : '', c.middle)}${lines.map((l) => paragraph(style, c, l, keepNext)).join('')}</w:tc>`;
      })
      .join('');
  };
  const header = table.header.map((r) => `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${row(r.cells, true)}</w:tr>`).join('');
  const rows = table.rows.map((r) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${row(r.cells, false, r.keepWithNext)}</w:tr>`).join('');
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="${ptToTwips(t.padY)}" w:type="dxa"/><w:left w:w="${ptToTwips(t.padX)}" w:type="dxa"/>` +
    `<w:bottom w:w="${ptToTwips(t.padY)}" w:type="dxa"/><w:right w:w="${ptToTwips(t.padX)}" w:type="dxa"/></w:tblCellMar>` +
    '<w:tblLook w:val="0000" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>' +
    `</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    header +
    rows +
    // The space above a table, and Word wants a paragraph after one (a table may end a section).
    `</w:tbl><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="${ptToTwips(t.after)}" w:lineRule="exact"/></w:pPr></w:p>`
  );
}

/** The space above a table: an empty paragraph as tall as the layout's gap. */
const tableGapXml = (): string =>
  `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="${ptToTwips(layout.table.gap)}" w:lineRule="exact"/></w:pPr></w:p>`;

/** Where the document's own (last) section properties stand in document.xml. */
function lastSectionRange(xml: string): [number, number] {
  const start = xml.lastIndexOf('<w:sectPr');
  const end = xml.indexOf('</w:sectPr>', start);
  if (start < 0 || end < 0) throw new TemplateError('template', ['no section properties (w:sectPr) in word/document.xml']);
  return [start, end + '</w:sectPr>'.length];
}

const lastSection = (xml: string): string => xml.slice(...lastSectionRange(xml));

/** Section properties turned to landscape: the page's width and height swapped. */
function landscape(sect: string): string {
  return sect.replace(/<w:pgSz\b[^>]*\/>/, (pgSz) => {
    const w = /w:w="(\d+)"/.exec(pgSz)?.[1];
    const h = /w:h="(\d+)"/.exec(pgSz)?.[1];
    return w && h ? `<w:pgSz w:w="${Math.max(+w, +h)}" w:h="${Math.min(+w, +h)}" w:orient="landscape"/>` : pgSz;
  });
}

/**
 * The paragraph that ends the section before appendix i (the main document's,
 * i = 0, or appendix i − 1's): the template's own section properties (so a
 * restyled template's margins hold), starting the next section on a new page.
 * The document's section keeps its numbering; an appendix's numbers its pages
 * from 1.
 */
function sectionBreakXml(templateXml: string, previous: { landscape: boolean } | null): string {
  let sect = lastSection(templateXml).replace(/<w:type [^>]*\/>/, '').replace(/<w:pgNumType[^>]*\/>/, '');
  sect = sect.replace(/(<w:pgSz\b)/, '<w:type w:val="nextPage"/>$1');
  if (previous) {
    sect = sect.replace(/(<w:titlePg\b|<\/w:sectPr>)/, '<w:pgNumType w:start="1"/>$1');
    if (previous.landscape) sect = landscape(sect);
  }
  return `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/>${sect}</w:pPr></w:p>`;
}

/** A paragraph in its role's style with what the style cannot say: its own emphasis and alignment, keeping with the next. */
function ownParagraphXml(b: TextBlock, widthPt: number): string {
  const o = b.own;
  const jc = o ? `<w:jc w:val="${o.align === 'justify' ? 'both' : o.align}"/>` : '';
  const rPr = o && (o.bold || o.italic) ? `<w:rPr>${o.bold ? '<w:b/><w:bCs/>' : ''}${o.italic ? '<w:i/><w:iCs/>' : ''}</w:rPr>` : '';
  // The run-in heading in its character style, as the template's own paragraph prints it.
  const lead = b.lead ? `<w:r><w:rPr><w:rStyle w:val="${styleId(b.lead.style)}"/></w:rPr><w:t xml:space="preserve">${xmlText(`${typeset(b.lead.text)} `)}</w:t></w:r>` : '';
  return (
    `<w:p><w:pPr><w:pStyle w:val="${styleId(b.role)}"/>${b.keepWithNext ? '<w:keepNext/>' : ''}${o && !o.indent ? '<w:ind w:firstLine="0"/>' : ''}${jc}</w:pPr>` +
    `${lead}<w:r>${rPr}<w:t xml:space="preserve">${xmlText(typesetParagraph(b.text, paragraphSetting(b, widthPt)))}</w:t></w:r></w:p>`
  );
}

/** What a block's paragraph receives: its role's flag (every flag set, so none resolves to an outer value), its runs. */
function blockData(b: Block, widthPt: number): Record<string, unknown> {
  const raw = b.role === 'table' || b.own !== undefined || b.keepWithNext === true;
  const flags = Object.fromEntries([...TEXT_ROLES, 'raw'].map((r) => [r, raw ? r === 'raw' : r === b.role]));
  if (b.role === 'table') return { ...flags, xml: tableGapXml() + tableXml(b.table, widthPt) };
  if (raw) return { ...flags, xml: ownParagraphXml(b, widthPt) };
  const leads = Object.fromEntries(LEAD_STYLES.map((l) => [l, b.lead?.style === l ? `${typeset(b.lead.text)} ` : '']));
  return { ...flags, ...leads, text: typesetParagraph(b.text, paragraphSetting(b, widthPt)) };
}

/** What the template's tags receive. */
export function templateData(view: DocumentView, templateXml: string): Record<string, unknown> {
  const [left, right] = columnWidths();
  const h = view.header;
  return {
    ...h,
    // Under the issuer, its rule or its mark, in the one place a template gives for it.
    issuerRule: h.issuerMark === null ? ruleXml(h.issuerRule, left) : markXml(h.issuerMark),
    mottoRule: ruleXml(h.mottoRule, right),
    typeTitle: view.typeTitle,
    summary: typesetLines(view.summary),
    summaryRule: ruleXml(view.summaryRule, textWidth()),
    addressees: view.addressees.map(typeset),
    // Every flag is set on every item so that none resolves to an outer value.
    blocks: view.body.map((b) => blockData(b, textWidth())),
    ...view.closing,
    recipients: view.closing.recipients.map(typeset),
    appendices: view.appendices.map((a, i) => {
      const width = appendixTextWidth(a.landscape);
      return {
        sectionBreak: sectionBreakXml(templateXml, i > 0 ? view.appendices[i - 1] : null),
        label: a.label,
        title: a.title.map(typeset),
        note: a.note === null ? [] : [typeset(a.note)],
        rule: ruleXml(a.rule, width),
        blocks: a.body.map((b) => blockData(b, width)),
      };
    }),
    title: view.metadata.title,
    subject: view.metadata.subject,
    author: view.metadata.author,
  };
}

interface DocxtemplaterErrorShape {
  properties?: { errors?: { properties?: { explanation?: string } }[]; explanation?: string };
  message: string;
}

/** Fields docxtemplater (3.71) sets when it renders; cleared, a compiled template renders again. */
interface Rerenderable {
  rendered: boolean;
  mapper: unknown;
  scopeManagers: Record<string, unknown>;
  zip: PizZip;
}

/**
 * One compiled template per loaded template and thread: compiling (parsing
 * every tag) is a third of a DOCX's time and the same for every document.
 * Rendering is synchronous, so one instance serves the thread's documents in
 * turn; each gets a fresh copy of the template's package to write into.
 * Tests hold the output to a freshly compiled template's, byte for byte.
 */
interface Compiled {
  doc: Docxtemplater;
  /** The template's own document.xml (its section properties are copied into the output). */
  xml: string;
  /** Its `{#blocks}` loops' sections, where they were cut out of it to be filled here (docx/block-loop.ts). */
  loop?: BlockLoop;
}
/** By template, and whether its block loops are filled here ("own") or by docxtemplater. */
const compiled = { own: new WeakMap<DocxTemplate, Compiled>(), docxtemplater: new WeakMap<DocxTemplate, Compiled>() };

function compiledFor(template: DocxTemplate, loops: Loops): Compiled {
  const kept = compiled[loops].get(template);
  if (!kept) {
    const zip = new PizZip(template.content);
    const xml = zip.file('word/document.xml')!.asText();
    const cut = loops === 'own' ? cutBlockLoops(xml, TEXT_ROLES, ['text', ...LEAD_STYLES]) : undefined;
    if (cut) zip.file('word/document.xml', cut.xml);
    return { xml, doc: compile(zip), loop: cut?.loop };
  }
  compiled[loops].delete(template);
  Object.assign(kept.doc as unknown as Rerenderable, { rendered: false, mapper: undefined, scopeManagers: {}, zip: new PizZip(template.content) });
  return kept;
}

/** The data with each scope's blocks as the XML of the loop cut out of the template (`{@blocksXml}`). */
function withBlocksXml(data: Record<string, unknown>, loop: BlockLoop): Record<string, unknown> {
  const fill = (scope: Record<string, unknown>) => ({ ...scope, [BLOCKS_XML]: blocksXml(loop, scope.blocks as Record<string, unknown>[]) });
  return { ...fill(data), appendices: (data.appendices as Record<string, unknown>[]).map(fill) };
}

/** Who fills the template's block loops: this renderer (the fast way), or docxtemplater (the reference it is tested against). */
export type Loops = 'own' | 'docxtemplater';

export function renderDocx(view: DocumentView, template: DocxTemplate, loops: Loops = 'own'): Buffer {
  let c: Compiled;
  try {
    c = compiledFor(template, loops);
    const data = templateData(view, c.xml);
    c.doc.render(c.loop ? withBlocksXml(data, c.loop) : data);
  } catch (e) {
    if (e instanceof RefusedText) return renderDocx(view, template, 'docxtemplater');
    throw new TemplateError(template.name, templateErrorDetails(e));
  }
  const out = c.doc.getZip();
  let rendered = wordNoBreaks(out.file('word/document.xml')!.asText());
  if (view.appendices.at(-1)?.landscape) {
    // The document's last section is the last appendix's: landscape too.
    const [start, end] = lastSectionRange(rendered);
    rendered = rendered.slice(0, start) + landscape(rendered.slice(start, end)) + rendered.slice(end);
  }
  out.file('word/document.xml', rendered);
  const bytes = generateZip(out);
  // Kept only after a render that went through: a failed one may leave it half-way.
  compiled[loops].set(template, c);
  return bytes;
}
