/**
 * The launch plan ("Kế hoạch") of a campaign as a document view: its frame,
 * its body as its outline gives it, its appendices.
 */
import type { Campaign, Closing, DocumentDate, Plan } from '../model/schema.js';
import type { Block, DocumentView } from './document.js';
import { appendixViews, closingText, closingView, headerView, keptAppendices, summaryRule, summaryText, addresseeLines } from './frame.js';
import { outlineBlocks, type OutlineContext } from './outline.js';
import { planParts } from '../model/outline.js';
import { documentTypeName, documentTypeTitle } from '../format/labels.js';
import { citedNumber, type NumberFormat } from '../format/numbering.js';
import { issuerProfile, issuerSymbol } from '../phrases/profiles.js';
import { longDate } from '../format/date.js';
import { lowerFirst } from '../format/text.js';
import { campaignKindName } from '../phrases/words.js';

/** The plan of a campaign; the caller knows it has one (a campaign without a plan yields only reports). */
export function planOf(c: Campaign): Plan {
  if (!c.plan) throw new RangeError(`campaign "${c.id}" has no plan`);
  return c.plan;
}

/** What printing the plan's typed blocks needs: the indicators' codes, the campaign's kind. */
export function planContext(c: Campaign): OutlineContext {
  const codes = new Map(planParts(c.plan).indicators.map((e) => [e.indicator, e.code]));
  return {
    codeOf: (indicator) => codes.get(indicator),
    kindName: campaignKindName(c),
  };
}

/** The summary in running text: as given, or the printed one with a lower-case first letter. */
export const subjectOf = (d: { summary: string; subject?: string }): string => d.subject ?? lowerFirst(d.summary);

/** The closing paragraph after the body; without one, the body's last paragraph closes it (and stays with the signature). */
export function withClosing(body: Block[], closing: Closing | undefined): Block[] {
  if (closing) return [...body, { role: 'closing', text: closingText(closing) }];
  const last = body.at(-1);
  return last?.role === 'body' ? [...body.slice(0, -1), { ...last, role: 'closing' }] : body;
}

/** "Kế hoạch số 05/KH-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân xã Kiến Minh": what an appendix note cites. */
export function ownCitation(typeName: string, number: Plan['number'], symbol: string, date: DocumentDate, issuer: string, format: NumberFormat): string {
  return `${typeName} ${citedNumber(number, symbol, format)} ${longDate(date)} của ${issuer}`;
}

/** When a document was made, for its metadata: its own date (the first of the month while the day is blank). */
export const documentTime = (d: DocumentDate): Date => new Date(Date.UTC(d.year, d.month - 1, d.day ?? 1));

export function planView(c: Campaign): DocumentView {
  const p = planOf(c);
  const format = issuerProfile(c);
  const symbol = issuerSymbol(c, p.type);
  const ctx = planContext(c);
  const typeName = documentTypeName(p.type);
  const summary = summaryText(p.summary);
  return {
    fileBase: 'ke-hoach',
    header: headerView(c.issuer, symbol, p.number, p.date, format),
    typeTitle: documentTypeTitle(p.type),
    summary,
    summaryRule: summaryRule(summary),
    addressees: addresseeLines(p.addressees),
    body: withClosing(outlineBlocks(p.body, ctx, p.numbering), p.closing),
    closing: closingView(p.recipients, p.archive, p.signer, format, p.addressees.length > 0),
    appendices: appendixViews(keptAppendices(p.appendices, ctx), ownCitation(typeName, p.number, symbol, p.date, c.issuer.name, format.number)),
    metadata: {
      title: `${typeName} ${subjectOf(p)}`,
      subject: p.summary,
      author: c.issuer.name,
      date: documentTime(p.date),
    },
  };
}
