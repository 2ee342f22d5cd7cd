/**
 * The HTTP API (fastify): the same generation as the CLI behind a small JSON
 * API. Rendering runs on a worker pool, so the event loop stays free for
 * /v1/health; a bounded queue answers 503 instead of exhausting memory, and
 * every rendering has a time limit. Responses never carry stack traces or
 * file paths, and logs never carry document content.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import PizZip from 'pizzip';
import { availableParallelism } from 'node:os';
import { checkCampaignData, checkResultsData, loadAwardForms } from '../model/load.js';
import type { Campaign } from '../model/schema.js';
import type { AwardForm, Results } from '../model/results-schema.js';
import { noPlan, type Problem } from '../model/problems.js';
import { createRenderPool, type RenderPool } from '../batch/pool.js';
import { documentJobs, runJobs, type Job } from '../batch/run.js';
import { DEFAULT_TEMPLATE, loadDocxTemplate } from '../render/docx.js';
import { FORMATS, type Format, type RenderedDocument } from '../generate.js';
import { manifestFile } from '../output/manifest.js';
import { generateZip } from '../docx/package.js';
import { documentTypeName } from '../format/labels.js';
import { upperFirst } from '../format/text.js';
import { reportKindWords } from '../phrases/words.js';
import { attachment } from './filename.js';
import { dataSchemas, openApiDocument } from './openapi.js';
import { VERSION } from '../version.js';

export interface ServerOptions {
  /** Largest request body, bytes (default 5 MB). */
  bodyLimit?: number;
  /** Requests rendering or waiting for a worker at once; beyond, 503 with Retry-After (default 64, or 16 per thread). */
  maxPending?: number;
  /** Time limit of one request's rendering, ms (default 60 s). */
  timeoutMs?: number;
  threads?: number;
  /** Most documents one bundle may hold (each held in memory until zipped); more is a 413 (default 500). */
  maxBundleDocuments?: number;
  /** pino logger options, or false (tests). */
  logger?: boolean | object;
  templatePath?: string;
}

const CONTENT_TYPES: Record<Format | 'zip', string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

/** Seconds a client is asked to wait after a 503. */
const RETRY_AFTER = 5;

/** An error answered with its status and a message in Vietnamese and English. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly vi: string,
    readonly en: string,
    readonly problems?: Problem[],
  ) {
    super(en);
  }
}

/** A results problem's path, inside the request's `results`. */
const inResults = (p: Problem): Problem => ({ ...p, path: p.path === '(root)' ? 'results' : `results.${p.path}` });

const unprocessable = (problems: Problem[]) =>
  new HttpError(422, 'INVALID_DATA', 'dữ liệu có lỗi', 'the data has problems', problems);

function parseFormat(value: unknown): Format {
  const f = value === undefined ? 'docx' : String(value).toLowerCase();
  if (!FORMATS.includes(f as Format)) {
    throw new HttpError(400, 'BAD_FORMAT', `định dạng "${f}" không được hỗ trợ (docx, pdf)`, `unsupported format "${f}" (docx, pdf)`);
  }
  return f as Format;
}

function errorBody(e: HttpError) {
  if (e.problems) return { error: { status: e.status, code: e.code, message_vi: e.vi, message_en: e.en }, problems: e.problems };
  return { error: { status: e.status, code: e.code, message_vi: e.vi, message_en: e.en } };
}

/** A body is a campaign, or {campaign, results}: a campaign itself has no "campaign" field. */
function splitBody(body: unknown): { campaign: unknown; results?: unknown } {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'campaign' in body && typeof (body as { campaign: unknown }).campaign === 'object') {
    const b = body as { campaign: unknown; results?: unknown };
    return { campaign: b.campaign, results: b.results };
  }
  return { campaign: body };
}

export interface Server {
  app: FastifyInstance;
  pool: RenderPool;
  /** Every route, "METHOD /path", as registered (to hold the OpenAPI description to). */
  routes: string[];
}

