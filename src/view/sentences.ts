/**
 * The sentences typed blocks print: the paragraphs that cite documents, the
 * time of the campaign and its phases, the reporting duty.
 */
import type { BasisBlock, PointInTime, Reporting, Timeline } from '../model/schema.js';
import { citation } from '../format/citation.js';
import { isLastDayOfMonth, monthYear, parseIsoDate, shortDate } from '../format/date.js';
import { phrase } from '../phrases/index.js';
import type { TextBlock } from './document.js';

/**
 * "Thực hiện Kế hoạch số ...; Ủy ban nhân dân xã ... như sau:" as one
 * paragraph, or formal legal bases each on an italic line ("Căn cứ ...;"),
 * the last ending with the block's `end`.
 */
export function basisBlocks(b: BasisBlock): TextBlock[] {
  const cited = b.documents.map(citation);
  if (b.lines) {
    return cited.map((c, i): TextBlock => ({ role: 'basis', text: `${b.verb} ${c}${i === cited.length - 1 ? b.end : ';'}` }));
  }
  const then = b.then === undefined ? '' : `${b.thenSeparator ?? b.separator}${b.then}`;
  return [{ role: 'body', text: `${b.verb} ${cited.join(b.separator)}${then}` }];
}

const isMonth = (s: string) => /^\d{4}-\d{2}$/.test(s);
const month = (s: string) => ({ year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)) });

/** "ngày phát động", "ngày 01/10/2025", "tháng 10/2025", or the event as written. */
export function fromText(p: PointInTime): string {
  if (p === 'launch') return 'ngày phát động';
  if (typeof p === 'object') return p.event;
  return isMonth(p) ? `tháng ${monthYear(month(p))}` : `ngày ${shortDate(parseIsoDate(p))}`;
}

/** The end of the campaign: a month, or the last day of one, runs "đến hết tháng 12/2025". */
export function untilText(p: PointInTime): string {
  if (typeof p === 'string' && p !== 'launch' && (isMonth(p) || isLastDayOfMonth(parseIsoDate(p)))) {
    return `hết tháng ${monthYear(isMonth(p) ? month(p) : parseIsoDate(p))}`;
  }
  return fromText(p);
}

/** "Đợt thi đua được triển khai từ ngày phát động đến hết tháng 12/2025." and a line per phase. */
export function timelineSentences(t: Timeline, kindName: string): string[] {
  const main = t.sentence ?? phrase('timeline', { subject: t.subject ?? kindName, start: fromText(t.start), end: untilText(t.end) });
  const phases = t.phases.map(
    (p) => p.sentence ?? phrase('phase', { name: p.name, from: fromText(p.from), to: fromText(p.to), text: p.text ?? '' }),
  );
  return [main, ...phases];
}

/**
 * "Báo cáo kết quả thực hiện về ... (qua ... trước ngày 10/12/2025) để ..." in a plan, "<subject> báo cáo kết quả thực
 * hiện về ... (qua ...) trước ngày 10/12/2025 để ..." in a unit's.
 * `via` names the collecting unit by its own name where it is one of the units (the launch plan keeps its wording);
 * a subject not under the recipient (`sends`: the Front, a mass organisation) "gửi" its results rather than reports them.
 */
export function reportingSentence(r: Reporting, subject = '', via?: string, sends = false): string {
  if (r.sentence && !subject) return r.sentence;
  return phrase('reporting', {
    subject,
    sends,
    to: r.to,
    via: via ?? r.via ?? '',
    deadline: shortDate(parseIsoDate(r.deadline)),
    purpose: r.purpose ?? '',
  });
}
