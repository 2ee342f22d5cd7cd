/**
 * What the web page's POST /v1/open does with files and edits, without a
 * browser: the field in words, edits applied as the form has them, and the
 * problems of each case at their places.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fieldWords, shortWords } from '../src/model/field-words.js';
import { applyPageEdits, authorityOf, pageForm, recipientLine, recipientOf } from '../src/server/page-edits.js';
import { openForPage, type Opened } from '../src/server/page-open.js';
import { loadAwardForms } from '../src/model/load.js';
import { FIXTURE } from './support/cli.js';

const campaignText = readFileSync(FIXTURE, 'utf8');
const campaign = parse(campaignText);

describe('the field in words', () => {
  it.each([
    ['Họ và tên người ký, ví dụ "Nguyễn Văn A"; null khi văn bản chờ ký / The signer\'s full name', 'Họ và tên người ký'],
    ['Chức vụ người ký, in hoa, ví dụ "CHỦ TỊCH" / The position', 'Chức vụ người ký'],
    ['Thẩm quyền ký: TM.: thay mặt / The authority', 'Thẩm quyền ký'],
    ['Kế hoạch phát động; bỏ trống khi ... / The launch plan', 'Kế hoạch phát động'],
    ['Tên nơi nhận như in, ví dụ "UBND thành phố" / The recipient', 'Tên nơi nhận như in'],
    ['Tên cơ quan chủ quản, in hoa, không đậm / The parent', 'Tên cơ quan chủ quản'],
    ['Người đứng đầu cơ quan ban hành, trong câu văn: "Chủ tịch" / Who heads', 'Người đứng đầu cơ quan ban hành'],
    ['Số báo cáo (null khi dự thảo) / The number', 'Số báo cáo'],
    ['Plain words / English', 'Plain words'],
  ])('%s → %s', (description, words) => {
    expect(shortWords(description)).toBe(words);
  });

  it.each([
    ['campaign', 'plan.signer.name', 'Họ và tên người ký'],
    ['campaign', 'plan.signer.position', 'Chức vụ người ký'],
    ['campaign', 'plan.signer.authorities[0].prefix', 'Thẩm quyền ký'],
    ['campaign', 'plan.number', 'Số văn bản'],
    ['campaign', 'units[3].signer.name', 'Họ và tên người ký'],
    ['campaign', 'issuer.place', 'Địa danh ghi ở dòng ngày tháng'],
    ['results', 'units[0].reportedOn', 'Ngày đơn vị gửi báo cáo'],
    ['campaign', 'no.such.field', undefined],
    ['campaign', 'campaign.yaml:3:1', undefined],
  ] as const)('%s %s → %s', (schema, path, words) => {
    expect(fieldWords(schema, path)).toBe(words);
  });
});

describe('edits as the form has them', () => {
  it.each([
    ['UBND thành phố (b/c)', { name: 'UBND thành phố', note: 'b/c' }],
    ['  Các thôn   trên địa bàn ', { name: 'Các thôn trên địa bàn' }],
    // A long bracket is part of the name, not a note.
    ['Sở Nội vụ (Ban Thi đua - Khen thưởng)', { name: 'Sở Nội vụ (Ban Thi đua - Khen thưởng)' }],
  ])('recipient line %j', (line, recipient) => {
    expect(recipientOf(line, [])).toEqual(recipient);
  });

  it('keeps a recipient of the file whole (its unit) when its line is unchanged', () => {
    const before = [{ name: 'Phòng Văn hóa - Xã hội', unit: 'phong-van-hoa-xa-hoi' }];
    expect(recipientOf(recipientLine(before[0]), before)).toBe(before[0]);
  });

  it.each([
    ['TM. ỦY BAN NHÂN DÂN', { prefix: 'TM.', of: 'ỦY BAN NHÂN DÂN' }],
    ['KT.  CHỦ TỊCH', { prefix: 'KT.', of: 'CHỦ TỊCH' }],
    ['tm. ỦY BAN', { prefix: 'TM.', of: 'ỦY BAN' }],
    ['THAY MẶT ỦY BAN', { prefix: 'THAY', of: 'MẶT ỦY BAN' }],
  ])('authority line %j', (line, authority) => {
    expect(authorityOf(line)).toEqual(authority);
  });

  it('applies only what changed, and says which fields', () => {
    const form = pageForm(campaign);
    expect(applyPageEdits(campaign, { plan: form.plan, units: form.units }).edited).toEqual([]);
    const { data, edited } = applyPageEdits(campaign, {
      plan: { ...form.plan!, number: '0124', signer: { ...form.plan!.signer, name: 'Nguyễn Văn Bình' } },
      units: [{ id: 'cong-an-xa', position: 'TRƯỞNG CÔNG AN XÃ', name: 'Trần Văn Cường' }],
    });
    expect(edited).toEqual(['plan.number', 'plan.signer', 'units[4].signer']);
    const d = data as typeof campaign;
    expect(d.plan.number).toBe('0124');
    expect(d.plan.signer).toEqual({ authorities: [{ prefix: 'TM.', of: 'ỦY BAN NHÂN DÂN' }], position: 'CHỦ TỊCH', name: 'Nguyễn Văn Bình' });
    expect(d.units[4].signer).toMatchObject({ position: 'TRƯỞNG CÔNG AN XÃ', name: 'Trần Văn Cường' });
    // The file's data is left as it was.
    expect(campaign.plan.number).toBeNull();
    expect(applyPageEdits(campaign, { plan: { ...form.plan!, number: '125' } }).data).toMatchObject({ plan: { number: 125 } });
  });
});

describe('openForPage', () => {
  const open = async (request: unknown): Promise<Opened> => {
    const r = await openForPage(JSON.stringify(request), await loadAwardForms());
    if (!('opened' in r)) throw new Error(JSON.stringify(r.error));
    return r.opened;
  };

  it('refuses a request that is not the page\'s, naming the place', async () => {
    const r = await openForPage(JSON.stringify({ files: [{ name: 'a.yaml' }] }), []);
    expect(r).toMatchObject({ error: { status: 400, problems: [expect.objectContaining({ path: 'files[0]' })] } });
    expect(await openForPage('{', [])).toMatchObject({ error: { status: 400 } });
    expect(await openForPage(JSON.stringify({ files: [] }), [])).toMatchObject({ error: { status: 400 } });
  });

  it('opens the fixture alone: the plan and every unit plan, no report', async () => {
    const o = await open({ files: [{ name: 'campaign.yaml', text: campaignText }] });
    expect(o.valid).toBe(true);
    expect(o.documents.map((d) => d.kind)).toEqual(['plan', ...campaign.units.map(() => 'unit-plan')]);
    expect(JSON.parse(o.body!)).toEqual({ campaign });
  });

  it('says two campaign files, or none, in words', async () => {
    const two = await open({ files: [{ name: 'a.yaml', text: campaignText }, { name: 'b.yaml', text: campaignText }] });
    expect(two.problems).toEqual([expect.objectContaining({ path: 'files', message_vi: 'hai tệp đợt thi đua: hãy mở một tệp', group: 'Tệp' })]);
    const none = await open({ files: [{ name: 'ket-qua.yaml', text: 'campaign: x\nreport: {}\n' }] });
    expect(none.problems).toEqual([expect.objectContaining({ message_vi: 'cần tệp đợt thi đua (YAML, JSON hoặc Excel)' })]);
    const binary = await open({ files: [{ name: 'campaign.docx', base64: 'AAAA' }] });
    expect(binary.problems[0]).toMatchObject({ place: 'campaign.docx', group: 'Tệp campaign.docx' });
  });

  it('a unit\'s problem is in that unit\'s part, at its line; an edited field\'s is on the page', async () => {
    const text = campaignText.replace('    signer:\n      position: "TRƯỞNG PHÒNG"', '    signer:\n      position: "Trưởng phòng"');
    const line = text.split('\n').findIndex((l) => l === '      position: "Trưởng phòng"') + 1;
    const o = await open({ files: [{ name: 'campaign.yaml', text }], edits: { plan: { ...pageForm(campaign).plan!, signer: { authorities: ['TM. ỦY BAN NHÂN DÂN'], position: '', name: '' } } } });
    expect(o.valid).toBe(false);
    expect(o.documents).toEqual([]);
    expect(o.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'plan.signer.position', place: 'sửa trên trang', edited: true, group: 'Kế hoạch phát động' }),
        expect.objectContaining({ path: 'units[1].signer.position', place: `campaign.yaml, dòng ${line}, cột 7`, group: 'Đơn vị: Phòng Kinh tế', field: 'Chức vụ người ký' }),
      ]),
    );
    expect(o.form!.plan!.signer.position).toBe('');
  });
});
