/**
 * Results against targets, indicator by indicator: the rate, and a status
 * with the right meaning for each kind of target (higher or lower is better,
 * campaign-period/whole-year pairs, quotas, done or not done). Pure.
 */
import type { Campaign, Indicator, IndicatorItem, Target } from '../model/schema.js';
import { planParts, type IndicatorGroup } from '../model/outline.js';
import { reportingDeadline } from '../model/assignments.js';
import type { Achieved, IndicatorResult, Results } from '../model/results-schema.js';
import { compare, percentOf, toFixed, type Fixed } from '../format/decimal.js';
import { boundOf } from '../model/bound.js';

export type Status = 'exceeded' | 'reached' | 'not-reached' | 'no-data';

export const STATUS_LABEL: Record<Status, string> = {
  exceeded: 'Vượt',
  reached: 'Đạt',
  'not-reached': 'Chưa đạt',
  'no-data': 'Chưa có số liệu',
};

export type Slot = 'value' | 'period' | 'year';

export interface SlotOutcome {
  slot: Slot;
  achieved?: Fixed;
  /** Achieved as a percentage of the target (one decimal); none when the target is zero or a range. */
  rate?: Fixed;
  status: Status;
}

export interface ItemOutcome {
  item: IndicatorItem;
  result?: IndicatorResult;
  slots: SlotOutcome[];
  /** Completion items: done or not; undefined without data. */
  done?: boolean;
  status: Status;
}

export interface IndicatorOutcome {
  indicator: Indicator;
  /** Its code in the plan. */
  code: number;
  items: ItemOutcome[];
  status: Status;
}

export interface GroupOutcome {
  group: IndicatorGroup;
  indicators: IndicatorOutcome[];
  /** Indicators reached or exceeded. */
  reached: number;
}

export interface Outcomes {
  groups: GroupOutcome[];
  reached: number;
  total: number;
  counts: Record<Status, number>;
}

/**
 * Several statuses as one: any miss is a miss, any gap is a gap; all met
 * with some above is above, as the appendix shows it (an indicator whose
 * first item, on its numbered row, reads "Vượt" is counted among those
 * "vượt kế hoạch").
 */
export function combine(statuses: Status[]): Status {
  if (!statuses.length) return 'no-data';
  if (statuses.includes('not-reached')) return 'not-reached';
  if (statuses.includes('no-data')) return 'no-data';
  if (statuses.includes('exceeded')) return 'exceeded';
  return 'reached';
}

export const isReached = (s: Status): boolean => s === 'exceeded' || s === 'reached';

/**
 * One achieved value against one target value. Higher is better: above is
 * exceeded. Lower is better (a ceiling): at or below is reached. Exact: only
 * equal is reached.
 */
export function judge(achieved: Fixed, target: Fixed, bound: 'exact' | 'atLeast' | 'atMost'): Status {
  const c = compare(achieved, target);
  if (bound === 'exact') return c === 0 ? 'reached' : 'not-reached';
  if (bound === 'atMost') return c <= 0 ? 'reached' : 'not-reached';
  return c > 0 ? 'exceeded' : c === 0 ? 'reached' : 'not-reached';
}

function judgeRange(achieved: Fixed, from: Fixed, to: Fixed, lowerIsBetter: boolean): Status {
  if (lowerIsBetter) return compare(achieved, to) <= 0 ? 'reached' : 'not-reached';
  if (compare(achieved, from) < 0) return 'not-reached';
  return compare(achieved, to) > 0 ? 'exceeded' : 'reached';
}

/**
 * Achieved as a percentage of the target, one decimal; exactly the target is
 * plainly 100 (a clerk writes "đạt 100% kế hoạch"); more decimals where one
 * would print 100,0 for a result that is not exactly the target (99,96 or
 * 100,04), so the rate never contradicts the status.
 */
