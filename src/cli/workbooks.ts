/**
 * `thidua excel`: a campaign as a workbook, and a workbook back as YAML or
 * JSON. `thidua forms` and `thidua collect`: the units' results forms
 * written, and read back into the results file.
 */
import { access, readFile } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadAwardForms, checkResultsData, isWorkbookFile, loadCampaignData } from '../model/load.js';
import { InvalidInputError, formatProblems } from '../model/problems.js';
import { schemaFile } from '../model/json-schema.js';
import type { Campaign } from '../model/schema.js';
import { writeAtomically } from '../output/write.js';
import { starterResults } from '../starter/starter.js';
import { unitForm } from '../workbook/forms.js';
import { collectForms } from '../workbook/collect.js';
import { campaignWorkbook } from '../workbook/campaign-workbook.js';

/** The forms `excel` writes, by the output file's extension. */
export const CAMPAIGN_FORMS = ['.xlsx', '.yaml', '.yml', '.json'] as const;

/** Where `excel` writes by default: a YAML or JSON file's workbook, a workbook's YAML, beside it. */
export const excelDefaultOut = (file: string): string => file.replace(/\.[^./\\]*$/, '') + (isWorkbookFile(file) ? '.yaml' : '.xlsx');

/** The campaign of `file`, checked, written as `out`: a workbook, YAML or JSON. */
export async function excelCommand(file: string, out: string): Promise<string[]> {
  const { data, warnings } = await loadCampaignData(file);
  if (warnings.length) console.error(formatProblems(warnings));
  const target = resolve(out);
  const ext = extname(target).toLowerCase();
  let content: Buffer | string;
  if (ext === '.xlsx') content = await campaignWorkbook(data);
  else if (ext === '.json') content = `${JSON.stringify(data, null, 2)}\n`;
  else {
    const schema = relative(dirname(target), schemaFile('campaign')).split('\\').join('/');
    content = `# yaml-language-server: $schema=${schema}\n${stringify(data, { lineWidth: 0 })}`;
  }
  return writeAtomically(dirname(target), [{ name: basename(target), content }]);
}

/** One workbook per unit, `<out>/<unit id>.xlsx`. */
export async function formsCommand(c: Campaign, out: string): Promise<string[]> {
  const files = [];
  for (const u of c.units) files.push({ name: `${u.id}.xlsx`, content: await unitForm(c, u) });
  return writeAtomically(out, files);
}

/**
 * The forms read into the results file `out`: into the one there (its
 * report's data kept; the units and indicator results of the forms replace
 * theirs), or a starter one. Nothing is written when a form has an error.
 */
export async function collectCommand(c: Campaign, forms: string[], out: string): Promise<string[]> {
  const files = await Promise.all(forms.map(async (f) => ({ name: f, content: await readFile(f) })));
  const collected = await collectForms(c, files);
  const errors = collected.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new InvalidInputError(collected.problems);
  const target = resolve(out);
  const existing = await access(target).then(() => true, () => false);
  const schema = relative(dirname(target), schemaFile('results')).split('\\').join('/');
  const base = existing
    ? parse(await readFile(target, 'utf8'))
    : parse(starterResults({ id: c.id, campaignName: c.name, year: c.plan?.date.year ?? new Date().getFullYear(), schema }));
  const units = new Set(collected.units.map((u) => u.unit));
  const items = new Set(collected.indicators.map((i) => i.item));
  base.units = [...(base.units ?? []).filter((u: { unit: string }) => !units.has(u.unit)), ...collected.units];
  base.indicators = [...(base.indicators ?? []).filter((i: { item: string }) => !items.has(i.item)), ...collected.indicators];
  const checked = checkResultsData(base, c, await loadAwardForms());
  if (!checked.value) throw new InvalidInputError([...collected.problems, ...checked.problems]);
  const warnings = collected.problems.filter((p) => p.severity === 'warning');
  if (warnings.length) console.error(formatProblems(warnings));
  const text = `# yaml-language-server: $schema=${schema}\n${stringify(base, { lineWidth: 0 })}`;
  return writeAtomically(dirname(target), [{ name: basename(target), content: text }]);
}
