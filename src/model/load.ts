/**
 * Reading campaign data: YAML or JSON text, or a campaign workbook → NFC-normalised, XML-safe,
 * schema-checked and cross-checked model, or the full list of problems.
 */
import { readFile, stat } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { Campaign } from './schema.js';
import { QUOTE_HINT, issueMessageEn, issueMessageVi } from './messages.js';
import { keysAt, nearestKey } from './suggest.js';
import { locateProblems, yamlLocator, type ParseResult } from './locate.js';
import type { z } from 'zod';
import { InvalidInputError, formatPath, problem, type Problem } from './problems.js';
import { capProblems, outOfBounds } from './bounds.js';
import { LIMITS } from './limits.js';
import { checkCampaign } from './validate.js';
import { checkResults } from './validate-results.js';
import { AwardForms, Results, type AwardForm } from './results-schema.js';
import { templateFile } from '../paths.js';

/** Characters XML 1.0 cannot carry (controls other than tab/LF/CR, lone surrogates, U+FFFE/F). */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/**
 * Every string normalised to NFC (decomposed input draws the horn of ơ/ư as a
 * separate glyph); strings XML cannot carry are reported with their path.
 * For data within LIMITS (see outOfBounds): its depth is bounded.
 */
export function normaliseText(value: unknown, problems: Problem[], path: PropertyKey[] = []): unknown {
  if (typeof value === 'string') {
    const m = XML_ILLEGAL.exec(value);
    if (m) {
      const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      problems.push(
        problem(path, `chứa ký tự không hợp lệ U+${code}`, `contains a character XML cannot carry: U+${code}`),
      );
    }
    return value.normalize('NFC');
  }
  if (Array.isArray(value)) return value.map((v, i) => normaliseText(v, problems, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normaliseText(v, problems, [...path, k])]),
    );
  }
  return value;
}


/** Aliases a YAML text may expand: "billion laughs" stops here (yaml's own default too). */
const MAX_ALIASES = 100;

/** A YAML/JSON syntax problem at its line and column. */
function syntaxProblem(source: string, pos: { line: number; col: number } | undefined, vi: string, en: string): Problem {
  const where = pos ? `${source}:${pos.line}:${pos.col}` : source;
  const at = pos ? ` tại dòng ${pos.line}, cột ${pos.col}` : '';
  return problem(where, `${vi}${at}`, en);
}

/**
 * Parse YAML (a superset of JSON) text; syntax errors, duplicate keys, alias
 * bombs and nesting past the limit are problems, never exceptions.
 */
export function parseDataText(text: string, source: string): ParseResult<unknown> {
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
    // yaml reports its own stack overflow on deep nesting as a syntax error.
    if (doc.errors.some((e) => /call stack/i.test(e.message))) throw new RangeError('nested too deep');
    if (doc.errors.length) {
      return {
        problems: capProblems(
          doc.errors.map((e) => syntaxProblem(source, e.linePos?.[0], `lỗi cú pháp YAML/JSON (${e.code})`, `YAML/JSON syntax error: ${e.message.split('\n')[0]}`)),
        ),
      };
    }
    const value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    const bounds = outOfBounds(value);
    const locate = yamlLocator(doc, lineCounter);
    if (!bounds.length) return { value, problems: [], locate };
    return { problems: locateProblems(bounds.map((p) => ({ ...p, path: `${source}: ${p.path}` })), source, locate) };
  } catch (e) {
    const tooDeep = e instanceof RangeError;
    const [vi, en] = tooDeep
      ? [`dữ liệu lồng nhau quá sâu (nhiều nhất ${LIMITS.depth} cấp)`, `the data is nested too deep (at most ${LIMITS.depth} levels)`]
      : /alias/i.test(String((e as Error)?.message))
        ? [`dùng quá nhiều bí danh YAML (nhiều nhất ${MAX_ALIASES})`, `too many YAML aliases (at most ${MAX_ALIASES})`]
        : ['không đọc được dữ liệu YAML/JSON', `cannot read the YAML/JSON data: ${String((e as Error)?.message).split('\n')[0]}`];
    return { problems: [syntaxProblem(source, undefined, vi, en)] };
  }
}

