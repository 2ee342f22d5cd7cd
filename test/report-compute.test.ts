/**
 * The pure computation behind the year-end summary report: one value against
 * its target, several statuses as one, each kind of indicator item, numbers
 * in Vietnamese words, and the fixture's totals, whose expectations are
 * worked out here from the YAML numbers (not through the code under test).
 */
import { describe, expect, it } from 'vitest';
import {
  STATUS_LABEL, combine, computeOutcomes, itemOutcome, judge, reportingStatus, type ItemOutcome, type Status,
} from '../src/report/outcomes.js';
import { IndicatorItem } from '../src/model/schema.js';
import { IndicatorResult } from '../src/model/results-schema.js';
import { toCanonical, toFixed } from '../src/format/decimal.js';
import { itemClause } from '../src/view/report-figures.js';
import { loadAwardForms, loadCampaign, loadResults } from '../src/model/load.js';
import { CAMPAIGN_FILE, RESULTS_FILE, expectedIndicators, isReached, readYaml, type Raw } from './support/expected-outcomes.js';
import { rawGroups, rawIndicators, rawReporting } from './support/kien-minh.js';

describe('judge: one achieved value against one target value', () => {
  it.each([
    // Higher is better: above is exceeded.
    ['atLeast', '98.5', 98, 'exceeded'],
    ['atLeast', 100, 100, 'reached'],
    ['atLeast', '97.0', 97, 'reached'],
    ['atLeast', '38.5', '40.2', 'not-reached'],
    // Lower is better (a ceiling): at or below is reached, never exceeded.
    ['atMost', '0.8', '0.7', 'not-reached'],
    ['atMost', '0.7', '0.7', 'reached'],
    ['atMost', '0.6', '0.7', 'reached'],
    ['atMost', 0, 0, 'reached'],
    ['atMost', '0.01', 0, 'not-reached'],
    // Exact: only equal is reached.
    ['exact', 101, 100, 'not-reached'],
    ['exact', '100.00', 100, 'reached'],
    ['exact', 99, 100, 'not-reached'],
  ] as const)('%s: %s against %s → %s', (bound, achieved, target, expected) => {
    expect(judge(toFixed(achieved), toFixed(target), bound)).toBe(expected);
  });
});

describe('combine: several statuses as one', () => {
  it.each<[Status[], Status]>([
    [[], 'no-data'],
    [['exceeded'], 'exceeded'],
    [['reached'], 'reached'],
    [['not-reached'], 'not-reached'],
    [['no-data'], 'no-data'],
    [['exceeded', 'exceeded'], 'exceeded'],
    [['exceeded', 'reached'], 'exceeded'],
    [['reached', 'exceeded'], 'exceeded'],
    // Any miss wins, even over a gap.
    [['exceeded', 'not-reached'], 'not-reached'],
    [['no-data', 'not-reached'], 'not-reached'],
    [['not-reached', 'no-data', 'exceeded'], 'not-reached'],
    // Then any gap.
    [['exceeded', 'no-data'], 'no-data'],
    [['reached', 'no-data'], 'no-data'],
  ])('%j → %s', (statuses, expected) => {
    expect(combine(statuses)).toBe(expected);
  });
});

/** The outcome reduced to plain values: status, done, and per slot [slot, achieved, rate, status]. */
function show(o: ItemOutcome) {
  return {
    status: o.status,
    done: o.done,
    slots: o.slots.map((s) => [s.slot, s.achieved && toCanonical(s.achieved), s.rate && toCanonical(s.rate), s.status]),
  };
}

const money = (target: unknown) =>
  IndicatorItem.parse({ id: 'tong-gia-tri-san-xuat', kind: 'money', label: 'Tổng giá trị sản xuất', unit: 'tỷ đồng', target });
const percent = (target: unknown, extra: Record<string, unknown> = {}) =>
  IndicatorItem.parse({ id: 'ty-le', kind: 'percent', label: 'Tỷ lệ', target, ...extra });
