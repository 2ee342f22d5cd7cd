/**
 * Every input dimension has a limit (src/model/limits.ts, README): data past
 * one is refused with a problem naming the field, and parser failures are
 * problems, never exceptions. Each row is an input that was hostile or
 * unlucky; each expects the place and words of its problem.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, TSX } from './support/cli.js';
import { checkCampaignData, checkResultsData, loadAwardForms, parseDataText } from '../src/model/load.js';
import { parseJsonText } from '../src/model/json.js';
import { LIMITS } from '../src/model/limits.js';
import { formatVi } from '../src/format/decimal.js';
import type { Problem } from '../src/model/problems.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/kien-minh-2025/campaign.yaml', import.meta.url));

const RESULTS = fileURLToPath(new URL('../fixtures/kien-minh-2025/ket-qua.yaml', import.meta.url));
const original = parse(readFileSync(FIXTURE, 'utf8'));
const results = parse(readFileSync(RESULTS, 'utf8'));
// Where the fixture's first indicator with a single figure and its reporting block stand.
const ITEM = 'plan.body[2].body[1].body[0].body[0].indicators[1].items[0]';
const item = (d: any) => d.plan.body[2].body[1].body[0].body[0].indicators[1].items[0];
const REPORTING = 'plan.body[5].body[0].organisation[0].body[1].reporting';
const reporting = (d: any) => d.plan.body[5].body[0].organisation[0].body[1].reporting;

const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const nested = (depth: number, inner: unknown): unknown => {
  let v = inner;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

interface Case {
  name: string;
  mutate: (d: any) => void;
  path: string | RegExp;
  vi: RegExp;
  en: RegExp;
}

const cases: Case[] = [
  {
    name: 'a figure written with 30,000 digits',
    mutate: (d) => (item(d).target = '9'.repeat(30_000)),
    path: `${ITEM}.target`,
    vi: /30\.000 ký tự, nhiều nhất 10\.000/,
    en: /30000 characters, at most 10000/,
  },
  {
    name: 'a figure with 16 digits before the point',
    mutate: (d) => (item(d).target = '1234567890123456'),
    path: `${ITEM}.target`,
    vi: /nhiều nhất 15 chữ số trước dấu thập phân/,
    en: /at most 15 digits before the decimal point/,
  },
  {
    name: 'a figure with 7 decimals',
    mutate: (d) => (item(d).target = '1.1234567'),
    path: `${ITEM}.target`,
    vi: /6 chữ số sau/,
    en: /6 after/,
  },
  {
    name: 'a word of 20,000 letters with no space',
    mutate: (d) => (d.issuer.name = `Ủy ban ${'a'.repeat(20_000)}`.slice(0, 9_000)),
    path: 'issuer.name',
    vi: /từ dài hơn 64 ký tự/,
    en: /word of more than 64 characters/,
  },
  {
    name: 'a text of 20,000 characters',
    mutate: (d) => (d.issuer.name = 'Ủy ban nhân dân '.repeat(1_300)),
    path: 'issuer.name',
    vi: /nhiều nhất 10\.000/,
    en: /at most 10000/,
  },
  {
    name: 'a list of 100,000 entries',
    mutate: (d) => (d.issuer.parent = Array.from({ length: 100_000 }, () => 'UBND')),
    path: 'issuer.parent',
    vi: /danh sách có 100\.000 mục, nhiều nhất 1\.000/,
    en: /a list of 100000 entries, at most 1000/,
  },
  {
    name: 'an object of 100,000 fields',
    mutate: (d) => {
      for (let i = 0; i < 100_000; i++) d.issuer[`k${i}`] = 1;
    },
    path: 'issuer',
    vi: /có 100\.\d{3} trường, nhiều nhất 200/,
    en: /has 100\d{3} fields, at most 200/,
  },
  {
    name: 'data nested 50,000 deep',
    mutate: (d) => (d.issuer.place = nested(50_000, 'x')),
    path: /^issuer\.place(\[0\]){38}$/,
    vi: /lồng nhau quá 40 cấp/,
    en: /nested more than 40 levels deep/,
  },
  {
    name: 'a reporting deadline before the date of the plan',
    mutate: (d) => (reporting(d).deadline = '2025-01-01'),
    path: `${REPORTING}.deadline`,
    vi: /hạn báo cáo trước ngày của kế hoạch/,
    en: /deadline is before the date of the plan/,
  },
  {
    name: 'a negative count',
    mutate: (d) => {
      const count = d.plan.body[2].body[1].body[1].body[0].indicators.flatMap((i: any) => i.items).find((i: any) => i.kind === 'count');
      count.target = -5;
    },
    path: /\.target$/,
    vi: /số lượng không được âm/,
    en: /a count cannot be negative/,
  },
  {
    name: '4,000 sections, past what Roman numerals number',
    mutate: (d) => (d.plan.body = Array.from({ length: 4_000 }, (_, i) => ({ section: `Mục ${i + 1}`, body: [{ text: 'Nội dung.' }] }))),
    path: 'plan.body',
    vi: /danh sách có 4\.000 mục, nhiều nhất 1\.000/,
    en: /a list of 4000 entries, at most 1000/,
  },
];

describe('data past a limit is one problem at its field', () => {
  it.each(cases)('$name', ({ mutate, path, vi, en }) => {
    const data = structuredClone(original);
    mutate(data);
    const problems = errorsOf(checkCampaignData(data).problems);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    if (typeof path === 'string') expect(p.path).toBe(path);
    else expect(p.path).toMatch(path);
    expect(p.message_vi).toMatch(vi);
    expect(p.message_en).toMatch(en);
  });

  it('the fixture holds a count, so the negative-count row tests one', () => {
    const counts = original.plan.body[2].body[1].body[1].body[0].indicators.flatMap((i: any) => i.items).filter((i: any) => i.kind === 'count');
    expect(counts.length).toBeGreaterThan(0);
  });
});

describe('many problems', () => {
  it('lists the first ones and counts the rest', () => {
    const data = structuredClone(original);
    // 1,000 lines in lower case, each a problem of its own.
    data.issuer.parent = Array.from({ length: LIMITS.listLength }, () => 'ủy ban');
    const { problems } = checkCampaignData(data);
    expect(problems).toHaveLength(LIMITS.problems + 1);
    expect(problems[0].path).toBe('issuer.parent[0]');
    const last = problems.at(-1)!;
    expect(last.message_vi).toBe(`và ${formatVi(LIMITS.listLength - LIMITS.problems)} vấn đề khác (chỉ liệt kê ${LIMITS.problems} vấn đề đầu tiên)`);
    expect(last.message_en).toBe(`and ${LIMITS.listLength - LIMITS.problems} more problems (only the first ${LIMITS.problems} are listed)`);
    expect(last.severity).toBe('error');
  });

  it('an unknown field names only itself, however many there are', () => {
    const data = structuredClone(original);
    for (let i = 0; i < 150; i++) data.issuer[`k${i}`] = 1;
    const { problems } = checkCampaignData(data);
    expect(problems).toHaveLength(150);
    expect(problems[7]).toMatchObject({ path: 'issuer.k7', message_vi: 'trường không được biết đến: "k7"', message_en: 'unknown field "k7"' });
  });
});

describe('values pasted with spaces or a line break at their ends', () => {
  it('are trimmed; the text inside and values that are spaces stay as typed', () => {
    const data = structuredClone(original);
    data.issuer.place = '  Kiến  Minh \n';
    data.id = ' kien-minh-2025\n';
    reporting(data).deadline = '2025-12-10 ';
    const { campaign, problems } = checkCampaignData(data);
    expect(problems).toEqual([]);
    expect(campaign!.issuer.place).toBe('Kiến  Minh');
    expect(campaign!.id).toBe('kien-minh-2025');
    // A separator " " is a value, not padding.
    expect(JSON.stringify(campaign)).toContain('"separator":" "');
  });
});

describe('results past a limit', () => {
  it('a negative count achieved is a problem at its field', async () => {
    const campaign = checkCampaignData(structuredClone(original)).campaign!;
    const forms = await loadAwardForms();
    const counts = new Set(
      original.plan.body[2].body[1].body.flatMap((g: any) => g.body[0].indicators.flatMap((i: any) => i.items)).filter((i: any) => i.kind === 'count').map((i: any) => i.id),
    );
    const data = structuredClone(results);
    const k = data.indicators.findIndex((r: any) => counts.has(r.item));
    expect(k).toBeGreaterThanOrEqual(0);
    const achieved = data.indicators[k].achieved;
    if (typeof achieved === 'object') achieved.period = -1;
    else data.indicators[k].achieved = -1;
    const problems = errorsOf(checkResultsData(data, campaign, forms).problems);
    expect(problems).toEqual([expect.objectContaining({ path: `indicators[${k}].achieved`, message_en: 'a count cannot be negative' })]);
  });
});

describe('YAML and JSON texts', () => {
  const one = (problems: Problem[]) => {
    expect(problems).toHaveLength(1);
    return problems[0];
  };

  it('a YAML alias bomb is a problem, not an exception', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    const r = parseDataText(bomb, 'bomb.yaml');
    expect(r.value).toBeUndefined();
    expect(one(r.problems)).toMatchObject({ path: 'bomb.yaml', message_en: 'too many YAML aliases (at most 100)' });
  });

  it('YAML nested 50,000 deep is a problem, not an exception', () => {
    const r = parseDataText(`${'['.repeat(50_000)}${']'.repeat(50_000)}`, 'deep.yaml');
    expect(r.value).toBeUndefined();
    expect(one(r.problems).message_en).toMatch(/nested/);
  });

  it('YAML past a limit names the file and the field', () => {
    const r = parseDataText(`issuer:\n  parent: [${Array(1001).fill('A').join(',')}]\n`, 'c.yaml');
    expect(one(r.problems)).toMatchObject({ path: 'c.yaml: issuer.parent', message_en: 'a list of 1001 entries, at most 1000' });
  });

  it('a duplicate key in JSON is refused with its line and column, as in YAML', () => {
    const r = parseJsonText('{\n  "id": "a",\n  "id": "b"\n}', 'body');
    expect(r.value).toBeUndefined();
    expect(one(r.problems)).toMatchObject({ path: 'body:3:3', message_vi: 'khóa "id" bị lặp lại tại dòng 3, cột 3', message_en: 'duplicate key "id"' });
    expect(one(parseDataText('{\n  "id": "a",\n  "id": "b"\n}', 'c.json').problems).path).toBe('c.json:3:3');
  });

  it('JSON nested 50,000 deep, malformed JSON and keys that poison prototypes are problems with their place', () => {
    expect(one(parseJsonText(`${'['.repeat(50_000)}1${']'.repeat(50_000)}`, 'body').problems).message_en).toMatch(/nested/);
    expect(one(parseJsonText(`${'['.repeat(100)}1${']'.repeat(100)}`, 'body').problems).message_en).toMatch(/nested more than 40/);
    expect(one(parseJsonText('{"a": 1,\n "b": }', 'body').problems)).toMatchObject({ path: 'body:2:7' });
    expect(one(parseJsonText('{"a": {"__proto__": {"x": 1}}}', 'body').problems).message_en).toBe('the key "__proto__" is not allowed');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('JSON within the limits reads as JSON.parse reads it', () => {
    const text = JSON.stringify(original);
    expect(parseJsonText(text, 'body')).toEqual({ value: JSON.parse(text), problems: [], locate: expect.any(Function) });
  });
});

describe('Vietnamese figures', () => {
  it.each([
    ['0', '0'],
    ['12', '12'],
    ['123', '123'],
    ['1234', '1.234'],
    ['-1234567.5', '-1.234.567,5'],
    ['123456789012345', '123.456.789.012.345'],
  ])('%s is printed %s', (value, printed) => {
    expect(formatVi(value)).toBe(printed);
  });
});

describe('the CLI', () => {
  const work = mkdtempSync(join(tmpdir(), 'thidua-limits-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const thidua = (...args: string[]) => spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd: work, encoding: 'utf8', timeout: 60_000 });

  it('a YAML alias bomb exits 1 with the problem at the file, no stack trace', () => {
    const file = join(work, 'bomb.yaml');
    writeFileSync(file, ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n'));
    const r = thidua('validate', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`LỖI/ERROR ${file}: dùng quá nhiều bí danh YAML (nhiều nhất 100) / too many YAML aliases (at most 100)\n`);
  });

  it('a file larger than the limit exits 1 without being read', () => {
    const file = join(work, 'big.yaml');
    writeFileSync(file, '');
    truncateSync(file, LIMITS.fileBytes + 1);
    const r = thidua('plan', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`LỖI/ERROR ${file}: tệp 16,0 MB, lớn nhất 16,0 MB / a file of ${LIMITS.fileBytes + 1} bytes, at most ${LIMITS.fileBytes}\n`);
  });

  it('a template larger than the limit exits 1 without being read', () => {
    const file = join(work, 'big.docx');
    writeFileSync(file, '');
    truncateSync(file, LIMITS.templateInflatedBytes + 1);
    const r = thidua('plan', FIXTURE, '--template', file, '--out', join(work, 'out'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`a file of ${LIMITS.templateInflatedBytes + 1} bytes, at most ${LIMITS.templateInflatedBytes}`);
  });
});
