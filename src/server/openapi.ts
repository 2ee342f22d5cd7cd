/**
 * The HTTP API's description, in one place: each route's schema (its
 * operationId, parameters, bodies and answers), given to fastify with the
 * route, from which @fastify/swagger makes the OpenAPI document; the data's
 * JSON Schemas come from the zod schemas (the single source of the model).
 * The schemas describe; they do not check: the data is checked on the
 * workers, as the CLI checks it, so that problems carry the clerk's words.
 */
import { z } from 'zod';
import type { SwaggerOptions } from '@fastify/swagger';
import { Campaign } from '../model/schema.js';
import { Results } from '../model/results-schema.js';
import { LEVELS } from '../model/schema.js';
import { MEDIA_TYPES } from './media-types.js';
import { PageRequest } from './page-open.js';

type Schema = Record<string, unknown>;

/** JSON Schemas of the data the API takes, as clients write it (defaults may be left out). */
export function dataSchemas() {
  return {
    campaign: z.toJSONSchema(Campaign, { io: 'input', unrepresentable: 'any' }),
    results: z.toJSONSchema(Results, { io: 'input', unrepresentable: 'any' }),
  };
}

/**
 * A standalone JSON Schema as OpenAPI components: its own definitions
 * ($defs) hoisted beside it, and references to them and to its root
 * rewritten to point there (a "#/$defs/..." would point at the document's root).
 */
export function asComponents(name: string, schema: Schema): Record<string, Schema> {
  const { $schema: _, $defs = {}, ...root } = schema as Schema & { $defs?: Record<string, Schema> };
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => {
        if (k !== '$ref' || typeof x !== 'string') return [k, rewrite(x)];
        if (x === '#') return [k, `#/components/schemas/${name}`];
        return [k, x.replace(/^#\/\$defs\//, '#/components/schemas/')];
      }),
    );
  };
  return { [name]: rewrite(root) as Schema, ...Object.fromEntries(Object.entries($defs).map(([k, d]) => [k, rewrite(d) as Schema])) };
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ 'application/json': { schema } });

const problem = {
  type: 'object',
  required: ['path', 'message_vi', 'message_en', 'severity'],
  properties: {
    path: { type: 'string' },
    message_vi: { type: 'string' },
    message_en: { type: 'string' },
    severity: { type: 'string', enum: ['error', 'warning'] },
    unit: { type: 'string' },
    file: { type: 'string', description: '"body": the request body, where line and column are' },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
  },
};

/** A problem as the web page shows it: in its part of the campaign, the field in words, at its place in the clerk's file. */
const pageProblem = {
  allOf: [
    ref('Problem'),
    {
      type: 'object',
      required: ['group'],
      properties: {
        group: { type: 'string', description: 'the part of the campaign: "Kế hoạch phát động", "Đơn vị: Công an xã", "Kết quả"' },
        field: { type: 'string', description: 'the field in words, from the schema: "Họ và tên người ký"' },
        place: { type: 'string', description: '"campaign.yaml, dòng 12, cột 5", "campaign.xlsx, ô Đơn vị!C2", or "sửa trên trang" (an edit of the page)' },
        edited: { type: 'boolean' },
      },
    },
  ],
};

const error = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['status', 'code', 'message_vi', 'message_en'],
      properties: { status: { type: 'integer' }, code: { type: 'string' }, message_vi: { type: 'string' }, message_en: { type: 'string' } },
    },
    problems: { type: 'array', items: ref('Problem') },
  },
};

const documentRef = {
  type: 'object',
  required: ['kind', 'name'],
  properties: {
    kind: { type: 'string', enum: ['plan', 'unit-plan', 'summary'] },
    unit: { type: 'string' },
    name: { type: 'string', description: 'the name it downloads as, without extension' },
    title: { type: 'string' },
    pages: { type: 'integer', minimum: 1, description: 'its PDF pages (absent past the bundle cap: rendered when asked for)' },
    sizes: { type: 'object', properties: { docx: { type: 'integer' }, pdf: { type: 'integer' } } },
  },
};

const opened = {
  type: 'object',
  required: ['valid', 'problems', 'files', 'documents'],
  properties: {
    valid: { type: 'boolean' },
    problems: { type: 'array', items: ref('PageProblem') },
    files: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, role: { type: 'string', enum: ['campaign', 'results', 'unread'] } } } },
    body: { type: 'string', description: 'the JSON body ({campaign, results}) to send to the document routes; absent while the data has errors' },
    documents: { type: 'array', items: documentRef },
    form: { type: 'object', description: "the quick-edit form's values (plan number, date, signer, recipients; each unit's signer), edits included" },
    campaign: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, issuer: { type: 'string' } } },
  },
};

