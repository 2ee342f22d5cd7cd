/**
 * What the service does with one request, on a worker thread: parse the JSON
 * body (or read the campaign workbook), check it as the CLI checks its files, build the document's view and
 * render it. The HTTP thread only routes, queues and answers. Errors come
 * back as data, answered there with their status.
 */
import { checkCampaignData, checkResultsData, parseDataText, type CampaignCheck } from '../model/load.js';
import type { ParseResult } from '../model/locate.js';
import type { Campaign } from '../model/schema.js';
import type { AwardForm, Results } from '../model/results-schema.js';
import { noPlan, type Problem } from '../model/problems.js';
import { parseJsonText } from '../model/json.js';
import { locateProblems } from '../model/locate.js';
import { outOfBounds } from '../model/bounds.js';
import { documentJobs } from '../batch/run.js';
import { renderView, type DocumentKind, type Format, type RenderedDocument } from '../generate.js';
import type { DocxTemplate } from '../render/docx.js';
import { badJson, badWorkbook, badYaml, beyondLimits, unprocessable, type ErrorData } from './errors.js';
import { readCampaignWorkbook } from '../workbook/campaign-reader.js';
import { useLayout } from '../layout.js';
import { openForPage, type Opened } from './page-open.js';

import { downloadName, type DocumentRef } from './document-ref.js';

export type ServiceOp =
  /** Every problem of the campaign (and its results). */
  | { op: 'validate' }
  /** A bundle's documents, once the data is found valid. */
  | { op: 'documents' }
  | { op: 'render'; document: DocumentRef; formats: Format[] }
  /** The web page's files and edits (src/server/page-open.ts). */
  | { op: 'open' };

export interface ServiceTask {
  /** The request body, JSON text: a campaign, or {campaign, results}. */
  body: string;
  /** Or a campaign workbook (`thidua excel`): the campaign alone. */
  workbook?: Uint8Array;
  /** The body is YAML (a file as a clerk writes it), not JSON. */
  yaml?: boolean;
  /** A hash of the body: a worker checks the same body once for all the documents of a bundle. */
  key: string;
  op: ServiceOp;
}

export type ServiceResult =
  | { error: ErrorData }
  | { validation: { valid: boolean; problems: Problem[] } }
  | { documents: DocumentRef[]; campaign: Pick<Campaign, 'id'> & { units: { id: string }[] } }
  | { rendered: RenderedDocument; downloadName: string }
  | { opened: Opened };

/** A body's data, checked: each part when first asked for. */
interface Checked {
  data?: BodyData;
  campaign?: CampaignCheck;
  results?: ParseResult<Results>;
}

/** A body is a campaign, or {campaign, results}: a campaign itself has no "campaign" field. */
function splitBody(body: unknown): { campaign: unknown; results?: unknown } {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'campaign' in body && typeof (body as { campaign: unknown }).campaign === 'object') {
    const b = body as { campaign: unknown; results?: unknown };
    return { campaign: b.campaign, results: b.results };
  }
  return { campaign: body };
}

/** A results problem's path, inside the request's `results`. */
const inResults = (p: Problem): Problem => ({ ...p, path: p.path === '(root)' ? 'results' : `results.${p.path}` });

class Refusal extends Error {
  constructor(readonly data: ErrorData) {
    super(data.en);
  }
}
function refuse(data: ErrorData): never {
  throw new Refusal(data);
}

/** Bodies a worker has checked, the latest few: the documents of a bundle come one by one. */
const CHECKED_KEPT = 4;
const checkedBodies = new Map<string, Checked>();

function checkedOf(task: ServiceTask): Checked {
  let c = checkedBodies.get(task.key);
  if (!c) {
    c = {};
    checkedBodies.set(task.key, c);
    if (checkedBodies.size > CHECKED_KEPT) checkedBodies.delete(checkedBodies.keys().next().value!);
  }
  return c;
}

interface BodyData {
  campaign: unknown;
  results?: unknown;
  /** Problems of the campaign and of the results given their line and column in the body. */
  locateCampaign: (problems: Problem[]) => Problem[];
  locateResults: (problems: Problem[]) => Problem[];
}

/** The body's data: JSON (or YAML) with no duplicate key, within the input limits; otherwise a 400 naming the places. */
function dataOf(task: ServiceTask, c: Checked): BodyData {
  if (!c.data) {
    const parsed = task.yaml ? parseDataText(task.body, 'body') : parseJsonText(task.body, 'body');
    if (parsed.problems.length) return refuse(task.yaml ? badYaml(parsed.problems) : badJson(parsed.problems));
    const bounds = outOfBounds(parsed.value);
    if (bounds.length) return refuse(beyondLimits(bounds));
    const split = splitBody(parsed.value);
    const locate = parsed.locate!;
    const inCampaign = split.campaign === parsed.value ? [] : ['campaign'];
    c.data = {
      ...split,
      locateCampaign: (problems) => locateProblems(problems, 'body', (path) => locate([...inCampaign, ...path])),
      locateResults: (problems) => locateProblems(problems.map(inResults), 'body', locate),
    };
  }
  return c.data;
}

function campaignCheckOf(task: ServiceTask, c: Checked): CampaignCheck {
  if (!c.campaign) {
    const data = dataOf(task, c);
    const checked = checkCampaignData(data.campaign);
    c.campaign = { ...checked, problems: data.locateCampaign(checked.problems) };
  }
  return c.campaign;
}

