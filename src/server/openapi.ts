/**
 * The OpenAPI description of the HTTP API, with the request bodies' JSON
 * Schemas made from the zod schemas (the single source of the model).
 */
import { z } from 'zod';
import { Campaign } from '../model/schema.js';
import { Results } from '../model/results-schema.js';
import { MEDIA_TYPES } from './media-types.js';
import { PageRequest } from './page-open.js';
import { LEVELS } from '../model/schema.js';

/** JSON Schemas of the data the API takes, as clients write it (defaults may be left out). */
export function dataSchemas() {
  return {
    campaign: z.toJSONSchema(Campaign, { io: 'input', unrepresentable: 'any' }),
    results: z.toJSONSchema(Results, { io: 'input', unrepresentable: 'any' }),
  };
}

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
    { $ref: '#/components/schemas/Problem' },
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

const error = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['status', 'code', 'message_vi', 'message_en'],
      properties: { status: { type: 'integer' }, code: { type: 'string' }, message_vi: { type: 'string' }, message_en: { type: 'string' } },
    },
  },
};

function ref(name: string) {
  return { $ref: `#/components/schemas/${name}` };
}
const json = (schema: object) => ({ 'application/json': { schema } });
/** A campaign workbook (`thidua excel`) sent as it is, in place of the JSON campaign. */
const workbook = { [MEDIA_TYPES.xlsx]: { schema: { type: 'string', contentMediaType: MEDIA_TYPES.xlsx, description: 'a campaign workbook written by `thidua excel` (problems name its sheet and cell)' } } };

const count = { type: 'integer', minimum: 0 };
/** /v1/health's answer: its status, and the workers' state (threads running of those expected, tasks queued and done, requests at work of the most allowed). */
const health = (status: string) => ({
  type: 'object',
  required: ['status', 'version', 'workers'],
  properties: {
    status: { const: status },
    version: { type: 'string' },
    workers: {
      type: 'object',
      properties: { threads: count, expected: count, queued: count, completed: count, pending: count, maxPending: count },
    },
  },
});
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_TEXT[c], content: json(ref('Error')) }]));

const ERROR_TEXT: Record<number, string> = {
  400: 'malformed JSON or a duplicate key (problems at their lines and columns), data past the input limits (problems at their fields), or an unsupported format or parameter',
  404: 'no such unit in the campaign',
  413: 'body over the size limit, or a bundle of more documents than surely render within the time limit',
  415: 'not JSON',
  422: 'the data has problems (every one listed with its field path)',
  503: 'busy (queue full) or timed out; retry after the Retry-After seconds',
};

const formatParam = { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['docx', 'pdf'], default: 'docx' } };
const file = (types: string[]) => ({
  description: 'the document; Content-Disposition names it (filename* in UTF-8, ASCII fallback)',
  content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
});
const DOCUMENT_TYPES = [MEDIA_TYPES.docx, MEDIA_TYPES.pdf];
const invalid = {
  '422': {
    description: ERROR_TEXT[422],
    content: json({ type: 'object', required: ['error', 'problems'], properties: { error: error.properties.error, problems: { type: 'array', items: ref('Problem') } } }),
  },
};

