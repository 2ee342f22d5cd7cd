/**
 * Units and their assignments through checkCampaignData: each case mutates a
 * deep copy of the Kiến Minh fixture and expects its problem at an exact field
 * path, with a message in Vietnamese and in English. An error inside one unit
 * fails that unit only (it is left out of the campaign and named in
 * failedUnits); an error outside the units fails the whole campaign.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkCampaignData } from '../src/model/load.js';
import { rawGroups, rawReporting, rawTasks } from './support/kien-minh.js';
import { unitPlanView } from '../src/view/unit-plan.js';
import type { Problem, Severity } from '../src/model/problems.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/kien-minh-2025/campaign.yaml', import.meta.url));

// The data is plain parsed YAML, mutated freely by the cases.
type Data = any;

const original: Data = parse(readFileSync(FIXTURE, 'utf8'));
const UNIT_IDS: string[] = original.units.map((u: Data) => u.id);

/** A fresh deep copy of the fixture for each case. */
function fixture(): Data {
  return structuredClone(original);
}

function errors(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}

function warnings(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'warning');
}

/** The index of a unit of the fixture, by id. */
function ui(id: string): number {
  const i = UNIT_IDS.indexOf(id);
  if (i < 0) throw new Error(`no unit ${id} in the fixture`);
  return i;
}

/** The unit of a copy, by id. */
function unitOf(d: Data, id: string): Data {
  return d.units[ui(id)];
}

/** Indices of an indicator item of the fixture, by item id. */
function itemAt(itemId: string): { g: number; i: number; k: number; indicator: string } {
  for (const [g, group] of rawGroups(original).entries()) {
    for (const [i, ind] of group.indicators.entries()) {
      const k = ind.items.findIndex((it: Data) => it.id === itemId);
      if (k >= 0) return { g, i, k, indicator: ind.id };
    }
  }
  throw new Error(`no indicator item ${itemId} in the fixture`);
}

function taskAt(taskId: string): number {
  const t = rawTasks(original).findIndex((x: Data) => x.id === taskId);
  if (t < 0) throw new Error(`no task ${taskId} in the fixture`);
  return t;
}

const ids = (units: { id: string }[] | undefined) => (units ?? []).map((u) => u.id);

describe('the fixture', () => {
  const result = checkCampaignData(fixture());

  it('has no errors and no warnings', () => {
    expect(result.problems).toEqual([]);
    expect(result.failedUnits).toEqual([]);
  });

  it('comes back with its 15 units, in order', () => {
    expect(result.campaign).toBeDefined();
    expect(result.campaign!.units).toHaveLength(15);
    expect(ids(result.campaign!.units)).toEqual(UNIT_IDS);
    expect(result.campaign!.unitPlans).toBeDefined();
  });

  it('is not changed by checking it', () => {
    const data = fixture();
    checkCampaignData(data);
    expect(data).toEqual(original);
  });
});

interface UnitCase {
  name: string;
  mutate: (d: Data) => void;
  /** The one error, at this path, tagged with this unit. */
  path: string;
  unit: string;
  vi?: (string | RegExp)[];
  en?: (string | RegExp)[];
  /** Units other than `unit` that must be absent from the campaign (a duplicated id takes both). */
  alsoAbsent?: string[];
}

const UNKNOWN = 'khong-co-chi-tieu-nay';
const TTK = taskAt('tang-truong-kinh-te');
const TTK_ITEMS: number = rawTasks(original)[TTK].items.length;