const quota = IndicatorItem.parse({ id: 'chi-tieu-tuyen-quan', kind: 'quota', label: 'tuyển quân thành phố giao' });
const completion = IndicatorItem.parse({ id: 'du-an', kind: 'completion', label: 'dự án' });
const PAIR = { period: '833.509', year: '1703.274' };
const RANGE = { from: 80, to: 85 };

/** A result of the item, through the schema as a results file gives it. */
const result = (item: IndicatorItem, achieved: unknown) => IndicatorResult.parse({ item: item.id, achieved });

interface ItemCase {
  name: string;
  item: IndicatorItem;
  /** The achieved value; absent: no result at all. */
  achieved?: unknown;
  expected: ReturnType<typeof show>;
}

const itemCases: ItemCase[] = [
  {
    name: 'money pair, both slots above',
    item: money(PAIR),
    achieved: { period: '840.215', year: '1718.642' },
    expected: {
      status: 'exceeded',
      done: undefined,
      slots: [
        ['period', '840.215', '100.8', 'exceeded'],
        ['year', '1718.642', '100.9', 'exceeded'],
      ],
    },
  },
  {
    name: 'money pair, one slot below',
    item: money(PAIR),
    achieved: { period: 830, year: '1718.642' },
    expected: {
      status: 'not-reached',
      done: undefined,
      slots: [
        ['period', '830', '99.6', 'not-reached'],
        ['year', '1718.642', '100.9', 'exceeded'],
      ],
    },
  },
  {
    name: 'money pair, one slot equal and one above',
    item: money(PAIR),
    achieved: { period: '833.509', year: '1718.642' },
    expected: {
      status: 'exceeded',
      done: undefined,
      slots: [
        ['period', '833.509', '100', 'reached'],
        ['year', '1718.642', '100.9', 'exceeded'],
      ],
    },
  },
  {
    name: 'money pair, one slot missing',
    item: money(PAIR),
    achieved: { year: '1718.642' },
    expected: {
      status: 'no-data',
      done: undefined,
      slots: [
        ['period', undefined, undefined, 'no-data'],
        ['year', '1718.642', '100.9', 'exceeded'],
      ],
    },
  },
  {
    name: 'money pair, no result at all',
    item: money(PAIR),
    expected: {
      status: 'no-data',
      done: undefined,
      slots: [
        ['period', undefined, undefined, 'no-data'],
        ['year', undefined, undefined, 'no-data'],
      ],
    },
  },
  {
    name: 'money, one value above (372 of 350)',
    item: money(350),
    achieved: 372,
    expected: { status: 'exceeded', done: undefined, slots: [['value', '372', '106.3', 'exceeded']] },
  },
  {
    name: 'percent, lower is better, 0,6 against 0,7',
    item: percent('0.7', { lowerIsBetter: true }),
    achieved: '0.6',
    expected: { status: 'reached', done: undefined, slots: [['value', '0.6', '85.7', 'reached']] },
  },
  {
    name: 'percent, lower is better, 0,8 against 0,7',
    item: percent('0.7', { lowerIsBetter: true }),
    achieved: '0.8',
    expected: { status: 'not-reached', done: undefined, slots: [['value', '0.8', '114.3', 'not-reached']] },
  },
  {
    name: 'poverty 0 against a target of 0: reached, no rate',
    item: percent(0, { lowerIsBetter: true, showSign: false }),
    achieved: 0,
    expected: { status: 'reached', done: undefined, slots: [['value', '0', undefined, 'reached']] },
  },
  {
    name: 'poverty 0,5 against a target of 0: not reached, no rate',
    item: percent(0, { lowerIsBetter: true, showSign: false }),
    achieved: '0.5',
    expected: { status: 'not-reached', done: undefined, slots: [['value', '0.5', undefined, 'not-reached']] },
  },
  {
    name: 'percent, bound exact, equal',
    item: percent(95, { bound: 'exact' }),
    achieved: '95.0',
    expected: { status: 'reached', done: undefined, slots: [['value', '95.0', '100', 'reached']] },
  },
  {
    name: 'percent, bound exact, above',
    item: percent(95, { bound: 'exact' }),
    achieved: 96,
    expected: { status: 'not-reached', done: undefined, slots: [['value', '96', '101.1', 'not-reached']] },
  },
  {
    name: 'quota 100 of 100',
    item: quota,
    achieved: 100,
    expected: { status: 'reached', done: undefined, slots: [['value', '100', '100', 'reached']] },
  },
  {
    name: 'quota 95 of 100',
    item: quota,
    achieved: 95,
    expected: { status: 'not-reached', done: undefined, slots: [['value', '95', '95.0', 'not-reached']] },
  },
  {
    name: 'quota without a result',
    item: quota,
    expected: { status: 'no-data', done: undefined, slots: [['value', undefined, undefined, 'no-data']] },
  },
  {
    name: 'completion done',
    item: completion,
    achieved: true,
    expected: { status: 'reached', done: true, slots: [] },
  },
  {
    name: 'completion not done',
    item: completion,
    achieved: false,
    expected: { status: 'not-reached', done: false, slots: [] },
  },
  {
    name: 'completion without a result',
    item: completion,
    expected: { status: 'no-data', done: undefined, slots: [] },
  },
  ...(
    [
      [79, false, 'not-reached'],
      [80, false, 'reached'],
      [82, false, 'reached'],
      [85, false, 'reached'],
      [90, false, 'exceeded'],
      [79, true, 'reached'],
      [82, true, 'reached'],
      [85, true, 'reached'],
      [90, true, 'not-reached'],
    ] as const
  ).map(
    ([achieved, lowerIsBetter, status]): ItemCase => ({
      name: `range 80 to 85${lowerIsBetter ? ', lower is better' : ''}: ${achieved}`,
      item: percent(RANGE, { lowerIsBetter }),
      achieved,
      // A range has no single figure to take a rate of.
      expected: { status, done: undefined, slots: [['value', String(achieved), undefined, status]] },
    }),
  ),
];

