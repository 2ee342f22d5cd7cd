/**
 * The printed sentence of an indicator, composed from its values:
 * "(1). Tổng giá trị sản xuất: 833,509/1.703,274 tỷ đồng; trong đó: ...".
 * The numbers stay data, so results can later be compared with them.
 */
import type { Decimal, Indicator, IndicatorItem, Target } from '../model/schema.js';
import { formatVi } from '../format/decimal.js';
import { boundOf, type Bound } from '../model/bound.js';

const BOUND_WORDS: Record<Bound, string> = { exact: '', atLeast: 'ít nhất ', atMost: 'không quá ' };

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
  return item.name ?? item.label;
}

function itemText(item: IndicatorItem): string {
  switch (item.kind) {
    case 'quota':
    case 'completion':
      return itemName(item);
    case 'percent': {
      const sign = item.showSign ? '%' : '';
      const value = formatTarget(item.target, (v) => `${formatVi(v)}${sign}`);
      return `${item.label}${item.separator}${boundWords(item)}${value}`;
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
      return `${item.label}${item.separator}${boundWords(item)}${value}${components}${context}`;
    }
  }
}

function boundWords(item: { bound?: Bound; lowerIsBetter: boolean; printBound: boolean }): string {
  return item.printBound ? BOUND_WORDS[boundOf(item)] : '';
}

/** "(1)." or "(8)" followed by the items joined with "; " and the closing punctuation. */
export function indicatorSentence(indicator: Indicator): string {
  const code = `(${indicator.code})${indicator.codeDot ? '.' : ''}`;
  return `${code} ${indicator.items.map(itemText).join('; ')}${indicator.end}`;
}
