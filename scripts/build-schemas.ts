/**
 * Writes templates/schema/*.schema.json from the zod schemas. Run after
 * changing the model: npm run schemas. A test checks that the committed
 * files are up to date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { SCHEMA_NAMES, jsonSchemaText, schemaDir, schemaFile } from '../src/model/json-schema.js';

mkdirSync(schemaDir, { recursive: true });
for (const name of SCHEMA_NAMES) {
  writeFileSync(schemaFile(name), jsonSchemaText(name));
  console.log(`wrote ${schemaFile(name)}`);
}