export function rateOf(achieved: Fixed, target: Fixed): Fixed | undefined {
  if (target.scaled === 0n) return undefined;
  if (compare(achieved, target) === 0) return { scaled: 100n, decimals: 0 };
  for (let decimals = 1; decimals < 6; decimals++) {
    const rate = percentOf(achieved, target, decimals);
    if (rate.scaled !== 100n * 10n ** BigInt(decimals)) return rate;
  }
  return percentOf(achieved, target, 6);
}

/** The achieved value for a slot of the target, if the result has it. */
function achievedSlot(a: Achieved | undefined, slot: Slot): Fixed | undefined {
  if (a === undefined || typeof a === 'boolean') return undefined;
  if (typeof a === 'object') return slot === 'value' ? undefined : a[slot] === undefined ? undefined : toFixed(a[slot]);
  return slot === 'value' ? toFixed(a) : undefined;
}

function targetSlots(t: Target): [Slot, Fixed | { from: Fixed; to: Fixed }][] {
  if (typeof t === 'object' && 'period' in t) return [['period', toFixed(t.period)], ['year', toFixed(t.year)]];
  if (typeof t === 'object' && 'from' in t) return [['value', { from: toFixed(t.from), to: toFixed(t.to) }]];
  return [['value', toFixed(t)]];
}

export function itemOutcome(item: IndicatorItem, result: IndicatorResult | undefined): ItemOutcome {
  const a = result?.achieved;
  if (item.kind === 'completion') {
    const done = typeof a === 'boolean' ? a : undefined;
    return { item, result, slots: [], done, status: done === undefined ? 'no-data' : done ? 'reached' : 'not-reached' };
  }
  if (item.kind === 'quota') {
    const achieved = achievedSlot(a, 'value');
    const quota = toFixed(item.percent);
    const status = achieved ? judge(achieved, quota, 'atLeast') : 'no-data';
    return { item, result, slots: [{ slot: 'value', achieved, rate: achieved && rateOf(achieved, quota), status }], status };
  }
  const bound = boundOf(item);
  const slots = targetSlots(item.target).map(([slot, target]): SlotOutcome => {
    const achieved = achievedSlot(a, slot);
    if (!achieved) return { slot, status: 'no-data' };
    if ('from' in target) return { slot, achieved, status: judgeRange(achieved, target.from, target.to, item.lowerIsBetter) };
    return { slot, achieved, rate: rateOf(achieved, target), status: judge(achieved, target, bound) };
  });
  return { item, result, slots, status: combine(slots.map((s) => s.status)) };
}

export function computeOutcomes(c: Campaign, r: Results): Outcomes {
  const byItem = new Map(r.indicators.map((x) => [x.item, x]));
  const groups = planParts(c.plan).groups.map((group): GroupOutcome => {
    const indicators = group.indicators.map(({ indicator, code }): IndicatorOutcome => {
      const items = indicator.items.map((item) => itemOutcome(item, byItem.get(item.id)));
      return { indicator, code, items, status: combine(items.map((i) => i.status)) };
    });
    return { group, indicators, reached: indicators.filter((i) => isReached(i.status)).length };
  });
  const all = groups.flatMap((g) => g.indicators);
  const counts = { exceeded: 0, reached: 0, 'not-reached': 0, 'no-data': 0 } as Record<Status, number>;
  for (const i of all) counts[i.status] += 1;
  return { groups, reached: all.filter((i) => isReached(i.status)).length, total: all.length, counts };
}

export interface ReportingStatus {
  onTime: string[];
  late: string[];
  missing: string[];
}

/** Which units reported by the plan's deadline (any report counts without one), which late, which not at all. */
export function reportingStatus(c: Campaign, r: Results): ReportingStatus {
  const out: ReportingStatus = { onTime: [], late: [], missing: [] };
  const deadline = reportingDeadline(c);
  for (const u of c.units) {
    const on = r.units.find((x) => x.unit === u.id)?.reportedOn ?? null;
    if (on === null) out.missing.push(u.id);
    else if (deadline !== undefined && on > deadline) out.late.push(u.id);
    else out.onTime.push(u.id);
  }
  return out;
}
