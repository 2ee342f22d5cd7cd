/**
 * The JSON Schemas shipped for editors: up to date with the zod schemas,
 * every field described in Vietnamese and English, accepting the fixtures and
 * refusing what the model refuses (checked by a real JSON Schema validator,
 * as an editor would), and pointed at by the fixtures' first line.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SCHEMA_NAMES, jsonSchema, jsonSchemaText, schemaFile, type SchemaName } from '../src/model/json-schema.js';
import { FIXTURE } from './support/cli.js';

const RESULTS = resolve(dirname(FIXTURE), 'ket-qua.yaml');

function validator(name: SchemaName) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(jsonSchema(name));
}

/** Every object property in a schema, with its path, however deep (definitions, unions, items). */
function properties(node: unknown, path = '#'): [string, Record<string, unknown>][] {
  if (!node || typeof node !== 'object') return [];
  const out: [string, Record<string, unknown>][] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && v && typeof v === 'object') {
      for (const [name, p] of Object.entries(v)) out.push([`${path}/${name}`, p as Record<string, unknown>], ...properties(p, `${path}/${name}`));
    } else out.push(...properties(v, `${path}/${k}`));
  }
  return out;
}

describe('JSON Schemas', () => {
  it.each(SCHEMA_NAMES)('templates/schema/%s.schema.json is the zod schema as it is (npm run schemas)', (name) => {
    expect(readFileSync(schemaFile(name), 'utf8')).toBe(jsonSchemaText(name));
  });

  it.each(SCHEMA_NAMES)('%s: draft 7, and every field described "Vietnamese / English"', (name) => {
    const schema = jsonSchema(name);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const props = properties(schema);
    expect(props.length).toBeGreaterThan(name === 'award-forms' ? 3 : 100);
    const undescribed = props.filter(([, p]) => typeof p.description !== 'string' || !/^\S.* \/ \S.*$/s.test(p.description));
    expect(undescribed.map(([path]) => path)).toEqual([]);
    for (const [path, p] of props) expect((p.description as string).normalize('NFC'), path).toBe(p.description);
  });

  it('accepts the fixture campaign and its results, as the model does', () => {
    for (const [name, file] of [['campaign', FIXTURE], ['results', RESULTS]] as const) {
      const validate = validator(name);
      const ok = validate(parse(readFileSync(file, 'utf8')));
      expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('refuses a mistyped key and a value of the wrong kind, as the editor will show as one types', () => {
    const validate = validator('campaign');
    const data = parse(readFileSync(FIXTURE, 'utf8'));
    data.issuer.abreviation = data.issuer.abbreviation;
    delete data.issuer.abbreviation;
    data.issuer.level = 'xaa';
    expect(validate(data)).toBe(false);
    const found = validate.errors!.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);
    expect(found).toEqual(expect.arrayContaining([
      '/issuer additionalProperties {"additionalProperty":"abreviation"}',
      '/issuer required {"missingProperty":"abbreviation"}',
      expect.stringMatching(/^\/issuer\/level enum /),
    ]));
  });

  it('the fixtures carry the line that points an editor at their schema', () => {
    for (const [name, file] of [['campaign', FIXTURE], ['results', RESULTS]] as const) {
      const first = readFileSync(file, 'utf8').split('\n')[0];
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, first).not.toBeNull();
      expect(resolve(dirname(file), m![1])).toBe(schemaFile(name));
    }
  });
});
