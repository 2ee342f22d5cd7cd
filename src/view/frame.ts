/**
 * The parts every document shares, in its organisation's format (Decree
 * 30's by default): the header table, the title
 * with its summary, "Kính gửi", the closing paragraph, the closing table of
 * recipients and signer, and the appendices after it.
 */
import type { Appendix, Closing, DocumentDate, DocumentNumber, Recipient, Signer } from '../model/schema.js';
import type { AppendixView, Block, ClosingView, HeaderView } from './document.js';
import { placeDateLine } from '../format/date.js';
import { numberLine, roman } from '../format/numbering.js';
import { endsClause, opensName, opensPhrase } from '../format/text.js';
import { appendixTextWidth, columnWidths, layout, mmToPt, textWidth } from '../layout.js';
import { textWidthPt, variantOf, widestLine, wrapper } from '../measure.js';
import { phrase } from '../phrases/index.js';
import { breakWords, placeWords, typeset } from '../phrases/typeset.js';
import { brokenAtPhrases, outlineBlocks, type OutlineContext } from './outline.js';
import type { Profile } from '../phrases/profiles.js';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const RECIPIENTS_TITLE = 'Nơi nhận:';

const s = layout.styles;

/** Width of the widest of some lines in a style, points. */
function linesWidth(lines: string[], style: { size: number; bold: boolean; italic: boolean }): number {
  return Math.max(...lines.map((l) => textWidthPt(l, style.size, variantOf(style))));
}

export interface HeaderLines {
  parent: string[];
  lines: string[];
  place: string;
  nationalName?: string;
  motto?: string;
}

/**
 * The header in its organisation's format (templates/profiles.yaml): top
 * right the national name and motto, or the organisation's own line, with a
 * rule under; under the issuer a rule or its mark ("*", "***"); the number
 * in its form ("Số: 05/KH-UBND", "Số: 05-KH/ĐTN", "Số 12-KH/ĐU").
 */
export function headerView(issuer: HeaderLines, symbol: string, number: DocumentNumber, date: DocumentDate, profile: Profile): HeaderView {
  const national = profile.heading === 'national';
  const nationalName = national ? (issuer.nationalName ?? NATIONAL_NAME) : profile.heading;
  const motto = national ? (issuer.motto ?? MOTTO) : null;
  const mark = profile.mark === 'rule' ? null : profile.mark;
  // Both columns' lines are centred, each beside the line of its row: a left line of width w ends
  // (left + right - beside) / 2 - w / 2 before the national name (row 0) or the motto (row 1); below them, the column.
  const [left, right] = columnWidths();
  const beside = [linesWidth([nationalName], s.nationalName), ...(motto === null ? [] : [linesWidth([motto], s.motto)])];
  const roomAt = (row: number) => (row < beside.length ? Math.min(left, left + right - beside[row] - 2 * mmToPt(layout.headerGap)) : left);
  let row = 0;
  const fitted = (st: typeof s.issuer) => (l: string) => {
    const split = withRoom(l, st, roomAt(row));
    row += split.length;
    return split;
  };
  const parent = issuer.parent.flatMap(fitted(s.issuerParent));
  const lines = issuer.lines.flatMap(fitted(s.issuer));
  return {
    parent,
    issuer: lines,
    issuerRule: mark === null ? linesWidth(lines, s.issuer) * layout.rule.share : 0,
    issuerMark: mark,
    number: numberLine(number, symbol, profile.number),
    nationalName,
    motto,
    // Under the motto its exact width; under an organisation's own line, that line's.
    mottoRule: motto === null ? linesWidth([nationalName], s.nationalName) : linesWidth([motto], s.motto),
    placeDate: placeDateLine(issuer.place, date),
  };
}

/**
 * A line of the header's left column as printed: whole where it is at most `room` wide, else on two lines ("CÔNG AN
 * / THÀNH PHỐ HẢI PHÒNG"), broken before a place's level word where both halves then fit, else where the longer half
 * is shortest. A line with no such break stays whole (validation holds it to its column).
 */
export function withRoom(line: string, st: { size: number; bold: boolean; italic: boolean }, room: number): string[] {
  const width = (t: string) => textWidthPt(t, st.size, variantOf(st));
  if (width(line) <= room) return [line];
  const words = line.split(' ');
  const splits = words.slice(1).map((_, i) => [words.slice(0, i + 1).join(' '), words.slice(i + 1).join(' ')] as const);
  const fitting = splits.filter(([a, b]) => width(a) <= room && width(b) <= room);
  const levels = placeWords().map((w) => `${w.toLocaleUpperCase('vi')} `);
  const atLevel = fitting.find(([, b]) => levels.some((w) => `${b} `.startsWith(w)));
  const best = atLevel ?? fitting.sort((x, y) => Math.max(width(x[0]), width(x[1])) - Math.max(width(y[0]), width(y[1])))[0];
  return best ? [...best] : [line];
}