export interface CampaignCheck {
  /** The campaign, when it has no error outside its units; units with errors of their own are left out. */
  campaign?: Campaign;
  /** Every problem found; those of one unit carry its id. */
  problems: Problem[];
  /** Ids of the units left out of `campaign` because of their own errors. */
  failedUnits: string[];
}

const UNIT_PATH = /^units\[(\d+)\]/;

type Issue = z.core.$ZodIssue;

/**
 * How far a union's branch is from fitting the data: a branch that wants
 * another type or other keys at the value itself is far; one that only
 * dislikes something inside is near (the data is of its kind).
 */
function distance(issues: Issue[]): number {
  const root = issues.filter((i) => i.path.length === 0 || (i.code === 'invalid_type' && i.input === undefined && i.path.length === 1));
  const wrongType = root.some((i) => i.code === 'invalid_type' && i.path.length === 0);
  return (wrongType ? 1e6 : 0) + root.length * 1000 + issues.length;
}

/** A YAML line "Nội dung: ..." left unquoted becomes a one-key mapping whose key is the text before ": ". */
const looksLikeUnquotedText = (input: unknown): boolean =>
  !!input && typeof input === 'object' && !Array.isArray(input) && Object.keys(input).length === 1 && /\s/.test(Object.keys(input)[0]);

/** The issues of a value that matched no branch of a union: those of the branch it is nearest to, at their full paths. */
function unionIssues(issues: Issue[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    if (issue.code !== 'invalid_union' || !issue.errors.length) return [issue];
    if (looksLikeUnquotedText(issue.input)) return [{ code: 'custom', path: issue.path, message: QUOTE_HINT, input: issue.input }];
    const nearest = issue.errors.reduce((best, b) => (distance(b) < distance(best) ? b : best));
    // A union that says what it takes (a time: "launch", a date, a month or an event) says it of a value wrong as a whole.
    if (issue.message !== 'Invalid input' && nearest.every((i) => i.path.length === 0)) return [issue];
    return unionIssues(nearest.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue));
  });
}

function zodProblems(issues: Issue[], schema: z.ZodType): Problem[] {
  const flat = unionIssues(issues);
  // A mistyped key ("abreviation") and the missing field it was meant to be are one problem, said at the typo.
  const meant = new Map<string, string>();
  for (const issue of flat) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = keysAt(schema, issue.path);
    for (const k of issue.keys) {
      const near = nearestKey(k, known);
      // A key known to another branch of a union is no typo of itself.
      if (near && near !== k) meant.set(formatPath([...issue.path, k]), near);
    }
  }
  const typoOf = new Set([...meant].map(([typo, near]) => typo.replace(/[^.[\]]+$/, near)));
  return flat.flatMap((issue): Problem[] => {
    // An unknown key is reported at the key itself ("plan.summmary"), one problem each naming only its own key.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => {
        const near = meant.get(formatPath([...issue.path, k]));
        const [vi, en] = near ? [`; có phải là "${near}"?`, `; did you mean "${near}"?`] : ['', ''];
        return problem([...issue.path, k], `trường không được biết đến: "${k}"${vi}`, `unknown field "${k}"${en}`);
      });
    }
    if (issue.code === 'invalid_type' && issue.input === undefined && typoOf.has(formatPath(issue.path))) return [];
    return [problem(issue.path, issueMessageVi(issue), issueMessageEn(issue))];
  });
}

/**
 * Check plain data (already parsed) as a campaign: schema, then cross-field
 * rules. An error inside one unit fails that unit only, so that a batch can
 * still write the other units' plans.
 */
export function checkCampaignData(data: unknown): CampaignCheck {
  const bounds = outOfBounds(data);
  if (bounds.length) return { problems: bounds, failedUnits: [] };
  const checked = checkBoundedCampaign(data);
  return { ...checked, problems: capProblems(checked.problems) };
}

