/**
 * The default outlines of generated documents (templates/outlines/*.yaml):
 * YAML whose strings are handlebars templates of our own, rendered over the
 * words of one document into a literal outline. User data never goes
 * through here: an outline given in a campaign is literal text.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { templateFile } from '../paths.js';
import { memoBy } from '../template-memo.js';
import { GeneratedOutline } from '../model/schema.js';
import { compileTemplate } from './index.js';

export type OutlineName = 'unit-plan' | 'report';

const source = memoBy((name: OutlineName): unknown => parse(readFileSync(templateFile(`outlines/${name}.yaml`), 'utf8')));

/** Every string of parsed YAML rendered over `values`. */
function render(node: unknown, values: Record<string, string>): unknown {
  if (typeof node === 'string') return compileTemplate(node)(values).normalize('NFC');
  if (Array.isArray(node)) return node.map((n) => render(n, values));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, render(v, values)]));
  return node;
}

/** The default outline `name` for one document's words; a broken template file is a deployment error. */
export function outlineTemplate(name: OutlineName, values: Record<string, string>): GeneratedOutline {
  const parsed = GeneratedOutline.safeParse(render(source(name), values));
  if (!parsed.success) throw new Error(`templates/outlines/${name}.yaml: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
