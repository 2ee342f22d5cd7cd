/**
 * The campaign as a workbook (`thidua excel`): every fixture and every
 * level's starter through YAML → XLSX → YAML with nothing lost (the same
 * model, the same documents), the workbook a clerk sees (sheets, lists,
 * notes, frozen headers), what a clerk types read as meant, and the
 * mistakes a clerk makes, each a problem at its sheet and cell.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Campaign, LEVELS } from '../src/model/schema.js';
import { InvalidInputError, type Problem } from '../src/model/problems.js';
import { LIMITS } from '../src/model/limits.js';
import { loadCampaign } from '../src/model/load.js';
import { campaignWorkbook } from '../src/workbook/campaign-workbook.js';
import { readCampaignWorkbook } from '../src/workbook/campaign-reader.js';
import { CAMPAIGN_SHEETS, GENERAL_COLUMNS, outlineLetter } from '../src/workbook/campaign-layout.js';
import { authorities, documentDate, documentNumber, target, yesNo, type Codec } from '../src/workbook/codecs.js';
import { starterCampaign } from '../src/starter/starter.js';
import { cliSandbox, EXIT, FIXTURE, ROOT, listFiles } from './support/cli.js';

const { thidua, freshDir, work } = cliSandbox('campaign-workbook', 120_000);

/** Every campaign fixture of the repository. */
const FIXTURES = [
  ...readdirSync(join(ROOT, 'fixtures')).map((d) => join(ROOT, 'fixtures', d, 'campaign.yaml')),
  ...readdirSync(join(ROOT, 'test', 'family')).map((d) => join(ROOT, 'test', 'family', d, 'campaign.yaml')),
].filter(existsSync);

const ISSUERS: Record<string, string> = {
  xa: 'Xã Kiến Minh', phuong: 'Phường Hồng Bàng', 'dac-khu': 'Đặc khu Bạch Long Vĩ', 'thi-tran': 'Thị trấn Minh Tân', huyen: 'Huyện Kiến Thụy',
  quan: 'Quận Lê Chân', 'thi-xa': 'Thị xã Kinh Môn', 'thanh-pho-thuoc-tinh': 'Thành phố Hạ Long', tinh: 'Tỉnh Ninh Bình', 'thanh-pho': 'Thành phố Hải Phòng',
};

/** The model, with every figure as text: 97 and "97" are the same figure, "97.0" is not. */
const figures = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(figures) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, figures(x)])) : typeof v === 'number' ? String(v) : v;

async function roundTrip(data: Record<string, unknown>): Promise<{ back: Record<string, unknown>; problems: Problem[] }> {
  const read = await readCampaignWorkbook(await campaignWorkbook(data), 'c.xlsx');
  return { back: read.data!, problems: read.problems };
}

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('YAML → XLSX → YAML loses nothing', () => {
  it.each(FIXTURES.map((f) => [f.slice(ROOT.length)]))('%s', async (rel) => {
    const data = parse(readFileSync(join(ROOT, rel), 'utf8'));
    const { back, problems } = await roundTrip(data);
    expect(problems).toEqual([]);
    expect(figures(Campaign.parse(back))).toEqual(figures(Campaign.parse(data)));
  });

  it.each(LEVELS.map((l) => [l]))('the starter of level %s', async (level) => {
    const data = parse(starterCampaign({ level, issuer: ISSUERS[level], year: 2026, month: 3, province: 'thành phố Hải Phòng', schema: 's.json' }).text);
    const { back, problems } = await roundTrip(data);
    expect(problems).toEqual([]);
    expect(figures(Campaign.parse(back))).toEqual(figures(Campaign.parse(data)));
  });

  it('keeps what only data can say: appendices set to none, a count printed "02", digits of a number as printed', async () => {
    const data = parse(readFileSync(FIXTURE, 'utf8'));
    data.unitPlans.outline = { appendices: [] };
    data.plan.number = '0124';
    const { back } = await roundTrip(data);
    expect((back.unitPlans as { outline: unknown }).outline).toEqual({ appendices: [] });
    expect((back.plan as { number: unknown }).number).toBe('0124');
  });
});

