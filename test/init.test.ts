/**
 * `thidua init`: a starter campaign for each level that validates and renders
 * as it is, with blanks where the clerk writes, and an existing campaign's
 * structure carried to a new year.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkCampaignData, checkResultsData } from '../src/model/load.js';
import { LEVELS } from '../src/model/schema.js';
import { BLANK, slug, starterCampaign, starterResults } from '../src/starter/starter.js';
import { loadAwardForms } from '../src/model/load.js';
import { schemaFile } from '../src/model/json-schema.js';
import { reportView } from '../src/view/report.js';
import { bodyTexts } from './support/kien-minh.js';
import { cliSandbox, EXIT, FIXTURE, listFiles } from './support/cli.js';

const { thidua, freshDir } = cliSandbox('init', 120_000);

const ISSUERS: Record<(typeof LEVELS)[number], string> = {
  xa: 'Xã Kiến Minh',
  phuong: 'Phường Ngô Quyền',
  'dac-khu': 'Đặc khu Cát Hải',
  'thi-tran': 'Thị trấn Núi Đèo',
  huyen: 'Huyện Thủy Nguyên',
  quan: 'Quận Lê Chân',
  'thi-xa': 'Thị xã Kinh Môn',
  'thanh-pho-thuoc-tinh': 'Thành phố Hạ Long',
  tinh: 'Tỉnh Ninh Bình',
  'thanh-pho': 'Thành phố Hải Phòng',
};

describe('the starter of each level', () => {
  it.each(LEVELS)('%s: valid as it is, with no problem, and its results file valid against it', async (level) => {
    const c = starterCampaign({ level, issuer: ISSUERS[level], year: 2026, month: 3, province: 'thành phố Hải Phòng', schema: 's.json' });
    const checked = checkCampaignData(parse(c.text));
    expect(checked.problems).toEqual([]);
    const campaign = checked.campaign!;
    expect(campaign.issuer.level).toBe(level);
    expect(campaign.units.length).toBeGreaterThanOrEqual(4);
    expect(campaign.plan!.date).toEqual({ year: 2026, month: 3, day: null });
    expect(campaign.plan!.number).toBeNull();
    const results = checkResultsData(parse(starterResults({ id: c.id, campaignName: c.name, year: 2026, schema: 'r.json' })), campaign, await loadAwardForms());
    expect(results.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('its report, before any unit has reported, says so in words, not "Có 0 đơn vị"', async () => {
    const c = starterCampaign({ level: 'xa', issuer: 'Xã Kiến Minh', year: 2026, month: 3, schema: 's' });
    const campaign = checkCampaignData(parse(c.text)).campaign!;
    const forms = await loadAwardForms();
    const results = checkResultsData(parse(starterResults({ id: c.id, campaignName: c.name, year: 2026, schema: 'r' })), campaign, forms).value!;
    const texts = bodyTexts(reportView(campaign, results, forms));
    expect(texts).toContain('Các phòng, ban, ngành, đoàn thể và các thôn đã xây dựng 10 kế hoạch triển khai tại đơn vị. Đến nay chưa có đơn vị nào gửi báo cáo kết quả.');
    expect(texts.join('\n')).not.toMatch(/\b0 đơn vị/);
  });

  it('names the issuer as printed and in running text, from "Xã Kiến Minh" or "Kiến Minh"', () => {
    for (const issuer of ['Xã Kiến Minh', 'Kiến Minh', 'xã Kiến Minh']) {
      const c = checkCampaignData(parse(starterCampaign({ level: 'xa', issuer, year: 2026, month: 1, schema: 's' }).text)).campaign!;
      expect(c.id).toBe('kien-minh-2026');
      expect(c.issuer).toMatchObject({ lines: ['ỦY BAN NHÂN DÂN', 'XÃ KIẾN MINH'], place: 'Kiến Minh', name: 'Ủy ban nhân dân xã Kiến Minh' });
      expect(c.name).toBe('Đợt thi đua năm 2026 của xã Kiến Minh');
    }
  });

  it('leaves blanks to fill, never invented content', () => {
    const c = checkCampaignData(parse(starterCampaign({ level: 'phuong', issuer: 'Phường Ngô Quyền', year: 2026, month: 1, schema: 's' }).text)).campaign!;
    expect(JSON.stringify(c.plan!.body)).toContain(BLANK);
    expect(c.plan!.body[0]).toBe(`Thực hiện ${BLANK}, Ủy ban nhân dân phường Ngô Quyền xây dựng Kế hoạch phát động Đợt thi đua năm 2026 của phường Ngô Quyền như sau:`);
    // Without a province, the police's and the Youth Union's superiors are blanks.
    expect(c.units.find((u) => u.id === 'cong-an')!.reportsTo).toEqual([{ name: `Công an ${BLANK}` }]);
    expect(c.units.find((u) => u.id === 'doan-thanh-nien')!.reportsTo).toEqual([{ name: BLANK }]);
  });

  it('names the superiors from the province: "thành phố Hải Phòng" → Công an thành phố Hải Phòng, Thành đoàn Hải Phòng', () => {
    const c = checkCampaignData(parse(starterCampaign({ level: 'xa', issuer: 'Kiến Minh', year: 2026, month: 1, province: 'thành phố Hải Phòng', schema: 's' }).text)).campaign!;
    const unit = (id: string) => c.units.find((u) => u.id === id)!;
    expect(unit('cong-an')).toMatchObject({ header: { parent: ['CÔNG AN THÀNH PHỐ HẢI PHÒNG'], lines: ['CÔNG AN', 'XÃ KIẾN MINH'] }, reportsTo: [{ name: 'Công an thành phố Hải Phòng' }] });
    expect(unit('doan-thanh-nien')).toMatchObject({ header: { parent: ['THÀNH ĐOÀN HẢI PHÒNG'], lines: ['BCH ĐOÀN', 'XÃ KIẾN MINH'] }, reportsTo: [{ name: 'Thành đoàn Hải Phòng' }] });
    const p = checkCampaignData(parse(starterCampaign({ level: 'xa', issuer: 'Gia Viễn', year: 2026, month: 1, province: 'tỉnh Ninh Bình', schema: 's' }).text)).campaign!;
    expect(p.units.find((u) => u.id === 'doan-thanh-nien')!.reportsTo).toEqual([{ name: 'Tỉnh đoàn Ninh Bình' }]);
  });

  it('takes the names as text: template code in them is printed, not run', () => {
    const c = parse(starterCampaign({ level: 'xa', issuer: 'Xã {{level}} "A" {{#each x}}', year: 2026, month: 1, schema: 's' }).text);
    expect(c.issuer.place).toBe('{{level}} "A" {{#each x}}');
    expect(c.units[0].header.parent).toEqual(['UBND XÃ {{LEVEL}} "A" {{#EACH X}}']);
  });

  it.each([
    ['Kiến Minh', 'kien-minh'],
    ['Đồng Hới', 'dong-hoi'],
    ['Thủy Nguyên 2', 'thuy-nguyen-2'],
  ])('slug(%s) = %s', (text, expected) => expect(slug(text)).toBe(expected));
});

describe('thidua init', () => {
  it('writes the campaign and its results, which validate and give every document', () => {
    const dir = freshDir('xa');
    const r = thidua('init', dir, '--level', 'xa', '--issuer', 'Xã Kiến Minh', '--year', '2026', '--province', 'thành phố Hải Phòng');
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(r.stderr).toBe('');
    expect(listFiles(dir)).toEqual(['campaign.yaml', 'ket-qua.yaml']);
    const first = readFileSync(join(dir, 'campaign.yaml'), 'utf8').split('\n')[0];
    expect(first).toMatch(/^# yaml-language-server: \$schema=\S+campaign\.schema\.json$/);
    expect(join(dir, first.split('=')[1])).toBe(schemaFile('campaign'));
    expect(thidua('validate', join(dir, 'campaign.yaml'), '--results', join(dir, 'ket-qua.yaml')).status).toBe(EXIT.ok);
    const all = thidua('all', join(dir, 'campaign.yaml'), '--out', join(dir, 'out'));
    expect(all.status, all.stderr).toBe(EXIT.ok);
    expect(listFiles(join(dir, 'out'))).toEqual(expect.arrayContaining(['ke-hoach.pdf', 'bao-cao-tong-ket.pdf', 'don-vi/cong-an.docx']));
  });

  it('--excel: the campaign as a workbook to fill, which every command reads, forms and the report included', () => {
    const dir = freshDir('xa-excel');
    const r = thidua('init', dir, '--level', 'xa', '--issuer', 'Xã Kiến Minh', '--year', '2026', '--excel');
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(listFiles(dir)).toEqual(['campaign.xlsx', 'ket-qua.yaml']);
    const book = join(dir, 'campaign.xlsx');
    expect(thidua('validate', book, '--results', join(dir, 'ket-qua.yaml')).status).toBe(EXIT.ok);
    const all = thidua('all', book, '--out', join(dir, 'out'));
    expect(all.status, all.stderr).toBe(EXIT.ok);
    expect(listFiles(join(dir, 'out'))).toEqual(expect.arrayContaining(['ke-hoach.docx', 'bao-cao-tong-ket.pdf', 'don-vi/cong-an.pdf']));
    expect(thidua('forms', book, '-o', join(dir, 'phieu')).status).toBe(EXIT.ok);
    expect(listFiles(join(dir, 'phieu'))).toContain('cong-an.xlsx');
  });

  it('does not overwrite without --force, and says what is missing', () => {
    const dir = freshDir('again');
    expect(thidua('init', dir, '--level', 'xa', '--issuer', 'Xã Kiến Minh').status).toBe(EXIT.ok);
    const again = thidua('init', dir, '--level', 'xa', '--issuer', 'Xã Kiến Minh');
    expect(again.status).toBe(EXIT.usage);
    expect(again.stderr).toContain('đã có / already has campaign.yaml, ket-qua.yaml');
    expect(thidua('init', dir, '--level', 'xa', '--issuer', 'Xã Kiến Minh', '--force').status).toBe(EXIT.ok);
    const bare = thidua('init', freshDir('bare'));
    expect(bare.status).toBe(EXIT.usage);
    expect(bare.stderr).toContain('cần --level và --issuer');
    expect(thidua('init', freshDir('lvl'), '--level', 'xom', '--issuer', 'X').status).toBe(EXIT.usage);
    expect(thidua('init', freshDir('yr'), '--level', 'xa', '--issuer', 'X', '--year', '20266').status).toBe(EXIT.usage);
  });

  it('--from carries a campaign to a new year: numbers and days cleared, its own year changed, cited documents as they were', () => {
    const dir = freshDir('from');
    const r = thidua('init', dir, '--from', FIXTURE);
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(listFiles(dir)).toEqual(['campaign.yaml']);
    const text = readFileSync(join(dir, 'campaign.yaml'), 'utf8');
    const old = parse(readFileSync(FIXTURE, 'utf8'));
    const next = parse(text);
    expect(next.id).toBe('kien-minh-2026');
    expect(next.name).toBe(old.name.replace('năm 2025', 'năm 2026'));
    expect(next.plan.date).toEqual({ ...old.plan.date, year: 2026, day: null });
    expect(next.plan.number).toBeNull();
    expect(next.plan.body[0].basis).toEqual(old.plan.body[0].basis);
    // The campaign's own dates (its timeline, its deadlines) move to the new year.
    expect(next.plan.body[3].body[0].timeline).toEqual(JSON.parse(JSON.stringify(old.plan.body[3].body[0].timeline).replace(/"2025-/g, '"2026-')));
    expect(next.units.map((u: { id: string }) => u.id)).toEqual(old.units.map((u: { id: string }) => u.id));
    // Comments are kept, and the editor line points at the schema from the new folder.
    expect(text).toContain('# The commune\'s units after the July 2025 reform');
    expect(join(dir, text.split('\n')[0].split('=')[1])).toBe(schemaFile('campaign'));
    expect(thidua('validate', join(dir, 'campaign.yaml')).status).toBe(EXIT.ok);
  });
});