/** The summary as it is to wrap: where a phrase ends rather than inside one, measured in its style. */
export const summaryText = (summary: string): string => brokenAtPhrases(summary, s.summary, textWidth());

/** Whether a title may break between a line ending in `word` and the next: after a comma, or before a word, a name or a joined phrase that opens one. */
function breaksWell(word: string, next: string): boolean {
  if (endsClause(word)) return true;
  const [first] = next.split(' ');
  // A joined phrase or name ("kinh tế - xã hội", "Ban Chỉ huy Quân sự xã") is a phrase of its own.
  if (first.includes('\u00a0') && !first.includes('\u2060')) return true;
  return opensName(word, first) || opensPhrase(next.replace(/\u00a0/g, ' ').toLocaleLowerCase('vi'), breakWords());
}

/** A title's lines are at most this much wider than the narrowest widest line its breaks allow, points, to fill its short lines better. */
const TITLE_STEP = 4;
/** Every line of a title but its last fills at least this share of the widest line allowed. */
const TITLE_LEAST = 0.6;

/**
 * A generated title (a unit's plan, a report) as a typesetter sets it: no line wider than `layout.titleShare` of the
 * text width, in as few lines as that allows with each break where a phrase ends (one more line where it must), every
 * line but the last well filled (no "của Đảng" left alone between two long ones), and the lines as even as that
 * allows: the narrowest widest line, then the fullest shortest one. The breaks are chosen over the whole title, not
 * line by line, so a long last line ("tại Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường") is matched by the
 * lines above it. Its lines are joined by "\n", a line break in both renderers. A title that fits one line stays
 * whole; one that cannot be broken so wraps as any title, at phrases where it can.
 */
export function balancedSummary(summary: string): string {
  if (fitsSummaryLine(summary)) return summary;
  const st = s.summary;
  const variant = variantOf(st);
  // The words a line may break between, as the renderers set them (unbreakable runs joined).
  const printed = typeset(summary);
  const words = printed.split(' ');
  const n = words.length;
  const w = words.map((x) => textWidthPt(x, st.size, variant));
  // What the space before word i adds, with the kerning either side, so that a line's width is a sum (as textWidthPt's).
  const joint = words.map((x, i) => (i === 0 ? 0 : textWidthPt(`${words[i - 1]} ${x}`, st.size, variant) - w[i - 1] - w[i]));
  const upTo = [0];
  for (let k = 0; k < n; k++) upTo.push(upTo[k] + w[k] + joint[k]);
  const width = (i: number, j: number): number => upTo[j] - upTo[i] - joint[i];
  const breaks = words.map((_, j) => j > 0 && j < n && breaksWell(words[j - 1], words.slice(j, j + 3).join(' ')));
  const widest = textWidth() * layout.titleShare;
  const least = widest * TITLE_LEAST;
  // Lines words[i..j), each no wider than `room`, each but the last at least `least` wide, each break a good one.
  const fits = (i: number, j: number, room: number): boolean =>
    width(i, j) <= room && (j === n || (breaks[j] && width(i, j) >= least));
  // The best `count` lines: best[k][j] the score of words[0..j) in k lines, from[k][j] where its last line starts.
  const best = (count: number, room: number, start: number, score: (prev: number, i: number, j: number) => number, better: (a: number, b: number) => boolean): number[] | undefined => {
    const at: number[][] = [Array.from({ length: n + 1 }, (_, j) => (j === 0 ? start : NaN))];
    const from: number[][] = [[]];
    for (let k = 1; k <= count; k++) {
      at.push(Array(n + 1).fill(NaN));
      from.push(Array(n + 1).fill(-1));
      for (let j = 1; j <= n; j++) {
        for (let i = j - 1; i >= k - 1; i--) {
          if (width(i, j) > room) break;
          if (Number.isNaN(at[k - 1][i]) || !fits(i, j, room)) continue;
          const v = score(at[k - 1][i], i, j);
          if (Number.isNaN(at[k][j]) || better(v, at[k][j])) [at[k][j], from[k][j]] = [v, i];
        }
      }
    }
    if (Number.isNaN(at[count][n])) return undefined;
    const starts: number[] = [];
    for (let k = count, j = n; k > 0; j = from[k][j], k--) starts.unshift(from[k][j]);
    return starts;
  };
  const lines = (count: number): string[] | undefined => {
    // The narrowest room these lines can have, then within a step of it the fullest shortest line but the last.
    const narrowest = best(count, widest, 0, (prev, i, j) => Math.max(prev, width(i, j)), (a, b) => a < b);
    if (!narrowest) return undefined;
    const room = Math.min(widest, Math.max(...narrowest.map((i, k) => width(i, narrowest[k + 1] ?? n))) + TITLE_STEP);
    const starts = best(count, room, Infinity, (prev, i, j) => (j === n ? prev : Math.min(prev, width(i, j))), (a, b) => a > b)!;
    return starts.map((i, k) => words.slice(i, starts[k + 1] ?? n).join(' '));
  };
  const fewest = wrapper(printed, st.size, variant)(widest).length;
  const chosen = lines(fewest) ?? lines(fewest + 1);
  return chosen ? chosen.join('\n') : summaryText(summary);
}