function checkBoundedCampaign(data: unknown): CampaignCheck {
  const problems: Problem[] = [];
  const normalised = normaliseText(data, problems) as Record<string, unknown>;
  const rawUnits: unknown[] = Array.isArray(normalised?.units) ? normalised.units : [];
  const unitId = (i: number) => {
    const id = (rawUnits[i] as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' ? id : `#${i + 1}`;
  };
  let kept = rawUnits.map((_, i) => i);
  const failed = new Set<number>();
  /** Paths of the reduced units array back to the data's own indices, tagged with the unit. */
  const remap = (p: Problem): Problem => {
    const m = UNIT_PATH.exec(p.path);
    if (!m) return p;
    const index = kept[Number(m[1])];
    return { ...p, path: p.path.replace(UNIT_PATH, `units[${index}]`), unit: unitId(index) };
  };
  // Characters XML cannot carry inside a unit fail that unit only.
  problems.forEach((p, k) => {
    const m = UNIT_PATH.exec(p.path);
    if (!m) return;
    failed.add(Number(m[1]));
    problems[k] = { ...p, unit: unitId(Number(m[1])) };
  });
  const outside = () => problems.some((p) => p.severity === 'error' && !p.unit);

  let parsed: ReturnType<typeof Campaign.safeParse> | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    kept = rawUnits.map((_, i) => i).filter((i) => !failed.has(i));
    const working = Array.isArray(normalised?.units) ? { ...normalised, units: kept.map((i) => rawUnits[i]) } : normalised;
    // reportInput: the Vietnamese wording tells a missing field from a wrong type by the input.
    parsed = Campaign.safeParse(working, { reportInput: true });
    if (parsed.success) break;
    const found = zodProblems(parsed.error.issues, Campaign).map(remap);
    for (const p of found) problems.push(p);
    for (const p of found) if (p.unit) failed.add(Number(UNIT_PATH.exec(p.path)![1]));
    // Something outside the units is wrong: no campaign. Otherwise leave the broken units out and check again.
    if (found.some((p) => !p.unit)) break;
  }
  const failedUnits = () => [...failed].map(unitId);
  if (!parsed?.success) return { problems, failedUnits: failedUnits() };

  const campaign = parsed.data;
  // Units left out still exist for references to them; what they lead is unknown, so nothing counts as unled.
  const semantic = checkCampaign(campaign, { unitIds: rawUnits.map((_, i) => unitId(i)), someUnitsLeftOut: failed.size > 0 }).map(remap);
  for (const p of semantic) problems.push(p);
  if (outside()) return { problems, failedUnits: failedUnits() };
  const bad = new Set(semantic.filter((p) => p.severity === 'error' && p.unit).map((p) => p.unit));
  for (const id of bad) failed.add(rawUnits.findIndex((_, i) => unitId(i) === id));
  return { campaign: { ...campaign, units: campaign.units.filter((u) => !bad.has(u.id)) }, problems, failedUnits: failedUnits() };
}

export interface LoadedCampaign {
  campaign: Campaign;
  warnings: Problem[];
  /** Units whose own errors keep their plans from being written (only with `allowUnitErrors`). */
  unitErrors: Problem[];
}

/** A YAML or JSON file's data, and where each of its fields is. */
interface DataFile {
  data: unknown;
  /** The file's problems given their line and column. */
  locate: (problems: Problem[]) => Problem[];
}

/** A file's bytes within the limit; an unreadable or too large file throws InvalidInputError. */
async function readBytes(file: string): Promise<Buffer> {
  try {
    const { size } = await stat(file);
    if (size > LIMITS.fileBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace('.', ',');
      throw new InvalidInputError([problem(file, `tệp ${mb(size)} MB, lớn nhất ${mb(LIMITS.fileBytes)} MB`, `a file of ${size} bytes, at most ${LIMITS.fileBytes}`)]);
    }
    return await readFile(file);
  } catch (e) {
    if (e instanceof InvalidInputError) throw e;
    const reason = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InvalidInputError([problem(file, `không đọc được tệp (${reason})`, `cannot read the file (${reason})`)]);
  }
}

/** Made-up data (sample: true) is meant to give its warnings: they say so, and of which file. */
function labelled(file: string, data: unknown, locate: (problems: Problem[]) => Problem[]): DataFile {
  const sample = (data as { sample?: unknown } | null)?.sample === true;
  const label = (problems: Problem[]) => (sample ? problems.map((p) => (p.severity === 'warning' ? { ...p, sample: file } : p)) : problems);
  return { data, locate: (problems) => label(locate(problems)) };
}

/** Read a YAML or JSON file; unreadable files and syntax errors throw InvalidInputError. */
async function readDataFile(file: string): Promise<DataFile> {
  const text = (await readBytes(file)).toString('utf8');
  const syntax = parseDataText(text, file);
  if (syntax.problems.length) throw new InvalidInputError(syntax.problems);
  const locate = syntax.locate;
  return labelled(file, syntax.value, (problems) => (locate ? locateProblems(problems, file, locate) : problems));
}

