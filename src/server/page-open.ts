/**
 * What the web page opens, on a worker thread: the clerk's files (a campaign
 * as YAML, JSON or a workbook, and its results) with the page's edits,
 * checked as the CLI checks them. Each problem says where it is in the
 * clerk's own file (line and column, or sheet and cell), the field in words
 * and the part of the campaign it belongs to; a valid campaign comes back as
 * the JSON body the document routes take, so that the page's previews and
 * downloads are the API's own answers.
 */
import { z } from 'zod';
import { checkCampaignData, checkResultsData, parseDataText } from '../model/load.js';
import { locateProblems, parseFieldPath, type Locator, type ParseResult } from '../model/locate.js';
import { problem, type Problem } from '../model/problems.js';
import type { AwardForm, Results } from '../model/results-schema.js';
import { fieldWords } from '../model/field-words.js';
import type { SchemaName } from '../model/json-schema.js';
import { readCampaignWorkbook } from '../workbook/campaign-reader.js';
import { badJson, type ErrorData } from './errors.js';
import { applyPageEdits, pageForm, PageEdits, type PageForm } from './page-edits.js';
import { downloadName, type DocumentRef } from './document-ref.js';

const PageFile = z
  .strictObject({
    name: z.string().min(1).max(200),
    /** A YAML or JSON file's text. */
    text: z.string().optional(),
    /** A workbook's bytes, base64. */
    base64: z.string().optional(),
  })
  .refine((f) => (f.text === undefined) !== (f.base64 === undefined), { message: 'needs one of text, base64' });

/** The page's request: one campaign file and, when there are any, its results; the edits made on the page. */
export const PageRequest = z.strictObject({
  files: z.array(PageFile).min(1).max(2),
  edits: PageEdits.optional(),
});

/** A problem as the page shows it. */
export interface PageProblem extends Problem {
  /** The part of the campaign: "Kế hoạch phát động", "Đơn vị: Công an xã", "Kết quả". */
  group: string;
  /** The field in words, from the schema. */
  field?: string;
  /** "campaign.yaml, dòng 12, cột 5", "campaign.xlsx, ô 'Kế hoạch'!B9", or "sửa trên trang". */
  place?: string;
  /** The field was changed on the page. */
  edited?: boolean;
}

export interface Opened {
  valid: boolean;
  problems: PageProblem[];
  /** What each file was read as. */
  files: { name: string; role: 'campaign' | 'results' | 'unread' }[];
  /** The JSON body of the document routes ({campaign, results}), when the campaign has no error. */
  body?: string;
  documents: (DocumentRef & { name: string })[];
  /** The form's values, edits included. */
  form?: PageForm;
  campaign?: { id: string; name: string; issuer: string };
}

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => !!v && typeof v === 'object' && !Array.isArray(v);

interface ReadFile {
  name: string;
  role: 'campaign' | 'results' | 'unread';
  data?: unknown;
  /** A workbook's data as far as it was read, when it could not all be. */
  partial?: unknown;
  /** The file's problems given their places. */
  locate: (problems: Problem[]) => Problem[];
  problems: Problem[];
}

const isWorkbook = (name: string) => /\.xlsx$/i.test(name);

/** A results file names its campaign by id and has a report; a campaign has neither. */
const roleOf = (data: unknown): 'campaign' | 'results' =>
  isObject(data) && (typeof data.campaign === 'string' || isObject(data.report)) ? 'results' : 'campaign';

async function readFile(f: z.infer<typeof PageFile>): Promise<ReadFile> {
  if (f.base64 !== undefined) {
    if (!isWorkbook(f.name)) {
      const p = problem(f.name, 'chỉ đọc được tệp Excel (.xlsx), YAML hoặc JSON', 'only workbooks (.xlsx), YAML and JSON files can be read');
      return { name: f.name, role: 'unread', locate: (ps) => ps, problems: [{ ...p, file: f.name }] };
    }
    const read = await readCampaignWorkbook(Buffer.from(f.base64, 'base64'), f.name);
    return { name: f.name, role: read.data ? 'campaign' : 'unread', data: read.data, partial: read.partial, locate: read.locate, problems: read.problems };
  }
  const parsed: ParseResult<unknown> = parseDataText(f.text!, f.name);
  if (parsed.value === undefined) return { name: f.name, role: 'unread', locate: (ps) => ps, problems: parsed.problems.map((p) => ({ ...p, file: f.name })) };
  const locate: Locator = parsed.locate!;
  return { name: f.name, role: roleOf(parsed.value), data: parsed.value, locate: (ps) => locateProblems(ps, f.name, locate), problems: [] };
}

const UNIT = /^units\[(\d+)\]/;