const unitCases: UnitCase[] = [
  {
    name: 'an unknown indicator a unit leads',
    mutate: (d) => unitOf(d, 'phong-kinh-te').leads.indicators.push(UNKNOWN),
    path: `units[${ui('phong-kinh-te')}].leads.indicators[${original.units[ui('phong-kinh-te')].leads.indicators.length}]`,
    unit: 'phong-kinh-te',
    vi: [UNKNOWN],
    en: [UNKNOWN],
  },
  {
    name: 'an unknown indicator a unit supports',
    mutate: (d) => unitOf(d, 'tram-y-te').supports.indicators.push(UNKNOWN),
    path: `units[${ui('tram-y-te')}].supports.indicators[${original.units[ui('tram-y-te')].supports.indicators.length}]`,
    unit: 'tram-y-te',
    vi: [UNKNOWN],
    en: [UNKNOWN],
  },
  {
    name: 'a component of an item led alone (its item\'s lead reports it)',
    mutate: (d) => unitOf(d, 'phong-van-hoa-xa-hoi').leads.indicators.push('gia-tri-nong-lam-thuy-san'),
    path: `units[${ui('phong-van-hoa-xa-hoi')}].leads.indicators[${original.units[ui('phong-van-hoa-xa-hoi')].leads.indicators.length}]`,
    unit: 'phong-van-hoa-xa-hoi',
    vi: ['gia-tri-nong-lam-thuy-san', 'chỉ giao phối hợp'],
    en: ['gia-tri-nong-lam-thuy-san', 'can only be supported'],
  },
  {
    name: 'an unknown task id (string reference)',
    mutate: (d) => unitOf(d, 'van-phong').leads.tasks.push('khong-co-nhiem-vu'),
    path: `units[${ui('van-phong')}].leads.tasks[${original.units[ui('van-phong')].leads.tasks.length}]`,
    unit: 'van-phong',
    vi: ['khong-co-nhiem-vu'],
    en: ['khong-co-nhiem-vu'],
  },
  {
    name: 'an unknown task in an object reference',
    mutate: (d) => unitOf(d, 'hoi-nong-dan').supports.tasks.push({ task: 'khong-co-nhiem-vu', items: [1] }),
    path: `units[${ui('hoi-nong-dan')}].supports.tasks[${original.units[ui('hoi-nong-dan')].supports.tasks.length}].task`,
    unit: 'hoi-nong-dan',
    vi: ['khong-co-nhiem-vu'],
    en: ['khong-co-nhiem-vu'],
  },
  {
    name: 'a dash item number beyond the task’s items',
    mutate: (d) => unitOf(d, 'phong-kinh-te').leads.tasks[0].items.push(TTK_ITEMS + 1),
    // leads.tasks[0] of phong-kinh-te is { task: tang-truong-kinh-te, items: [2, 3, 4] }.
    path: `units[${ui('phong-kinh-te')}].leads.tasks[0].items[3]`,
    unit: 'phong-kinh-te',
    vi: ['tang-truong-kinh-te', String(TTK_ITEMS)],
    en: ['tang-truong-kinh-te', String(TTK_ITEMS)],
  },
  {
    name: 'a sentence number beyond those of the part',
    // leads.tasks[0] of cong-an-xa is { task: tang-truong-kinh-te, items: [8], sentences: [1, 2, 3] }: the part has 7.
    mutate: (d) => unitOf(d, 'cong-an-xa').leads.tasks[0].sentences.push(9),
    path: `units[${ui('cong-an-xa')}].leads.tasks[0].sentences[3]`,
    unit: 'cong-an-xa',
    vi: ['7 câu'],
    en: ['7 sentences'],
  },
  {
    name: 'sentences picked from several parts at once',
    mutate: (d) => (unitOf(d, 'phong-kinh-te').leads.tasks[0].sentences = [1]),
    path: `units[${ui('phong-kinh-te')}].leads.tasks[0].sentences`,
    unit: 'phong-kinh-te',
    vi: ['một ý'],
    en: ['one part'],
  },
  {
    name: 'a unit kind the schema does not know ("bogus")',
    mutate: (d) => (unitOf(d, 'doan-thanh-nien').kind = 'bogus'),
    path: `units[${ui('doan-thanh-nien')}].kind`,
    unit: 'doan-thanh-nien',
  },
  {
    name: 'a unit without its signer',
    mutate: (d) => delete unitOf(d, 'hoi-cuu-chien-binh').signer,
    path: `units[${ui('hoi-cuu-chien-binh')}].signer`,
    unit: 'hoi-cuu-chien-binh',
    vi: ['thiếu trường bắt buộc'],
  },
  {
    name: 'a control character U+0007 in a unit’s name',
    mutate: (d) => (unitOf(d, 'thon-2').name = 'Thôn\u0007 2'),
    path: `units[${ui('thon-2')}].name`,
    unit: 'thon-2',
    vi: ['U+0007'],
    en: ['U+0007'],
  },
  {
    name: 'a header parent line too wide for its column',
    mutate: (d) => (unitOf(d, 'thon-1').header.parent = ['ỦY BAN NHÂN DÂN XÃ KIẾN MINH HUYỆN KIẾN THỤY']),
    path: `units[${ui('thon-1')}].header.parent[0]`,
    unit: 'thon-1',
    vi: ['ỦY BAN NHÂN DÂN XÃ KIẾN MINH HUYỆN KIẾN THỤY', 'cm'],
    en: ['ỦY BAN NHÂN DÂN XÃ KIẾN MINH HUYỆN KIẾN THỤY', 'cm'],
  },
  {
    name: 'a unit abbreviation equal to another unit’s',
    mutate: (d) => (unitOf(d, 'thon-3').abbreviation = 'T2'),
    path: `units[${ui('thon-3')}].abbreviation`,
    unit: 'thon-3',
    vi: ['T2'],
    en: ['T2'],
  },
  {
    name: 'a unit abbreviation equal to the commune’s ("UBND")',
    mutate: (d) => (unitOf(d, 'tram-y-te').abbreviation = 'UBND'),
    path: `units[${ui('tram-y-te')}].abbreviation`,
    unit: 'tram-y-te',
    vi: ['UBND'],
    en: ['UBND'],
  },
  {
    name: 'a duplicated unit id',
    mutate: (d) => (unitOf(d, 'thon-3').id = 'thon-2'),
    path: `units[${ui('thon-3')}].id`,
    unit: 'thon-2',
    vi: ['thon-2'],
    en: ['thon-2'],
    // Two units answer to "thon-2": neither can be written as don-vi/thon-2.*.
    alsoAbsent: ['thon-3'],
  },
];