/** A campaign file: a workbook (.xlsx, `thidua excel`), or YAML or JSON. */
export const isWorkbookFile = (file: string): boolean => /\.xlsx$/i.test(file);

async function readCampaignFile(file: string): Promise<DataFile> {
  if (!isWorkbookFile(file)) return readDataFile(file);
  // Loaded for workbooks only: ExcelJS alone costs a third of a second to load.
  const { readCampaignWorkbook } = await import('../workbook/campaign-reader.js');
  const read = await readCampaignWorkbook(await readBytes(file), file);
  if (!read.data) throw new InvalidInputError(read.problems);
  return labelled(file, read.data, read.locate);
}

/** NFC, XML-safe and schema-checked data of any of the model's schemas. */
export function checkWithSchema<S extends z.ZodType>(schema: S, data: unknown): ParseResult<z.infer<S>> {
  const bounds = outOfBounds(data);
  if (bounds.length) return { problems: bounds };
  const problems: Problem[] = [];
  const normalised = normaliseText(data, problems);
  const parsed = schema.safeParse(normalised, { reportInput: true });
  if (!parsed.success) return { problems: capProblems(problems.concat(zodProblems(parsed.error.issues, schema))) };
  return { value: problems.length ? undefined : (parsed.data as z.infer<S>), problems };
}

/**
 * Read and check a campaign file; throws InvalidInputError with every
 * problem. With `allowUnitErrors`, errors confined to some units leave those
 * units out instead, and come back in `unitErrors`.
 */
export async function loadCampaign(file: string, options: { allowUnitErrors?: boolean } = {}): Promise<LoadedCampaign> {
  const { data, locate } = await readCampaignFile(file);
  const checked = checkCampaignData(data);
  const problems = locate(checked.problems);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!checked.campaign || (errors.length && !options.allowUnitErrors)) throw new InvalidInputError(problems);
  return {
    campaign: checked.campaign,
    warnings: problems.filter((p) => p.severity === 'warning'),
    unitErrors: errors,
  };
}

/**
 * A campaign file's own data, as written (no defaults filled in), NFC, once
 * it is found valid: for writing it in another form (`thidua excel`).
 */
export async function loadCampaignData(file: string): Promise<{ data: Record<string, unknown>; warnings: Problem[] }> {
  const { data, locate } = await readCampaignFile(file);
  const problems = locate(checkCampaignData(data).problems);
  if (problems.some((p) => p.severity === 'error')) throw new InvalidInputError(problems);
  return { data: normaliseText(data, []) as Record<string, unknown>, warnings: problems.filter((p) => p.severity === 'warning') };
}

/** The award forms: the issuer's own list where it has one, else the package's. */
export const defaultAwardForms = (): string => templateFile('award-forms.yaml');

export async function loadAwardForms(file: string = defaultAwardForms()): Promise<AwardForm[]> {
  const { data, locate } = await readDataFile(file);
  const checked = checkWithSchema(AwardForms, data);
  if (!checked.value) throw new InvalidInputError(locate(checked.problems));
  return checked.value;
}

/** Check results data against its campaign: schema, then ids, kinds and sums against the plan. */
export function checkResultsData(data: unknown, campaign: Campaign, forms: AwardForm[], unitIds?: string[]): ParseResult<Results> {
  const checked = checkWithSchema(Results, data);
  if (!checked.value) return checked;
  const problems = checkResults(campaign, checked.value, forms, unitIds);
  return { value: problems.some((p) => p.severity === 'error') ? undefined : checked.value, problems: capProblems(problems) };
}

/** Read and check a results file; throws InvalidInputError with every problem. */
export async function loadResults(
  file: string,
  campaign: Campaign,
  forms: AwardForm[],
  unitIds?: string[],
): Promise<{ results: Results; warnings: Problem[] }> {
  const { data, locate } = await readDataFile(file);
  const checked = checkResultsData(data, campaign, forms, unitIds);
  if (!checked.value) throw new InvalidInputError(locate(checked.problems));
  return { results: checked.value, warnings: locate(checked.problems) };
}