/** The part of the campaign a path is in. */
function groupOf(schema: SchemaName, path: string, data: unknown): string {
  if (schema === 'results') return 'Kết quả';
  const head = /^[^.[]+/.exec(path)?.[0];
  const unit = UNIT.exec(path);
  if (unit) {
    const u = isObject(data) && Array.isArray(data.units) ? data.units[Number(unit[1])] : undefined;
    return `Đơn vị: ${isObject(u) && typeof u.name === 'string' ? u.name : `thứ ${Number(unit[1]) + 1}`}`;
  }
  const groups: Record<string, string> = {
    plan: 'Kế hoạch phát động',
    issuer: 'Cơ quan ban hành',
    unitPlans: 'Kế hoạch của các đơn vị',
  };
  return (head && groups[head]) ?? 'Đợt thi đua';
}

/** A workbook's located path: "'Kế hoạch'!B9 (plan.number)". */
const CELL_PATH = /^(.+![A-Z]{1,3}\d+) \((.+)\)$/;

/** Problems of one file's data, labelled from their field paths, then given their places in the file. */
function labelled(file: ReadFile, schema: SchemaName, problems: Problem[], edited: string[]): PageProblem[] {
  const isEdited = (path: string) => edited.some((e) => path === e || path.startsWith(`${e}.`) || path.startsWith(`${e}[`));
  const words = problems.map((p): PageProblem => ({ ...p, group: groupOf(schema, p.path, file.data), field: fieldWords(schema, p.path), edited: isEdited(p.path) || undefined }));
  const mine = words.filter((p) => !p.edited);
  const onPage = words.filter((p) => p.edited).map((p) => ({ ...p, place: 'sửa trên trang' }));
  return [...onPage, ...(file.locate(mine) as PageProblem[]).map(placed)];
}

/** The place a located problem names: its line and column, or its cell. */
function placed(p: PageProblem): PageProblem {
  if (p.line) return { ...p, place: `${p.file}, dòng ${p.line}, cột ${p.column ?? 1}` };
  const cell = CELL_PATH.exec(p.path) ?? (/^.+![A-Z]{1,3}\d+$/.test(p.path) ? [p.path, p.path, p.path] : undefined);
  if (cell) return { ...p, path: cell[2], place: `${p.file ?? ''}, ô ${cell[1]}`.replace(/^, /, '') };
  return p.file ? { ...p, place: p.file } : p;
}

/** Problems of a file that could not be read as data (syntax, a cell of a workbook, a workbook not a campaign's). */
const unreadProblems = (f: ReadFile): PageProblem[] =>
  f.problems.map((p) => {
    const at = placed({ ...p, group: `Tệp ${f.name}` });
    // A cell's problem names its field: it is in that field's part.
    if (at.path === p.path || !parseFieldPath(at.path)) return at;
    return { ...at, group: groupOf('campaign', at.path, f.partial), field: fieldWords('campaign', at.path) };
  });

export type OpenOutcome = { opened: Opened } | { error: ErrorData };

export async function openForPage(text: string, forms: AwardForm[]): Promise<OpenOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: badJson() };
  }
  // The request's envelope, not the clerk's data: the files' own limits are checked as each file is read.
  const request = PageRequest.safeParse(json);
  if (!request.success) return { error: badJson(request.error.issues.map((i) => problem(i.path as PropertyKey[], `không hợp lệ: ${i.message}`, i.message))) };
  const files = await Promise.all(request.data.files.map(readFile));
  const campaigns = files.filter((f) => f.role === 'campaign');
  const results = files.filter((f) => f.role === 'results');
  const problems: PageProblem[] = files.flatMap(unreadProblems);
  const roles = files.map((f) => ({ name: f.name, role: f.role }));
  const done = (extra: Partial<Opened> = {}): { opened: Opened } => ({
    opened: { valid: false, problems, files: roles, documents: [], ...extra },
  });
  if (campaigns.length > 1 || results.length > 1) {
    const [vi, en] = campaigns.length > 1 ? ['hai tệp đợt thi đua: hãy mở một tệp', 'two campaign files: open one'] : ['hai tệp kết quả: hãy mở một tệp', 'two results files: open one'];
    problems.push({ ...problem('files', vi, en), group: 'Tệp' });
    return done();
  }
  const [campaignFile] = campaigns;
  if (!campaignFile) {
    if (!problems.length) problems.push({ ...problem('files', 'cần tệp đợt thi đua (YAML, JSON hoặc Excel)', 'a campaign file is needed (YAML, JSON or workbook)'), group: 'Tệp' });
    return done();
  }
  const { data, edited } = applyPageEdits(campaignFile.data, request.data.edits ?? {});
  const checked = checkCampaignData(data);
  for (const p of labelled({ ...campaignFile, data }, 'campaign', checked.problems, edited)) problems.push(p);
  const form = pageForm(data);
  const d = isObject(data) ? data : {};
  const issuer = isObject(d.issuer) && typeof d.issuer.name === 'string' ? d.issuer.name : '';
  const campaign = { id: String(d.id ?? ''), name: String(d.name ?? ''), issuer };
  const resultsFile = results[0];
  let resultsChecked: Results | undefined;
  if (resultsFile && checked.campaign) {
    const r = checkResultsData(resultsFile.data, checked.campaign, forms);
    for (const p of labelled(resultsFile, 'results', r.problems, [])) problems.push(p);
    resultsChecked = r.value;
  }
  const valid = !problems.some((p) => p.severity === 'error');
  if (!valid || !checked.campaign) return done({ form, campaign });
  const c = checked.campaign;
  const refs: DocumentRef[] = [
    ...(c.plan ? [{ kind: 'plan' } as const] : []),
    ...c.units.map((u) => ({ kind: 'unit-plan', unit: u.id }) as const),
    ...(resultsChecked ? [{ kind: 'summary' } as const] : []),
  ];
  const documents = refs.map((r) => ({ ...r, name: downloadName(c, r, resultsChecked) }));
  const body = JSON.stringify(resultsFile ? { campaign: data, results: resultsFile.data } : { campaign: data });
  return done({ valid, body, documents, form, campaign });
}
