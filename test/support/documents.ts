/**
 * The fixture's plan rendered once per test file, and readers that turn the
 * DOCX XML and the PDF text into what a reader would check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { PDFParse } from 'pdf-parse';
import { loadAwardForms, loadCampaign, loadResults } from '../../src/model/load.js';
import { reportView } from '../../src/view/report.js';
import { planView } from '../../src/view/plan.js';
import { unitPlanView } from '../../src/view/unit-plan.js';
import { loadDocxTemplate, renderDocx } from '../../src/render/docx.js';
import { renderPdf } from '../../src/render/pdf.js';
import type { Campaign } from '../../src/model/schema.js';
import type { Block, DocumentView, RowView, TableView } from '../../src/view/document.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURE = join(ROOT, 'fixtures/kien-minh-2025/campaign.yaml');
/** The reference transcription the fixture was made from. */
export const SEED = join(ROOT, 'fixtures/kien-minh-2025/source.md');

export interface Rendered {
  campaign: Campaign;
  view: DocumentView;
  docx: Buffer;
  pdf: Buffer;
  pdfPages: number;
}

async function render(campaign: Campaign, view: DocumentView): Promise<Rendered> {
  const docx = renderDocx(view, await loadDocxTemplate());
  const pdf = await renderPdf(view);
  return { campaign, view, docx, pdf: pdf.content, pdfPages: pdf.pages };
}

let cached: Promise<Rendered> | undefined;

export function renderFixturePlan(): Promise<Rendered> {
  cached ??= loadCampaign(FIXTURE).then(({ campaign }) => render(campaign, planView(campaign)));
  return cached;
}

const unitCache = new Map<string, Promise<Rendered>>();

/** The plan of one unit of the fixture. */
export function renderFixtureUnitPlan(id: string): Promise<Rendered> {
  let r = unitCache.get(id);
  if (!r) {
    r = loadCampaign(FIXTURE).then(({ campaign }) => render(campaign, unitPlanView(campaign, campaign.units.find((u) => u.id === id)!)));
    unitCache.set(id, r);
  }
  return r;
}

export const RESULTS = join(ROOT, 'fixtures/kien-minh-2025/ket-qua.yaml');

let reportCache: Promise<Rendered> | undefined;

/** The year-end summary report of the fixture's results. */
export function renderFixtureReport(): Promise<Rendered> {
  reportCache ??= (async () => {
    const { campaign } = await loadCampaign(FIXTURE);
    const forms = await loadAwardForms();
    const { results } = await loadResults(RESULTS, campaign, forms);
    return render(campaign, reportView(campaign, results, forms));
  })();
  return reportCache;
}

/** Ids of the fixture's units (read without rendering anything). */
export async function fixtureUnitIds(): Promise<string[]> {
  return (await loadCampaign(FIXTURE)).campaign.units.map((u) => u.id);
}

/**
 * One document of the fixture: how tests name it, how to render it (cached),
 * and a short file name (ke-hoach, the unit's id, bao-cao-tong-ket). A tuple,
 * so that `describe.each(documents)('%s ...', (_, render) => ...)` names it.
 */
export type FixtureDocument = [title: string, render: () => Promise<Rendered>, name: string];

/** Every document of the fixture: the launch plan, each unit plan in the fixture's order, the summary report. */
export async function fixtureDocuments(): Promise<FixtureDocument[]> {
  return [
    ['the launch plan', renderFixturePlan, 'ke-hoach'],
    ...(await fixtureUnitIds()).map((id): FixtureDocument => [`the plan of unit ${id}`, () => renderFixtureUnitPlan(id), id]),
    ['the summary report', renderFixtureReport, 'bao-cao-tong-ket'],
  ];
}

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function docxPart(docx: Buffer, path: string): Document {
  const xml = new PizZip(docx).file(path)?.asText();
  if (!xml) throw new Error(`no ${path} in the DOCX`);
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

export const children = (el: Element, name: string): Element[] =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);

export const child = (el: Element, name: string): Element | undefined => children(el, name)[0];

export const descendants = (el: Element | Document, name: string): Element[] =>
  Array.from(el.getElementsByTagNameNS(W, name)) as Element[];

