/**
 * Problems found in input data, each with its field path and a message in
 * Vietnamese and English.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Field path, e.g. "indicatorGroups[0].indicators[1].items[0].target". */
  path: string;
  message_vi: string;
  message_en: string;
  severity: Severity;
  /** The unit (id) a problem belongs to, when it concerns one unit only. */
  unit?: string;
  /** A warning expected of made-up data (its file says `sample: true`): the file it comes from. */
  sample?: string;
  /** The file the field was read from, and its line and column there (from 1). */
  file?: string;
  line?: number;
  column?: number;
}

/** "plan.basis[0].date" from zod's ["plan", "basis", 0, "date"]. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

export function problem(path: ReadonlyArray<PropertyKey> | string, vi: string, en: string, severity: Severity = 'error'): Problem {
  return { path: typeof path === 'string' ? path : formatPath(path), message_vi: vi, message_en: en, severity };
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** "campaign.yaml:12:5 " where the problem's field is, as editors and terminals link it; a workbook's cell is in the path. */
const where = (p: Problem): string => (p.file ? (p.line ? `${p.file}:${p.line}:${p.column ?? 1} ` : `${p.file} `) : '');

/** "(dữ liệu minh họa, dự kiến / sample data, expected) ": said of a warning made-up data is meant to give. */
const sampleLabel = (p: Problem): string => {
  if (!p.sample) return '';
  // The file is named by the place that follows, when there is one.
  return p.file === p.sample ? '(dữ liệu minh họa, dự kiến / sample data, expected) ' : `(dữ liệu minh họa ${p.sample}, dự kiến / sample data in ${p.sample}, expected) `;
};

/** One line per problem, as the CLI prints them. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map((p) => `${p.severity === 'error' ? 'LỖI/ERROR' : 'CẢNH BÁO/WARNING'} ${sampleLabel(p)}${where(p)}${p.path}: ${p.message_vi} / ${p.message_en}`)
    .join('\n');
}

/** Thrown when input cannot be turned into documents; carries every problem found. */
export class InvalidInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`invalid input:\n${formatProblems(problems)}`);
    this.name = 'InvalidInputError';
  }
}

/** Asked for the plan of data that has none (a campaign of another body's, with reports only). */
export const noPlan = (): Problem =>
  problem(['plan'], 'dữ liệu không có kế hoạch (plan) để in', 'the data has no plan to print');
