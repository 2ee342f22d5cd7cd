/**
 * Results checked against the plan through checkResultsData: each case
 * mutates a deep copy of the parsed ket-qua.yaml and expects exactly one
 * error at an exact field path, with a message in Vietnamese and in English.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { reportView } from '../src/view/report.js';
import { checkResultsData, loadAwardForms, loadCampaign } from '../src/model/load.js';
import type { Problem } from '../src/model/problems.js';

const CAMPAIGN_FILE = fileURLToPath(new URL('../fixtures/kien-minh-2025/campaign.yaml', import.meta.url));
const RESULTS_FILE = fileURLToPath(new URL('../fixtures/kien-minh-2025/ket-qua.yaml', import.meta.url));

// The data is plain parsed YAML, mutated freely by the cases.
type Data = any;

const original: Data = parse(readFileSync(RESULTS_FILE, 'utf8'));
const { campaign } = await loadCampaign(CAMPAIGN_FILE);
const forms = await loadAwardForms();

/** A fresh deep copy of the results for each case. */
const fixture = (): Data => structuredClone(original);

const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const warnings = (problems: Problem[]) => problems.filter((p) => p.severity === 'warning');

/** Index of an entry in the results, found by its id, so that cases do not hang on the file's order. */
const indexOf = (d: Data, list: 'indicators' | 'units' | 'awards', match: (x: Data) => boolean): number => {
  const i = d[list].findIndex(match);
  if (i < 0) throw new Error(`no such entry in ${list}`);
  return i;
};
const itemAt = (d: Data, id: string) => indexOf(d, 'indicators', (x) => x.item === id);
const awardAt = (d: Data, name: string) => indexOf(d, 'awards', (x) => x.name === name);

const FIXTURE_WARNINGS: Problem[] = [
  {
    path: 'indicators',
    message_vi: 'chưa có kết quả của "ty-le-ho-can-ngheo" (chỉ tiêu (5))',
    message_en: 'no result for "ty-le-ho-can-ngheo" (indicator (5))',
    severity: 'warning',
  },
  {
    path: 'units[14].reportedOn',
    message_vi: 'đơn vị "thon-3" chưa báo cáo',
    message_en: 'unit "thon-3" has not reported',
    severity: 'warning',
  },
];

describe('the fixture', () => {
  it('has no errors, and warns only of the item without a result and the unit that did not report', () => {
    const checked = checkResultsData(fixture(), campaign, forms);
    expect(errors(checked.problems)).toEqual([]);
    expect(checked.problems).toEqual(FIXTURE_WARNINGS);
    expect(checked.value).toBeDefined();
    expect(checked.value!.campaign).toBe('kien-minh-2025');
    expect(checked.value!.sample).toBe(true);
  });

  it('is not changed by checking it', () => {
    const data = fixture();
    checkResultsData(data, campaign, forms);
    expect(data).toEqual(original);
  });

  it('warns, not fails, of a unit left out of the results', () => {
    const d = fixture();
    d.units.splice(indexOf(d, 'units', (u) => u.unit === 'hoi-nong-dan'), 1);
    const checked = checkResultsData(d, campaign, forms);
    expect(errors(checked.problems)).toEqual([]);
    expect(checked.value).toBeDefined();
    expect(warnings(checked.problems).map((p) => p.message_en)).toEqual([
      'no result for "ty-le-ho-can-ngheo" (indicator (5))',
      'unit "hoi-nong-dan" has not reported',
      'unit "thon-3" has not reported',
    ]);
  });

  it('warns of a unit with results but no report date', () => {
    const d = fixture();
    const i = indexOf(d, 'units', (u) => u.unit === 'hoi-nong-dan');
    delete d.units[i].reportedOn;
    const checked = checkResultsData(d, campaign, forms);
    expect(errors(checked.problems)).toEqual([]);
    expect(warnings(checked.problems)).toContainEqual({
      path: `units[${i}].reportedOn`,
      message_vi: 'có nội dung báo cáo nhưng chưa có ngày báo cáo',
      message_en: 'has results but no report date',
      severity: 'warning',
    });
  });
});

interface BadCase {
  name: string;
  /** Mutates the data; returns the expected path. */
  mutate: (d: Data) => string;
  vi: string;
  en: string;
  /** Checked against the campaign as a year's movement (phong trào), where titles are given. */
  yearly?: boolean;
}

