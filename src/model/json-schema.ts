/**
 * The JSON Schemas of the data a clerk writes (the campaign, its results, the
 * award forms), made from the zod schemas, in draft 7: the draft the YAML
 * language server (VS Code's YAML extension) reads, for completion and
 * errors as one types. Shipped as files in templates/schema/.
 */
import { z } from 'zod';
import { join } from 'node:path';
import { Campaign } from './schema.js';
import { AwardForms, Results } from './results-schema.js';
import { templatesDir } from '../paths.js';

export const SCHEMAS = { campaign: Campaign, results: Results, 'award-forms': AwardForms } as const;
export type SchemaName = keyof typeof SCHEMAS;
export const SCHEMA_NAMES = Object.keys(SCHEMAS) as SchemaName[];

export const schemaDir = join(templatesDir, 'schema');
export const schemaFile = (name: SchemaName): string => join(schemaDir, `${name}.schema.json`);

/** The schema of data as written: fields with defaults may be left out. */
export function jsonSchema(name: SchemaName): Record<string, unknown> {
  return z.toJSONSchema(SCHEMAS[name], { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The schema file's text, as committed: two-space JSON and a final newline. */
export const jsonSchemaText = (name: SchemaName): string => `${JSON.stringify(jsonSchema(name), null, 2)}\n`;
