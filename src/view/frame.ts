/**
 * The parts every Decree 30 document shares: the header table, the title
 * with its summary, and the closing table of recipients and signer.
 */
import type { DocumentDate, Issuer, Recipient, Signer } from '../model/schema.js';
import type { ClosingView, HeaderView } from './document.js';
import { placeDateLine } from '../format/date.js';
import { numberLine } from '../format/numbering.js';
import { layout, textWidth } from '../layout.js';
import { textWidthPt, variantOf, widestLine } from '../measure.js';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const RECIPIENTS_TITLE = 'Nơi nhận:';

const s = layout.styles;

/** Width of the widest of some lines in a style, points. */
function linesWidth(lines: string[], style: { size: number; bold: boolean; italic: boolean }): number {
  return Math.max(...lines.map((l) => textWidthPt(l, style.size, variantOf(style))));
}

export function headerView(issuer: Issuer, symbol: string, number: number | null, date: DocumentDate): HeaderView {
  return {
    parent: issuer.parent,
    issuer: issuer.lines,
    issuerRule: linesWidth(issuer.lines, s.issuer) * layout.rule.share,
    number: numberLine(number, symbol),
    nationalName: NATIONAL_NAME,
    motto: MOTTO,
    mottoRule: linesWidth([MOTTO], s.motto),
    placeDate: placeDateLine(issuer.place, date),
  };
}

/** Rule under the summary: a share of its widest printed line. */
export function summaryRule(summary: string): number {
  return widestLine(summary, textWidth(), s.summary.size, variantOf(s.summary)) * layout.rule.share;
}

/** "- UBND thành phố (b/c);" ... "- Lưu: VT." */
export function recipientLines(recipients: Recipient[], archive: string[]): string[] {
  return [
    ...recipients.map((r) => `- ${r.name}${r.note ? ` (${r.note})` : ''};`),
    `- Lưu: ${archive.join(', ')}.`,
  ];
}

export function signerLines(signer: Signer): string[] {
  return [...signer.authorities.map((a) => `${a.prefix} ${a.of}`), signer.position];
}

export function closingView(recipients: Recipient[], archive: string[], signer: Signer): ClosingView {
  return {
    recipientsTitle: RECIPIENTS_TITLE,
    recipients: recipientLines(recipients, archive),
    signerLines: signerLines(signer),
    signerName: signer.name,
  };
}
