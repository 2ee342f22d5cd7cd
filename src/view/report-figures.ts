/**
 * How a report words the outcome of an indicator: achieved figures against
 * the plan's, rates, statuses, components, money in words. Pure.
 */
import type { IndicatorItem, Target } from '../model/schema.js';
import { boundOf, type Bound } from '../model/bound.js';
import { STATUS_LABEL, type IndicatorOutcome, type ItemOutcome } from '../report/outcomes.js';
import { padNumber } from '../format/numbering.js';
import { formatVi, type Fixed } from '../format/decimal.js';
import { inWordsLine } from '../format/words.js';
import { lowerFirst } from '../format/text.js';
import { formatTarget, itemName } from './indicators.js';

/** "05", "12": counts below ten with a leading zero, as administrative reports write them; none is "0". */
export const count = (n: number): string => (n === 0 ? '0' : padNumber(n));

/** Money's unit names its currency even where the plan wrote "350 triệu". */
export const moneyUnit = (unit: string): string => (/đồng/.test(unit) ? unit : `${unit} đồng`);

/** The unit of an item's figures, as printed after them. */
export function unitOf(item: IndicatorItem): string {
  if (item.kind === 'money') return ` ${moneyUnit(item.unit)}`;
  if (item.kind === 'count') return ` ${item.unit}`;
  if (item.kind === 'percent') return item.showSign ? '%' : '';
  return item.kind === 'quota' ? '%' : '';
}

const pct = (f: Fixed | undefined) => (f ? `${formatVi(f)}%` : '—');

/** "840,215/1.712,500 tỷ đồng" from the achieved slots of an item. */
export function achievedText(o: ItemOutcome): string {
  if (o.item.kind === 'completion') return o.done === undefined ? 'chưa có số liệu' : o.done ? 'đã hoàn thành' : 'chưa hoàn thành';
  if (o.slots.every((s) => !s.achieved)) return 'chưa có số liệu';
  const values = o.slots.map((s) => (s.achieved ? formatVi(s.achieved) : '…'));
  const u = unitOf(o.item);
  return u === '%' ? values.map((v) => `${v}%`).join('/') : `${values.join('/')}${u}`;
}

function targetText(item: IndicatorItem): string {
  if (item.kind === 'quota') return `${formatVi(item.percent)}%`;
  if (item.kind === 'completion') return 'hoàn thành';
  const u = unitOf(item);
  const words = boundOf(item) === 'atMost' ? 'không quá ' : '';
  return u === '%' ? `${words}${formatTarget(item.target, (v) => `${formatVi(v)}%`)}` : `${words}${formatTarget(item.target, formatVi)}${u}`;
}

/** "100,8%/100,9%"; in the table, whose column says "(%)", without the signs. */
export const rateText = (o: ItemOutcome, sign = true): string => {
  const rates = o.slots.map((s) => s.rate);
  return rates.some(Boolean) ? rates.map((r) => (sign ? pct(r) : r ? formatVi(r) : '—')).join('/') : '—';
};

/** A ceiling (lower is better): a rate against it would read as a score, so none is shown. */
export const isCeiling = (o: ItemOutcome): boolean =>
  (o.item.kind === 'money' || o.item.kind === 'count' || o.item.kind === 'percent') && boundOf(o.item) === 'atMost';

/** "Tổng giá trị sản xuất: thực hiện 840,215/1.712,500 tỷ đồng (kế hoạch 833,509/1.703,274 tỷ đồng), đạt 100,8%/100,5% kế hoạch". */
function itemSentence(o: ItemOutcome): string {
  const label = itemName(o.item);
  if (o.status === 'no-data') return `${label}: chưa có số liệu`;
  if (o.item.kind === 'completion') return `${label}: ${achievedText(o)}`;
  const rate = o.slots.some((s) => s.rate) && !isCeiling(o) ? `, đạt ${rateText(o)} kế hoạch` : '';
  if (o.item.kind === 'quota') return `${label}: thực hiện ${achievedText(o)}`;
  return `${label}: thực hiện ${achievedText(o)} (kế hoạch ${targetText(o.item)})${rate}`;
}

/** Money achieved in words, for the whole year (or the one value). */
function inWords(o: ItemOutcome): string | undefined {
  if (o.item.kind !== 'money') return undefined;
  const main = o.slots.find((s) => s.slot === 'year' && s.achieved) ?? o.slots.find((s) => s.slot === 'value' && s.achieved);
  if (!main?.achieved) return undefined;
  const line = inWordsLine(main.achieved, moneyUnit(o.item.unit));
  // After a period/year pair, say which figure is spelt out.
  return main.slot === 'year' ? line.replace(/^Bằng chữ:/, 'Bằng chữ (cả năm):') : line;
}

/** "trong đó: Giá trị thương mại, dịch vụ: 726,402/1.495,307 tỷ đồng; ..." from the reported components. */
function componentsText(o: ItemOutcome): string {
  if ((o.item.kind !== 'money' && o.item.kind !== 'count') || !o.result?.components.length) return '';
  const item = o.item;
  const parts = item.components.flatMap((c) => {
    const a = o.result!.components.find((x) => x.id === c.id)?.achieved;
    if (a === undefined || typeof a === 'boolean') return [];
    const value = typeof a === 'object' ? [a.period, a.year].map((v) => (v === undefined ? '…' : formatVi(v))).join('/') : formatVi(a);
    return [`${c.label}${c.separator}${value}${unitOf(item)}`];
  });
  return parts.length ? ` (trong đó: ${parts.join('; ')})` : '';
}

export const statusWord = (o: IndicatorOutcome): string => lowerFirst(STATUS_LABEL[o.status]);

/** "(1) Tổng giá trị sản xuất: thực hiện ...; đánh giá: vượt. Số liệu do ... báo cáo. Ghi chú: ... Bằng chữ: ..." */
export function indicatorLine(o: IndicatorOutcome, unitName: (id: string) => string): string {
  const words = o.items.map(inWords).filter(Boolean).join(' ');
  const reporters = [...new Set(o.items.flatMap((i) => (i.result?.reportedBy ? [unitName(i.result.reportedBy)] : [])))];
  const notes = o.items.flatMap((i) => (i.result?.note ? [i.result.note.replace(/\.$/, '')] : []));
  return (
    `(${o.code}) ${o.items.map((i) => itemSentence(i) + componentsText(i)).join('; ')}; đánh giá: ${statusWord(o)}.` +
    (reporters.length ? ` Số liệu do ${reporters.join(', ')} báo cáo.` : '') +
    (notes.length ? ` Ghi chú: ${notes.join('; ')}.` : '') +
    (words ? ` ${words}` : '')
  );
}

/** The plan's figures in a table cell: "≤ 1,1" for a ceiling. */
export function planFigures(t: Target, bound: Bound): string {
  return `${bound === 'atMost' ? '≤ ' : ''}${formatTarget(t, formatVi)}`;
}