export async function buildServer(options: ServerOptions = {}): Promise<Server> {
  const threads = options.threads ?? availableParallelism();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const templatePath = options.templatePath ?? DEFAULT_TEMPLATE;
  // Refuse to start with a template that cannot be used, rather than fail every request.
  await loadDocxTemplate(templatePath);
  const forms: AwardForm[] = await loadAwardForms();
  const pool = createRenderPool({ threads });
  const maxPending = options.maxPending ?? Math.max(64, threads * 16);
  let pending = 0;

  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
    logger: options.logger ?? { level: 'info' },
    // A client's request id is kept (and echoed); otherwise one is made.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    // Receiving a request has its own limit besides the rendering's.
    requestTimeout: timeoutMs + 30_000,
  });

  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  app.setErrorHandler((error: FastifyError | HttpError, req, reply) => {
    if (error instanceof HttpError) {
      if (error.status === 503) reply.header('retry-after', String(RETRY_AFTER));
      return reply.code(error.status).send(errorBody(error));
    }
    const fe = error as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(errorBody(new HttpError(413, 'BODY_TOO_LARGE', 'dữ liệu gửi lên quá lớn', 'the request body is too large')));
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send(errorBody(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'cần gửi JSON (application/json)', 'send JSON (application/json)')));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Malformed JSON and the like: the client's fault, said without internals.
      return reply.code(400).send(errorBody(new HttpError(400, 'BAD_REQUEST', 'yêu cầu không hợp lệ (JSON sai cú pháp?)', 'bad request (malformed JSON?)')));
    }
    req.log.error({ err: { type: fe.name, message: fe.message } }, 'request failed');
    return reply.code(500).send(errorBody(new HttpError(500, 'INTERNAL', 'lỗi máy chủ', 'internal error')));
  });

  /** The campaign of a request, checked as the CLI checks it; any error is a 422. */
  const campaignOf = (data: unknown, allowUnitErrors = false): { campaign: Campaign; unitProblems: Problem[] } => {
    const checked = checkCampaignData(data);
    const errors = checked.problems.filter((p) => p.severity === 'error');
    if (!checked.campaign || (errors.length && !allowUnitErrors)) throw unprocessable(checked.problems);
    return { campaign: checked.campaign, unitProblems: errors };
  };

  const resultsOf = (data: unknown, campaign: Campaign): Results => {
    const checked = checkResultsData(data, campaign, forms);
    if (!checked.value) throw unprocessable(checked.problems.map(inResults));
    return checked.value;
  };

  /** Render jobs on the pool within the time limit; a full queue or the limit is a 503. */
  const render = async (jobs: Job[], formats: Format[]): Promise<RenderedDocument[]> => {
    // Bounded: past the bound a client is told to come back, rather than queued without end.
    if (pending >= maxPending) throw new HttpError(503, 'BUSY', 'máy chủ đang bận, hãy thử lại sau', 'busy: try again later');
    pending++;
    const signal = AbortSignal.timeout(timeoutMs);
    // Every document of a bundle listens to this one signal.
    setMaxListeners(0, signal);
    try {
      const result = await runJobs(pool, jobs, { formats, templatePath, signal });
      if (result.failures.length) throw new Error(result.failures.map((f) => f.message).join('; '));
      return result.documents;
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'AbortError' || name === 'TimeoutError' || signal.aborted) {
        throw new HttpError(503, 'TIMEOUT', 'quá thời gian tạo văn bản, hãy thử lại sau', 'rendering timed out: try again later');
      }
      throw e;
    } finally {
      pending--;
    }
  };

  const sendFile = (reply: FastifyReply, name: string, type: string, content: Buffer | string) =>
    reply.header('content-type', type).header('content-disposition', attachment(name)).send(content);

  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send(errorBody(new HttpError(404, 'NOT_FOUND', 'không có đường dẫn này', `no route ${req.method} ${req.url.split('?')[0]}`))),
  );

  app.get('/v1/health', async () => ({ status: 'ok', version: VERSION }));
  app.get('/v1/schema', async () => dataSchemas());
  app.get('/v1/openapi.json', async () => openApiDocument(VERSION));

  app.post('/v1/validate', async (req) => {
    const { campaign: data, results } = splitBody(req.body);
    const checked = checkCampaignData(data);
    const problems = [...checked.problems];
    if (results !== undefined && checked.campaign) {
      problems.push(...checkResultsData(results, checked.campaign, forms).problems.map(inResults));
    }
    return { valid: !problems.some((p) => p.severity === 'error'), problems };
  });

  app.post('/v1/documents/plan', async (req, reply) => {
    const format = parseFormat((req.query as Record<string, unknown>).format);
    const { campaign } = campaignOf(splitBody(req.body).campaign);
    if (!campaign.plan) throw unprocessable([noPlan()]);
    const [doc] = await render(documentJobs(campaign, { plan: true, units: [] }), [format]);
    return sendFile(reply, `${documentTypeName('KH')} ${campaign.issuer.name}.${format}`, CONTENT_TYPES[format], doc.files[0].content);
  });

  app.post('/v1/documents/unit-plan', async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const format = parseFormat(query.format);
    const id = query.unit;
    if (typeof id !== 'string' || !id) throw new HttpError(400, 'NO_UNIT', 'thiếu tham số unit', 'the unit parameter is missing');
    const { campaign, unitProblems } = campaignOf(splitBody(req.body).campaign, true);
    const own = unitProblems.filter((p) => p.unit === id);
    if (own.length) throw unprocessable(own);
    const unit = campaign.units.find((u) => u.id === id);
    if (!unit) throw new HttpError(404, 'NO_SUCH_UNIT', `không có đơn vị "${id}"`, `no unit "${id}" in the campaign`);
    const [doc] = await render(documentJobs(campaign, { plan: false, units: [id] }), [format]);
    return sendFile(reply, `${documentTypeName('KH')} ${unit.name}.${format}`, CONTENT_TYPES[format], doc.files[0].content);
  });

  app.post('/v1/documents/summary', async (req, reply) => {
    const format = parseFormat((req.query as Record<string, unknown>).format);
    const body = splitBody(req.body);
    if (body.results === undefined) throw new HttpError(400, 'NO_RESULTS', 'cần {campaign, results}', 'send {campaign, results}');
    const { campaign } = campaignOf(body.campaign);
    const results = resultsOf(body.results, campaign);
    const [doc] = await render(documentJobs(campaign, { plan: false, units: [], report: { results, forms } }), [format]);
    const kind = reportKindWords(results.report.kind, campaign.name);
    return sendFile(reply, `${upperFirst(kind.name)} ${campaign.issuer.name}.${format}`, CONTENT_TYPES[format], doc.files[0].content);
  });

  app.post('/v1/documents/bundle', async (req, reply) => {
    const body = splitBody(req.body);
    const { campaign } = campaignOf(body.campaign);
    const report = body.results === undefined ? undefined : { results: resultsOf(body.results, campaign), forms };
    const jobs = documentJobs(campaign, { plan: true, units: campaign.units.map((u) => u.id), report });
    const most = options.maxBundleDocuments ?? 500;
    if (jobs.length > most) {
      throw new HttpError(413, 'TOO_MANY_DOCUMENTS', `một gói tối đa ${most} văn bản (có ${jobs.length})`, `a bundle holds at most ${most} documents (this one ${jobs.length})`);
    }
    const docs = await render(jobs, [...FORMATS]);
    // The same files and manifest as `thidua all` writes to a fresh folder.
    const zip = new PizZip();
    for (const f of [...docs.flatMap((d) => d.files), manifestFile(campaign, docs)]) zip.file(f.name, f.content);
    return sendFile(reply, `${campaign.id}.zip`, CONTENT_TYPES.zip, generateZip(zip));
  });

  app.addHook('onClose', async () => {
    await pool.close();
  });
  return { app, pool, routes };
}
