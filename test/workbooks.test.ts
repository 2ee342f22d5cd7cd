/**
 * The units' results forms: written for each unit with exactly what it leads
 * or supports, read back into the results (a round trip of the fixture's
 * results through the forms), and the mistakes a clerk makes in a workbook,
 * each a problem at its sheet and cell.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCampaign, loadAwardForms, loadResults } from '../src/model/load.js';
import type { Campaign } from '../src/model/schema.js';
import type { Results } from '../src/model/results-schema.js';
import { pickedItems, resolveAssignment } from '../src/model/assignments.js';
import { unitForm } from '../src/workbook/forms.js';
import { collectForms, type FormFile } from '../src/workbook/collect.js';
import { readDate, readDecimal } from '../src/workbook/cells.js';
import { ACTIVITY_COLUMNS, HEADER_ROW, INDICATOR_COLUMNS, INFO_ROWS, SHEETS, componentKey } from '../src/workbook/layout.js';
import { collectCommand } from '../src/cli/workbooks.js';
import { cliSandbox, EXIT, FIXTURE, listFiles } from './support/cli.js';

const { thidua, freshDir } = cliSandbox('workbooks', 120_000);

const RESULTS = FIXTURE.replace('campaign.yaml', 'ket-qua.yaml');
let campaign: Campaign;
let results: Results;
const forms = new Map<string, Buffer>();

beforeAll(async () => {
  campaign = (await loadCampaign(FIXTURE)).campaign;
  results = (await loadResults(RESULTS, campaign, await loadAwardForms())).results;
  for (const u of campaign.units) forms.set(u.id, await unitForm(campaign, u));
}, 60_000);

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}
const save = async (wb: ExcelJS.Workbook, name: string): Promise<FormFile> => ({ name, content: Buffer.from(await wb.xlsx.writeBuffer()) });

/** The row of an indicator item (or component) in a form's "Chỉ tiêu" sheet. */
function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(INDICATOR_COLUMNS.item).value === id) found = row;
  });
  if (!found) throw new Error(`no row ${id}`);
  return found;
}

/** A unit's form filled with what the fixture's results say of it, as a clerk would type it. */
async function filled(unitId: string): Promise<FormFile> {
  const wb = await open(forms.get(unitId)!);
  const u = results.units.find((x) => x.unit === unitId)!;
  const [y, m, d] = u.reportedOn!.split('-');
  wb.getWorksheet(SHEETS.info)!.getCell(`B${INFO_ROWS.reportedOn}`).value = `${d}/${m}/${y}`;
  const ind = wb.getWorksheet(SHEETS.indicators)!;
  const put = (row: ExcelJS.Row, a: Results['indicators'][number]['achieved']) => {
    if (typeof a === 'boolean') row.getCell(INDICATOR_COLUMNS.achieved).value = a ? 'Hoàn thành' : 'Chưa hoàn thành';
    else if (typeof a === 'object') {
      if (a.period !== undefined) row.getCell(INDICATOR_COLUMNS.achieved).value = String(a.period).replace('.', ',');
      if (a.year !== undefined) row.getCell(INDICATOR_COLUMNS.year).value = Number(a.year);
    } else row.getCell(INDICATOR_COLUMNS.achieved).value = String(a).replace('.', ',');
  };
  for (const r of results.indicators.filter((x) => x.reportedBy === unitId)) {
    const row = rowOf(ind, r.item);
    put(row, r.achieved);
    if (r.note) row.getCell(INDICATOR_COLUMNS.note).value = r.note;
    for (const c of r.components) put(rowOf(ind, componentKey(r.item, c.id)), c.achieved);
  }
  const acts = wb.getWorksheet(SHEETS.activities)!;
  let r = HEADER_ROW + 1;
  for (const [kind, list] of [['Hoạt động', u.activities], ['Điển hình tiên tiến', u.models], ['Kết quả riêng của đơn vị', u.ownResults]] as const) {
    for (const text of list) {
      acts.getCell(`${ACTIVITY_COLUMNS.kind}${r}`).value = kind;
      acts.getCell(`${ACTIVITY_COLUMNS.text}${r++}`).value = text;
    }
  }
  return save(wb, `${unitId}.xlsx`);
}

const reported = () => results.units.filter((u) => u.reportedOn !== null).map((u) => u.unit);