export function openApiDocument(version: string) {
  const schemas = dataSchemas();
  const campaignBody = {
    required: true,
    content: { ...json({ oneOf: [ref('Campaign'), { type: 'object', required: ['campaign'], properties: { campaign: ref('Campaign') } }] }), ...workbook },
  };
  const withResults = {
    required: true,
    content: json({ type: 'object', required: ['campaign', 'results'], properties: { campaign: ref('Campaign'), results: ref('Results') } }),
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'thidua',
      version,
      description: 'Documents of a Vietnamese emulation campaign (Kế hoạch, unit plans, Báo cáo tổng kết) in Decree 30/2020/ND-CP format.',
    },
    paths: {
      '/': { get: { summary: 'the web page for clerks (Vietnamese): open files, see problems in place, preview and download', responses: { '200': { description: 'the page', content: { 'text/html': { schema: { type: 'string' } } } } } } },
      '/assets/{name}': {
        get: {
          summary: "the page's script and style, and pdf.js for its previews",
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'the asset', content: { 'text/javascript': { schema: { type: 'string' } }, 'text/css': { schema: { type: 'string' } } } }, '404': { description: 'no such asset', content: json(ref('Error')) } },
        },
      },
      '/v1/open': {
        post: {
          summary: "the web page's files (a campaign as YAML, JSON or a workbook in base64, and its results) with its edits: problems in place and, when valid, every document listed with its page count",
          requestBody: { required: true, content: json(z.toJSONSchema(PageRequest, { io: 'input', unrepresentable: 'any' })) },
          responses: { '200': { description: 'what was opened', content: json(opened) }, ...errors(400, 413, 415, 503) },
        },
      },
      '/v1/starter': {
        get: {
          summary: 'the starter files of `thidua init` for a level: campaign.yaml and ket-qua.yaml',
          parameters: [
            { name: 'level', in: 'query', required: true, schema: { type: 'string', enum: [...LEVELS] } },
            { name: 'issuer', in: 'query', required: true, schema: { type: 'string', maxLength: 200 } },
            { name: 'year', in: 'query', required: true, schema: { type: 'integer', minimum: 1945, maximum: 2100 } },
            { name: 'month', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 12, default: 1 } },
            { name: 'province', in: 'query', required: false, schema: { type: 'string', maxLength: 200 } },
          ],
          responses: {
            '200': { description: 'the files', content: json({ type: 'object', properties: { files: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, text: { type: 'string' } } } } } }) },
            ...errors(400),
          },
        },
      },
      '/v1/health': {
        get: {
          summary: 'liveness, and how busy the workers are',
          responses: {
            '200': { description: 'ok', content: json(health('ok')) },
            '503': { description: 'no worker running, or shutting down', content: json(health('unavailable')) },
          },
        },
      },
      '/v1/schema': { get: { summary: 'JSON Schemas of the campaign and results data', responses: { '200': { description: 'schemas', content: json({ type: 'object' }) } } } },
      '/v1/openapi.json': { get: { summary: 'this description', responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } } },
      '/v1/validate': {
        post: {
          summary: 'check a campaign, or {campaign, results}; every problem with its field path',
          requestBody: { required: true, content: { ...json({ oneOf: [ref('Campaign'), { type: 'object', properties: { campaign: ref('Campaign'), results: ref('Results') } }] }), ...workbook } },
          responses: {
            '200': { description: 'the problems found', content: json({ type: 'object', properties: { valid: { type: 'boolean' }, problems: { type: 'array', items: ref('Problem') } } }) },
            ...errors(400, 413, 415),
          },
        },
      },
      '/v1/documents/plan': {
        post: { summary: 'the launch plan', parameters: [formatParam], requestBody: campaignBody, responses: { '200': file(DOCUMENT_TYPES), ...invalid, ...errors(400, 413, 415, 503) } },
      },
      '/v1/documents/unit-plan': {
        post: {
          summary: "a unit's sub-plan",
          parameters: [{ name: 'unit', in: 'query', required: true, schema: { type: 'string' } }, formatParam],
          requestBody: campaignBody,
          responses: { '200': file(DOCUMENT_TYPES), ...invalid, ...errors(400, 404, 413, 415, 503) },
        },
      },
      '/v1/documents/summary': {
        post: { summary: 'the year-end summary report', parameters: [formatParam], requestBody: withResults, responses: { '200': file(DOCUMENT_TYPES), ...invalid, ...errors(400, 413, 415, 503) } },
      },
      '/v1/documents/bundle': {
        post: {
          summary: 'every document of the campaign (DOCX and PDF) and manifest.json, zipped',
          requestBody: { required: true, content: { ...json({ oneOf: [ref('Campaign'), { type: 'object', required: ['campaign'], properties: { campaign: ref('Campaign'), results: ref('Results') } }] }), ...workbook } },
          responses: { '200': file([MEDIA_TYPES.zip]), ...invalid, ...errors(400, 413, 415, 503) },
        },
      },
    },
    components: { schemas: { Campaign: schemas.campaign, Results: schemas.results, Problem: problem, PageProblem: pageProblem, Error: error } },
  };
}
