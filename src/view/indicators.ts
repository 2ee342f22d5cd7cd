/**
 * The printed sentence of an indicator, composed from its values:
 * "(1). Tổng giá trị sản xuất: 833,509/1.703,274 tỷ đồng; trong đó: ...",
 * "Phấn đấu có ít nhất 70% số người ... được ...". Each item is the words
 * before its value, the binding in words, the value and the words after it;
 * the numbers stay data, so results can later be compared with them.
 */
import type { Decimal, Indicator, IndicatorItem, Target } from '../model/schema.js';
import { formatVi } from '../format/decimal.js';
import { boundOf, type Bound } from '../model/bound.js';

const BOUND_WORDS: Record<Bound, string> = { exact: '', atLeast: 'ít nhất', atMost: 'không quá' };

/** "833,509/1.703,274" for a period/year pair, "từ 80 đến 85" for a range; `unit` follows each value. */
export function formatTarget(target: Target, unit: (v: Decimal) => string): string {
  if (typeof target === 'object' && 'period' in target) return `${unit(target.period)}/${unit(target.year)}`;
  if (typeof target === 'object' && 'from' in target) return `từ ${unit(target.from)} đến ${unit(target.to)}`;
  return unit(target);
}

/**
 * An item's name in lists and tables: the whole phrase of a quota or a
 * completion, the short name where a label runs into its value, else the label.
 */
export function itemName(item: IndicatorItem): string {
  if (item.kind === 'quota') return `Hoàn thành ${formatVi(item.percent)}% chỉ tiêu ${item.label}`;
  if (item.kind === 'completion') return `Hoàn thành ${item.label}`;
  // The schema requires one of the two.
  return item.name ?? item.label!;
}

/** Words after a value follow a space, unless they start with punctuation that closes onto it (",", ")"). */
export const joinAfter = (value: string, after: string | undefined): string =>
  after === undefined ? value : `${value}${/^[,.;:)]/.test(after) ? '' : ' '}${after}`;

/** "<label><separator><binding words> <value> <after>", leaving out the parts an item has not. */
function phrased(
  item: { label?: string; separator: string; after?: string; boundWords?: string; printBound: boolean; bound?: Bound; lowerIsBetter: boolean },
  value: string,
): string {
  const words = item.printBound ? (item.boundWords ?? BOUND_WORDS[boundOf(item)]) : '';
  const bound = words ? `${words} ${value}` : value;
  return joinAfter(item.label === undefined ? bound : `${item.label}${item.separator}${bound}`, item.after);
}

function itemText(item: IndicatorItem): string {
  switch (item.kind) {
    case 'quota':
    case 'completion':
      return itemName(item);
    case 'percent': {
      const sign = item.showSign ? '%' : '';
      return phrased(item, formatTarget(item.target, (v) => `${formatVi(v)}${sign}`));
    }
    case 'money':
    case 'count': {
      // A pair shares one unit after its second value: "120/831 lượt người".
      const value = `${formatTarget(item.target, formatVi)} ${item.unit}`;
      const parts = item.components.map(
        (c) => `${c.label}${c.separator}${formatTarget(c.target, formatVi)} ${item.unit}`,
      );
      const components = parts.length ? `; trong đó: ${parts.join('; ')}` : '';
      const ctx = item.context;
      const context = ctx
        ? ` (${ctx.label} ${formatVi(ctx.actual)}/${formatVi(ctx.plan)} ${ctx.unit} đạt ${formatVi(ctx.percent)}%` +
          (ctx.goal ? `, ${ctx.goal.label} ${formatVi(ctx.goal.percent)}%` : '') +
          ')'
        : '';
      return `${phrased(item, value)}${components}${context}`;
    }
  }
}

/** The items of an indicator in one sentence with its closing punctuation, without its code. */
export function indicatorText(indicator: Indicator): string {
  const items = indicator.items.map(itemText).join(indicator.join);
  return `${indicator.lead ? `${indicator.lead} ` : ''}${items}${indicator.end}`;
}

/** "(1)." or "(8)" followed by the indicator's sentence. */
export function indicatorSentence(indicator: Indicator, code: number): string {
  return `(${code})${indicator.codeDot ? '.' : ''} ${indicatorText(indicator)}`;
}
