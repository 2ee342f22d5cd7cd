/** Reading the data files of templates/ (words, formats): YAML checked against a schema. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { templateFile } from '../paths.js';

/** A data file of templates/ (or of the issuer's own templates), checked against its schema; a broken one names its file. */
export function dataFile<S extends z.ZodType>(name: string, schema: S): z.infer<S> {
  const file = templateFile(name);
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