describe('itemOutcome: an item and its result', () => {
  it.each(itemCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const res = 'achieved' in c ? result(c.item, c.achieved) : undefined;
    const o = itemOutcome(c.item, res);
    expect(show(o)).toEqual(c.expected);
    expect(o.item).toBe(c.item);
    expect(o.result).toBe(res);
  });
});

describe('itemClause: one item of a report sentence, as a clerk writes it', () => {
  const count = (target: unknown, extra: Record<string, unknown> = {}) =>
    IndicatorItem.parse({ id: 'so-ho', kind: 'count', label: 'Số hộ thoát nghèo', unit: 'hộ', target, ...extra });
  it.each<[string, IndicatorItem, unknown, string]>([
    ['above a pair', money(PAIR), { period: '840.215', year: '1718.642' }, 'Tổng giá trị sản xuất thực hiện 840,215/1.718,642 tỷ đồng, đạt 100,8%/100,9% kế hoạch, vượt kế hoạch'],
    ['half of a pair reported, the year missing', money(PAIR), { period: '840.215' }, 'Tổng giá trị sản xuất thực hiện trong kỳ 840,215 tỷ đồng, đạt 100,8% kế hoạch; cả năm chưa có số liệu'],
    ['half of a pair reported, the period missing', money(PAIR), { year: '1718.642' }, 'Tổng giá trị sản xuất thực hiện cả năm 1.718,642 tỷ đồng, đạt 100,9% kế hoạch; trong kỳ chưa có số liệu'],
    ['nothing of a pair reported', money(PAIR), undefined, 'Tổng giá trị sản xuất: chưa có số liệu'],
    ['a rate short of its target: the plan\'s rate beside it, no rate of a rate', percent('40.2'), '38.5', 'Tỷ lệ 38,5% (kế hoạch: 40,2%), chưa đạt kế hoạch'],
    ['a rate above its target', percent(95), '96.2', 'Tỷ lệ 96,2% (kế hoạch: 95%), vượt kế hoạch'],
    ['a rate exactly its target', percent(100), 100, 'Tỷ lệ 100% (kế hoạch: 100%), đạt kế hoạch'],
    ['a count short of its target', count(100), 90, 'Số hộ thoát nghèo thực hiện 90 hộ, đạt 90,0% kế hoạch, chưa đạt kế hoạch'],
    ['a zero target met', percent(0, { lowerIsBetter: true }), 0, 'Tỷ lệ 0% (kế hoạch: 0%), đạt'],
    ['a ceiling kept', percent('0.7', { lowerIsBetter: true }), '0.6', 'Tỷ lệ 0,6% (kế hoạch: không quá 0,7%), đạt'],
    ['a ceiling passed', percent('0.7', { lowerIsBetter: true }), '0.8', 'Tỷ lệ 0,8% (kế hoạch: không quá 0,7%), chưa đạt'],
    ['an exact target missed from above', count(100, { bound: 'exact' }), 105, 'Số hộ thoát nghèo 105 hộ (kế hoạch: 100 hộ), chưa đạt'],
    ['a negative target (a fall), reached', percent(-2), -1, 'Tỷ lệ -1% (kế hoạch: -2%), đạt'],
    ['a quota done', quota, 100, 'Hoàn thành 100% chỉ tiêu tuyển quân thành phố giao'],
    ['a quota short', quota, 90, 'Thực hiện 90% chỉ tiêu tuyển quân thành phố giao, chưa đạt kế hoạch'],
    ['a quota without data', quota, undefined, 'Chỉ tiêu tuyển quân thành phố giao: chưa có số liệu'],
    ['work done', completion, true, 'Dự án đã hoàn thành'],
    ['work not done', completion, false, 'Dự án chưa hoàn thành'],
  ])('%s', (_, item, achieved, clause) => {
    expect(itemClause(itemOutcome(item, achieved === undefined ? undefined : result(item, achieved)))).toBe(clause);
  });

  // After a ";" the clause goes on the sentence: the plan's name in lower case, a body's name as written.
  const named = (label: string) => IndicatorItem.parse({ id: 'ty-le', kind: 'percent', label, target: 95 });
  it.each<[string, IndicatorItem, unknown, string]>([
    ['a rate', named('Tỷ lệ hộ cận nghèo'), '96.2', 'tỷ lệ hộ cận nghèo 96,2% (kế hoạch: 95%), vượt kế hoạch'],
    ['a rate without data', named('Tỷ lệ hộ cận nghèo'), undefined, 'tỷ lệ hộ cận nghèo: chưa có số liệu'],
    ['a rate named for a body', named('Hội viên Hội Nông dân tham gia'), 95, 'hội viên Hội Nông dân tham gia 95% (kế hoạch: 95%), đạt kế hoạch'],
    ['a body\'s own name', named('Ủy ban nhân dân xã giải quyết hồ sơ đúng hạn'), 95, 'Ủy ban nhân dân xã giải quyết hồ sơ đúng hạn 95% (kế hoạch: 95%), đạt kế hoạch'],
    ['a quota', quota, 100, 'hoàn thành 100% chỉ tiêu tuyển quân thành phố giao'],
    ['work not done', completion, false, 'dự án chưa hoàn thành'],
  ])('after ";": %s', (_, item, achieved, clause) => {
    expect(itemClause(itemOutcome(item, achieved === undefined ? undefined : result(item, achieved)), false)).toBe(clause);
  });
});

