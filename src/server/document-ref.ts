/** One document of a campaign, as the service's routes and the web page name it. */
import type { Campaign } from '../model/schema.js';
import type { Results } from '../model/results-schema.js';
import { documentTypeName } from '../format/labels.js';
import { upperFirst } from '../format/text.js';
import { reportKindWords } from '../phrases/words.js';

export type DocumentRef = { kind: 'plan' } | { kind: 'unit-plan'; unit: string } | { kind: 'summary' };

/** The name a downloaded document is saved under (without its extension): "Kế hoạch Công an xã". */
export function downloadName(campaign: Campaign, document: DocumentRef, results?: Results): string {
  if (document.kind === 'unit-plan') return `${documentTypeName('KH')} ${campaign.units.find((u) => u.id === document.unit)?.name ?? document.unit}`;
  if (document.kind === 'summary' && results) return `${upperFirst(reportKindWords(results.report.kind, campaign.name).name)} ${campaign.issuer.name}`;
  return `${documentTypeName('KH')} ${campaign.issuer.name}`;
}