const cases: BadCase[] = [
  {
    name: 'results of another campaign',
    mutate: (d) => {
      d.campaign = 'kien-minh-2024';
      return 'campaign';
    },
    vi: 'kết quả của đợt "kien-minh-2024", không phải "kien-minh-2025"',
    en: 'results of campaign "kien-minh-2024", not "kien-minh-2025"',
  },
  {
    name: 'an unknown indicator item',
    mutate: (d) => {
      d.indicators.push({ item: 'ty-le-tre-em-tiem-chung', achieved: '97.5' });
      return `indicators[${d.indicators.length - 1}].item`;
    },
    vi: 'không có ý chỉ tiêu "ty-le-tre-em-tiem-chung"',
    en: 'no indicator item "ty-le-tre-em-tiem-chung"',
  },
  {
    name: 'an indicator id (not an item id)',
    mutate: (d) => {
      d.indicators.push({ item: 'gia-tri-san-xuat', achieved: { period: 1, year: 2 } });
      return `indicators[${d.indicators.length - 1}].item`;
    },
    vi: 'không có ý chỉ tiêu "gia-tri-san-xuat"',
    en: 'no indicator item "gia-tri-san-xuat"',
  },
  {
    // A component's result goes under its item's, in `components`.
    name: 'a component id (not an item id)',
    mutate: (d) => {
      d.indicators.push({ item: 'gia-tri-nong-lam-thuy-san', achieved: { period: 1, year: 2 } });
      return `indicators[${d.indicators.length - 1}].item`;
    },
    vi: 'không có ý chỉ tiêu "gia-tri-nong-lam-thuy-san"',
    en: 'no indicator item "gia-tri-nong-lam-thuy-san"',
  },
  {
    name: 'the same item twice',
    mutate: (d) => {
      d.indicators.push({ item: 'ty-le-ho-ngheo', achieved: '0.1' });
      return `indicators[${d.indicators.length - 1}].item`;
    },
    vi: 'kết quả của "ty-le-ho-ngheo" bị trùng',
    en: 'a second result for "ty-le-ho-ngheo"',
  },
  {
    name: 'true/false for a money item',
    mutate: (d) => {
      const i = itemAt(d, 'thu-ngan-sach');
      d.indicators[i].achieved = true;
      return `indicators[${i}].achieved`;
    },
    vi: 'cần một số, không phải true/false',
    en: 'needs a figure, not true/false',
  },
  {
    name: 'a single value for a period/year pair',
    mutate: (d) => {
      const i = itemAt(d, 'giai-quyet-viec-lam');
      d.indicators[i].achieved = 856;
      return `indicators[${i}].achieved`;
    },
    vi: 'cần cặp {period, year} như kế hoạch',
    en: 'needs a {period, year} pair like the target',
  },
  {
    name: 'a pair for a single-value target',
    mutate: (d) => {
      const i = itemAt(d, 'ty-le-tham-gia-bao-hiem-y-te');
      d.indicators[i].achieved = { period: '97.1', year: '97.3' };
      return `indicators[${i}].achieved`;
    },
    vi: 'cần một giá trị như kế hoạch',
    en: 'needs one value like the target',
  },
  {
    name: 'a pair for a completion item',
    mutate: (d) => {
      const i = itemAt(d, 'du-an-ha-tang-dong-phuong');
      d.indicators[i].achieved = { period: 1, year: 1 };
      return `indicators[${i}].achieved`;
    },
    vi: 'cần true/false (đã hoàn thành hay chưa)',
    en: 'needs true or false (done or not)',
  },
  {
    name: 'a pair for a quota',
    mutate: (d) => {
      const i = itemAt(d, 'chi-tieu-tuyen-quan');
      d.indicators[i].achieved = { period: 100, year: 100 };
      return `indicators[${i}].achieved`;
    },
    vi: 'cần một tỷ lệ phần trăm',
    en: 'needs one percentage',
  },
  {
    name: 'components of the campaign period that do not add up (726,402 → 726,401)',
    mutate: (d) => {
      const i = itemAt(d, 'tong-gia-tri-san-xuat');
      d.indicators[i].components[0].achieved.period = '726.401';
      return `indicators[${i}].components`;
    },
    vi: 'tổng các thành phần (period) là 840,214, không bằng 840,215',
    en: 'components (period) add up to 840,214, not 840,215',
  },
  {
    name: 'components of the whole year that do not add up (223,335 → 223,336)',
    mutate: (d) => {
      const i = itemAt(d, 'tong-gia-tri-san-xuat');
      d.indicators[i].components[1].achieved.year = '223.336';
      return `indicators[${i}].components`;
    },
    vi: 'tổng các thành phần (year) là 1.718,643, không bằng 1.718,642',
    en: 'components (year) add up to 1.718,643, not 1.718,642',
  },
  {
    name: 'a total that does not match its components (1718,642 → 1718,640)',
    mutate: (d) => {
      const i = itemAt(d, 'tong-gia-tri-san-xuat');
      d.indicators[i].achieved.year = '1718.640';
      return `indicators[${i}].components`;
    },
    vi: 'tổng các thành phần (year) là 1.718,642, không bằng 1.718,640',
    en: 'components (year) add up to 1.718,642, not 1.718,640',
  },
  {
    name: 'an unknown component',
    mutate: (d) => {
      const i = itemAt(d, 'tong-gia-tri-san-xuat');
      d.indicators[i].components[1].id = 'gia-tri-cong-nghiep';
      return `indicators[${i}].components[1].id`;
    },
    vi: 'chỉ tiêu không có thành phần "gia-tri-cong-nghiep"',
    en: 'the item has no component "gia-tri-cong-nghiep"',
  },
  {
    name: 'an unknown unit reporting a result',
    mutate: (d) => {
      const i = itemAt(d, 'ty-le-dieu-tra-pha-an');
      d.indicators[i].reportedBy = 'cong-an-huyen';
      return `indicators[${i}].reportedBy`;
    },
    vi: 'không có đơn vị "cong-an-huyen"',
    en: 'no unit "cong-an-huyen"',
  },
  {
    name: 'an unknown unit in units',
    mutate: (d) => {
      d.units.push({ unit: 'thon-4', reportedOn: '2025-12-09' });
      return `units[${d.units.length - 1}].unit`;
    },
    vi: 'không có đơn vị "thon-4"',
    en: 'no unit "thon-4"',
  },
  {
    name: 'a unit listed twice',
    mutate: (d) => {
      d.units.push({ unit: 'thon-1', reportedOn: '2025-12-09' });
      return `units[${d.units.length - 1}].unit`;
    },
    vi: 'đơn vị "thon-1" bị trùng',
    en: 'unit "thon-1" is listed twice',
  },
  {
    name: 'an award to an unknown unit',
    mutate: (d) => {
      const i = awardAt(d, 'Phòng Kinh tế');
      d.awards[i].unit = 'phong-tai-chinh';
      return `awards[${i}].unit`;
    },
    vi: 'không có đơn vị "phong-tai-chinh"',
    en: 'no unit "phong-tai-chinh"',
  },
  {
    name: 'an unknown award form',
    mutate: (d) => {
      const i = awardAt(d, 'Thôn 1');
      d.awards[i].form = 'huan-chuong-lao-dong';
      return `awards[${i}].form`;
    },
    vi: 'không có hình thức khen thưởng "huan-chuong-lao-dong"',
    en: 'no award form "huan-chuong-lao-dong"',
  },
  {
    name: 'a yearly title in a campaign by occasion',
    mutate: (d) => {
      const i = awardAt(d, 'Bà Phạm Thị Thu Hà');
      d.awards[i].form = 'lao-dong-tien-tien';
      return `awards[${i}].form`;
    },
    vi: '"Lao động tiên tiến" là danh hiệu xét theo năm, không khen theo đợt thi đua',
    en: '"Lao động tiên tiến" is a title considered on a year\'s work, not an award of a campaign by occasion or on a theme',
  },
  {
    name: 'Lao động tiên tiến to a collective, in a year\'s movement',
    yearly: true,
    mutate: (d) => {
      const i = awardAt(d, 'Trung tâm Phục vụ hành chính công');
      d.awards[i].form = 'lao-dong-tien-tien';
      return `awards[${i}].kind`;
    },
    vi: '"Lao động tiên tiến" không dành cho tập thể',
    en: '"Lao động tiên tiến" is not given to a collective',
  },
  {
    name: 'Tập thể lao động tiên tiến to an individual, in a year\'s movement',
    yearly: true,
    mutate: (d) => {
      const i = awardAt(d, 'Bà Phạm Thị Thu Hà');
      d.awards[i].form = 'tap-the-lao-dong-tien-tien';
      return `awards[${i}].kind`;
    },
    vi: '"Tập thể lao động tiên tiến" không dành cho cá nhân',
    en: '"Tập thể lao động tiên tiến" is not given to an individual',
  },
  {
    name: 'a form the city decides, not marked proposed',
    mutate: (d) => {
      const i = awardAt(d, 'Ban Chỉ huy Quân sự xã');
      d.awards[i].proposed = false;
      return `awards[${i}].proposed`;
    },
    vi: '"Bằng khen của Chủ tịch Ủy ban nhân dân thành phố" do cấp trên quyết định: xã chỉ đề nghị',
    en: '"Bằng khen của Chủ tịch Ủy ban nhân dân thành phố" is decided by a superior: the issuer can only propose it',
  },
  {
    name: 'a form the city decides, proposed left to its default',
    mutate: (d) => {
      const i = awardAt(d, 'Ông Vũ Đức Quang');
      delete d.awards[i].proposed;
      return `awards[${i}].proposed`;
    },
    vi: '"Bằng khen của Chủ tịch Ủy ban nhân dân thành phố" do cấp trên quyết định: xã chỉ đề nghị',
    en: '"Bằng khen của Chủ tịch Ủy ban nhân dân thành phố" is decided by a superior: the issuer can only propose it',
  },
  {
    name: "a form the commune gives itself, marked proposed",
    mutate: (d) => {
      const i = awardAt(d, 'Công an xã');
      d.awards[i].proposed = true;
      return `awards[${i}].proposed`;
    },
    vi: '"Giấy khen của Chủ tịch Ủy ban nhân dân xã" do xã quyết định, không phải đề nghị cấp trên',
    en: '"Giấy khen của Chủ tịch Ủy ban nhân dân xã" is the issuer\'s own to give, not a proposal',
  },
  {
    name: 'a character XML cannot carry in an award name',
    mutate: (d) => {
      const i = awardAt(d, 'Ông Nguyễn Văn Hùng');
      d.awards[i].name = 'Ông Nguyễn\u0007 Văn Hùng';
      return `awards[${i}].name`;
    },
    vi: 'chứa ký tự không hợp lệ U+0007',
    en: 'contains a character XML cannot carry: U+0007',
  },
  {
    name: 'a report date that is not an ISO date',
    mutate: (d) => {
      const i = indexOf(d, 'units', (u) => u.unit === 'thon-2');
      d.units[i].reportedOn = '09/12/2025';
      return `units[${i}].reportedOn`;
    },
    vi: 'không phải một ngày: cần viết dạng YYYY-MM-DD, ví dụ "2025-09-09"',
    en: 'not a date: write it as YYYY-MM-DD, e.g. "2025-09-09"',
  },
  {
    name: 'a report date that is no day of the calendar',
    mutate: (d) => {
      const i = indexOf(d, 'units', (u) => u.unit === 'thon-2');
      d.units[i].reportedOn = '2025-02-29';
      return `units[${i}].reportedOn`;
    },
    vi: 'ngày không có thật: tháng 2/2025 có 28 ngày',
    en: 'an impossible date: 2/2025 has 28 days',
  },
  {
    name: 'the report citing guidance dated after the report itself',
    mutate: (d) => {
      d.report.basis = [{ type: 'Hướng dẫn', reference: '28/HD-UBND', date: '2026-01-05', issuer: 'Ủy ban nhân dân thành phố' }];
      return 'report.basis[0].date';
    },
    vi: 'văn bản được dẫn ban hành sau báo cáo này',
    en: 'the cited document is dated after this report',
  },
  {
    name: 'a unit plan\'s block in the report\'s own outline',
    mutate: (d) => {
      d.report.body = ['Mở đầu.', { generate: 'leads-tasks' }];
      return 'report.body[1].generate';
    },
    vi: 'khối "leads-tasks" không dùng được ở đây',
    en: 'a "leads-tasks" block cannot stand here',
  },
];