describe.each(unitCases)('$name', ({ mutate, path, unit, vi = [], en = [], alsoAbsent = [] }) => {
  const data = fixture();
  mutate(data);
  const result = checkCampaignData(data);
  const dump = JSON.stringify(result.problems, null, 2);

  it(`is the only error, at ${path}, tagged with its unit`, () => {
    expect(errors(result.problems).map((p) => [p.path, p.unit]), dump).toEqual([[path, unit]]);
    const p = result.problems.find((x) => x.path === path)!;
    expect(p.severity).toBe<Severity>('error');
  });

  it('has a Vietnamese and an English message', () => {
    const p = result.problems.find((x) => x.path === path);
    expect(p, dump).toBeDefined();
    expect(p!.message_vi.trim()).not.toBe('');
    expect(p!.message_en.trim()).not.toBe('');
    for (const s of vi) expect(p!.message_vi).toMatch(s);
    for (const s of en) expect(p!.message_en).toMatch(s);
  });

  it('leaves the campaign with every other unit, and names the failed unit', () => {
    expect(result.failedUnits).toEqual([unit]);
    expect(result.campaign, dump).toBeDefined();
    const gone = new Set([unit, ...alsoAbsent]);
    expect(ids(result.campaign!.units)).toEqual(UNIT_IDS.filter((id) => !gone.has(id)));
  });
});

describe('a schema error in the unit the reports go through (reporting.viaUnit, unitPlans recipient)', () => {
  // phong-van-hoa-xa-hoi is named by reporting.viaUnit and unitPlans.recipients[].unit:
  // its own error must not turn into errors outside the units.
  const data = fixture();
  delete unitOf(data, 'phong-van-hoa-xa-hoi').signer;
  const result = checkCampaignData(data);
  const dump = JSON.stringify(result.problems, null, 2);

  it('stays unit-scoped', () => {
    expect(errors(result.problems).map((p) => [p.path, p.unit]), dump).toEqual([
      [`units[${ui('phong-van-hoa-xa-hoi')}].signer`, 'phong-van-hoa-xa-hoi'],
    ]);
  });

  it('leaves the other 14 units', () => {
    expect(result.failedUnits).toEqual(['phong-van-hoa-xa-hoi']);
    expect(result.campaign, dump).toBeDefined();
    expect(ids(result.campaign!.units)).toEqual(UNIT_IDS.filter((id) => id !== 'phong-van-hoa-xa-hoi'));
  });
});