/** Rule under the summary: a share of its widest printed line. */
export function summaryRule(summary: string): number {
  // Measured as the renderers set it: with its spaces that do not break, line by line where the view broke it.
  const widths = summary.split('\n').map((l) => widestLine(typeset(l), textWidth(), s.summary.size, variantOf(s.summary)));
  return Math.max(...widths) * layout.rule.share;
}

/** Whether a text fits on one line of the summary (with its spaces that do not break, as the renderers set it). */
export const fitsSummaryLine = (text: string): boolean => textWidthPt(typeset(text), s.summary.size, variantOf(s.summary)) <= textWidth();

/** "Kính gửi: X." for one addressee; for several, one per line starting "-". */
export function addresseeLines(to: string[]): string[] {
  if (!to.length) return [];
  if (to.length === 1) return [`Kính gửi: ${to[0]}.`];
  return ['Kính gửi:', ...to.map((t, i) => `- ${t}${i === to.length - 1 ? '.' : ';'}`)];
}

/** "Trên đây là <subject>, <request>./.", or the closing as printed. */
export const closingText = (c: Closing): string => ('text' in c ? c.text : phrase('closing', c));

/** "- UBND thành phố (b/c);" ... "- Lưu: VT." ("- Lưu VP." where the organisation writes it without a colon). */
export function recipientLines(recipients: Recipient[], archive: string[], profile: Profile): string[] {
  return [
    ...recipients.map((r) => `- ${r.name}${r.note ? ` (${r.note})` : ''};`),
    `- ${profile.archive} ${archive.join(', ')}.`,
  ];
}

/** "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"; the prefixes as the organisation writes them ("T/M BAN THƯỜNG VỤ"). */
export function signerLines(signer: Signer, profile: Profile): string[] {
  return [...signer.authorities.map((a) => `${profile.authorities[a.prefix]} ${a.of}`), signer.position];
}

/** The addressees of "Kính gửi" stand first in "Nơi nhận" as "- Như trên;" (Decree 30, Appendix I). */
export const AS_ADDRESSED: Recipient = { name: 'Như trên' };

/** `addressed`: the document has addressees ("Kính gửi"), so its recipients open with "- Như trên;". */
export function closingView(recipients: Recipient[], archive: string[], signer: Signer, profile: Profile, addressed = false): ClosingView {
  return {
    recipientsTitle: RECIPIENTS_TITLE,
    recipients: recipientLines(addressed ? [AS_ADDRESSED, ...recipients] : recipients, archive, profile),
    signerLines: signerLines(signer, profile),
    signerName: signer.name,
  };
}

export interface KeptAppendix {
  source: Appendix;
  body: Block[];
}

/** The appendices that have content (one marked `omitEmpty` is left out when its body comes out empty). */
export function keptAppendices(appendices: Appendix[], ctx: OutlineContext): KeptAppendix[] {
  return appendices.flatMap((source) => {
    const body = outlineBlocks(source.body, ctx, source.numbering, appendixTextWidth(source.landscape));
    return source.omitEmpty && !body.length ? [] : [{ source, body }];
  });
}

/** "Phụ lục" (numbered I, II ... when there are several) or the label as printed. */
export const appendixLabel = (a: Appendix, index: number, count: number): string =>
  a.label ?? (count > 1 ? `Phụ lục ${roman(index + 1)}` : 'Phụ lục');

/** A note that wraps breaks where a phrase ends: "... của / Ủy ban nhân dân xã Đông Mẫu)", never inside the name. */
const appendixNote = (note: string | null, landscape: boolean): string | null =>
  note === null ? null : brokenAtPhrases(note, s.appendixNote, appendixTextWidth(landscape));

/** The appendices' views: label, title, the note "(Kèm theo <of>)" unless the data prints another, the body. */
export function appendixViews(kept: KeptAppendix[], of: string): AppendixView[] {
  return kept.map(({ source: a, body }, i): AppendixView => ({
    label: appendixLabel(a, i, kept.length),
    title: a.title,
    note: appendixNote(a.note === undefined ? `(Kèm theo ${of})` : a.note, a.landscape),
    rule: Math.min(linesWidth(a.title, s.appendixTitle), appendixTextWidth(a.landscape)) * layout.rule.share,
    landscape: a.landscape,
    body,
  }));
}