const count = { type: 'integer', minimum: 0 };
/** /v1/health's answer: its status, and the workers' state (threads running of those expected, tasks queued and done, requests at work of the most allowed). */
const health = (status: string) => ({
  type: 'object',
  required: ['status', 'version', 'workers'],
  properties: {
    status: { const: status },
    version: { type: 'string' },
    workers: { type: 'object', properties: { threads: count, expected: count, queued: count, completed: count, pending: count, maxPending: count } },
  },
});

const ERROR_TEXT: Record<number, string> = {
  400: 'malformed JSON or YAML or a duplicate key (problems at their lines and columns), data past the input limits (problems at their fields), or an unsupported format or parameter',
  401: 'an API key is needed (when the server has keys)',
  404: 'no such unit in the campaign, or no such asset',
  413: 'body over the size limit, or a bundle of more documents than surely render within the time limit',
  415: 'neither JSON, YAML nor a workbook',
  422: 'the data has problems (every one listed with its field path)',
  431: 'request headers, or the URL, too large',
  503: 'busy (queue full) or timed out; retry after the Retry-After seconds',
};
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_TEXT[c], content: json(ref('Error')) }]));

/** A campaign workbook (`thidua excel`) sent as it is, in place of the JSON campaign. */
const workbook = { [MEDIA_TYPES.xlsx]: { schema: { type: 'string', contentMediaType: MEDIA_TYPES.xlsx, description: 'a campaign workbook written by `thidua excel` (problems name its sheet and cell)' } } };
const yamlText = { type: 'string', description: 'the same data as YAML, as a clerk writes the file (problems at its lines)' };
const yaml = { 'application/yaml': { schema: yamlText }, 'text/yaml': { schema: yamlText } };
const body = (schema: Schema, withWorkbook = true) => ({ content: { ...json(schema), ...yaml, ...(withWorkbook ? workbook : {}) } });

const campaignOrBoth = { oneOf: [ref('Campaign'), { type: 'object', required: ['campaign'], properties: { campaign: ref('Campaign'), results: ref('Results') } }] };
const formatQuery = { format: { type: 'string', enum: ['docx', 'pdf'], default: 'docx' } };
const file = (types: string[]) => ({
  description: 'the document; Content-Disposition names it (filename* in UTF-8, ASCII fallback)',
  content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
});
const DOCUMENT_TYPES = [MEDIA_TYPES.docx, MEDIA_TYPES.pdf];
/** Open to anyone, API keys or not: the page, and what describes the API. */
const open = { security: [{}] };

