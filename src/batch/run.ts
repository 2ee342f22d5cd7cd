/**
 * A batch: the launch plan, unit plans and report of a campaign. A few
 * documents render in the calling thread, which has everything loaded; more
 * render there and on worker threads at once, all with the template the
 * caller loaded and checked. One unit failing does not stop the others.
 */
import { availableParallelism } from 'node:os';
import { useLayout } from '../layout.js';
import type { Campaign } from '../model/schema.js';
import type { Problem } from '../model/problems.js';
import type { DocumentView } from '../view/document.js';
import type { DocumentKind, Format, RenderedDocument } from '../generate.js';
import { planView } from '../view/plan.js';
import { unitPlanView } from '../view/unit-plan.js';
import { reportView } from '../view/report.js';
import { reportKindWords } from '../phrases/words.js';
import type { AwardForm, Results } from '../model/results-schema.js';
import type { DocxTemplate } from '../render/docx.js';
import { createRenderPool } from './pool.js';
import { inThread, type Renderer } from './render-task.js';

/**
 * Batches of at most this many documents render in the calling thread only.
 * A worker's start (its imports, its fonts, its first slow documents while
 * the code warms up) costs more CPU than that many documents, and a single
 * thread already keeps a second core busy with V8's background compiling and
 * collecting: measured by `npm run bench` on 2 cores, workers pay from about
 * 50 documents.
 */
const IN_THREAD_MAX = 40;

export interface BatchRequest {
  plan: boolean;
  /** Ids of the units whose plans to write. */
  units: string[];
  /** The results and award forms, to write the year-end summary report. */
  report?: { results: Results; forms: AwardForm[] };
  formats: Format[];
  template: DocxTemplate;
  /** Called after each document, done or failed. */
  onProgress?: (done: number, total: number, label: string) => void;
  /** Threads to render on, the calling one included (default: one per core). */
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

/**
 * Run jobs on renderers, each taking the next job when it has a free slot;
 * one job failing does not stop the others.
 */
async function runJobs(
  renderers: Renderer[],
  jobs: Job[],
  opts: { formats: Format[]; onProgress?: BatchRequest['onProgress'] },
): Promise<BatchResult> {
  const settled: PromiseSettledResult<RenderedDocument>[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const drain = async (renderer: Renderer): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      const job = jobs[i];
      try {
        const task = { kind: job.kind, unit: job.unit, view: job.view(), formats: opts.formats };
        settled[i] = { status: 'fulfilled', value: await renderer.render(task) };
      } catch (reason) {
        settled[i] = { status: 'rejected', reason };
      } finally {
        opts.onProgress?.(++done, jobs.length, job.label);
      }
    }
  };
  await Promise.all(renderers.flatMap((r) => Array.from({ length: r.slots }, () => drain(r))));
  const documents: RenderedDocument[] = [];
  const failures: BatchFailure[] = [];
  settled.forEach((s, i) => {
    if (s.status === 'fulfilled') {
      documents.push(s.value);
      return;
    }
    const e = s.reason as Error;
    failures.push({ kind: jobs[i].kind, unit: jobs[i].unit, message: e?.message ?? String(e), problems: [] });
  });
  return { documents, failures };
}

/** A batch: in the calling thread, and on workers too when it is large. */
export async function renderBatch(campaign: Campaign, req: BatchRequest): Promise<BatchResult> {
  // Views are built here, under the layout of the template they are rendered with.
  useLayout(req.template.layout);
  const jobs = documentJobs(campaign, req);
  const threads = Math.min(req.threads ?? availableParallelism(), jobs.length);
  // One worker per core but this thread's, which renders too.
  const workers = jobs.length > IN_THREAD_MAX && threads > 1 ? createRenderPool({ threads: threads - 1, template: req.template }) : undefined;
  try {
    const here = inThread(req.template);
    // Workers first: they get their first jobs before this thread starts on its own.
    return await runJobs(workers ? [workers, here] : [here], jobs, req);
  } finally {
    await workers?.close();
  }
}
