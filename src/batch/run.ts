/**
 * A batch: the launch plan and unit plans of a campaign rendered in parallel.
 * One unit failing does not stop the others; a broken template stops all.
 */
import { availableParallelism } from 'node:os';
import type { Campaign } from '../model/schema.js';
import type { Problem } from '../model/problems.js';
import type { DocumentView } from '../view/document.js';
import type { DocumentKind, Format, RenderedDocument } from '../generate.js';
import { planView } from '../view/plan.js';
import { unitPlanView } from '../view/unit-plan.js';
import { reportView } from '../view/report.js';
import { reportKindWords } from '../phrases/words.js';
import type { AwardForm, Results } from '../model/results-schema.js';
import { TemplateError } from '../render/docx.js';
import { createRenderPool, type RenderPool } from './pool.js';

export interface BatchRequest {
  plan: boolean;
  /** Ids of the units whose plans to write. */
  units: string[];
  /** The results and award forms, to write the year-end summary report. */
  report?: { results: Results; forms: AwardForm[] };
  formats: Format[];
  templatePath: string;
  /** Called after each document, done or failed. */
  onProgress?: (done: number, total: number, label: string) => void;
  threads?: number;
}

export interface BatchFailure {
  kind: DocumentKind;
  unit?: string;
  message: string;
  problems: Problem[];
}

export interface BatchResult {
  documents: RenderedDocument[];
  failures: BatchFailure[];
}

/** One document to render: its view is built when the job runs, so a failure stays with its job. */
export interface Job {
  kind: DocumentKind;
  unit?: string;
  label: string;
  view: () => DocumentView;
}

/** The jobs of a request: the plan, unit plans (by id), and the report when there are results. */
export function documentJobs(campaign: Campaign, req: Pick<BatchRequest, 'plan' | 'units' | 'report'>): Job[] {
  const jobs: Job[] = [];
  // A campaign without its own plan (only reports of another body's) has none to write.
  if (req.plan && campaign.plan) jobs.push({ kind: 'plan', label: 'ke-hoach', view: () => planView(campaign) });
  for (const id of req.units) {
    const unit = campaign.units.find((u) => u.id === id);
    if (!unit) throw new RangeError(`no unit "${id}" in the campaign`);
    jobs.push({ kind: 'unit-plan', unit: id, label: `don-vi/${id}`, view: () => unitPlanView(campaign, unit) });
  }
  const report = req.report;
  if (report) {
    const label = reportKindWords(report.results.report.kind, campaign.name).file;
    jobs.push({ kind: 'summary', label, view: () => reportView(campaign, report.results, report.forms) });
  }
  return jobs;
}

/** Run jobs on a pool; one job failing does not stop the others, a broken template stops all. */
export async function runJobs(
  pool: RenderPool,
  jobs: Job[],
  opts: { formats: Format[]; templatePath: string; onProgress?: BatchRequest['onProgress']; signal?: AbortSignal },
): Promise<BatchResult> {
  let done = 0;
  const settled = await Promise.allSettled(
    jobs.map(async (job) => {
      try {
        return await pool.render(
          { kind: job.kind, unit: job.unit, view: job.view(), formats: opts.formats, templatePath: opts.templatePath },
          opts.signal,
        );
      } finally {
        opts.onProgress?.(++done, jobs.length, job.label);
      }
    }),
  );
  const documents: RenderedDocument[] = [];
  const failures: BatchFailure[] = [];
  settled.forEach((s, i) => {
    if (s.status === 'fulfilled') {
      documents.push(s.value);
      return;
    }
    const e = s.reason as Error & { template?: string; details?: string[] };
    // Errors cross the worker boundary as plain errors: a template error is known by its name.
    if (e?.name === 'TemplateError') throw new TemplateError(e.template ?? opts.templatePath, e.details ?? [e.message]);
    // An abandoned task (the caller's time limit) is the caller's to handle, not a failed document.
    if (e?.name === 'AbortError') throw e;
    failures.push({ kind: jobs[i].kind, unit: jobs[i].unit, message: e?.message ?? String(e), problems: [] });
  });
  return { documents, failures };
}

/** A batch on a pool of its own, one thread per core (at most one per document). */
export async function renderBatch(campaign: Campaign, req: BatchRequest): Promise<BatchResult> {
  const jobs = documentJobs(campaign, req);
  const pool = createRenderPool({ threads: Math.max(1, Math.min(req.threads ?? availableParallelism(), jobs.length)) });
  try {
    return await runJobs(pool, jobs, req);
  } finally {
    await pool.close();
  }
}
