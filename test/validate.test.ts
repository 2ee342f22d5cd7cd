/**
 * Bad input through checkCampaignData: each case mutates a deep copy of the
 * Kiến Minh fixture and expects one problem at an exact field path, with a
 * message in Vietnamese and in English.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkCampaignData } from '../src/model/load.js';
import type { Problem, Severity } from '../src/model/problems.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/kien-minh-2025/campaign.yaml', import.meta.url));

// The data is plain parsed YAML, mutated freely by the cases.
type Data = any;

const original: Data = parse(readFileSync(FIXTURE, 'utf8'));

/** A fresh deep copy of the fixture for each case. */
function fixture(): Data {
  return structuredClone(original);
}

function errors(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}

describe('the fixture', () => {
  it('is valid, with no problems at all', () => {
    const result = checkCampaignData(fixture());
    expect(result.problems).toEqual([]);
    expect(result.campaign).toBeDefined();
    expect(result.campaign!.id).toBe('kien-minh-2025');
  });

  it('is not changed by checking it', () => {
    const data = fixture();
    checkCampaignData(data);
    expect(data).toEqual(original);
  });
});

interface BadCase {
  name: string;
  mutate: (d: Data) => void;
  path: string;
  severity: Severity;
  /** What the Vietnamese and English messages must say, beyond being non-empty. */
  vi?: (string | RegExp)[];
  en?: (string | RegExp)[];
}

/** Where the fixture's indicators and tasks stand in its outline: II. → 2. (indicators, one group per section) / 3. (tasks). */
const GROUP = (g: number) => `plan.body[2].body[1].body[${g}].body[0]`;
const IND = (g: number, i: number) => `${GROUP(g)}.indicators[${i}]`;
const ind = (d: Data, g: number, i: number): Data => d.plan.body[2].body[1].body[g].body[0].indicators[i];
const TASKS = 'plan.body[2].body[2].body[0].tasks';
const task = (d: Data, t: number): Data => d.plan.body[2].body[2].body[0].tasks[t];
const BASIS = 'plan.body[0].basis.documents[0]';
const TOTAL = `${IND(0, 0)}.items[0]`;