describe('the forms', () => {
  it('show a unit that supports one component of an item that item and that component only, for the lead to report', async () => {
    const ind = (await open(forms.get('hoi-nong-dan')!)).getWorksheet(SHEETS.indicators)!;
    const codes: string[] = [];
    ind.eachRow((row, r) => {
      if (r > HEADER_ROW) codes.push(String(row.getCell(INDICATOR_COLUMNS.item).value));
    });
    const at = codes.indexOf('tong-gia-tri-san-xuat');
    expect(codes.slice(at, at + 2)).toEqual(['tong-gia-tri-san-xuat', componentKey('tong-gia-tri-san-xuat', 'gia-tri-nong-lam-thuy-san')]);
    expect(codes).not.toContain(componentKey('tong-gia-tri-san-xuat', 'gia-tri-thuong-mai-dich-vu'));
    const part = rowOf(ind, componentKey('tong-gia-tri-san-xuat', 'gia-tri-nong-lam-thuy-san'));
    expect(part.getCell(INDICATOR_COLUMNS.target).value).toBe('112,953/220,096');
    expect(part.getCell(INDICATOR_COLUMNS.achieved).protection?.locked).not.toBe(false);
  });

  it('one per unit, with exactly the items it leads or supports, the targets locked and the results open', async () => {
    const unit = campaign.units.find((u) => u.id === 'phong-kinh-te')!;
    const wb = await open(forms.get(unit.id)!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thông tin', 'Chỉ tiêu', 'Nhiệm vụ', 'Hoạt động']);
    const info = wb.getWorksheet(SHEETS.info)!;
    expect(info.getCell('A3').value).toBe('Đơn vị: Phòng Kinh tế');
    expect(String(info.getCell('A4').value)).toMatch(/^Hạn gửi: \d{2}\/\d{2}\/\d{4}; gửi về: /);
    expect(info.getCell(`B${INFO_ROWS.campaign}`).value).toBe(campaign.id);
    const ind = wb.getWorksheet(SHEETS.indicators)!;
    expect(ind.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const ids: string[] = [];
    ind.eachRow((row, r) => {
      if (r > HEADER_ROW && !String(row.getCell('A').value).includes('.')) ids.push(String(row.getCell('A').value));
    });
    const itemsOf = (role: 'leads' | 'supports') =>
      resolveAssignment(campaign, unit[role]).indicators.flatMap((p) => pickedItems(p).map((i) => i.id));
    expect(ids).toEqual([...itemsOf('leads'), ...itemsOf('supports')]);
    const row = rowOf(ind, 'tong-gia-tri-san-xuat');
    expect(row.getCell(INDICATOR_COLUMNS.target).value).toBe('833,509/1.703,274');
    expect(row.getCell(INDICATOR_COLUMNS.target).protection?.locked).not.toBe(false);
    expect(row.getCell(INDICATOR_COLUMNS.achieved).protection?.locked).toBe(false);
    expect(row.getCell(INDICATOR_COLUMNS.year).protection?.locked).toBe(false);
    expect(row.getCell(INDICATOR_COLUMNS.achieved).note).toBeUndefined();
    expect(ind.getRow(1).getCell(INDICATOR_COLUMNS.achieved).note).toBeTruthy();
    expect(wb.getWorksheet(SHEETS.activities)!.getCell('A2').dataValidation).toMatchObject({ type: 'list' });
  });

  it('the same campaign gives the same workbook', async () => {
    const unit = campaign.units[0];
    expect((await unitForm(campaign, unit)).equals(await unitForm(campaign, unit))).toBe(true);
  });
});

describe('forms → collect → results', () => {
  it('gives back the fixture\'s results, as the units filled them in', async () => {
    const files = await Promise.all(reported().map(filled));
    const out = await collectForms(campaign, files);
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The unit that did not report sent no form, and is named.
    expect(out.problems.map((p) => p.message_en)).toEqual([expect.stringMatching(/^unit "thon-3" .* has not returned its form$/)]);
    const byId = <T extends { [k: string]: unknown }>(list: T[], key: keyof T) => [...list].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
    expect(byId(out.units, 'unit')).toEqual(byId(results.units.filter((u) => u.reportedOn !== null), 'unit'));
    const normal = (list: Results['indicators']) => byId(list.map((i) => ({ ...i, components: i.components ?? [] })), 'item');
    expect(normal(out.indicators)).toEqual(normal(results.indicators));
  });

  it('thidua collect writes a results file that validates, keeping the report of the one there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-collect-'));
    const files = await Promise.all(reported().map(filled));
    const { writeFileSync } = await import('node:fs');
    const paths = files.map((f) => {
      const p = join(dir, f.name);
      writeFileSync(p, f.content);
      return p;
    });
    const target = join(dir, 'ket-qua.yaml');
    writeFileSync(target, readFileSync(RESULTS, 'utf8'));
    await collectCommand(campaign, paths, target);
    const written = parse(readFileSync(target, 'utf8'));
    expect(written.report).toEqual(parse(readFileSync(RESULTS, 'utf8')).report);
    const again = await loadResults(target, campaign, await loadAwardForms());
    expect(again.results.indicators.length).toBe(results.indicators.length);
  });
});

