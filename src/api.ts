/**
 * The library: check a campaign and render its documents as Buffers, from
 * its data (parsed YAML or JSON, or the text itself). Data with any error,
 * a single unit's included, is refused with every problem (an
 * InvalidInputError), never rendered without the part that is wrong;
 * warnings come back beside the documents.
 */
import { checkCampaignData, checkResultsData, loadAwardForms, parseDataText } from './model/load.js';
import { hasErrors, InvalidInputError, noPlan, problem, type Problem } from './model/problems.js';
import type { Campaign } from './model/schema.js';
import type { AwardForm, Results } from './model/results-schema.js';
import { loadDocxTemplate, type DocxTemplate } from './render/docx.js';
import { FORMATS, type DocumentKind, type Format, type RenderedDocument } from './generate.js';
import { renderBatch } from './batch/run.js';
import { manifestFile } from './output/manifest.js';
import { useLayout } from './layout.js';
import { memo, memoBy } from './template-memo.js';

export interface RenderOptions {
  /** The formats to make (default: both). */
  formats?: Format[];
  /** A Word template of one's own (a .docx path) in place of the package's. */
  template?: string;
}

export interface RenderedFile {
  /** The file's name as `thidua all` writes it: "ke-hoach.pdf", "don-vi/thon-1.docx". */
  name: string;
  format: Format;
  content: Buffer;
}

export interface Document {
  kind: DocumentKind;
  /** The unit (id) of a unit plan. */
  unit?: string;
  title: string;
  /** Pages of the PDF, when one was made. */
  pages?: number;
  files: RenderedFile[];
}

export interface Checked {
  valid: boolean;
  /** Every problem found, errors and warnings, each at its field path (and line and column, for text). */
  problems: Problem[];
}

/** Data as given: parsed YAML or JSON, or its text (whose problems then carry their line and column). */
type Input = unknown;

const template = memoBy((path: string): Promise<DocxTemplate> => loadDocxTemplate(path || undefined));
const templateOf = (path?: string): Promise<DocxTemplate> => template(path ?? '');
const awardForms = memo((): Promise<AwardForm[]> => loadAwardForms());

/** Text is parsed (YAML or JSON) with its problems placed in it; data is taken as it is. */
function dataOf(input: Input, source: string): { data?: unknown; problems: Problem[] } {
  if (typeof input !== 'string') return { data: input, problems: [] };
  const parsed = parseDataText(input, source);
  return parsed.value === undefined ? { problems: parsed.problems } : { data: parsed.value, problems: [] };
}

interface Read {
  campaign?: Campaign;
  results?: Results;
  problems: Problem[];
}

async function read(campaignInput: Input, resultsInput?: Input): Promise<Read> {
  const c = dataOf(campaignInput, 'campaign');
  if (c.data === undefined) return { problems: c.problems };
  const checked = checkCampaignData(c.data);
  const problems = [...checked.problems];
  if (resultsInput === undefined || !checked.campaign) return { campaign: checked.campaign, problems };
  const r = dataOf(resultsInput, 'results');
  if (r.data === undefined) return { campaign: checked.campaign, problems: [...problems, ...r.problems] };
  const results = checkResultsData(r.data, checked.campaign, await awardForms());
  return { campaign: checked.campaign, results: results.value, problems: [...problems, ...results.problems] };
}

/** The data checked, or an InvalidInputError with every problem when any is an error. */
async function readValid(campaignInput: Input, resultsInput?: Input): Promise<Read & { campaign: Campaign }> {
  const r = await read(campaignInput, resultsInput);
  if (!r.campaign || hasErrors(r.problems) || (resultsInput !== undefined && !r.results)) throw new InvalidInputError(r.problems);
  return r as Read & { campaign: Campaign };
}

/**
 * The layout is the template's, set for the thread while its documents are
 * checked and made (src/layout.ts; the fit checks measure with it): work
 * runs one after another, so that two calls with different templates never
 * share one.
 */
