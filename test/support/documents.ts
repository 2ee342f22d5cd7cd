/**
 * The fixture's plan rendered once per test file, and readers that turn the
 * DOCX XML and the PDF text into what a reader would check.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import { expect } from 'vitest';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { PDFParse } from 'pdf-parse';
import { loadAwardForms, loadCampaign, loadResults } from '../../src/model/load.js';
import { reportView } from '../../src/view/report.js';
import { planView } from '../../src/view/plan.js';
import { unitPlanView } from '../../src/view/unit-plan.js';
import { loadDocxTemplate, renderDocx } from '../../src/render/docx.js';
import { renderPdf } from '../../src/render/pdf.js';
import type { Campaign, ProfileName, Unit } from '../../src/model/schema.js';
import { unitProfile } from '../../src/phrases/words.js';
import { keptPhrases, placeWords } from '../../src/phrases/typeset.js';
import { keepPlaceNames } from '../../src/format/text.js';
import type { Block, DocumentView, RowView, TableView } from '../../src/view/document.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURE = join(ROOT, 'fixtures/kien-minh-2025/campaign.yaml');
/** The reference transcription the fixture was made from. */
export const SEED = join(ROOT, 'fixtures/kien-minh-2025/source.md');

export interface Rendered {
  campaign: Campaign;
  view: DocumentView;
  /** The format of the document's organisation. */
  profile: ProfileName;
  docx: Buffer;
  pdf: Buffer;
  pdfPages: number;
}

async function render(campaign: Campaign, view: DocumentView, unit?: Unit): Promise<Rendered> {
  const docx = renderDocx(view, await loadDocxTemplate());
  const pdf = await renderPdf(view);
  return { campaign, view, profile: unit ? unitProfile(unit) : campaign.issuer.profile, docx, pdf: pdf.content, pdfPages: pdf.pages };
}

const unitOf = (campaign: Campaign, id: string): Unit => campaign.units.find((u) => u.id === id)!;

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
    r = loadCampaign(FIXTURE).then(({ campaign }) => render(campaign, unitPlanView(campaign, unitOf(campaign, id)), unitOf(campaign, id)));
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
 * One document of the fixtures: how tests name it, how to render it (cached),
 * and a short file name, unique across them (ke-hoach, the unit's id,
 * bao-cao-tong-ket; prefixed by the case for the family cases). A tuple, so
 * that `describe.each(documents)('%s ...', (_, render) => ...)` names it.
 */
export type FixtureDocument = [title: string, render: () => Promise<Rendered>, name: string];

