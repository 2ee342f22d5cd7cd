/**
 * DOCX renderer: fills the Word template with a document view through
 * docxtemplater. Values are data to docxtemplater: it XML-escapes them and
 * never reads tags inside them. Only the rule lines go in as raw XML, built
 * here from lengths in the view.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import { DOMParser } from '@xmldom/xmldom';
import { BLOCK_ROLES, type DocumentView } from '../view/document.js';
import { columnWidths, layout, ptToTwips, textWidth } from '../layout.js';
import { generateZip } from '../docx/package.js';
import { templatesDir } from '../paths.js';

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

/** A checked template, loaded once and reused for many documents. */
export interface DocxTemplate {
  name: string;
  content: Buffer;
}

/** Tags the renderer fills; a template must use each of the required ones and no others. */
const REQUIRED_TAGS = [
  'parent', 'issuer', 'issuerRule', 'nationalName', 'motto', 'mottoRule', 'number', 'placeDate',
  'typeTitle', 'summary', 'summaryRule', 'blocks', 'recipientsTitle', 'recipients', 'signerLines', 'signerName',
];
const OPTIONAL_TAGS = ['title', 'subject', 'author'];

function compile(zip: PizZip, parser?: (tag: string) => { get: () => unknown }): Docxtemplater {
  return new Docxtemplater(zip, {
    paragraphLoop: true,
    linebreaks: false,
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
 * Check a template before anything is rendered with it: a DOCX package with
 * well-formed XML parts, whose tags are exactly those the renderer fills.
 */
export function docxTemplate(name: string, content: Buffer): DocxTemplate {
  let zip: PizZip;
  try {
    zip = new PizZip(content);
  } catch {
    throw new TemplateError(name, ['not a DOCX (ZIP) file']);
  }
  if (!zip.file('word/document.xml')) throw new TemplateError(name, ['no word/document.xml']);
  const bad: string[] = [];
  for (const part of zip.file(/\.(xml|rels)$/)) {
    const parser = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') bad.push(`${part.name}: ${msg.split('\n')[0]}`);
      },
    });
    try {
      parser.parseFromString(part.asText(), 'text/xml');
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
  if (details.length) throw new TemplateError(name, details);
  return { name, content };
}

export async function loadDocxTemplate(path: string = DEFAULT_TEMPLATE): Promise<DocxTemplate> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (e) {
    throw new TemplateError(path, [`cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  return docxTemplate(path, content);
}

/**
 * A solid rule centred in a container: the top border of an empty, very
 * short paragraph, shortened by equal indents (FORMAT.md, "Rule lines").
 */
export function ruleXml(lengthPt: number, containerPt: number): string {
  const side = ptToTwips(Math.max(0, (containerPt - lengthPt) / 2));
  const eighths = Math.round(layout.rule.width * 8);
  const gap = ptToTwips(layout.rule.gap);
  return (
    '<w:p><w:pPr><w:pBdr>' +
    `<w:top w:val="single" w:sz="${eighths}" w:space="0" w:color="000000"/></w:pBdr>` +
    `<w:spacing w:before="${ptToTwips(layout.rule.offset)}" w:after="0" w:line="${gap}" w:lineRule="exact"/>` +
    `<w:ind w:left="${side}" w:right="${side}" w:firstLine="0"/><w:jc w:val="center"/>` +
    `<w:rPr><w:sz w:val="${Math.max(2, Math.round(layout.rule.gap * 2))}"/></w:rPr></w:pPr></w:p>`
  );
}

/** What the template's tags receive. */
export function templateData(view: DocumentView): Record<string, unknown> {
  const [left, right] = columnWidths();
  const h = view.header;
  return {
    ...h,
    issuerRule: ruleXml(h.issuerRule, left),
    mottoRule: ruleXml(h.mottoRule, right),
    typeTitle: view.typeTitle,
    summary: view.summary,
    summaryRule: ruleXml(view.summaryRule, textWidth()),
    // Every flag is set on every item so that none resolves to an outer value.
    blocks: view.body.map((b) => ({ ...Object.fromEntries(BLOCK_ROLES.map((r) => [r, r === b.role])), text: b.text })),
    ...view.closing,
    title: view.metadata.title,
    subject: view.metadata.subject,
    author: view.metadata.author,
  };
}

interface DocxtemplaterErrorShape {
  properties?: { errors?: { properties?: { explanation?: string } }[]; explanation?: string };
  message: string;
}

export function renderDocx(view: DocumentView, template: DocxTemplate): Buffer {
  let doc: Docxtemplater;
  try {
    doc = compile(new PizZip(template.content));
    doc.render(templateData(view));
  } catch (e) {
    throw new TemplateError(template.name, templateErrorDetails(e));
  }
  return generateZip(doc.getZip());
}