/** Each route's schema, by the route it is given to. */
export const ROUTE_SCHEMAS = {
  page: {
    operationId: 'getPage',
    tags: ['page'],
    summary: 'the web page for clerks (Vietnamese): open files, see problems in place, preview and download',
    ...open,
    response: { '200': { description: 'the page', content: { 'text/html': { schema: { type: 'string' } } } }, ...errors(431) },
  },
  docs: {
    operationId: 'getReference',
    tags: ['service'],
    summary: 'this description as an interactive reference (Swagger UI, served by this server)',
    ...open,
    response: { '200': { description: 'the page', content: { 'text/html': { schema: { type: 'string' } } } }, ...errors(431) },
  },
  asset: {
    operationId: 'getAsset',
    tags: ['page'],
    summary: "the page's script and style, and pdf.js for its previews",
    ...open,
    params: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    response: { '200': { description: 'the asset', content: { 'text/javascript': { schema: { type: 'string' } }, 'text/css': { schema: { type: 'string' } } } }, ...errors(404, 431) },
  },
  open: {
    operationId: 'openForPage',
    tags: ['page'],
    summary: "the web page's files (a campaign as YAML, JSON or a workbook in base64, and its results) with its edits: problems in place and, when valid, every document listed with its page count",
    body: { content: json(z.toJSONSchema(PageRequest, { io: 'input', unrepresentable: 'any' }) as Schema) },
    response: { '200': { description: 'what was opened', content: json(opened) }, ...errors(400, 401, 413, 415, 503) },
  },
  starter: {
    operationId: 'getStarter',
    tags: ['page'],
    summary: 'the starter files of `thidua init` for a level: campaign.yaml and ket-qua.yaml',
    querystring: {
      type: 'object',
      required: ['level', 'issuer', 'year'],
      properties: {
        level: { type: 'string', enum: [...LEVELS] },
        issuer: { type: 'string', maxLength: 200 },
        year: { type: 'integer', minimum: 1945, maximum: 2100 },
        month: { type: 'integer', minimum: 1, maximum: 12, default: 1 },
        province: { type: 'string', maxLength: 200 },
      },
    },
    response: {
      '200': { description: 'the files', content: json({ type: 'object', properties: { files: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, text: { type: 'string' } } } } } }) },
      ...errors(400, 401),
    },
  },
  health: {
    operationId: 'getHealth',
    tags: ['service'],
    summary: 'liveness, and how busy the workers are',
    ...open,
    response: {
      '200': { description: 'ok', content: json(health('ok')) },
      '503': { description: 'no worker running, or shutting down', content: json(health('unavailable')) },
      ...errors(431),
    },
  },
  schema: {
    operationId: 'getSchemas',
    tags: ['data'],
    summary: 'JSON Schemas of the campaign and results data',
    response: { '200': { description: 'schemas', content: json({ type: 'object', properties: { campaign: { type: 'object' }, results: { type: 'object' } } }) }, ...errors(401) },
  },
  openapi: {
    operationId: 'getOpenApi',
    tags: ['service'],
    summary: 'this description',
    ...open,
    response: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) }, ...errors(431) },
  },
  validate: {
    operationId: 'validate',
    tags: ['data'],
    summary: 'check a campaign, or {campaign, results}; every problem with its field path',
    body: body({ oneOf: [ref('Campaign'), { type: 'object', properties: { campaign: ref('Campaign'), results: ref('Results') } }] }),
    response: {
      '200': { description: 'the problems found', content: json({ type: 'object', properties: { valid: { type: 'boolean' }, problems: { type: 'array', items: ref('Problem') } } }) },
      ...errors(400, 401, 413, 415, 503),
    },
  },
  plan: {
    operationId: 'renderPlan',
    tags: ['documents'],
    summary: 'the launch plan',
    querystring: { type: 'object', properties: formatQuery },
    body: body(campaignOrBoth),
    response: { '200': file(DOCUMENT_TYPES), ...errors(400, 401, 413, 415, 422, 503) },
  },
  unitPlan: {
    operationId: 'renderUnitPlan',
    tags: ['documents'],
    summary: "a unit's sub-plan",
    querystring: { type: 'object', required: ['unit'], properties: { unit: { type: 'string' }, ...formatQuery } },
    body: body(campaignOrBoth),
    response: { '200': file(DOCUMENT_TYPES), ...errors(400, 401, 404, 413, 415, 422, 503) },
  },
  summary: {
    operationId: 'renderSummary',
    tags: ['documents'],
    summary: 'the year-end summary report',
    querystring: { type: 'object', properties: formatQuery },
    body: body({ type: 'object', required: ['campaign', 'results'], properties: { campaign: ref('Campaign'), results: ref('Results') } }, false),
    response: { '200': file(DOCUMENT_TYPES), ...errors(400, 401, 413, 415, 422, 503) },
  },
  bundle: {
    operationId: 'renderBundle',
    tags: ['documents'],
    summary: 'every document of the campaign (DOCX and PDF) and manifest.json, zipped',
    body: body(campaignOrBoth),
    response: { '200': file([MEDIA_TYPES.zip]), ...errors(400, 401, 413, 415, 422, 503) },
  },
} as const;

/** @fastify/swagger's options: the document's frame and shared components; with API keys, every operation not open needs one. */
export function openApiOptions(version: string, keys: boolean): SwaggerOptions {
  const schemas = dataSchemas();
  // Plain JSON Schema objects, which the plugin's narrow OpenAPI types do not model (their `type` as a string literal).
  const options: unknown = {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'thidua',
        version,
        license: { name: 'MIT', identifier: 'MIT' },
        description:
          'Documents of a Vietnamese emulation campaign (Kế hoạch, unit plans, Báo cáo tổng kết) in Decree 30/2020/ND-CP format, and the web page for clerks that uses them.',
      },
      servers: [{ url: '/', description: 'this server' }],
      tags: [
        { name: 'documents', description: 'the documents of a campaign, as DOCX, PDF or a ZIP' },
        { name: 'data', description: 'checking the data' },
        { name: 'page', description: 'the web page for clerks' },
        { name: 'service', description: 'the service itself' },
      ],
      // API keys are optional (`thidua serve --api-key-file`): without them, no operation needs one (a key sent is let be).
      security: keys ? [{ bearer: [] }, { apiKey: [] }] : [{}, { bearer: [] }, { apiKey: [] }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer KEY, a key of --api-key-file' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'a key of --api-key-file' },
        },
        schemas: {
          ...asComponents('Campaign', schemas.campaign as Schema),
          ...asComponents('Results', schemas.results as Schema),
          Problem: problem,
          PageProblem: pageProblem,
          Error: error,
        },
      },
    },
  };
  return options as SwaggerOptions;
}