describe('what a clerk gets wrong, each at its cell', () => {
  async function problemsOf(unitId: string, change: (wb: ExcelJS.Workbook) => void) {
    const wb = await open((await filled(unitId)).content);
    change(wb);
    const out = await collectForms(campaign, [await save(wb, 'phieu.xlsx')]);
    return out.problems.filter((p) => p.severity === 'error');
  }

  it('a number typed as text the Vietnamese way is read as meant', async () => {
    const wb = await open(forms.get('phong-kinh-te')!);
    wb.getWorksheet(SHEETS.info)!.getCell(`B${INFO_ROWS.reportedOn}`).value = new Date(Date.UTC(2025, 11, 10));
    rowOf(wb.getWorksheet(SHEETS.indicators)!, 'tong-gia-tri-san-xuat').getCell(INDICATOR_COLUMNS.year).value = '1.703,274';
    const out = await collectForms(campaign, [await save(wb, 'p.xlsx')]);
    expect(out.units[0].reportedOn).toBe('2025-12-10');
    expect(out.indicators.find((i) => i.item === 'tong-gia-tri-san-xuat')!.achieved).toEqual({ year: '1703.274' });
  });

  it('a number that is no number', async () => {
    const problems = await problemsOf('phong-kinh-te', (wb) => {
      rowOf(wb.getWorksheet(SHEETS.indicators)!, 'thu-ngan-sach').getCell(INDICATOR_COLUMNS.achieved).value = 'khoảng 5 tỷ';
    });
    const r = rowOf((await open(forms.get('phong-kinh-te')!)).getWorksheet(SHEETS.indicators)!, 'thu-ngan-sach').number;
    expect(problems).toEqual([expect.objectContaining({ file: 'phieu.xlsx', path: `Chỉ tiêu!F${r} (achieved)`, message_en: '"khoảng 5 tỷ" is not a number (write e.g. 1.703,274 or 97,5)' })]);
  });

  it('a merged cell where a value goes', async () => {
    const problems = await problemsOf('phong-kinh-te', (wb) => {
      const row = rowOf(wb.getWorksheet(SHEETS.indicators)!, 'thu-ngan-sach');
      wb.getWorksheet(SHEETS.indicators)!.unprotect();
      wb.getWorksheet(SHEETS.indicators)!.mergeCells(`F${row.number}:H${row.number}`);
    });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^Chỉ tiêu!F\d+ \(achieved\)$/)]));
    expect(problems.find((p) => /merged/.test(p.message_en))?.message_vi).toMatch(/ô bị gộp/);
  });

  it('a date as text, impossible, or none', async () => {
    const cell = `B${INFO_ROWS.reportedOn}`;
    const set = (v: ExcelJS.CellValue) => (wb: ExcelJS.Workbook) => {
      wb.getWorksheet(SHEETS.info)!.getCell(cell).value = v;
    };
    expect(await problemsOf('tram-y-te', set('31/02/2025'))).toEqual([expect.objectContaining({ path: `Thông tin!${cell} (reportedOn)`, message_en: 'an impossible date: 31/02/2025' })]);
    expect(await problemsOf('tram-y-te', set(null))).toEqual([expect.objectContaining({ path: `Thông tin!${cell} (reportedOn)`, message_vi: 'chưa ghi ngày báo cáo' })]);
    expect(await problemsOf('tram-y-te', set('tuần sau'))).toEqual([expect.objectContaining({ message_en: '"tuần sau" is not a date (write e.g. 10/12/2025)' })]);
  });

  it('a form of another campaign, and a file that is no workbook', async () => {
    const problems = await problemsOf('tram-y-te', (wb) => {
      wb.getWorksheet(SHEETS.info)!.getCell(`B${INFO_ROWS.campaign}`).value = 'kien-minh-2024';
    });
    expect(problems).toEqual([expect.objectContaining({ path: `Thông tin!B${INFO_ROWS.campaign} (campaign)`, message_en: 'a form of another campaign ("kien-minh-2024"), not "kien-minh-2025"' })]);
    const broken = await collectForms(campaign, [{ name: 'x.xlsx', content: Buffer.from('not a workbook') }]);
    expect(broken.problems[0]).toMatchObject({ file: 'x.xlsx', message_en: 'cannot read the file as an Excel workbook (.xlsx)' });
  });

  it('two forms of one unit', async () => {
    const f = await filled('tram-y-te');
    const out = await collectForms(campaign, [f, { ...f, name: 'copy.xlsx' }]);
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ file: 'copy.xlsx', message_en: 'unit "tram-y-te" already has a form: tram-y-te.xlsx' })]);
  });
});