/** The campaign, checked as the CLI checks it; any error is a 422 (but for a unit's own, when those are allowed). */
function campaignOf(task: ServiceTask, c: Checked, allowUnitErrors = false): Campaign {
  const checked = campaignCheckOf(task, c);
  const errors = checked.problems.some((p) => p.severity === 'error');
  if (!checked.campaign || (errors && !allowUnitErrors)) return refuse(unprocessable(checked.problems));
  return checked.campaign;
}

/** The body's results checked against its campaign; undefined when the body has none. */
function resultsCheckOf(task: ServiceTask, c: Checked, campaign: Campaign, forms: AwardForm[]): ParseResult<Results> | undefined {
  const data = dataOf(task, c).results;
  if (data === undefined) return undefined;
  if (!c.results) {
    const checked = checkResultsData(data, campaign, forms);
    c.results = { ...checked, problems: dataOf(task, c).locateResults(checked.problems) };
  }
  return c.results;
}

/** The results of the body; undefined when it has none, a 422 when they have problems. */
function resultsOf(task: ServiceTask, c: Checked, campaign: Campaign, forms: AwardForm[]): Results | undefined {
  const checked = resultsCheckOf(task, c, campaign, forms);
  return checked && (checked.value ?? refuse(unprocessable(checked.problems)));
}

function validate(task: ServiceTask, c: Checked, forms: AwardForm[]): ServiceResult {
  const checked = campaignCheckOf(task, c);
  const problems = [...checked.problems];
  const results = checked.campaign && resultsCheckOf(task, c, checked.campaign, forms);
  if (results) for (const p of results.problems) problems.push(p);
  return { validation: { valid: !problems.some((p) => p.severity === 'error'), problems } };
}

function documents(task: ServiceTask, c: Checked, forms: AwardForm[]): ServiceResult {
  const campaign = campaignOf(task, c);
  const results = resultsOf(task, c, campaign, forms);
  const refs: DocumentRef[] = [
    ...(campaign.plan ? [{ kind: 'plan' } as const] : []),
    ...campaign.units.map((u) => ({ kind: 'unit-plan', unit: u.id }) as const),
    ...(results ? [{ kind: 'summary' } as const] : []),
  ];
  return { documents: refs, campaign: { id: campaign.id, units: campaign.units.map((u) => ({ id: u.id })) } };
}

async function render(task: ServiceTask, c: Checked, env: WorkerEnv, document: DocumentRef, formats: Format[]): Promise<ServiceResult> {
  const { forms } = env;
  const unitId = document.kind === 'unit-plan' ? document.unit : undefined;
  const campaign = campaignOf(task, c, unitId !== undefined);
  let kind: DocumentKind = 'plan';
  let report: { results: Results; forms: AwardForm[] } | undefined;
  if (unitId !== undefined) {
    const own = campaignCheckOf(task, c).problems.filter((p) => p.unit === unitId && p.severity === 'error');
    if (own.length) refuse(unprocessable(own));
    const unit = campaign.units.find((u) => u.id === unitId);
    if (!unit) refuse({ status: 404, code: 'NO_SUCH_UNIT', vi: `không có đơn vị "${unitId}"`, en: `no unit "${unitId}" in the campaign` });
    kind = 'unit-plan';
  } else if (document.kind === 'summary') {
    const results = resultsOf(task, c, campaign, forms) ?? refuse({ status: 400, code: 'NO_RESULTS', vi: 'cần {campaign, results}', en: 'send {campaign, results}' });
    kind = 'summary';
    report = { results, forms };
  } else if (!campaign.plan) refuse(unprocessable([noPlan()]));
  useLayout(env.template.layout);
  const [job] = documentJobs(campaign, { plan: kind === 'plan', units: unitId ? [unitId] : [], report });
  const rendered = await renderView(job.kind, job.view(), { formats, template: env.template }, job.unit);
  return { rendered, downloadName: downloadName(campaign, document, report?.results) };
}

/** What a worker holds for every request: the award forms and the server's template. */
export interface WorkerEnv {
  forms: AwardForm[];
  template: DocxTemplate;
}

/** A workbook's campaign, read once for the body: its problems at their sheet and cell. */
async function readWorkbookBody(task: ServiceTask, c: Checked): Promise<void> {
  if (!task.workbook || c.data) return;
  const read = await readCampaignWorkbook(Buffer.from(task.workbook), 'body');
  if (!read.data) return refuse(read.problems.some((p) => p.path === 'body') ? badWorkbook(read.problems) : unprocessable(read.problems));
  const bounds = outOfBounds(read.data);
  if (bounds.length) return refuse(beyondLimits(read.locate(bounds)));
  c.data = { campaign: read.data, locateCampaign: read.locate, locateResults: (problems) => problems };
}

/** One request's work; a refusal (bad JSON, invalid data, no such unit) is an error result, anything else throws. */
export async function serviceTask(task: ServiceTask, env: WorkerEnv): Promise<ServiceResult> {
  if (task.op.op === 'open') return openForPage(task.body, env.forms);
  const c = checkedOf(task);
  try {
    await readWorkbookBody(task, c);
    if (task.op.op === 'validate') return validate(task, c, env.forms);
    if (task.op.op === 'documents') return documents(task, c, env.forms);
    return await render(task, c, env, task.op.document, task.op.formats);
  } catch (e) {
    if (e instanceof Refusal) return { error: e.data };
    throw e;
  }
}