describe('a report citing its superior\'s guidance', () => {
  it('may cite guidance dated after the plan (but not after itself), and says so in section I', () => {
    const d = fixture();
    d.report.basis = [{ type: 'Hướng dẫn', reference: '28/HD-UBND', date: '2025-11-20', dateForm: 'short', issuer: 'Ủy ban nhân dân thành phố Hải Phòng' }];
    const checked = checkResultsData(d, campaign, forms);
    expect(errors(checked.problems)).toEqual([]);
    const first = reportView(campaign, checked.value!, forms).body[1];
    expect(first.role !== 'table' && first.text).toMatch(/^Thực hiện Hướng dẫn số 28\/HD-UBND ngày 20\/11\/2025 của Ủy ban nhân dân thành phố Hải Phòng, Ủy ban nhân dân xã Kiến Minh đã ban hành/);
  });

  it('has no "Kính gửi" where the report has no addressees, and does not "kính báo cáo" in its closing', () => {
    const d = fixture();
    d.report.to = [];
    const view = reportView(campaign, checkResultsData(d, campaign, forms).value!, forms);
    expect(view.addressees).toEqual([]);
    const last = view.body.at(-1)!;
    expect(last.role !== 'table' && last.text).toMatch(/của Ủy ban nhân dân xã Kiến Minh\.\/\.$/);
  });
});

describe('bad results', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const d = fixture();
    const path = c.mutate(d);
    const checked = checkResultsData(d, c.yearly ? { ...campaign, kind: 'phong-trao' } : campaign, forms);
    expect(errors(checked.problems)).toEqual([{ path, message_vi: c.vi, message_en: c.en, severity: 'error' }]);
    expect(checked.value).toBeUndefined();
  });
});