describe('cells as a clerk means them', () => {
  it.each([
    [1703.274, '1703.274'],
    ['1.703,274', '1703.274'],
    ['1703,274', '1703.274'],
    ['97,5', '97.5'],
    ['97.5', '97.5'],
    ['1.703', '1703'],
    ['0,5', '0.5'],
    ['0.125', '0.125'],
    [' 12 ', '12'],
    [{ formula: 'A1*2', result: 84 }, '84'],
  ])('readDecimal(%j) = %s', (v, expected) => expect(readDecimal(v)).toEqual({ value: expected }));

  it.each([['1,703.274'], ['abc'], ['1.70.3']])('readDecimal(%j) is no number', (v) => expect(readDecimal(v)).toHaveProperty('en'));

  it.each([
    ['10/12/2025', '2025-12-10'],
    ['1/2/2025', '2025-02-01'],
    ['2025-12-10', '2025-12-10'],
    [new Date(Date.UTC(2025, 11, 10)), '2025-12-10'],
    // A date cell that lost its format: its serial number.
    [45909, '2025-09-09'],
    [16438, '1945-01-01'],
    [73415, '2100-12-31'],
  ])('readDate(%j) = %s', (v, expected) => expect(readDate(v)).toEqual({ value: expected }));

  it.each([[16437], [73416], [45909.5]])('readDate(%j) is no date of a document', (v) => expect(readDate(v)).toHaveProperty('en'));

  it('a blank cell is no value', () => {
    expect(readDecimal(null)).toBeUndefined();
    expect(readDate('')).toBeUndefined();
  });
});

describe('thidua forms and collect', () => {
  it('writes a form per unit, and collects them into a results file, naming the units with no form', async () => {
    const dir = freshDir('forms');
    const r = thidua('forms', FIXTURE, '-o', dir);
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(listFiles(dir)).toEqual(campaign.units.map((u) => `${u.id}.xlsx`).sort());
    const { writeFileSync } = await import('node:fs');
    const f = await filled('tram-y-te');
    writeFileSync(join(dir, 'tram-y-te.xlsx'), f.content);
    const c = thidua('collect', FIXTURE, join(dir, 'tram-y-te.xlsx'), '-o', join(dir, 'kq.yaml'));
    expect(c.status, c.stderr).toBe(EXIT.ok);
    expect(c.stderr).toContain('CẢNH BÁO/WARNING units: đơn vị "thon-1" (Thôn 1) chưa gửi phiếu báo cáo / unit "thon-1" (Thôn 1) has not returned its form');
    const written = parse(readFileSync(join(dir, 'kq.yaml'), 'utf8'));
    expect(written.units).toEqual([results.units.find((u) => u.unit === 'tram-y-te')]);
  });

  it('a form with a mistake: exit 1, the workbook, sheet and cell named, nothing written', () => {
    const dir = freshDir('bad');
    expect(thidua('forms', FIXTURE, '-o', dir).status).toBe(EXIT.ok);
    // A form returned as written: no report date.
    const c = thidua('collect', FIXTURE, join(dir, 'tram-y-te.xlsx'), '-o', join(dir, 'kq.yaml'));
    expect(c.status).toBe(EXIT.invalid);
    expect(c.stderr).toContain(`LỖI/ERROR ${join(dir, 'tram-y-te.xlsx')} Thông tin!B${INFO_ROWS.reportedOn} (reportedOn): chưa ghi ngày báo cáo / the report date is empty`);
    expect(listFiles(dir)).not.toContain('kq.yaml');
  });
});
