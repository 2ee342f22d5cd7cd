/**
 * How a report words the outcome of an indicator: achieved figures against
 * the plan's, rates, statuses, components, money in words. Pure.
 */
import type { IndicatorItem } from '../model/schema.js';
import { boundOf } from '../model/bound.js';
import type { IndicatorOutcome, ItemOutcome, Slot } from '../report/outcomes.js';
import { padNumber } from '../format/numbering.js';
import { formatVi, toFixed, type Fixed } from '../format/decimal.js';
import { continuing, upperFirst } from '../format/text.js';
import { formatTarget, itemName as nameOf } from './indicators.js';

/** "05", "12": counts below ten with a leading zero, as administrative reports write them; none is "0". */
export const count = (n: number): string => (n === 0 ? '0' : padNumber(n));

/** Money's unit names its currency even where the plan wrote "350 triệu". */
export const moneyUnit = (unit: string): string => (/đồng/.test(unit) ? unit : `${unit} đồng`);

/** The unit of an item's figures, as printed after them. */
export function unitOf(item: IndicatorItem): string {
  if (item.kind === 'money') return ` ${moneyUnit(item.unit)}`;
  if (item.kind === 'count') return ` ${item.unit}`;
  // A report writes a rate with its sign even where the plan left it out ("Tỷ lệ hộ nghèo 0%").
  if (item.kind === 'percent') return '%';
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

/**
 * The plan's target in a report sentence: "1.703,274 tỷ đồng"; a ceiling as the appendix's "≤ 0,7" reads in words,
 * "không quá 0,7%"; a target of zero plainly "0%" (nothing is below it).
 */
function targetText(item: IndicatorItem): string {
  if (item.kind === 'quota') return `${formatVi(item.percent)}%`;
  if (item.kind === 'completion') return 'hoàn thành';
  const u = unitOf(item);
  const figures = u === '%' ? formatTarget(item.target, (v) => `${formatVi(v)}%`) : `${formatTarget(item.target, formatVi)}${u}`;
  return marksCeiling(item) ? `không quá ${figures}` : figures;
}

/** "100,8%/100,9%"; in the table, whose column says "(%)", without the signs. */
export const rateText = (o: ItemOutcome, sign = true): string => {
  const rates = o.slots.map((s) => s.rate);
  return rates.some(Boolean) ? rates.map((r) => (sign ? pct(r) : r ? formatVi(r) : '—')).join('/') : '—';
};

/** A ceiling (lower is better): a rate against it would read as a score, so none is shown. */
export const isCeiling = (o: ItemOutcome): boolean =>
  (o.item.kind === 'money' || o.item.kind === 'count' || o.item.kind === 'percent') && boundOf(o.item) === 'atMost';

function targetValues(item: IndicatorItem): Fixed[] {
  if (item.kind !== 'money' && item.kind !== 'count' && item.kind !== 'percent') return [];
  const t = item.target;
  return (typeof t !== 'object' ? [t] : 'from' in t ? [] : [t.period, t.year]).map((v) => toFixed(v));
}

/** A target of zero ("Tỷ lệ hộ nghèo 0%"): no rate can be taken of it. */
function isZero(item: IndicatorItem): boolean {
  const values = targetValues(item);
  return values.length > 0 && values.every((v) => v.scaled === 0n);
}

/** The items with a figure to reach (money, count, percent): those with a bound. */
type Measured = Extract<IndicatorItem, { kind: 'money' | 'count' | 'percent' }>;

/** A ceiling is marked as one ("≤ 0,7" in a table, "không quá 0,7%" in a sentence); a ceiling of zero is plainly "0". */
const marksCeiling = (item: Measured): boolean => boundOf(item) === 'atMost' && !isZero(item);

/** A target below zero (a fall to reach): a rate against it reads backwards. */
const isNegative = (item: IndicatorItem): boolean => targetValues(item).some((v) => v.scaled < 0n);

/** How an item's status ends its clause: "vượt kế hoạch"; beside a ceiling or zero, its plain "đạt" / "chưa đạt" (as the counts and the appendix say). */
function statusPhrase(o: ItemOutcome, plain: boolean): string {
  if (o.status === 'exceeded') return plain ? 'đạt' : 'vượt kế hoạch';
  if (o.status === 'reached') return plain ? 'đạt' : 'đạt kế hoạch';
  return plain ? 'chưa đạt' : 'chưa đạt kế hoạch';
}

/** The words for each half of a pair: the campaign's period, the whole year. */
const SLOT_WORDS: Record<Slot, string> = { value: '', period: 'trong kỳ', year: 'cả năm' };

/** "thực hiện trong kỳ 840,215 tỷ đồng, đạt 100,8% kế hoạch; cả năm chưa có số liệu": a pair of which one half is reported. */
function halfReported(o: ItemOutcome): string {
  const u = unitOf(o.item);
  const done = o.slots.filter((x) => x.achieved);
  const missing = o.slots.filter((x) => !x.achieved).map((x) => SLOT_WORDS[x.slot]);
  const parts = done.map((x) => `${SLOT_WORDS[x.slot]} ${formatVi(x.achieved!)}${u}${x.rate ? `, đạt ${pct(x.rate)} kế hoạch` : ''}`);
  return `thực hiện ${parts.join('; ')}; ${missing.join(', ')} chưa có số liệu`;
}

/**
 * One item as a clerk writes it: "Tổng giá trị sản xuất thực hiện 840,215/1.718,642 tỷ đồng, đạt 100,8%/100,9% kế
 * hoạch, vượt kế hoạch"; "Tỷ lệ điều tra phá án 96,2% (kế hoạch: 95%), vượt kế hoạch"; "Tỷ lệ hộ nghèo 0% (kế hoạch:
 * 0%), đạt"; "Hoàn thành 100% chỉ tiêu tuyển quân thành phố giao"; "Dự án ... chưa hoàn thành".
 */
export function itemClause(o: ItemOutcome, first = true): string {
  const item = o.item;
  // The words this clause opens with are ours: capitalised at the start of the sentence, not after a ";"; there the
  // plan's name goes on in lower case too ("…, đạt; tỷ lệ hộ cận nghèo …"), unless it is a body's name.
  const open = (s: string) => (first ? upperFirst(s) : continuing(s));
  const itemName = (i: IndicatorItem) => (first ? nameOf(i) : continuing(nameOf(i)));
  if (item.kind === 'completion') {
    return o.done === undefined ? `${open(item.label)}: chưa có số liệu` : `${open(item.label)} ${o.done ? 'đã hoàn thành' : 'chưa hoàn thành'}`;
  }
  // Half of a pair reported: that half with its rate, the other said to be missing.
  if (o.status === 'no-data' && o.slots.some((x) => x.achieved)) return `${itemName(item)} ${halfReported(o)}`;
  // A quota's name says "Hoàn thành ...": without data it is named as what was given.
  if (o.status === 'no-data') return item.kind === 'quota' ? `${open('chỉ tiêu')} ${item.label}: chưa có số liệu` : `${itemName(item)}: chưa có số liệu`;
  if (item.kind === 'quota') {
    const missed = o.status === 'not-reached';
    return `${open(missed ? 'thực hiện' : 'hoàn thành')} ${achievedText(o)} chỉ tiêu ${item.label}${missed ? `, ${statusPhrase(o, false)}` : ''}`;
  }
  const label = itemName(item);
  // Beside a ceiling, a zero, a negative or an exact target a rate would mislead ("đạt 105% kế hoạch" of an exact 100 not met): the plan's figure instead.
  if (isCeiling(o) || isZero(item) || isNegative(item) || boundOf(item) === 'exact') return `${label} ${achievedText(o)} (kế hoạch: ${targetText(item)}), ${statusPhrase(o, true)}`;
  // A rate against the plan's rate is no figure a clerk writes ("thực hiện 96,2%, đạt 101,3% kế hoạch"): the plan's rate beside it.
  if (item.kind === 'percent') return `${label} ${achievedText(o)} (kế hoạch: ${targetText(item)}), ${statusPhrase(o, false)}`;
  const rate = o.slots.some((s) => s.rate) ? `, đạt ${rateText(o)} kế hoạch` : '';
  // "đạt 100% kế hoạch" says it is reached; only exceeding or falling short is said again.
  return `${label} thực hiện ${achievedText(o)}${rate}${o.status === 'reached' && rate ? '' : `, ${statusPhrase(o, false)}`}`;
}

/**
 * "(1) Tổng giá trị sản xuất thực hiện 840,215/1.718,642 tỷ đồng, đạt 100,8%/100,9% kế hoạch, vượt kế hoạch." Each
 * item in one clause with its status, the same as in the appendix; who reported a figure, notes, components and money
 * in words are the appendix table's, not the narrative's.
 */
export function indicatorLine(o: IndicatorOutcome): string {
  return `(${o.code}) ${o.items.map((it, i) => itemClause(it, i === 0)).join('; ')}.`;
}

/** The plan's figures in a table cell: "≤ 1,1" for a ceiling; a target of zero plainly "0". */
export function planFigures(item: Measured): string {
  return `${marksCeiling(item) ? '≤ ' : ''}${formatTarget(item.target, formatVi)}`;
}