const cases: BadCase[] = [
  {
    name: 'components that do not add up (720,556 → 720,555)',
    mutate: (d) => {
      ind(d, 0, 0).items[0].components[0].target.period = '720.555';
    },
    path: `${TOTAL}.components`,
    severity: 'error',
    vi: ['833,508', '833,509'],
    en: ['833,508', '833,509'],
  },
  {
    name: 'components of the whole year that do not add up (1483,178 → 1483,179)',
    mutate: (d) => {
      ind(d, 0, 0).items[0].components[0].target.year = '1483.179';
    },
    path: `${TOTAL}.components`,
    severity: 'error',
    vi: ['1.703,275', '1.703,274'],
    en: ['1.703,275', '1.703,274'],
  },
  {
    name: 'a stated percent that does not equal its ratio (124 → 125)',
    mutate: (d) => {
      ind(d, 0, 1).items[0].context.percent = 125;
    },
    path: `${IND(0, 1)}.items[0].context.percent`,
    severity: 'error',
    vi: ['125%', '124%'],
    en: ['125%', '124%'],
  },
  {
    name: 'a missing required field (plan.summary)',
    mutate: (d) => {
      delete d.plan.summary;
    },
    path: 'plan.summary',
    severity: 'error',
    vi: ['thiếu trường bắt buộc'],
  },
  {
    name: 'a wrong type (indicator code as text)',
    mutate: (d) => {
      ind(d, 0, 0).code = 'one';
    },
    path: `${IND(0, 0)}.code`,
    severity: 'error',
    // The field is present: the message must name the type, not call the field missing.
    vi: [/sai kiểu dữ liệu/, /số/],
    en: [/number/],
  },
  {
    name: 'a wrong type (year as a string)',
    mutate: (d) => {
      d.plan.date.year = '2025';
    },
    path: 'plan.date.year',
    severity: 'error',
    vi: [/sai kiểu dữ liệu/],
    en: [/number/],
  },
  {
    name: 'an unknown key (typo "summmary" in plan)',
    mutate: (d) => {
      d.plan.summmary = d.plan.summary;
    },
    path: 'plan.summmary',
    severity: 'error',
    vi: ['summmary'],
    en: ['summmary'],
  },
  {
    name: 'an issuer line in lower case',
    mutate: (d) => {
      d.issuer.lines[1] = 'Xã Kiến Minh';
    },
    path: 'issuer.lines[1]',
    severity: 'error',
    vi: ['chữ in hoa'],
    en: ['must be written in capitals'],
  },
  {
    name: 'an issuer line too wide for its column',
    mutate: (d) => {
      d.issuer.lines = ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'];
    },
    path: 'issuer.lines[0]',
    severity: 'error',
    vi: ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG', 'cm'],
    en: ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG', 'cm'],
  },
  {
    name: 'a date that does not exist (2025-02-30) in a cited document',
    mutate: (d) => {
      d.plan.body[0].basis.documents[0].date = '2025-02-30';
    },
    path: `${BASIS}.date`,
    severity: 'error',
  },
  {
    name: 'a date in the wrong form (09/09/2025)',
    mutate: (d) => {
      d.plan.body[0].basis.documents[0].date = '09/09/2025';
    },
    path: `${BASIS}.date`,
    severity: 'error',
    vi: ['YYYY-MM-DD'],
  },
  {
    name: 'a day not in its month (31 September)',
    mutate: (d) => {
      d.plan.date.day = 31;
    },
    path: 'plan.date.day',
    severity: 'error',
  },
  {
    name: 'a duplicated indicator id',
    mutate: (d) => {
      const old = ind(d, 1, 0).id;
      ind(d, 1, 0).id = 'ngan-sach';
      // Units that named the old id would now name nothing: drop those references.
      for (const u of d.units) {
        for (const role of ['leads', 'supports']) {
          if (u[role]?.indicators) u[role].indicators = u[role].indicators.filter((id: string) => id !== old);
        }
      }
    },
    path: `${IND(1, 0)}.id`,
    severity: 'error',
    vi: ['ngan-sach', `${IND(0, 1)}.id`],
    en: ['ngan-sach', `${IND(0, 1)}.id`],
  },
  {
    name: 'a context ratio over zero',
    mutate: (d) => {
      ind(d, 0, 1).items[0].context.plan = 0;
    },
    path: `${IND(0, 1)}.items[0].context.plan`,
    severity: 'error',
    vi: ['không được bằng 0'],
    en: ['must not be zero'],
  },
  {
    name: 'a figure in exponent form',
    mutate: (d) => {
      ind(d, 1, 0).items[0].target = 1e21;
    },
    path: `${IND(1, 0)}.items[0].target`,
    severity: 'error',
    vi: [/./],
    en: [/./],
  },
  {
    name: 'a duplicated indicator code in one group',
    mutate: (d) => {
      ind(d, 0, 2).code = 2;
    },
    path: `${IND(0, 2)}.code`,
    severity: 'error',
    // The code it clashes with is automatic: named at its indicator.
    vi: ['2', `trùng với ${IND(0, 1)}`],
    en: ['2', `(also at ${IND(0, 1)})`],
  },
  {
    name: 'a control character U+0007 in a task text',
    mutate: (d) => {
      task(d, 1).item = 'Tập trung thực hiện\u0007 các Nghị quyết quan trọng:';
    },
    path: `${TASKS}[1].item`,
    severity: 'error',
    vi: ['U+0007'],
    en: ['U+0007'],
  },
];

const table = (rows: Data[], header: Data[] = [['A', 'B']]) => ({ table: { columns: [{ width: 1 }, { width: 3 }], header, rows } });
/** The first clause of section I ("1. Mục đích"). */
const PURPOSES = 'plan.body[1].body[0]';

