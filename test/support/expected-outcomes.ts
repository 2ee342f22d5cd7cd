/**
 * An independent oracle for the year-end summary report: the status of each
 * item and indicator of the plan, worked out from the raw YAML of the plan and
 * of the results with plain numbers, and the Vietnamese notation of figures.
 *
 * It imports nothing from src/ on purpose: the tests compare the code under
 * test against it. It handles the targets the fixture has (one value, a
 * period/year pair, quotas, completions; higher or lower is better), not
 * ranges or an exact bound; test/report-compute.test.ts checks the fixture has
 * no others.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { rawGroups } from './kien-minh.js';

/** Plain parsed YAML, read and mutated freely. */
export type Raw = any;

/** The same four statuses as the code's, spelled out here. */
export type Status = 'exceeded' | 'reached' | 'not-reached' | 'no-data';

export const CAMPAIGN_FILE = fileURLToPath(new URL('../../fixtures/kien-minh-2025/campaign.yaml', import.meta.url));
export const RESULTS_FILE = fileURLToPath(new URL('../../fixtures/kien-minh-2025/ket-qua.yaml', import.meta.url));

/** A YAML file as plain data, parsed afresh on each call. */
export const readYaml = (file: string): Raw => parse(readFileSync(file, 'utf8'));

/** The result of an item in (raw) results data, if any. */
export const resultOf = (results: Raw, id: string): Raw => results.indicators.find((r: Raw) => r.item === id);

/** One achieved value against one target. */
export function slotStatus(target: number, achieved: unknown, lower: boolean): Status {
  if (achieved === undefined) return 'no-data';
  const a = Number(achieved);
  if (lower) return a <= target ? 'reached' : 'not-reached';
  return a > target ? 'exceeded' : a === target ? 'reached' : 'not-reached';
}

/** Several statuses as one: any miss, then any gap, then exceeded if any is (all being met). */
export function all(statuses: Status[]): Status {
  if (statuses.includes('not-reached')) return 'not-reached';
  if (statuses.includes('no-data')) return 'no-data';
  return statuses.some((s) => s === 'exceeded') ? 'exceeded' : 'reached';
}

/** The status of one item of the plan, from the results data. */
export function itemStatus(results: Raw, item: Raw): Status {
  const r = resultOf(results, item.id);
  if (item.kind === 'completion') return typeof r?.achieved === 'boolean' ? (r.achieved ? 'reached' : 'not-reached') : 'no-data';
  if (!r) return 'no-data';
  if (item.kind === 'quota') return slotStatus(Number(item.percent ?? 100), r.achieved, false);
  const lower = item.lowerIsBetter === true;
  if (typeof item.target === 'object') {
    return all([slotStatus(Number(item.target.period), r.achieved.period, lower), slotStatus(Number(item.target.year), r.achieved.year, lower)]);
  }
  return slotStatus(Number(item.target), r.achieved, lower);
}

export const isReached = (s: Status): boolean => s === 'exceeded' || s === 'reached';

export interface ExpectedIndicator {
  code: number;
  /** Index of the indicator's group in the plan. */
  group: number;
  /** Id of the indicator's group. */
  groupId: string;
  items: { item: Raw; status: Status }[];
  status: Status;
}

/** Every indicator of the (raw) plan in order, with its items' statuses and its own. */
export function expectedIndicators(plan: Raw, results: Raw): ExpectedIndicator[] {
  let code = 0;
  return rawGroups(plan).flatMap((g: Raw, gi: number) =>
    g.indicators.map((ind: Raw): ExpectedIndicator => {
      const items = ind.items.map((item: Raw) => ({ item, status: itemStatus(results, item) }));
      // The fixture's indicators are numbered in turn.
      code = ind.code ?? code + 1;
      return { code, group: gi, groupId: g.id, items, status: all(items.map((i: { status: Status }) => i.status)) };
    }),
  );
}

/** How many indicators are reached or exceeded. */
export const reachedCount = (plan: Raw, results: Raw): number => expectedIndicators(plan, results).filter((i) => isReached(i.status)).length;

/** "05", "14": counts in the report's sentences. */
export const pad = (n: number): string => String(n).padStart(2, '0');

/** Vietnamese notation of a figure as written in the data: "1.718,642", "0,6". */
export function vi(x: number | string): string {
  const [int, frac] = String(x).split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (frac === undefined ? '' : `,${frac}`);
}

/** Achieved as a percentage of target, one decimal, Vietnamese notation. */
export const rate = (achieved: number | string, target: number | string): string =>
  // Exactly the target is plainly "100" ("đạt 100% kế hoạch"); else one decimal.
  Number(achieved) === Number(target) ? '100' : (Math.round((Number(achieved) / Number(target)) * 1000) / 10).toFixed(1).replace('.', ',');
