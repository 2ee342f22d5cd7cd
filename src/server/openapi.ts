/**
 * The OpenAPI description of the HTTP API, with the request bodies' JSON
 * Schemas made from the zod schemas (the single source of the model).
 */
import { z } from 'zod';
import { Campaign } from '../model/schema.js';
import { Results } from '../model/results-schema.js';
import { MEDIA_TYPES } from './media-types.js';

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

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
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
    components: { schemas: { Campaign: schemas.campaign, Results: schemas.results, Problem: problem, Error: error } },
  };
}