cases.push(
  {
    name: 'a generated block in the plan the issuer writes',
    mutate: (d) => d.plan.body.push({ generate: 'leads-tasks' }),
    path: 'plan.body[6].generate',
    severity: 'error',
    vi: ['leads-tasks'],
    en: ['cannot stand here'],
  },
  {
    name: 'a second time of the campaign',
    mutate: (d) => d.plan.body[3].body.push({ timeline: { start: 'launch', end: '2025-11-30' } }),
    path: 'plan.body[3].body[1].timeline',
    severity: 'error',
    vi: ['timeline'],
    en: ['at most one timeline'],
  },
  {
    name: 'a summary in capitals without its running form',
    mutate: (d) => (d.plan.summary = d.plan.summary.toLocaleUpperCase('vi')),
    path: 'plan.subject',
    severity: 'error',
    vi: ['in hoa'],
    en: ['capitals'],
  },
  {
    name: 'a table row with more cells than columns',
    mutate: (d) => d.plan.body.push(table([['1', '2', '3']])),
    path: 'plan.body[6].table.rows[0]',
    severity: 'error',
    vi: ['nhiều ô hơn 2 cột'],
    en: ['more cells than the 2 columns'],
  },
  {
    name: 'a table cell spanning more rows than follow it',
    mutate: (d) => d.plan.body.push(table([[{ text: '1', rowSpan: 3 }, 'x'], ['y']])),
    path: 'plan.body[6].table.rows[0]',
    severity: 'error',
    vi: ['gộp quá số hàng'],
    en: ['spans more rows than follow it'],
  },
  {
    name: 'a table header cell reaching past the columns',
    mutate: (d) => d.plan.body.push(table([], [[{ text: 'A', colSpan: 3 }]])),
    path: 'plan.body[6].table.header[0]',
    severity: 'error',
    en: ['reaches past the 2 columns'],
  },
  {
    name: 'a word wider than its table column',
    mutate: (d) => d.plan.body.push({ table: { columns: [{ width: 1 }, { width: 40 }], rows: [['Điểm chuẩn', 'x']] } }),
    path: 'plan.body[6].table.rows[0]',
    severity: 'warning',
    vi: ['"Điểm"', 'nới rộng cột'],
    en: ['"Điểm"', 'column 1'],
  },
  {
    name: 'more lettered points than the alphabet has (a to y)',
    mutate: (d) => (d.plan.body[1].body[0].items = Array.from({ length: 24 }, (_, k) => `Điểm ${k + 1}.`)),
    path: PURPOSES,
    severity: 'error',
    vi: ['23'],
    en: ['at most 23'],
  },
  {
    name: 'a paragraph with ": " left unquoted in YAML (read as a key and its value)',
    mutate: (d) => d.plan.body[1].body[0].items.push({ 'Về kinh tế': 'tăng trưởng 8%' }),
    path: `${PURPOSES}.items[2]`,
    severity: 'error',
    vi: ['dấu ngoặc kép'],
    en: ['quotes'],
  },
  {
    name: 'an archive entry ending with a full stop',
    mutate: (d) => (d.plan.archive = ['VT.']),
    path: 'plan.archive[0]',
    severity: 'error',
    vi: ['VT'],
    en: ['without'],
  },
  {
    name: 'a campaign ending at its launch',
    mutate: (d) => (d.plan.body[3].body[0].timeline.end = 'launch'),
    path: 'plan.body[3].body[0].timeline.end',
    severity: 'error',
  },
  {
    name: 'a cited document dated after the plan',
    mutate: (d) => (d.plan.body[0].basis.documents[0].date = '2025-10-01'),
    path: `${BASIS}.date`,
    severity: 'error',
    vi: ['sau văn bản này'],
    en: ['dated after this one'],
  },
);