const { campaign } = await loadCampaign(CAMPAIGN_FILE);
const { results } = await loadResults(RESULTS_FILE, campaign, await loadAwardForms());

describe('the fixture: outcomes and reporting', () => {
  const outcomes = computeOutcomes(campaign, results);

  // The expectations, from the raw YAML with plain numbers (not through the code under test).
  const plan: Raw = readYaml(CAMPAIGN_FILE);
  const raw: Raw = readYaml(RESULTS_FILE);
  const indicators = expectedIndicators(plan, raw);
  const codesWith = (s: Status) => indicators.filter((i) => i.status === s).map((i) => i.code);

  it('the fixture has no kinds of target the expectations here do not handle', () => {
    const items: Raw[] = rawIndicators(plan).flatMap((i: Raw) => i.items);
    expect(items.filter((it) => it.bound !== undefined || (typeof it.target === 'object' && 'from' in it.target))).toEqual([]);
  });

  it('counts 14 indicators, each status as the YAML numbers give it', () => {
    expect(outcomes.total).toBe(14);
    expect(outcomes.total).toBe(indicators.length);
    expect(outcomes.counts).toEqual({
      exceeded: codesWith('exceeded').length,
      reached: codesWith('reached').length,
      'not-reached': codesWith('not-reached').length,
      'no-data': codesWith('no-data').length,
    });
    expect(outcomes.reached).toBe(indicators.filter((i) => isReached(i.status)).length);
    // As the fixture's header comment says: 8 exceeded, 3 reached, 2 not reached, 1 without data.
    expect(outcomes.counts).toEqual({ exceeded: 8, reached: 3, 'not-reached': 2, 'no-data': 1 });
    expect(outcomes.reached).toBe(11);
  });

  it('has the indicators not reached and without data', () => {
    const codes = (s: Status) =>
      outcomes.groups.flatMap((g) => g.indicators).filter((i) => i.status === s).map((i) => i.code);
    expect(codes('not-reached')).toEqual(codesWith('not-reached'));
    expect(codes('no-data')).toEqual(codesWith('no-data'));
    expect(codes('exceeded')).toEqual(codesWith('exceeded'));
    // Sport participation (9) and the infrastructure project (3); the near-poverty rate of (5) is missing.
    expect(codesWith('not-reached')).toEqual([3, 9]);
    expect(codesWith('no-data')).toEqual([5]);
  });

  it('has every item status and the per-group counts', () => {
    const got = outcomes.groups.flatMap((g) => g.indicators.map((i) => ({ code: i.code, items: i.items.map((x) => x.status) })));
    expect(got).toEqual(indicators.map((i) => ({ code: i.code, items: i.items.map((x) => x.status) })));
    expect(outcomes.groups.map((g) => [g.group.id, g.reached, g.indicators.length])).toEqual(
      rawGroups(plan).map((g: Raw) => {
        const mine = indicators.filter((i) => i.groupId === g.id);
        return [g.id, mine.filter((i) => isReached(i.status)).length, mine.length];
      }),
    );
  });

  it('labels every status in Vietnamese', () => {
    expect(STATUS_LABEL).toEqual({ exceeded: 'Vượt', reached: 'Đạt', 'not-reached': 'Chưa đạt', 'no-data': 'Chưa có số liệu' });
  });

  it('finds the unit that reported late and the one that did not report', () => {
    const deadline: string = rawReporting(plan).deadline;
    const on = (id: string): string | null => raw.units.find((u: Raw) => u.unit === id)?.reportedOn ?? null;
    const ids: string[] = plan.units.map((u: Raw) => u.id);
    const expected = {
      onTime: ids.filter((id) => on(id) !== null && on(id)! <= deadline),
      late: ids.filter((id) => on(id) !== null && on(id)! > deadline),
      missing: ids.filter((id) => on(id) === null),
    };
    const got = reportingStatus(campaign, results);
    expect(got).toEqual(expected);
    expect(got.late).toEqual(['hoi-cuu-chien-binh']);
    expect(got.missing).toEqual(['thon-3']);
    expect(got.onTime).toHaveLength(13);
  });

  it('counts a unit left out of the results as missing, and one reporting on the deadline as on time', () => {
    const r = structuredClone(results);
    r.units = r.units.filter((u) => u.unit !== 'hoi-nong-dan');
    r.units.find((u) => u.unit === 'hoi-cuu-chien-binh')!.reportedOn = '2025-12-10';
    const got = reportingStatus(campaign, r);
    expect(got.late).toEqual([]);
    expect(got.missing).toEqual(['hoi-nong-dan', 'thon-3']);
    expect(got.onTime).toContain('hoi-cuu-chien-binh');
  });
});