export const attr = (el: Element | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;

/** Text of a paragraph as Word shows it. */
export const paragraphText = (p: Element): string => descendants(p, 't').map((t) => t.textContent ?? '').join('');

/** Formatting of a paragraph style, resolved from styles.xml. */
export interface StyleProps {
  size?: number;
  bold: boolean;
  italic: boolean;
  jc?: string;
  firstLine?: number;
  before?: number;
  line?: number;
  lineRule?: string;
  font?: string;
}

export function styleProps(styles: Document, id: string): StyleProps {
  const style = descendants(styles, 'style').find((s) => attr(s, 'styleId') === id);
  if (!style) throw new Error(`no style ${id}`);
  const rPr = child(style, 'rPr');
  const pPr = child(style, 'pPr');
  const sz = rPr && child(rPr, 'sz');
  const spacing = pPr && child(pPr, 'spacing');
  const ind = pPr && child(pPr, 'ind');
  return {
    size: sz ? Number(attr(sz, 'val')) / 2 : undefined,
    bold: !!(rPr && child(rPr, 'b')),
    italic: !!(rPr && child(rPr, 'i')),
    jc: attr(pPr && child(pPr, 'jc'), 'val') ?? undefined,
    firstLine: ind ? Number(attr(ind, 'firstLine')) : undefined,
    before: spacing ? Number(attr(spacing, 'before')) : undefined,
    line: spacing ? Number(attr(spacing, 'line')) : undefined,
    lineRule: attr(spacing, 'lineRule') ?? undefined,
    font: attr(rPr && child(rPr, 'rFonts'), 'ascii') ?? undefined,
  };
}

export const paragraphStyle = (p: Element): string | null => {
  const pPr = child(p, 'pPr');
  return attr(pPr && child(pPr, 'pStyle'), 'val');
};

/** All paragraph texts of document.xml in reading order (tables included). */
export function docxParagraphs(docx: Buffer): string[] {
  return descendants(docxPart(docx, 'word/document.xml'), 'p').map(paragraphText).filter((t) => t.length > 0);
}

export async function pdfPagesText(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).pages.map((p) => p.text);
  } finally {
    await parser.destroy();
  }
}

/** Words of a text, whitespace-separated. */
export const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** The reference transcription's document text: between the first two "---" lines, without the [notes]. */
export function seedWords(): string[] {
  const md = readFileSync(SEED, 'utf8');
  const parts = md.split(/^---$/m);
  const doc = parts[1];
  const kept = doc
    .split('\n')
    // Editor's notes: indented "[...]" blocks and the bracketed UNKNOWN marker.
    .filter((l) => !/^\s{2,}\S/.test(l) && !/^\[.*\]$/.test(l.trim()));
  return words(kept.join('\n'));
}

/** pt to mm. */
export const mm = (pt: number): number => (pt / 72) * 25.4;

/** Whether a page's lines open an appendix: its label ("Phụ lục I", "PHỤ LỤC", "Phụ lục 01") first. */
const opensAppendix = (lines: string[]): boolean => /^(Phụ lục|PHỤ LỤC)( [0-9IVXLC]+)?$/.test(lines[0]?.trim() ?? '');

/**
 * Text of rendered pages without the page numbers: a line "N" first or last
 * on each page but the first of a section (the document, then each appendix
 * starting with its label), N counted from the section's start.
 */
export function withoutPageNumbers(pages: string[]): string {
  let start = 0;
  return pages
    .map((text, i) => {
      const lines = text.trim().split('\n');
      const opens = opensAppendix;
      if (i > 0 && opens(lines)) start = i;
      if (i === start) return text;
      const n = String(i - start + 1);
      if (lines[0].trim() === n) lines.shift();
      else if (lines.at(-1)?.trim() === n) lines.pop();
      else throw new Error(`page ${i + 1} has no page number line "${n}"`);
      if (opens(lines)) throw new Error(`page ${i + 1} opens an appendix but has a number`);
      return lines.join('\n');
    })
    .join('\n');
}

/** The tables among some blocks. */
export const tablesOf = (blocks: Block[]): TableView[] => blocks.flatMap((b) => (b.role === 'table' ? [b.table] : []));

/** The texts of a row's own cells (not the positions spans cover), lines joined. */
export const cellTexts = (row: RowView): string[] => row.cells.flatMap((c) => ('lines' in c ? [c.lines.join('\n')] : []));

/** Every table of a document, body and appendices. */
export const documentTables = (view: DocumentView): TableView[] => [...tablesOf(view.body), ...view.appendices.flatMap((a) => tablesOf(a.body))];

/**
 * Pages' text without the table header rows a renderer repeats at the top of
 * continuation pages: the document holds each header row once.
 */
export function withoutRepeatedHeaders(pages: string[], view: DocumentView): string[] {
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const headers = documentTables(view)
    .filter((t) => t.header.length)
    .map((t) => new RegExp(`^(\\s*\\d+\\s*\\n)?\\s*${words(t.header.flatMap(cellTexts).join(' ')).map(escape).join('\\s+')}\\s*`));
  return pages.map((text, i) => {
    if (i === 0) return text;
    for (const h of headers) {
      const m = h.exec(text);
      if (m) return `${m[1] ?? ''}${text.slice(m[0].length)}`;
    }
    return text;
  });
}