cases.push(
  {
    name: 'a duplicated indicator id in an appendix (its typed blocks count as the body\'s)',
    mutate: (d) => {
      d.plan.appendices = [{ title: ['CHỈ TIÊU'], body: [{ indicators: [{ id: 'ngan-sach', items: [{ id: 'x-1', kind: 'percent', label: 'Tỷ lệ', target: 1 }] }] }] }];
      d.plan.body.push('Chi tiết tại Phụ lục kèm theo.');
    },
    path: 'plan.appendices[0].body[0].indicators[0].id',
    severity: 'error',
    vi: ['ngan-sach'],
  },
  {
    name: 'a reporting duty in an appendix through a unit that does not exist',
    mutate: (d) => {
      // The plan's one reporting duty moves from its body to the appendix.
      d.plan.body[5].body[0].organisation[0].body.splice(1, 1);
      d.plan.appendices = [{ title: ['TỔ CHỨC'], body: [{ reporting: { to: 'UBND xã', deadline: '2025-12-01', viaUnit: 'khong-co' } }] }];
      d.plan.body.push('Chi tiết tại Phụ lục kèm theo.');
    },
    path: 'plan.appendices[0].body[0].reporting.viaUnit',
    severity: 'error',
    vi: ['khong-co'],
  },
  {
    name: 'a table with no row',
    mutate: (d) => d.plan.body.push({ table: { columns: [{ width: 1 }, { width: 2 }] } }),
    path: 'plan.body[6].table',
    severity: 'error',
    vi: ['ít nhất một hàng'],
    en: ['at least one row'],
  },
  {
    name: 'a report block in the unit plans\' own appendix',
    mutate: (d) => (d.unitPlans.outline = { appendices: [{ title: ['PHỤ LỤC'], body: [{ generate: 'indicator-table' }] }] }),
    path: 'unitPlans.outline.appendices[0].body[0].generate',
    severity: 'error',
    en: ['cannot stand here'],
  },
  {
    name: 'a time of the campaign that is no time',
    mutate: (d) => (d.plan.body[3].body[0].timeline.end = '2025-13-01'),
    path: 'plan.body[3].body[0].timeline.end',
    severity: 'error',
    vi: ['một tháng'],
    en: ['a month such as'],
  },
);

describe.each(cases)('$name', ({ mutate, path, severity, vi = [], en = [] }) => {
  const data = fixture();
  mutate(data);
  const result = checkCampaignData(data);

  it(`is reported at ${path}`, () => {
    const found = result.problems.filter((p) => p.path === path);
    expect(found, JSON.stringify(result.problems, null, 2)).toHaveLength(1);
    expect(found[0].severity).toBe(severity);
  });

  it('is the only error, and no model comes back', () => {
    expect(errors(result.problems).map((p) => p.path)).toEqual(severity === 'error' ? [path] : []);
    if (severity === 'error') expect(result.campaign).toBeUndefined();
  });

  it('has a Vietnamese and an English message', () => {
    const p = result.problems.find((x) => x.path === path);
    expect(p).toBeDefined();
    expect(p!.message_vi.trim()).not.toBe('');
    expect(p!.message_en.trim()).not.toBe('');
    for (const s of vi) expect(p!.message_vi).toMatch(s);
    for (const s of en) expect(p!.message_en).toMatch(s);
  });
});

describe('text normalisation', () => {
  it('accepts NFD input and gives it back as NFC', () => {
    const data = fixture();
    const nfc = (original.plan.summary as string).normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc); // the case means something only if the forms differ
    data.plan.summary = nfd;
    const result = checkCampaignData(data);
    expect(result.problems).toEqual([]);
    expect(result.campaign!.plan!.summary).toBe(nfc);
  });

  it('checks NFD capitals of an issuer line after normalising (no false width or capitals error)', () => {
    const data = fixture();
    data.issuer.lines = data.issuer.lines.map((l: string) => l.normalize('NFD'));
    const result = checkCampaignData(data);
    expect(result.problems).toEqual([]);
    expect(result.campaign!.issuer.lines).toEqual(['ỦY BAN NHÂN DÂN'.normalize('NFC'), 'XÃ KIẾN MINH'.normalize('NFC')]);
  });

  it.each([
    ['plan.summary', (d: Data, s: string) => (d.plan.summary = s), (c: Data) => c.plan.summary],
    ['a task', (d: Data, s: string) => (task(d, 0).item = s), (c: Data) => task(c, 0).item],
    ['a task\'s dash item', (d: Data, s: string) => (task(d, 1).items[0] = s), (c: Data) => task(c, 1).items[0]],
    ['plan.recipients[0].name', (d: Data, s: string) => (d.plan.recipients[0].name = s), (c: Data) => c.plan.recipients[0].name],
  ])('keeps template-like user text in %s unchanged', (_where, set, get) => {
    const text = 'Nội dung {{summary}} và {#body}{/body} <w:p><w:t>x</w:t></w:p> &amp; &lt; {{{raw}}} ${x}';
    const data = fixture();
    set(data, text);
    const result = checkCampaignData(data);
    expect(result.problems).toEqual([]);
    expect(get(result.campaign)).toBe(text);
  });
});