describe('the workbook a clerk opens', () => {
  it('is the same bytes for the same campaign', async () => {
    const data = parse(readFileSync(FIXTURE, 'utf8'));
    expect((await campaignWorkbook(data)).equals(await campaignWorkbook(structuredClone(data)))).toBe(true);
  });

  it('has a sheet per part, frozen headers with notes, and lists where a value is one of a set', async () => {
    const wb = await open(await campaignWorkbook(parse(readFileSync(FIXTURE, 'utf8'))));
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(CAMPAIGN_SHEETS));
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
      // Printed as wide as an A4 page across, the header on every page.
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    }
    const outline = wb.getWorksheet(CAMPAIGN_SHEETS.outline)!;
    expect(outline.getCell('C1').value).toBe('Loại');
    expect(String(outline.getCell('C1').note)).toContain('mục');
    const kindList = outline.getCell('C2').dataValidation;
    expect(kindList.type).toBe('list');
    expect(kindList.formulae[0]).toContain('mục,ý');
    // Kinds offered as a list whose choices have no comma (the list is written with commas), the names of what is assigned beside its id.
    const units = wb.getWorksheet(CAMPAIGN_SHEETS.units)!;
    expect(units.getCell('C2').value).toBe('phòng ban');
    expect(units.getCell('C2').dataValidation.formulae[0]).toMatch(/^"phòng ban,lực lượng,/);
    const assigned = wb.getWorksheet(CAMPAIGN_SHEETS.assignments)!;
    const taskRow = assigned.getColumn('C').values.indexOf('nhiệm vụ');
    const task = String(assigned.getCell(`D${taskRow}`).value);
    expect(assigned.getCell(`H${taskRow}`).value).toBe(outline.getColumn(outlineLetter('text')).values[outline.getColumn(outlineLetter('id')).values.indexOf(task)]);
    expect(String(assigned.getCell('H2').value ?? '')).not.toBe('');
    // A component of an item, supported alone, is named too.
    const componentRow = assigned.getColumn('D').values.indexOf('gia-tri-nong-lam-thuy-san');
    expect(assigned.getCell(`H${componentRow}`).value).toBe('giá trị sản xuất nông lâm, thủy sản');
    // A unit is picked from the units' ids.
    expect(wb.getWorksheet(CAMPAIGN_SHEETS.assignments)!.getCell('A2').dataValidation).toMatchObject({ type: 'list', formulae: ["'Đơn vị'!$A$2:$A$1001"] });
    // The general sheet: a field per row, in Vietnamese, with the data's field name beside it.
    const general = wb.getWorksheet(CAMPAIGN_SHEETS.general)!;
    const rowOf = (path: string) => general.getColumn(GENERAL_COLUMNS.path).values.indexOf(path);
    expect(general.getCell(`B${rowOf('issuer.name')}`).value).toBe('Ủy ban nhân dân xã Kiến Minh');
    expect(general.getCell(`B${rowOf('issuer.lines')}`).value).toBe('ỦY BAN NHÂN DÂN\nXÃ KIẾN MINH');
    expect(general.getCell(`B${rowOf('plan.date')}`).value).toBe('…/9/2025');
    // A long text shows whole: its row is as tall as its lines.
    expect(general.getRow(rowOf('plan.summary')).height).toBeGreaterThan(3 * 15);
    expect(general.getCell(`B${rowOf('issuer.level')}`).value).toBe('xã');
    // The body in order, a row per paragraph, with its level.
    const col = (c: Parameters<typeof outlineLetter>[0]) => outline.getColumn(outlineLetter(c)).values;
    const sections = col('text').map((t, r) => [t, col('kind')[r], col('depth')[r]]).filter(([, k]) => k === 'mục').slice(0, 3);
    expect(sections).toEqual([['MỤC ĐÍCH, YÊU CẦU', 'mục', 1], ['Mục đích', 'mục', 2], ['Yêu cầu', 'mục', 2]]);
    // The indicators with their targets as the plan prints them.
    const ind = wb.getWorksheet(CAMPAIGN_SHEETS.indicators)!;
    const targets = ind.getColumn('I').values.filter((v) => typeof v === 'string' && v.includes('/'));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.every((t) => /^[\d.,]+\/[\d.,]+$/.test(String(t)))).toBe(true);
  });
});

