/**
 * `thidua init`: a starter campaign (and its results file) in a folder, for
 * an issuer's level, or an existing campaign's structure for a new year; as
 * YAML, or as a workbook to fill (`--excel`).
 */
import { access, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { checkCampaignData } from '../model/load.js';
import { formatProblems } from '../model/problems.js';
import { schemaFile } from '../model/json-schema.js';
import { writeAtomically } from '../output/write.js';
import { nextYearCampaign } from '../starter/next-year.js';
import { CAMPAIGN_FILE, StarterError, starterCampaign, starterResults } from '../starter/starter.js';
import type { Level } from '../model/schema.js';

export const CAMPAIGN_WORKBOOK = 'campaign.xlsx';

export interface InitOptions {
  dir: string;
  level?: Level;
  issuer?: string;
  year?: number;
  month?: number;
  province?: string;
  from?: string;
  /** The campaign as a workbook to fill (`campaign.xlsx`) instead of YAML. */
  excel?: boolean;
  force: boolean;
}

/** A usage problem of `init`, in both languages. */
export class InitUsageError extends Error {}

const exists = (path: string) => access(path).then(() => true, () => false);
const MODELINE = /^# yaml-language-server: .*\n/;

export async function initCommand(o: InitOptions, resultsFile: string): Promise<string[]> {
  const dir = resolve(o.dir);
  const modeline = (name: 'campaign' | 'results') => relative(dir, schemaFile(name)).split('\\').join('/');
  const now = new Date();
  const files: { name: string; content: string | Buffer }[] = [];
  if (o.from) {
    const year = o.year;
    const text = await readFile(o.from, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new InitUsageError(`--from: không đọc được tệp / cannot read the file ${o.from} (${e.code})`);
    });
    const copied = nextYearCampaign(text.replace(MODELINE, ''), year ?? 0);
    if (!year && !copied.from) throw new InitUsageError('--from: tệp không có năm của kế hoạch, cần --year / the file has no plan year: give --year');
    const again = year ? copied : nextYearCampaign(text.replace(MODELINE, ''), copied.from! + 1);
    files.push({ name: CAMPAIGN_FILE, content: `# yaml-language-server: $schema=${modeline('campaign')}\n${again.text}` });
  } else {
    if (!o.level || !o.issuer) throw new InitUsageError('init: cần --level và --issuer (hoặc --from TỆP) / needs --level and --issuer (or --from FILE)');
    const year = o.year ?? now.getFullYear();
    const month = o.month ?? (year === now.getFullYear() ? now.getMonth() + 1 : 1);
    try {
      const campaign = starterCampaign({ level: o.level, issuer: o.issuer, year, month, province: o.province, schema: modeline('campaign') });
      files.push({ name: CAMPAIGN_FILE, content: campaign.text });
      files.push({ name: resultsFile, content: starterResults({ id: campaign.id, campaignName: campaign.name, year, schema: modeline('results') }) });
    } catch (e) {
      if (e instanceof StarterError) throw new InitUsageError(e.message);
      throw e;
    }
  }
  // What init writes validates as it is; where it cannot (a very long name), the clerk is told what to fix.
  const data = parse(files[0].content as string);
  const checked = checkCampaignData(data);
  if (checked.problems.length) console.error(formatProblems(checked.problems.map((p) => ({ ...p, severity: 'warning' }))));
  // Loaded for --excel only: ExcelJS alone costs a third of a second to load.
  if (o.excel) files[0] = { name: CAMPAIGN_WORKBOOK, content: await (await import('../workbook/campaign-workbook.js')).campaignWorkbook(data) };
  if (!o.force) {
    const there = [];
    for (const f of files) if (await exists(join(dir, f.name))) there.push(f.name);
    if (there.length) throw new InitUsageError(`${dir}: đã có / already has ${there.join(', ')} (--force để ghi đè / to overwrite)`);
  }
  return writeAtomically(dir, files);
}