let turn: Promise<unknown> = Promise.resolve();
function inTurn<T>(template: string | undefined, work: (t: DocxTemplate) => Promise<T>): Promise<T> {
  const run = turn.then(async () => {
    const t = await templateOf(template);
    useLayout(t.layout);
    return work(t);
  });
  turn = run.catch(() => undefined);
  return run;
}

/** Every problem of a campaign (and its results), as the CLI's `validate` finds them, measured with the template's layout. */
export function validate(campaign: Input, results?: Input, options: Pick<RenderOptions, 'template'> = {}): Promise<Checked> {
  return inTurn(options.template, async () => {
    const r = await read(campaign, results);
    return { valid: !hasErrors(r.problems) && !!r.campaign, problems: r.problems };
  });
}

const asDocument = (d: RenderedDocument): Document => ({
  kind: d.entry.kind,
  ...(d.entry.unit ? { unit: d.entry.unit } : {}),
  title: d.entry.title,
  ...(d.entry.pages ? { pages: d.entry.pages } : {}),
  files: d.files.map((f) => ({ name: f.name, format: f.name.endsWith('.pdf') ? 'pdf' : 'docx', content: Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content) })),
});

type Which = { plan: boolean; units: string[]; report: boolean };

/**
 * Check, then make some of the campaign's documents; data with an error is
 * refused (InvalidInputError), a document that fails to render (a fault,
 * not the data's) is thrown.
 */
function checkAndRender(
  campaign: Input,
  results: Input | undefined,
  which: (r: Read & { campaign: Campaign }) => Which,
  options: RenderOptions,
): Promise<{ read: Read & { campaign: Campaign }; documents: RenderedDocument[] }> {
  return inTurn(options.template, async (template) => {
    const r = await readValid(campaign, results);
    const w = which(r);
    const report = w.report && r.results ? { results: r.results, forms: await awardForms() } : undefined;
    const batch = await renderBatch(r.campaign, { plan: w.plan, units: w.units, report, formats: options.formats ?? [...FORMATS], template });
    if (batch.failures.length) throw new Error(`rendering failed: ${batch.failures.map((f) => `${f.unit ?? f.kind}: ${f.message}`).join('; ')}`);
    return { read: r, documents: batch.documents };
  });
}

/** The launch plan. */
export async function renderPlan(campaign: Input, options: RenderOptions = {}): Promise<{ document: Document; problems: Problem[] }> {
  const { read, documents } = await checkAndRender(campaign, undefined, (r) => {
    if (!r.campaign.plan) throw new InvalidInputError([noPlan()]);
    return { plan: true, units: [], report: false };
  }, options);
  return { document: asDocument(documents[0]), problems: read.problems };
}

/** A unit's plan, by the unit's id. */
export async function renderUnitPlan(campaign: Input, unitId: string, options: RenderOptions = {}): Promise<{ document: Document; problems: Problem[] }> {
  const { read, documents } = await checkAndRender(campaign, undefined, (r) => {
    if (!r.campaign.units.some((u) => u.id === unitId)) {
      throw new InvalidInputError([problem('units', `không có đơn vị "${unitId}"`, `no unit "${unitId}" in the campaign`)]);
    }
    return { plan: false, units: [unitId], report: false };
  }, options);
  return { document: asDocument(documents[0]), problems: read.problems };
}

/** The report computed from the units' results. */
export async function renderReport(campaign: Input, results: Input, options: RenderOptions = {}): Promise<{ document: Document; problems: Problem[] }> {
  const { read, documents } = await checkAndRender(campaign, results, () => ({ plan: false, units: [], report: true }), options);
  return { document: asDocument(documents[0]), problems: read.problems };
}

/** Every document (the plan, each unit's, and the report when there are results) and the manifest `thidua all` writes. */
export async function renderAll(
  campaign: Input,
  results?: Input,
  options: RenderOptions = {},
): Promise<{ documents: Document[]; manifest: Buffer; problems: Problem[] }> {
  const { read, documents } = await checkAndRender(campaign, results, (r) => ({ plan: !!r.campaign.plan, units: r.campaign.units.map((u) => u.id), report: !!r.results }), options);
  return { documents: documents.map(asDocument), manifest: Buffer.from(manifestFile(read.campaign, documents).content), problems: read.problems };
}
