/**
 * `GET /v1/starter`: the starter campaign and results of `thidua init` for a
 * level, as files, for the web page to open (and the clerk to download and
 * fill in their editor).
 */
import { z } from 'zod';
import { LEVELS } from '../model/schema.js';
import { checkWithSchema } from '../model/load.js';
import { CAMPAIGN_FILE, RESULTS_FILE, StarterError, starterCampaign, starterResults } from '../starter/starter.js';
import { HttpError } from './errors.js';

const Query = z.strictObject({
  level: z.enum(LEVELS),
  issuer: z.string().min(1).max(200),
  year: z.coerce.number().int().min(1945).max(2100),
  month: z.coerce.number().int().min(1).max(12).optional(),
  province: z.string().max(200).optional(),
});

/** The starter's files; a query that cannot make one is a 400 naming the parameter. */
export function starterFiles(query: Record<string, unknown>): { files: { name: string; text: string }[] } {
  const q = checkWithSchema(Query, query);
  if (!q.value) throw new HttpError(400, 'BAD_QUERY', 'tham số không hợp lệ', 'bad query parameters', q.problems);
  const { level, issuer, year, province } = q.value;
  const month = q.value.month ?? 1;
  try {
    // The schema beside the files, as `thidua schema` writes it.
    const campaign = starterCampaign({ level, issuer, year, month, province: province || undefined, schema: 'campaign.schema.json' });
    const results = starterResults({ id: campaign.id, campaignName: campaign.name, year, schema: 'results.schema.json' });
    return { files: [{ name: CAMPAIGN_FILE, text: campaign.text }, { name: RESULTS_FILE, text: results }] };
  } catch (e) {
    if (e instanceof StarterError) throw new HttpError(400, 'BAD_QUERY', e.vi, e.en);
    throw e;
  }
}