describe('two units broken at once (a schema error and an unknown indicator)', () => {
  const data = fixture();
  unitOf(data, 'doan-thanh-nien').kind = 'bogus';
  unitOf(data, 'hoi-nong-dan').supports.indicators.push(UNKNOWN);
  const result = checkCampaignData(data);
  const dump = JSON.stringify(result.problems, null, 2);

  it('reports both, each at its path and tagged with its unit', () => {
    const found = errors(result.problems)
      .map((p) => [p.path, p.unit])
      .sort();
    expect(found, dump).toEqual(
      [
        [`units[${ui('doan-thanh-nien')}].kind`, 'doan-thanh-nien'],
        [`units[${ui('hoi-nong-dan')}].supports.indicators[${original.units[ui('hoi-nong-dan')].supports.indicators.length}]`, 'hoi-nong-dan'],
      ].sort(),
    );
    for (const p of errors(result.problems)) {
      expect(p.message_vi.trim()).not.toBe('');
      expect(p.message_en.trim()).not.toBe('');
    }
  });

  it('names both in failedUnits and keeps the other 13', () => {
    expect([...result.failedUnits].sort()).toEqual(['doan-thanh-nien', 'hoi-nong-dan']);
    expect(result.campaign, dump).toBeDefined();
    expect(ids(result.campaign!.units)).toEqual(UNIT_IDS.filter((id) => id !== 'doan-thanh-nien' && id !== 'hoi-nong-dan'));
    expect(result.campaign!.units).toHaveLength(13);
  });
});

interface CampaignCase {
  name: string;
  mutate: (d: Data) => void;
  path: string;
  vi?: (string | RegExp)[];
  en?: (string | RegExp)[];
}

const campaignCases: CampaignCase[] = [
  {
    name: 'reporting.viaUnit naming an unknown unit',
    mutate: (d) => (rawReporting(d).viaUnit = 'phong-khong-co'),
    path: 'plan.body[5].body[0].organisation[0].body[1].reporting.viaUnit',
    vi: ['phong-khong-co'],
    en: ['phong-khong-co'],
  },
];

describe('unitPlans left out', () => {
  it('sends each unit plan to the issuer (b/c) and the archive, with no problem', () => {
    const data = fixture();
    delete data.unitPlans;
    const result = checkCampaignData(data);
    expect(errors(result.problems)).toEqual([]);
    expect(result.campaign!.unitPlans).toBeUndefined();
    const view = unitPlanView(result.campaign!, result.campaign!.units[0]);
    expect(view.closing.recipients[0]).toBe('- Ủy ban nhân dân xã Kiến Minh (b/c);');
    expect(view.closing.recipients.at(-1)).toBe(`- Lưu: VT, ${result.campaign!.units[0].abbreviation}.`);
  });

  it('gives a unit its own archive line where it sets one', () => {
    const data = fixture();
    data.units[0].archive = ['VP'];
    const result = checkCampaignData(data);
    expect(errors(result.problems)).toEqual([]);
    expect(unitPlanView(result.campaign!, result.campaign!.units[0]).closing.recipients.at(-1)).toBe('- Lưu: VP.');
  });
});

describe('units of the issuer\'s level', () => {
  it('a residential group ("tổ dân phố") is no unit of a commune: an error of that unit', () => {
    const data = fixture();
    unitOf(data, 'thon-1').kind = 'residential-group';
    const result = checkCampaignData(data);
    expect(errors(result.problems).map((p) => [p.path, p.unit])).toEqual([[`units[${ui('thon-1')}].kind`, 'thon-1']]);
    expect(result.problems.find((p) => p.unit === 'thon-1')!.message_vi).toContain('xa');
  });

  it('a village is no unit of a ward: every village of the copy is refused', () => {
    const data = fixture();
    data.issuer.level = 'phuong';
    const result = checkCampaignData(data);
    expect(result.failedUnits).toEqual(['thon-1', 'thon-2', 'thon-3']);
  });
});

describe.each(campaignCases)('$name (not unit-scoped)', ({ mutate, path, vi = [], en = [] }) => {
  const data = fixture();
  mutate(data);
  const result = checkCampaignData(data);
  const dump = JSON.stringify(result.problems, null, 2);

  it(`is the only error, at ${path}, with no unit tag`, () => {
    expect(errors(result.problems).map((p) => p.path), dump).toEqual([path]);
    const p = result.problems.find((x) => x.path === path)!;
    expect(p.severity).toBe<Severity>('error');
    expect(p.unit).toBeUndefined();
    expect(p.message_vi.trim()).not.toBe('');
    expect(p.message_en.trim()).not.toBe('');
    for (const s of vi) expect(p.message_vi).toMatch(s);
    for (const s of en) expect(p.message_en).toMatch(s);
  });

  it('gives no campaign and fails no unit', () => {
    expect(result.campaign).toBeUndefined();
    expect(result.failedUnits).toEqual([]);
  });
});

