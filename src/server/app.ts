/**
 * The HTTP API (fastify): the same generation as the CLI behind a small JSON
 * API. Checking the data, building views and rendering all run on worker
 * threads (src/server/service.ts), so the event loop stays free for routing
 * and /v1/health; a bounded queue answers 503 instead of exhausting memory,
 * and every request's work has a time limit. Documents are deterministic, so
 * a bounded cache answers a request it has answered before by a hash of it.
 * Responses never carry stack traces or file paths, and logs never carry
 * document content.
 */
import { createHash, randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import { LRUCache } from 'lru-cache';
import { availableParallelism } from 'node:os';
import { STATUS_CODES } from 'node:http';
import { setMaxListeners } from 'node:events';
import { workerPool, withBuffers, type WorkerPool } from '../batch/pool.js';
import { loadDocxTemplate } from '../render/docx.js';
import { FORMATS, type Format } from '../generate.js';
import { manifestFile } from '../output/manifest.js';
import { storedZip } from '../docx/package.js';
import { attachment } from './filename.js';
import { dataSchemas, openApiOptions, ROUTE_SCHEMAS } from './openapi.js';
import { MEDIA_TYPES } from './media-types.js';
import { badJson, clientError, errorBody, HttpError } from './errors.js';
import type { ServiceOp, ServiceResult, ServiceTask } from './service.js';
import type { DocumentRef } from './document-ref.js';
import { PAGE_CSP, pageFiles } from './page.js';
import { starterFiles } from './page-starter.js';
import { keyCheck, needsKey } from './api-keys.js';
import { VERSION } from '../version.js';

export interface ServerOptions {
  /** Largest request body, bytes (default 5 MB). */
  bodyLimit?: number;
  /** Requests at work or waiting for a worker at once; beyond, 503 with Retry-After (default 64, or 16 per thread). */
  maxPending?: number;
  /** Time limit of one request's work, ms (default 60 s). */
  timeoutMs?: number;
  threads?: number;
  /** Most documents one bundle may hold; more is a 413 (default: as many as surely render within the time limit, see bundleCap). */
  maxBundleDocuments?: number;
  /** Bytes of answered documents kept to answer the same request again (default 64 MB; 0: none). */
  cacheBytes?: number;
  /** pino logger options, or false (tests). */
  logger?: boolean | object;
  templatePath?: string;
  /** Origins whose pages may call the API from a browser (CORS); none by default. */
  corsOrigins?: string[];
  /** Keys of which a request to the API must carry one (src/server/api-keys.ts); none by default: no key needed. */
  apiKeys?: string[];
}

const CONTENT_TYPES: Record<Format | 'zip', string> = MEDIA_TYPES;

/** The cache key of an answer: what was asked for, and the hash of the body it was asked of. */
const cacheKey = (parts: string[], body: Body): string => [...parts, body.key].join('\0');
/** What one document in one format is asked for as. */
const documentParts = (document: DocumentRef, format: Format): string[] => [document.kind, document.kind === 'unit-plan' ? document.unit : '', format];
/** The media types of a YAML body. */
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

/** A route's path as a pattern of the paths it takes: "/assets/:name" takes "/assets/app.js". */
const routePattern = (url: string): RegExp => new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`);

/** A listed document's reference alone. */
const refOf = (d: DocumentRef): DocumentRef => (d.kind === 'unit-plan' ? { kind: 'unit-plan', unit: d.unit } : { kind: d.kind });

/**
 * A bundle's documents must all render within one request's time limit. A
 * document (DOCX and PDF) takes about 70 ms of one worker on the machine
 * the README measures; a budget of 500 ms each leaves room for a slower
 * machine and for the other requests sharing the workers.
 */
const BUNDLE_MS_PER_DOCUMENT = 500;
export const bundleCap = (timeoutMs: number, threads: number): number => Math.max(1, Math.floor((timeoutMs * threads) / BUNDLE_MS_PER_DOCUMENT));

/** Seconds a client is asked to wait after a 503. */
const RETRY_AFTER = 5;

function parseFormat(value: unknown): Format {
  const f = value === undefined ? 'docx' : String(value).toLowerCase();
  if (!FORMATS.includes(f as Format)) {
    throw new HttpError(400, 'BAD_FORMAT', `định dạng "${f}" không được hỗ trợ (docx, pdf)`, `unsupported format "${f}" (docx, pdf)`);
  }
  return f as Format;
}

/** A request body as received, and its hash. */
interface Body {
  text: string;
  /** A campaign workbook (.xlsx), sent instead of JSON. */
  workbook?: Buffer;
  /** The text is YAML, not JSON. */
  yaml?: boolean;
  key: string;
}

/** A file answered: kept in the cache as sent. */
interface Answer {
  name: string;
  type: string;
  content: Buffer;
}

export interface Server {
  app: FastifyInstance;
  pool: WorkerPool<ServiceTask, ServiceResult>;
  /** Every route, "METHOD /path", as registered (to hold the OpenAPI description to). */
  routes: string[];
}

export async function buildServer(options: ServerOptions = {}): Promise<Server> {
  const threads = options.threads ?? availableParallelism();
  const timeoutMs = options.timeoutMs ?? 60_000;
  // Loaded and checked once, as the server starts (a template that cannot be used stops it), and handed to the workers as
  // bytes: a worker started later renders with the same template whatever happened to the file since.
  const template = await loadDocxTemplate(options.templatePath);
  const pool = workerPool<ServiceTask, ServiceResult>('./worker', import.meta.url, { threads, workerData: { template } });
  const maxBundleDocuments = options.maxBundleDocuments ?? bundleCap(timeoutMs, threads);
  const maxPending = options.maxPending ?? Math.max(64, threads * 16);
  let pending = 0;
  const cacheBytes = options.cacheBytes ?? 64 * 1024 * 1024;
  const cache = cacheBytes > 0 ? new LRUCache<string, Answer>({ maxSize: cacheBytes, sizeCalculation: (a) => a.content.length + a.name.length + 64 }) : undefined;
  let closing = false;

  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
    logger: options.logger ?? { level: 'info' },
    // A client's request id is kept (and echoed); otherwise one is made.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    // Receiving a request has its own limit besides the work's.
    requestTimeout: timeoutMs + 30_000,
    // Requests Node refuses before fastify sees them (a malformed header, headers or a URL too long) get the documented error shape too.
    clientErrorHandler: (err: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) {
        socket.destroy();
        return;
      }
      const e = clientError(err.code);
      const body = JSON.stringify(errorBody(e));
      socket.end(
        `HTTP/1.1 ${e.status} ${STATUS_CODES[e.status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    },
  });

  // The body goes to a worker as the text it came as: parsed and checked there, hashed here.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // A campaign workbook (`thidua excel`), as its bytes.
  app.addContentTypeParser(MEDIA_TYPES.xlsx, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // The same data as YAML, its text marked so (a file as a clerk writes it, sent as it is).
  app.addContentTypeParser(YAML_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, { yaml: body }));

  // Route schemas describe the API (the OpenAPI document is made from them); the workers check the data.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, openApiOptions(VERSION, !!options.apiKeys?.length));

  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    // HEAD follows GET, and OPTIONS is CORS's preflight: neither is a route of its own.
    for (const method of [route.method].flat()) if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${route.url}`);
  });

  if (options.corsOrigins?.length) {
    await app.register(cors, {
      origin: options.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-request-id'],
      exposedHeaders: ['content-disposition', 'x-request-id', 'x-cache', 'retry-after'],
      maxAge: 600,
    });
  }

  const hasKey = options.apiKeys?.length ? keyCheck(options.apiKeys) : undefined;
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // A preflight carries no key: CORS answers it before this.
    if (hasKey && req.method !== 'OPTIONS' && needsKey(req.url.split('?')[0]) && !hasKey(req.headers)) {
      reply.header('www-authenticate', 'Bearer realm="thidua"');
      throw new HttpError(401, 'UNAUTHORIZED', 'cần khóa API (Authorization: Bearer KHÓA hoặc X-API-Key)', 'an API key is needed (Authorization: Bearer KEY or X-API-Key)');
    }
  });

  // While closing, answers close their connection: a kept-alive one would hold the close until it times out.
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
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
      return reply.code(415).send(errorBody(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `cần gửi JSON (application/json), YAML (application/yaml) hoặc tệp Excel (${MEDIA_TYPES.xlsx})`, `send JSON (application/json), YAML (application/yaml) or a workbook (${MEDIA_TYPES.xlsx})`)));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // The client's fault, said without internals.
      return reply.code(400).send(errorBody(badJson()));
    }
    req.log.error({ err: { type: fe.name, message: fe.message } }, 'request failed');
    return reply.code(500).send(errorBody(new HttpError(500, 'INTERNAL', 'lỗi máy chủ', 'internal error')));
  });

  /** A request's body text (an empty body is malformed JSON) and its SHA-256, the key of its work and of its answers. */
  const bodyOf = (raw: unknown): Body => {
    if (Buffer.isBuffer(raw)) return { text: '', workbook: raw, key: createHash('sha256').update('xlsx\0').update(raw).digest('hex') };
    if (raw && typeof raw === 'object' && typeof (raw as { yaml?: unknown }).yaml === 'string') {
      const text = (raw as { yaml: string }).yaml;
      return { text, yaml: true, key: createHash('sha256').update('yaml\0').update(text).digest('hex') };
    }
    const text = typeof raw === 'string' ? raw : '';
    return { text, key: createHash('sha256').update(text).digest('hex') };
  };

  /**
   * A request's work on the workers, within the time limit: its tasks share
   * one place in the bounded queue; a full queue or the limit is a 503, a
   * refusal (invalid data and the like) its own status.
   */
  const work = async <T extends ServiceResult>(body: Body, ops: ServiceOp[]): Promise<T[]> => {
    // Bounded: past the bound a client is told to come back, rather than queued without end.
    if (pending >= maxPending) throw new HttpError(503, 'BUSY', 'máy chủ đang bận, hãy thử lại sau', 'busy: try again later');
    pending++;
    const signal = AbortSignal.timeout(timeoutMs);
    // Every task of a bundle listens on the one signal.
    setMaxListeners(ops.length + 1, signal);
    try {
      const results = await Promise.all(ops.map((op) => pool.run({ body: body.text, workbook: body.workbook, yaml: body.yaml, key: body.key, op }, signal)));
      const refused = results.find((r): r is Extract<ServiceResult, { error: unknown }> => 'error' in r);
      if (refused) throw HttpError.of(refused.error);
      return results as T[];
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

  const send = (reply: FastifyReply, a: Answer) => reply.header('content-type', a.type).header('content-disposition', attachment(a.name)).send(a.content);

  /** The answer to a request: from the cache, or made and kept. */
  const answer = async (reply: FastifyReply, parts: string[], body: Body, make: () => Promise<Answer>) => {
    const key = cacheKey(parts, body);
    const kept = cache?.get(key);
    // Said, so a client (and a test) can tell a kept answer from a made one.
    reply.header('x-cache', kept ? 'HIT' : 'MISS');
    if (kept) return send(reply, kept);
    const made = await make();
    cache?.set(key, made);
    return send(reply, made);
  };

  /** One document, in one format. */
  const oneDocument = (reply: FastifyReply, body: Body, document: DocumentRef, format: Format) =>
    answer(reply, documentParts(document, format), body, async () => {
      const [r] = await work<Extract<ServiceResult, { rendered: unknown }>>(body, [{ op: 'render', document, formats: [format] }]);
      return { name: `${r.downloadName}.${format}`, type: CONTENT_TYPES[format], content: withBuffers(r.rendered).files[0].content as Buffer };
    });

  /**
   * The web page's files, with its edits: their problems at their places and,
   * when the campaign is valid, its documents rendered and kept in the cache
   * under the keys of the document routes, so that the page's previews and
   * downloads of them are answered at once.
   */
  app.post('/v1/open', { schema: ROUTE_SCHEMAS.open }, async (req) => {
    const [r] = await work<Extract<ServiceResult, { opened: unknown }>>(bodyOf(req.body), [{ op: 'open' }]);
    const { body: text, documents, ...opened } = r.opened;
    if (!text) return { ...opened, documents };
    const body = bodyOf(text);
    // Past the bundle's cap, the page lists the documents without their page counts; each is made when asked for.
    if (documents.length > maxBundleDocuments) return { ...opened, body: text, documents };
    const rendered = await work<Extract<ServiceResult, { rendered: unknown }>>(
      body,
      documents.map((document) => ({ op: 'render', document: refOf(document), formats: [...FORMATS] })),
    );
    const listed = rendered.map((made, i) => {
      const files = withBuffers(made.rendered).files;
      const sizes: Partial<Record<Format, number>> = {};
      for (const format of FORMATS) {
        const file = files.find((f) => f.name.endsWith(`.${format}`))!;
        const content = file.content as Buffer;
        sizes[format] = content.length;
        cache?.set(cacheKey(documentParts(refOf(documents[i]), format), body), { name: `${made.downloadName}.${format}`, type: CONTENT_TYPES[format], content });
      }
      return { ...documents[i], title: made.rendered.entry.title, pages: made.rendered.entry.pages, sizes };
    });
    return { ...opened, body: text, documents: listed };
  });

  // The starter of `thidua init` for a level, as files the page opens (and the clerk downloads to fill).
  app.get('/v1/starter', { schema: ROUTE_SCHEMAS.starter }, async (req) => starterFiles(req.query as Record<string, unknown>));

  // The page and its assets, read once.
  const page = pageFiles(VERSION);
  app.get('/', { schema: ROUTE_SCHEMAS.page }, async (_req, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).header('cache-control', 'no-cache').send(page.html),
  );
  app.get('/docs', { schema: ROUTE_SCHEMAS.docs }, async (_req, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).header('cache-control', 'no-cache').send(page.docs),
  );
  app.get('/assets/:name', { schema: ROUTE_SCHEMAS.asset }, async (req, reply) => {
    const asset = page.assets.get((req.params as { name: string }).name);
    if (!asset) throw new HttpError(404, 'NOT_FOUND', 'không có tệp này', 'no such asset');
    return reply.header('content-type', asset.type).header('cache-control', 'no-cache').send(asset.content);
  });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    // A route that is there, asked with another method: 405, saying which it takes.
    const allowed = routes.filter((r) => routePattern(r.slice(r.indexOf(' ') + 1)).test(path)).map((r) => r.slice(0, r.indexOf(' ')));
    if (allowed.length) {
      const allow = [...new Set(allowed.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))].join(', ');
      return reply
        .code(405)
        .header('allow', allow)
        .send(errorBody(new HttpError(405, 'METHOD_NOT_ALLOWED', `đường dẫn này chỉ nhận ${allow}`, `${path} takes ${allow}, not ${req.method}`)));
    }
    return reply.code(404).send(errorBody(new HttpError(404, 'NOT_FOUND', 'không có đường dẫn này', `no route ${req.method} ${path}`)));
  });

  // Ok while workers run; the figures say how busy they are (a worker that died is replaced by the pool).
  app.get('/v1/health', { schema: ROUTE_SCHEMAS.health }, async (_req, reply) => {
    const workers = { ...pool.state(), expected: threads, pending, maxPending };
    const ok = workers.threads > 0 && !closing;
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', version: VERSION, workers });
  });
  app.get('/v1/schema', { schema: ROUTE_SCHEMAS.schema }, async () => dataSchemas());
  app.get('/v1/openapi.json', { schema: ROUTE_SCHEMAS.openapi }, async () => app.swagger());

  app.post('/v1/validate', { schema: ROUTE_SCHEMAS.validate }, async (req) => {
    const [r] = await work<Extract<ServiceResult, { validation: unknown }>>(bodyOf(req.body), [{ op: 'validate' }]);
    return r.validation;
  });

  app.post('/v1/documents/plan', { schema: ROUTE_SCHEMAS.plan }, async (req, reply) => {
    const format = parseFormat((req.query as Record<string, unknown>).format);
    return oneDocument(reply, bodyOf(req.body), { kind: 'plan' }, format);
  });

  app.post('/v1/documents/unit-plan', { schema: ROUTE_SCHEMAS.unitPlan }, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const format = parseFormat(query.format);
    const unit = query.unit;
    if (typeof unit !== 'string' || !unit) throw new HttpError(400, 'NO_UNIT', 'thiếu tham số unit', 'the unit parameter is missing');
    return oneDocument(reply, bodyOf(req.body), { kind: 'unit-plan', unit }, format);
  });

  app.post('/v1/documents/summary', { schema: ROUTE_SCHEMAS.summary }, async (req, reply) => {
    const format = parseFormat((req.query as Record<string, unknown>).format);
    return oneDocument(reply, bodyOf(req.body), { kind: 'summary' }, format);
  });

  app.post('/v1/documents/bundle', { schema: ROUTE_SCHEMAS.bundle }, async (req, reply) => {
    const body = bodyOf(req.body);
    return answer(reply, ['bundle'], body, async () => {
      const [listed] = await work<Extract<ServiceResult, { documents: unknown }>>(body, [{ op: 'documents' }]);
      const count = listed.documents.length;
      if (count > maxBundleDocuments) {
        throw new HttpError(
          413,
          'TOO_MANY_DOCUMENTS',
          `một gói tối đa ${maxBundleDocuments} văn bản (có ${count}): hãy dùng lệnh thidua all`,
          `a bundle holds at most ${maxBundleDocuments} documents (this one ${count}): use thidua all`,
        );
      }
      const rendered = await work<Extract<ServiceResult, { rendered: unknown }>>(
        body,
        listed.documents.map((document) => ({ op: 'render', document, formats: [...FORMATS] })),
      );
      const docs = rendered.map((r) => withBuffers(r.rendered));
      // The same files and manifest as `thidua all` writes to a fresh folder.
      const files = [...docs.flatMap((d) => d.files), manifestFile(listed.campaign, docs)];
      return { name: `${listed.campaign.id}.zip`, type: CONTENT_TYPES.zip, content: storedZip(files) };
    });
  });

  app.addHook('onClose', async () => {
    await pool.close();
  });
  return { app, pool, routes };
}