/** The made-up cases of test/family/: each a campaign and, for some, results. */
export const FAMILY = join(ROOT, 'test/family');
export const familyCases = (): string[] =>
  readdirSync(FAMILY, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

const familyCache = new Map<string, Promise<Rendered>>();

/** A document of a family case: its plan, a unit's plan, or its report. */
export function renderFamilyDocument(name: string, kind: 'plan' | 'report' | { unit: string }): Promise<Rendered> {
  const key = `${name}/${typeof kind === 'string' ? kind : kind.unit}`;
  let r = familyCache.get(key);
  if (!r) {
    r = (async () => {
      const { campaign } = await loadCampaign(join(FAMILY, name, 'campaign.yaml'));
      if (kind === 'plan') return render(campaign, planView(campaign));
      if (kind === 'report') {
        const forms = await loadAwardForms();
        const { results } = await loadResults(join(FAMILY, name, 'ket-qua.yaml'), campaign, forms);
        return render(campaign, reportView(campaign, results, forms));
      }
      return render(campaign, unitPlanView(campaign, unitOf(campaign, kind.unit)), unitOf(campaign, kind.unit));
    })();
    familyCache.set(key, r);
  }
  return r;
}

/** Every document of a family case: its plan (if it has one), its unit plans, its report (if it has results). */
export async function familyDocuments(name: string): Promise<FixtureDocument[]> {
  const { campaign } = await loadCampaign(join(FAMILY, name, 'campaign.yaml'));
  return [
    ...(campaign.plan ? [[`${name}: the plan`, () => renderFamilyDocument(name, 'plan'), `${name}-ke-hoach`] as FixtureDocument] : []),
    ...campaign.units.map((u): FixtureDocument => [`${name}: the plan of unit ${u.id}`, () => renderFamilyDocument(name, { unit: u.id }), `${name}-${u.id}`]),
    ...(existsSync(join(FAMILY, name, 'ket-qua.yaml'))
      ? [[`${name}: the report`, () => renderFamilyDocument(name, 'report'), `${name}-bao-cao`] as FixtureDocument]
      : []),
  ];
}

/** Every document of the fixtures: Kiến Minh's plan, unit plans and report, then those of each family case. */
export async function fixtureDocuments(): Promise<FixtureDocument[]> {
  return [
    ['the launch plan', renderFixturePlan, 'ke-hoach'],
    ...(await fixtureUnitIds()).map((id): FixtureDocument => [`the plan of unit ${id}`, () => renderFixtureUnitPlan(id), id]),
    ['the summary report', renderFixtureReport, 'bao-cao-tong-ket'],
    ...(await Promise.all(familyCases().map(familyDocuments))).flat(),
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

/** A paragraph's text as a reader reads it: a line break (a balanced title's) as "\n", Word's non-breaking hyphen as "-", a no-break space as a space. */
export const paragraphText = (p: Element): string =>
  descendants(p, '*')
    .map((e) => (e.localName === 't' ? (e.textContent ?? '') : e.localName === 'br' ? '\n' : e.localName === 'noBreakHyphen' ? '-' : ''))
    .join('')
    .replace(/\u00a0/g, ' ');

/** Formatting of a paragraph style, resolved from styles.xml. */
export interface StyleProps {
  size?: number;
  bold: boolean;
  italic: boolean;
  jc?: string;
  firstLine?: number;
  /** Left and hanging indents, twips. */
  left?: number;
  hanging?: number;
  before?: number;
  line?: number;
  lineRule?: string;
  font?: string;
  /** Keep with the next paragraph. */
  keepNext: boolean;
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
    left: ind ? Number(attr(ind, 'left')) : undefined,
    hanging: ind && attr(ind, 'hanging') !== null ? Number(attr(ind, 'hanging')) : undefined,
    before: spacing ? Number(attr(spacing, 'before')) : undefined,
    line: spacing ? Number(attr(spacing, 'line')) : undefined,
    lineRule: attr(spacing, 'lineRule') ?? undefined,
    font: attr(rPr && child(rPr, 'rFonts'), 'ascii') ?? undefined,
    keepNext: !!(pPr && child(pPr, 'keepNext')),
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
    return (await parser.getText()).pages.map((p) => p.text.replace(/\u00a0/g, ' '));
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


/** typeset's rule for place names alone: where it joins two lines' words, a place's name was cut. */
const places = keepPlaceNames(placeWords());

/**
 * The line breaks a reader would fix, in a document's text lines (a PDF's,
 * ours or LibreOffice's): a line ending at a dash between words, a number
 * parted from the word after it (a year may be), "số" or "ngày" parted from
 * their number, a symbol cut after its "/" or "-" ("232/" / "KH-UBND"), a
 * phrase of templates/keep-together.yaml or a place's name after its level
 * word ("thành phố Hải / Phòng") cut; and no word joiner or
 * straight quote printed.
 * Pages from the first appendix on are left out: their tables' lines are
 * cells side by side, not lines of running text.
 */
export function checkLineBreaks(pages: string[]): void {
  const first = pages.findIndex((p, i) => i > 0 && opensAppendix(p.split('\n').filter((l) => l.trim() && !/^\d+$/.test(l.trim()))));
  const lines = pages.slice(0, first < 0 ? pages.length : first).join('\n').split('\n');
  const lower = lines.map((l) => l.trim().toLocaleLowerCase('vi'));
  lines.forEach((raw, i) => {
    const l = raw.trim();
    expect(l, 'a word joiner printed').not.toContain('\u2060');
    expect(l, 'a straight quote printed, not “ ”').not.toContain('"');
    expect(l, 'a line ending with a dash between words').not.toMatch(/\S -$/);
    // A page number alone on its line, and a list's "a) " opening the next paragraph, are no line breaks.
    const next = lines[i + 1]?.trim() ?? '';
    if (/\d$/.test(l) && !/(?:^|[^\d.,])(?:19|20)\d\d$/.test(l) && !/^\d+$/.test(l) && /^\p{Ll}(?!\))/u.test(next)) expect.fail(`"${l}" / "${next}": a number parted from the word after it`);
    if (/(?:^|\s)(?:[sS]ố|[nN]gày)$/.test(l) && /^\d/.test(next)) expect.fail(`"${l}" / "${next}": a word parted from its number`);
    if (/[\p{L}\p{N}][/-]$/u.test(l) && /^[\p{L}\p{N}]/u.test(next)) expect.fail(`"${l}" / "${next}": a symbol cut after its "/" or "-"`);
    const joined = places(`${l} ${next}`);
    if (next && joined[l.length] === '\u00a0') expect.fail(`"${l}" / "${next}": a place's name cut`);
    for (const phrase of keptPhrases()) {
      const w = phrase.split(' ');
      for (let k = 1; k < w.length; k++) {
        const [head, tail] = [w.slice(0, k).join(' '), w.slice(k).join(' ')];
        if (lower[i].endsWith(head) && (lower[i + 1] ?? '').startsWith(tail)) expect.fail(`"${l}" / "${next}": "${phrase}" cut`);
      }
    }
  });
}

/** The pages (from 1) on which an appendix opens. */
export const appendixPages = (pages: string[]): number[] =>
  pages.flatMap((p, i) => (i > 0 && opensAppendix(p.split('\n').filter((l) => l.trim())) ? [i + 1] : []));

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
