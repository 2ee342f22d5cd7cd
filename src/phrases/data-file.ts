/** Reading the data files of templates/ (words, formats): YAML checked against a schema. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { templatesDir } from '../paths.js';

/** A data file of templates/, checked against its schema; a broken one is a deployment error. */
export function dataFile<S extends z.ZodType>(name: string, schema: S): z.infer<S> {
  const parsed = schema.safeParse(parse(readFileSync(`${templatesDir}/${name}`, 'utf8')));
  if (!parsed.success) throw new Error(`templates/${name}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