describe('cells read as a clerk means them', () => {
  const cases: [Codec, unknown, unknown][] = [
    [target, '1.703,274', '1703.274'],
    [target, '833,509/1.703,274', { period: '833.509', year: '1703.274' }],
    [target, 'từ 90 đến 95', { from: '90', to: '95' }],
    [target, 97.5, 97.5],
    [target, '02', '02'],
    [documentDate, '15/9/2025', { year: 2025, month: 9, day: 15 }],
    [documentDate, '…/9/2025', { year: 2025, month: 9, day: null }],
    [documentDate, new Date(Date.UTC(2025, 11, 10)), { year: 2025, month: 12, day: 10 }],
    [documentNumber, '0124', '0124'],
    [documentNumber, 5, 5],
    [authorities, 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', [{ prefix: 'TM.', of: 'ỦY BAN NHÂN DÂN' }, { prefix: 'KT.', of: 'CHỦ TỊCH' }]],
    [yesNo, 'Có', true],
  ];
  it.each(cases)('%#: %j', (codec, cell, value) => {
    expect(codec.read(cell)).toEqual({ value });
  });
  it.each([
    [target, '1,2,3'],
    [documentDate, '2025'],
    [documentNumber, 'số 5'],
    [authorities, 'CHỦ TỊCH'],
    [yesNo, 'đúng'],
  ] as [Codec, unknown][])('%#: refuses %j, saying so in both languages', (codec, cell) => {
    const read = codec.read(cell) as { vi: string; en: string };
    expect(read.vi).toBeTruthy();
    expect(read.en).toBeTruthy();
  });
  it.each([
    [target, { period: '833.509', year: 1703.274 }],
    [documentDate, { year: 2025, month: 9, day: null }],
    [authorities, [{ prefix: 'TM.', of: 'ỦY BAN NHÂN DÂN' }]],
  ] as [Codec, unknown][])('%#: writes %j as it reads it back', (codec, value) => {
    expect(figures((codec.read(codec.write(value)) as { value: unknown }).value)).toEqual(figures(value));
  });
});

describe('a clerk\'s mistakes in the workbook, each at its cell', () => {
  let base: Buffer | undefined;
  const fresh = async () => open((base ??= await campaignWorkbook(parse(readFileSync(FIXTURE, 'utf8')))));
  let n = 0;
  /** The workbook saved and loaded as the commands load a campaign: the campaign, or its problems. */
  async function load(wb: ExcelJS.Workbook): Promise<{ campaign?: Campaign; problems: Problem[] }> {
    const file = join(work(), `m${n++}.xlsx`);
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    try {
      return { campaign: (await loadCampaign(file)).campaign, problems: [] };
    } catch (e) {
      if (e instanceof InvalidInputError) return { problems: e.problems };
      throw e;
    }
  }
  const general = (wb: ExcelJS.Workbook, path: string) => {
    const ws = wb.getWorksheet(CAMPAIGN_SHEETS.general)!;
    return ws.getCell(`B${ws.getColumn(GENERAL_COLUMNS.path).values.indexOf(path)}`);
  };
  const outlineRow = (wb: ExcelJS.Workbook, text: string) => wb.getWorksheet(CAMPAIGN_SHEETS.outline)!.getColumn(outlineLetter('text')).values.indexOf(text);
  const expectOne = (problems: Problem[], path: RegExp, vi: RegExp) => {
    const hit = problems.filter((p) => path.test(p.path));
    expect(hit, JSON.stringify(problems, null, 1)).toHaveLength(1);
    expect(hit[0].message_vi).toMatch(vi);
    expect(hit[0].message_en).toBeTruthy();
    expect(hit[0].file).toMatch(/\.xlsx$/);
  };

  it('a number typed as text "1.703,274" and a date as text "10/12/2025" are read as meant', async () => {
    const wb = await fresh();
    const ind = wb.getWorksheet(CAMPAIGN_SHEETS.indicators)!;
    const r = ind.getColumn('I').values.findIndex((v, i) => i > 1 && typeof v === 'number');
    const item = String(ind.getCell(`E${r}`).value);
    ind.getCell(`I${r}`).value = '1.703,274';
    general(wb, 'plan.date').value = '10/12/2025';
    const { campaign, problems } = await load(wb);
    expect(problems).toEqual([]);
    const found = JSON.stringify(campaign!.plan).match(new RegExp(`"id":"${item}"[^}]*"target":("[^"]*"|\\d+)`));
    expect(found?.[1]).toBe('"1703.274"');
    expect(campaign!.plan!.date).toEqual({ year: 2025, month: 12, day: 10 });
  });

  it('a cited document\'s date typed as text is read as meant; an impossible one is a problem at its cell', async () => {
    const wb = await fresh();
    const ws = wb.getWorksheet(CAMPAIGN_SHEETS.citations)!;
    expect(ws.getCell('D2').value).toBe('232/KH-UBND');
    ws.getCell('E2').value = '10/9/2025';
    const { campaign } = await load(wb);
    expect(JSON.stringify(campaign!.plan!.body[0])).toContain('"reference":"232/KH-UBND","date":"2025-09-10"');
    ws.getCell('E2').value = '31/9/2025';
    expectOne((await load(wb)).problems, /^Văn bản dẫn!E2 \(basis\.documents\[0\]\.date\)$/, /ngày không có thật/);
  });

  it('a required field whose row is deleted, and a list left empty, are found on their sheets', async () => {
    const wb = await fresh();
    const general = wb.getWorksheet(CAMPAIGN_SHEETS.general)!;
    general.spliceRows(general.getColumn(GENERAL_COLUMNS.path).values.indexOf('plan.summary'), 1);
    const recipients = wb.getWorksheet(CAMPAIGN_SHEETS.recipients)!;
    for (let r = 2; r <= recipients.rowCount; r++) recipients.getRow(r).values = [];
    const { problems } = await load(wb);
    expectOne(problems, /^Thông tin chung \(plan\.summary\)$/, /thiếu/);
    expectOne(problems, /^Nơi nhận \(plan\.recipients\)$/, /thiếu|ít nhất/);
  });

  it('components that do not add up to their item are found at the indicator\'s rows', async () => {
    const wb = await fresh();
    const ind = wb.getWorksheet(CAMPAIGN_SHEETS.indicators)!;
    const r = ind.getColumn('F').values.indexOf('thành phần');
    ind.getCell(`I${r}`).value = 1;
    const { problems } = await load(wb);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.path.startsWith(`${CAMPAIGN_SHEETS.indicators}!`)), JSON.stringify(problems)).toBe(true);
  });

  it('a merged cell', async () => {
    const wb = await fresh();
    wb.getWorksheet(CAMPAIGN_SHEETS.units)!.mergeCells('B2:C2');
    expectOne((await load(wb)).problems, /^Đơn vị!C2 /, /gộp/);
  });

  it('an empty required cell: the unit\'s name', async () => {
    const wb = await fresh();
    wb.getWorksheet(CAMPAIGN_SHEETS.units)!.getCell('B3').value = null;
    expectOne((await load(wb)).problems, /^Đơn vị!B3 \(units\[1\]\.name\)$/, /thiếu|bắt buộc|chưa có/);
  });

  it('an impossible date', async () => {
    const wb = await fresh();
    general(wb, 'plan.date').value = '31/2/2025';
    expectOne((await load(wb)).problems, /^Thông tin chung!B\d+ \(plan\.date\.day\)$/, /không có thật/);
  });

  it('a kind of row that is not in the list, and a level that skips one', async () => {
    const wb = await fresh();
    const r = outlineRow(wb, 'Mục đích');
    const ws = wb.getWorksheet(CAMPAIGN_SHEETS.outline)!;
    ws.getCell(`${outlineLetter('kind')}${r}`).value = 'mục lớn';
    ws.getCell(`${outlineLetter('depth')}${outlineRow(wb, 'Yêu cầu')}`).value = 4;
    const { problems } = await load(wb);
    expectOne(problems, new RegExp(`^Nội dung!C${r} `), /không có trong danh sách/);
    expectOne(problems, new RegExp(`^Nội dung!B${outlineRow(wb, 'Yêu cầu')} `), /cấp 4 cần một dòng cấp 3/);
  });

  it('a mistyped field in "Khác" is found at its cell, with the field meant', async () => {
    const wb = await fresh();
    const ws = wb.getWorksheet(CAMPAIGN_SHEETS.outline)!;
    const r = outlineRow(wb, 'Mục đích');
    ws.getCell(`${outlineLetter('rest')}${r}`).value = '{omitEmty: true}';
    expectOne((await load(wb)).problems, new RegExp(`^Nội dung!${outlineLetter('rest')}${r} `), /omitEmty.*omitEmpty/);
  });

  it('a unit that is not in the sheet of units, and YAML that cannot be read', async () => {
    const wb = await fresh();
    wb.getWorksheet(CAMPAIGN_SHEETS.assignments)!.getCell('A2').value = 'phong-khong-co';
    wb.getWorksheet(CAMPAIGN_SHEETS.units)!.getCell('V2').value = '{reportsTo: [';
    const { problems } = await load(wb);
    expectOne(problems, /^Phân công!A2 /, /không có đơn vị "phong-khong-co"/);
    expectOne(problems, /^Đơn vị!V2 /, /không đọc được YAML/);
  });

  it('a sheet past the limit of rows; a row with only a format, far down, is no data', async () => {
    const wb = await fresh();
    const ws = wb.getWorksheet(CAMPAIGN_SHEETS.assignments)!;
    ws.getCell('A30000').numFmt = '@';
    expect((await load(wb)).problems).toEqual([]);
    for (let r = 2; r <= LIMITS.workbookRows + 2; r++) ws.getCell(`H${r}`).value = 'x';
    expectOne((await load(wb)).problems, /^Phân công!A\d+ \(rows\)$/, /hơn 20000 dòng/);
  });

  it('a key that could poison prototypes, a cell showing an error, a column moved, a list set to a number: problems, never a crash', async () => {
    const wb = await fresh();
    const general = wb.getWorksheet(CAMPAIGN_SHEETS.general)!;
    const rest = general.getColumn(GENERAL_COLUMNS.path).values.indexOf('(khác)');
    general.getCell(`B${rest}`).value = '{__proto__: {polluted: 1}}';
    wb.getWorksheet(CAMPAIGN_SHEETS.units)!.getCell('B2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    wb.getWorksheet(CAMPAIGN_SHEETS.units)!.getCell('V3').value = '{leads: 5}';
    const { problems } = await load(wb);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expectOne(problems, new RegExp(`^Thông tin chung!B${rest} `), /"__proto__"/);
    expectOne(problems, /^Đơn vị!B2 /, /lỗi #N\/A/);
    expect(problems.some((p) => /^Phân công!D\d+ \(units\[1\]\.leads\.(indicators|tasks)\)$/.test(p.path) && /Khác/.test(p.message_vi))).toBe(true);
    const moved = await fresh();
    moved.getWorksheet(CAMPAIGN_SHEETS.units)!.spliceColumns(3, 0, []);
    expectOne((await load(moved)).problems, /^Đơn vị!C1 \(header\)$/, /phải là "Loại"/);
  });

  it('a part that inflates past the limit while its package says it is small is refused before it is unpacked', async () => {
    const zip = new PizZip(await campaignWorkbook(parse(readFileSync(FIXTURE, 'utf8'))));
    zip.file('xl/bomb.xml', Buffer.alloc(LIMITS.templateInflatedBytes + 1024, 0x20));
    const bytes = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    // The local header and the directory entry both say 1000 bytes.
    const name = Buffer.from('xl/bomb.xml');
    for (let i = bytes.indexOf(name); i >= 0; i = bytes.indexOf(name, i + 1)) {
      if (bytes.readUInt32LE(i - 30) === 0x04034b50) bytes.writeUInt32LE(1000, i - 30 + 22);
      if (bytes.readUInt32LE(i - 46) === 0x02014b50) bytes.writeUInt32LE(1000, i - 46 + 24);
    }
    const read = await readCampaignWorkbook(bytes, 'bomb.xlsx');
    expect(read.data).toBeUndefined();
    expect(read.problems).toEqual([expect.objectContaining({ path: 'bomb.xlsx', message_vi: expect.stringMatching(/^tệp Excel quá lớn hoặc hỏng: xl\/bomb\.xml/) })]);
  });

  it('a workbook that is not a campaign\'s, and a file that is no workbook', async () => {
    const wb = await fresh();
    wb.removeWorksheet(wb.getWorksheet(CAMPAIGN_SHEETS.recipients)!.id);
    expectOne((await load(wb)).problems, /\.xlsx$/, /thiếu trang "Nơi nhận"/);
    const file = join(work(), 'not.xlsx');
    writeFileSync(file, 'id: x\n');
    await expect(loadCampaign(file)).rejects.toThrow(/không đọc được tệp Excel/);
  });
});

describe('thidua excel', () => {
  it('writes the workbook, which every command reads, and gives the same documents and YAML back', () => {
    const dir = freshDir('excel');
    const xlsx = join(dir, 'campaign.xlsx');
    expect(thidua('excel', FIXTURE, '-o', xlsx).status).toBe(EXIT.ok);
    expect(thidua('validate', xlsx).stdout).toMatch(/Hợp lệ/);
    expect(thidua('plan', xlsx, '--format', 'docx', '--out', join(dir, 'a')).status).toBe(EXIT.ok);
    expect(thidua('plan', FIXTURE, '--format', 'docx', '--out', join(dir, 'b')).status).toBe(EXIT.ok);
    const [a] = listFiles(join(dir, 'a')).filter((f) => f.endsWith('.docx'));
    expect(readFileSync(join(dir, 'a', a))).toEqual(readFileSync(join(dir, 'b', a)));
    expect(thidua('excel', xlsx).status).toBe(EXIT.ok);
    const back = parse(readFileSync(join(dir, 'campaign.yaml'), 'utf8'));
    expect(figures(Campaign.parse(back))).toEqual(figures(Campaign.parse(parse(readFileSync(FIXTURE, 'utf8')))));
    expect(readFileSync(join(dir, 'campaign.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
  });

  it('names the sheet and cell of a problem, with exit code 1, and refuses an unknown output form', async () => {
    const dir = freshDir('excel-broken');
    mkdirSync(dir, { recursive: true });
    const wb = await open(await campaignWorkbook(parse(readFileSync(FIXTURE, 'utf8'))));
    wb.getWorksheet(CAMPAIGN_SHEETS.units)!.getCell('C2').value = 'phòng';
    const file = join(dir, 'broken.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const run = thidua('plan', file, '--out', join(dir, 'out'));
    expect(run.status).toBe(EXIT.invalid);
    expect(run.stderr).toMatch(/broken\.xlsx Đơn vị!C2 \(units\[0\]\.kind\): "phòng" không có trong danh sách/);
    expect(listFiles(join(dir, 'out'))).toEqual([]);
    expect(thidua('excel', FIXTURE, '-o', join(dir, 'c.docx')).status).toBe(EXIT.usage);
  });
});