interface WarningCase {
  name: string;
  mutate: (d: Data) => void;
  path: string;
  vi: (string | RegExp)[];
  en: (string | RegExp)[];
}

const NUOC = itemAt('ty-le-dan-dung-nuoc-sach');
/** tang-truong-kinh-te's dash item 5 (index 4), led by van-phong only. */
const TTK_ITEM = 4;

const warningCases: WarningCase[] = [
  {
    name: 'an indicator item nobody leads',
    mutate: (d) => {
      // Take away every lead of the item, whether named by its indicator or by itself.
      for (const u of d.units) {
        if (u.leads?.indicators) {
          u.leads.indicators = u.leads.indicators.filter((id: string) => id !== NUOC.indicator && id !== 'ty-le-dan-dung-nuoc-sach');
        }
      }
    },
    path: `plan.body[2].body[1].body[${NUOC.g}].body[0].indicators[${NUOC.i}].items[${NUOC.k}]`,
    vi: ['ty-le-dan-dung-nuoc-sach'],
    en: ['ty-le-dan-dung-nuoc-sach'],
  },
  {
    name: 'a task dash item nobody leads',
    mutate: (d) => {
      for (const u of d.units) {
        if (!u.leads?.tasks) continue;
        u.leads.tasks = u.leads.tasks.flatMap((r: Data) => {
          if (r === 'tang-truong-kinh-te') throw new Error('the fixture leads the whole task: pick another item');
          if (typeof r === 'string' || r.task !== 'tang-truong-kinh-te') return [r];
          const items = r.items.filter((n: number) => n !== TTK_ITEM + 1);
          return items.length ? [{ ...r, items }] : [];
        });
      }
    },
    path: `plan.body[2].body[2].body[0].tasks[${TTK}].items[${TTK_ITEM}]`,
    vi: ['tang-truong-kinh-te'],
    en: ['tang-truong-kinh-te'],
  },
];

describe.each(warningCases)('$name', ({ mutate, path, vi, en }) => {
  const data = fixture();
  mutate(data);
  const result = checkCampaignData(data);
  const dump = JSON.stringify(result.problems, null, 2);

  it(`is the only problem: a warning at ${path}, with no unit tag`, () => {
    expect(result.problems.map((p) => [p.path, p.severity]), dump).toEqual([[path, 'warning']]);
    const p = warnings(result.problems)[0];
    expect(p.unit).toBeUndefined();
    expect(p.message_vi.trim()).not.toBe('');
    expect(p.message_en.trim()).not.toBe('');
    for (const s of vi) expect(p.message_vi).toMatch(s);
    for (const s of en) expect(p.message_en).toMatch(s);
  });

  it('still gives the campaign with all 15 units', () => {
    expect(result.campaign).toBeDefined();
    expect(ids(result.campaign!.units)).toEqual(UNIT_IDS);
    expect(result.failedUnits).toEqual([]);
  });
});

describe('a broken unit does not hide errors outside the units', () => {
  it.each<[string, (d: Data) => void, string, string]>([
    ['a schema error in a unit', (d) => (unitOf(d, 'hoi-phu-nu').kind = 'bogus'), `units[${ui('hoi-phu-nu')}].kind`, 'hoi-phu-nu'],
    ['a control character in a unit', (d) => (unitOf(d, 'hoi-phu-nu').name = 'Hội\u0007 Phụ nữ'), `units[${ui('hoi-phu-nu')}].name`, 'hoi-phu-nu'],
  ])('%s and a missing plan.summary: no campaign, both problems listed', (_name, breakUnit, unitPath, unit) => {
    const data = fixture();
    breakUnit(data);
    delete data.plan.summary;
    const result = checkCampaignData(data);
    const dump = JSON.stringify(result.problems, null, 2);
    expect(result.campaign, dump).toBeUndefined();
    const found = errors(result.problems).map((p) => [p.path, p.unit ?? null]);
    expect(found, dump).toContainEqual([unitPath, unit]);
    expect(found, dump).toContainEqual(['plan.summary', null]);
    expect(found).toHaveLength(2);
    for (const p of errors(result.problems)) {
      expect(p.message_vi.trim()).not.toBe('');
      expect(p.message_en.trim()).not.toBe('');
    }
    // Without a campaign, no unit is "left out of" it beyond the broken one.
    expect(result.failedUnits.filter((id) => id !== unit)).toEqual([]);
  });
});
