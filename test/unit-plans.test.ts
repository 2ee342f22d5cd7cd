/**
 * Unit sub-plans agree with the launch plan by construction: each cites it,
 * carries exactly the indicators and tasks assigned to the unit with the
 * commune's own sentences and figures, and tells the unit to report through
 * Phòng Văn hóa - Xã hội before the deadline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCampaignData, loadCampaign } from '../src/model/load.js';
import type { Campaign, Unit } from '../src/model/schema.js';
import { planView } from '../src/view/plan.js';
import { unitPlanView } from '../src/view/unit-plan.js';
import type { DocumentView } from '../src/view/document.js';
import { FAMILY, FIXTURE } from './support/documents.js';
import { textWidthPt } from '../src/measure.js';
import { layout, textWidth } from '../src/layout.js';
import { bodyTexts, rawIndicators, rawReporting, rawTasks, textOf, type Raw } from './support/kien-minh.js';

const { campaign } = await loadCampaign(FIXTURE);
const raw: Raw = parse(readFileSync(FIXTURE, 'utf8'));
const planLines = bodyTexts(planView(campaign));

/** What the unit was given, read straight from the data (not through the view code). */
function expectedIndicatorCodes(u: Unit, role: 'leads' | 'supports'): number[] {
  const codes = u[role].indicators.map((id) => {
    const ind = rawIndicators(raw).find((i) => i.id === id || i.items.some((it: Raw) => it.id === id || it.components?.some((x: Raw) => x.id === id)));
    return ind!.code as number;
  });
  return [...new Set(codes)].sort((a, b) => a - b);
}

/** "Các chỉ tiêu ..." over several entries, "Chỉ tiêu ..." over one. */
const listHeading = (what: 'chỉ tiêu' | 'nhiệm vụ', entries: number) => (entries > 1 ? `Các ${what}` : what === 'chỉ tiêu' ? 'Chỉ tiêu' : 'Nhiệm vụ');

/** The sentences of a text, cut by hand here: after ". " before a capital. */
const sentences = (t: string): string[] => t.split(/(?<=\.) (?=[A-ZĐÀ-Ỹ])/u);

function expectedTaskTexts(u: Unit, role: 'leads' | 'supports'): string[] {
  return rawTasks(raw).flatMap((t) => {
    const refs = u[role].tasks.filter((r) => (typeof r === 'string' ? r : r.task) === t.id);
    if (!refs.length) return [];
    // A whole task: its own text, then its dash items; the last ends with a full stop where the plan's went on with ";".
    const whole = refs.find((r) => typeof r === 'string' || !r.items);
    // A whole task in the unit's own words: those words alone.
    if (whole && typeof whole !== 'string' && whole.text) return whole.text;
    if (whole) return [t.item, ...t.items.map((i: string, k: number) => `- ${k === t.items.length - 1 ? i.replace(/;$/, '.') : i}`)];
    // Some parts: those parts alone, without the task's lead-in, each an entry of the unit's own (some sentences of one, where so given);
    // a lead-in whose parts go on with its sentence ("...:" over "- Nghị quyết số ...;") with them, as dash items.
    const given = t.items.flatMap((i: string, k: number) =>
      refs.flatMap((r) => {
        if (typeof r === 'string' || !r.items?.includes(k + 1)) return [];
        // The unit's own wording of what it is given, in the plan's stead.
        if (r.text) return r.text;
        return [r.sentences ? sentences(i).filter((_, n) => r.sentences!.includes(n + 1)).join(' ') : i];
      }),
    );
    const closed = given.map((i: string, k: number) => (k === given.length - 1 ? i.replace(/;$/, '.') : i));
    // The unit's own wording stands for the lead-in too ("Tập trung thực hiện Nghị quyết số 68-NQ/TW ..." of one of them).
    const ownWords = refs.some((r) => typeof r !== 'string' && r.text);
    return /:$/.test(t.item) && !ownWords ? [t.item, ...closed.map((i: string) => `- ${i}`)] : closed;
  });
}

/** Body lines between a clause heading and the next heading. */
function clauseContent(view: DocumentView, title: string): string[] {
  const start = view.body.findIndex((b) => b.role === 'clause' && textOf(b).endsWith(title));
  if (start < 0) return [];
  const end = view.body.findIndex((b, i) => i > start && b.role !== 'body');
  return view.body.slice(start + 1, end).map(textOf);
}

const stripPoint = (t: string) => t.replace(/^[a-zđ]\) /, '');

const UNDER_FRONT = new Set(['youth-union', 'womens-union', 'farmers-union', 'veterans-association', 'mass-organisation']);
/** Beside the People's Committee, not under it: the Front and the organisations under the Front. */
const besideIssuer = (u: Unit) => u.kind === 'front' || UNDER_FRONT.has(u.kind);
/** How a unit's plan heads what it leads and supports: given them under the People's Committee, asked beside it. */
const roleWords = (u: Unit) =>
  besideIssuer(u)
    ? { leads: 'chủ trì thực hiện', supports: 'tham gia phối hợp thực hiện', assigned: 'đề ra' }
    : { leads: 'được giao chủ trì', supports: 'được giao phối hợp', assigned: 'được giao' };

describe.each(campaign.units.map((u) => [u.id, u] as const))('the plan of %s', (_, unit) => {
  let view: DocumentView;
  beforeAll(() => {
    view = unitPlanView(campaign, unit);
  });

  // The number and archive of each organisation's format (FORMATS.md): Decree 30's, the Youth Union's, the Farmers' Union's;
  // the archive names the unit as its drafting unit.
  const FORMS: Record<string, [number: (abbr: string) => string, archive: (abbr: string) => string]> = {
    'youth-union': [(a) => `Số:      -KH/${a}`, (a) => `- Lưu VT, ${a}.`],
    'farmers-union': [(a) => `Số      -KH/${a}`, (a) => `- Lưu: VT, ${a}.`],
  };
  const [numberOf, archiveOf] = FORMS[unit.kind] ?? [(a: string) => `Số:      /KH-${a}`, (a: string) => `- Lưu: VT, ${a}.`];
  // A village keeps its own plan: it has no clerk's office ("VT").
  const kept = unit.archive ?? (unit.kind === 'village' ? [unit.name] : undefined);
  const archive = kept ? `- Lưu${unit.kind === 'youth-union' ? '' : ':'} ${kept.join(', ')}.` : archiveOf(unit.abbreviation);

  it('the police report to the city police', () => {
    if (unit.id === 'cong-an-xa') expect(first).toEqual(['- Công an thành phố Hải Phòng (b/c);']);
  });

  it('has the unit in its header under its parent body, its symbol in its organisation\'s form, and is signed by its head', () => {
    // The city police's name would come within 4,4 mm of "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": on two lines, before the level word.
    expect(view.header.parent).toEqual(unit.id === 'cong-an-xa' ? ['CÔNG AN', 'THÀNH PHỐ HẢI PHÒNG'] : unit.header.parent);
    expect(view.header.issuer).toEqual(unit.header.lines);
    expect(view.header.number).toBe(numberOf(unit.abbreviation));
    expect(view.closing.signerLines.at(-1)).toBe(unit.signer.position);
  });

  it('sets its title in lines no wider than nine tenths of the text, the unit on a line of its own after "tại"', () => {
    const lines = view.summary.split('\n');
    for (const l of lines) expect(textWidthPt(l, layout.styles.summary.size, 'bold'), l).toBeLessThanOrEqual(textWidth() * layout.titleShare);
    expect(lines[0].replace(/\u00a0/g, ' ')).toBe('Triển khai Đợt thi đua thực hiện thắng lợi nhiệm vụ phát triển');
    // A village's short name goes with the line before it; a longer name stands on its own.
    if (unit.kind !== 'village') expect(lines.at(-1)!.replace(/\u00a0/g, ' ').replace(/\u2011/g, '-')).toBe(`tại ${unit.name}`);
  });

  it('names the campaign and the unit in its summary', () => {
    // Read as a reader reads it: the unit's name may be held on one line by no-break characters.
    const summary = view.summary.replace(/[\u00a0\n]/g, ' ').replace(/\u2011/g, '-');
    expect(summary).toContain(campaign.name);
    expect(summary).toContain(unit.name);
  });

  it('cites the launch plan, a draft with its number and day left blank to fill in, its title right after its issuer', () => {
    const opening = textOf(view.body[0]);
    expect(opening).toBe(
      `Thực hiện Kế hoạch số      /KH-UBND ngày      /9/2025 của Ủy ban nhân dân xã Kiến Minh ${raw.plan.summary.replace(/^P/, 'p')}; ` +
        `${unit.name} xây dựng kế hoạch triển khai thực hiện như sau:`,
    );
  });

  it('has the four sections of a unit plan', () => {
    expect(view.body.filter((b) => b.role === 'section').map(textOf)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NỘI DUNG, CHỈ TIÊU, NHIỆM VỤ',
      'III. THỜI GIAN THỰC HIỆN',
      'IV. TỔ CHỨC THỰC HIỆN',
    ]);
  });

  it('aims at what it is given, or, beside the People\'s Committee, at what it sets itself ("đề ra")', () => {
    const lines = view.body.map(textOf);
    const { assigned } = roleWords(unit);
    expect(lines.filter((l) => l.includes(`Bám sát các chỉ tiêu, nhiệm vụ ${assigned};`))).toHaveLength(1);
    expect(lines.filter((l) => l.endsWith(`phấn đấu hoàn thành các chỉ tiêu, nhiệm vụ ${assigned}.`))).toHaveLength(1);
  });

  it('takes its part of the plan as its kind does: a body under the People\'s Committee is given it, the Front and the mass organisations take it on', () => {
    const lines = view.body.map(textOf);
    const own = ['front', 'youth-union', 'womens-union', 'farmers-union', 'veterans-association', 'mass-organisation'].includes(unit.kind);
    const supports = unit.supports.indicators.length + unit.supports.tasks.length > 0;
    // It leads ("chủ trì"), takes part ("tham gia") or both, as what it is given says.
    const part = unit.leads.indicators.length + unit.leads.tasks.length > 0 ? (supports ? 'chủ trì, tham gia' : 'chủ trì') : 'tham gia';
    const aim = own
      ? `Cụ thể hóa các chỉ tiêu, nhiệm vụ ${unit.name} ${part} thực hiện theo Kế hoạch của Ủy ban nhân dân xã Kiến Minh;`
      : `Cụ thể hóa Kế hoạch của Ủy ban nhân dân xã Kiến Minh thành các chỉ tiêu, nhiệm vụ của ${unit.name};`;
    expect(lines.filter((l) => l.startsWith(`a) ${aim}`))).toHaveLength(1);
    // It works with the others "in what it supports" only when it supports something.
    const together = lines.find((l) => l.startsWith('Chủ động phối hợp chặt chẽ với'))!;
    expect(together.includes('trong thực hiện các chỉ tiêu, nhiệm vụ phối hợp;')).toBe(supports);
  });

  it('carries exactly the indicators it leads and supports, each as the launch plan words it', () => {
    const note = ' (số thứ tự theo Kế hoạch của Ủy ban nhân dân xã Kiến Minh)';
    const headings = view.body.filter((b) => b.role === 'clause').map(textOf);
    // The note of the numbers is given once, on the first of the two headings that have it.
    expect(headings.filter((h) => h.endsWith(note))).toHaveLength(expectedIndicatorCodes(unit, 'leads').length || expectedIndicatorCodes(unit, 'supports').length ? 1 : 0);
    for (const role of ['leads', 'supports'] as const) {
      const once = role === 'supports' && expectedIndicatorCodes(unit, 'leads').length > 0;
      // One heading entry per indicator numbered in the plan, whatever its items.
      const title = `${listHeading('chỉ tiêu', expectedIndicatorCodes(unit, role).length)} ${roleWords(unit)[role]}${once ? '' : note}`;
      const lines = clauseContent(view, title);
      expect(lines.map((l) => Number(/^\((\d+)\)/.exec(l)![1]))).toEqual(expectedIndicatorCodes(unit, role));
      for (const line of lines) {
        const code = /^\(\d+\)\.? /.exec(line)![0];
        const planLine = planLines.find((p) => p.startsWith(code))!;
        // A whole indicator is the launch plan's line; a single item is a part of it; some components of an item, its
        // figures and theirs, each as the plan words it.
        const given = line.slice(code.length).replace(/[.;]$/, '');
        if (line !== planLine && !planLine.includes(given)) for (const piece of given.split(/; (?:trong đó: )?/)) expect(planLine).toContain(piece);
      }
    }
  });

  it('carries exactly the tasks and dash items it leads and supports, word for word', () => {
    for (const role of ['leads', 'supports'] as const) {
      const expected = expectedTaskTexts(unit, role);
      // Its entries: the dash items of a task go with it.
      const title = `${listHeading('nhiệm vụ', expected.filter((l) => !l.startsWith('- ')).length)} ${roleWords(unit)[role]}`;
      const lines = clauseContent(view, title).map(stripPoint);
      expect(lines).toEqual(expected);
      // No entry is a bare document title with nothing to do ("b) Nghị quyết số 68-NQ/TW ..."): its lead-in comes with it.
      for (const line of lines) expect(line).not.toMatch(/^(Nghị quyết|Chỉ thị|Quyết định|Kế hoạch|Luật|Nghị định) số/);
      // Word for word the plan's: a whole line of it, or sentences of one; or the unit's own wording, as its data gives it.
      const bare = (t: string) => t.replace(/[.;]$/, '');
      const own = new Set(unit[role].tasks.flatMap((r) => (typeof r !== 'string' && r.text ? r.text.map(bare) : [])));
      for (const line of lines.filter((l) => !own.has(bare(l)))) {
        for (const sentence of sentences(bare(line).replace(/^- /, ''))) expect(planLines.some((p) => bare(stripPoint(p)).includes(bare(sentence))), sentence).toBe(true);
      }
    }
  });

  it('carries only what the unit does: no police, village or Front plan has the military command\'s sentences, none has a lead-in about economic growth it does not serve', () => {
    const all = bodyTexts(view).join('\n');
    if (unit.id !== 'ban-chi-huy-quan-su') expect(all).not.toContain('Kiện toàn tổ chức bộ máy Ban chỉ huy Quân sự xã');
    if (!['van-phong', 'phong-kinh-te', 'phong-van-hoa-xa-hoi', 'trung-tam-phuc-vu-hanh-chinh-cong'].includes(unit.id)) {
      expect(all).not.toContain('để đạt mục tiêu tăng trưởng kinh tế năm 2025');
    }
    // The checks on dykes and irrigation, and collecting waste, are the economic office's and the villages' (the military
    // command is given only the disasters and rescue, the Farmers' Union only its members' sorting of waste).
    if (unit.id !== 'phong-kinh-te' && unit.kind !== 'village') {
      expect(all).not.toContain('đê điều');
      expect(all).not.toContain('được thu gom, xử lý hợp vệ sinh');
    }
  });

  it('carries its own targets and tasks', () => {
    // Named for what it holds: "Chỉ tiêu, nhiệm vụ riêng", "Chỉ tiêu riêng" or "Nhiệm vụ riêng".
    const what = unit.ownTargets.length ? (unit.ownTasks.length ? 'Chỉ tiêu, nhiệm vụ' : 'Chỉ tiêu') : 'Nhiệm vụ';
    const own = clauseContent(view, `${what} riêng của ${unit.name}`);
    expect(own).toEqual([...unit.ownTargets, ...unit.ownTasks].map((t) => `- ${t}`));
  });

  it('runs over the campaign\'s time and reports to the commune through Phòng Văn hóa - Xã hội before 10/12/2025', () => {
    const all = bodyTexts(view).join('\n');
    expect(all).toContain('Đợt thi đua được triển khai từ ngày phát động đến hết tháng 12/2025.');
    if (unit.id === rawReporting(raw).viaUnit) {
      // The units' deadline is when their results reach it, not its own.
      expect(all).toContain(
        `${unit.name} tiếp nhận, tổng hợp kết quả thực hiện của các phòng, ban, ngành, đoàn thể xã và các thôn (gửi về trước ngày 10/12/2025), báo cáo Ủy ban nhân dân xã để tổng hợp báo cáo Ủy ban nhân dân thành phố.`,
      );
    } else {
      // The collecting unit by its own name, capitalised as a unit's name is.
      // The Front and the mass organisations, not under the People's Committee, send their results; the others report them.
      const verb = besideIssuer(unit) ? 'gửi' : 'báo cáo';
      expect(all).toContain(`${unit.name} ${verb} kết quả thực hiện về Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội) trước ngày 10/12/2025 để tổng hợp báo cáo Ủy ban nhân dân thành phố.`);
    }
    expect(textOf(view.body.at(-1)!)).toMatch(/\.\/\.$/);
  });

  // The Front and the mass organisations are not under the People's Committee: they report to the Party committee (and the
  // Front); a force reports to its own superior too.
  const reports = unit.kind === 'front' ? ['Thường trực Đảng ủy xã'] : UNDER_FRONT.has(unit.kind) ? ['Thường trực Đảng ủy xã', 'Ủy ban MTTQ Việt Nam xã'] : [];
  const first = [...reports, ...unit.reportsTo.map((x) => x.name)].map((name) => `- ${name} (b/c);`);

  it('goes first to whom it reports (b/c), then to the commune (b/c, or a copy), Phòng Văn hóa - Xã hội (unless it is that unit), its own members, and the archive', () => {
    const r = view.closing.recipients;
    expect(r.slice(0, first.length)).toEqual(first);
    expect(r[first.length]).toBe(reports.length ? '- UBND xã;' : '- UBND xã (b/c);');
    expect(r.includes('- Phòng Văn hóa - Xã hội;')).toBe(unit.id !== 'phong-van-hoa-xa-hoi');
    for (const m of unit.members) expect(r).toContain(`- ${m};`);
    expect(r.at(-1)).toBe(archive);
  });
});

describe('assignments across the units', () => {
  it('every indicator item and every task item of the launch plan is led by some unit', () => {
    const led = new Set<string>();
    for (const u of campaign.units) for (const id of u.leads.indicators) led.add(id);
    for (const ind of rawIndicators(raw)) {
      expect(led.has(ind.id) || ind.items.every((it: Raw) => led.has(it.id)), ind.id).toBe(true);
    }
    for (const t of rawTasks(raw)) {
      const refs = campaign.units.flatMap((u) => u.leads.tasks).filter((r) => (typeof r === 'string' ? r : r.task) === t.id);
      const whole = refs.some((r) => typeof r === 'string');
      const items = new Set(refs.flatMap((r) => (typeof r === 'string' ? [] : r.items)));
      expect(whole || (t.items.length > 0 && t.items.every((_: string, k: number) => items.has(k + 1))), t.id).toBe(true);
    }
  });

  it('the army quota goes to the military command and the police quota to the police', () => {
    const lead = (id: string) => campaign.units.filter((u) => u.leads.indicators.includes(id)).map((u) => u.kind);
    const quota = rawIndicators(raw).find((i) => i.code === 14)!;
    expect(quota.items.map((i: Raw) => campaign.units.find((u) => u.leads.indicators.includes(i.id))!.id)).toEqual(['ban-chi-huy-quan-su', 'cong-an-xa']);
    expect(lead(rawIndicators(raw).find((i) => i.code === 13)!.id)).toEqual(['force']);
  });

  it('the villages are marked as sample data', () => {
    const villages = campaign.units.filter((u) => u.kind === 'village');
    expect(villages.length).toBeGreaterThan(0);
    for (const v of villages) expect(v.sample).toBe(true);
  });
});

describe('a task in the unit\'s own words', () => {
  it('is printed in its stead, the plan\'s wording left out', () => {
    const data = parse(readFileSync(FIXTURE, 'utf8'));
    const police = data.units.find((u: { id: string }) => u.id === 'cong-an-xa');
    police.leads.tasks = [{ task: 'tang-truong-kinh-te', items: [8], text: ['Giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn xã.'] }];
    const c = checkCampaignData(data).campaign as Campaign;
    const view = unitPlanView(c, c.units.find((u) => u.id === 'cong-an-xa')!);
    expect(clauseContent(view, 'Nhiệm vụ được giao chủ trì').map(stripPoint)).toEqual(['Giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn xã.']);
    expect(bodyTexts(view).join('\n')).not.toContain('Bảo vệ vững chắc chính trị nội bộ');
  });
});

describe('a unit with no figure to reach', () => {
  it('speaks of its tasks only: no "chỉ tiêu" in its aims, its heading or its duties', () => {
    const data = parse(readFileSync(FIXTURE, 'utf8'));
    const office = data.units.find((u: { id: string }) => u.id === 'van-phong');
    office.ownTargets = [];
    const c = checkCampaignData(data).campaign as Campaign;
    const lines = unitPlanView(c, c.units.find((u) => u.id === 'van-phong')!).body.map(textOf);
    expect(lines).toContain('II. NỘI DUNG, NHIỆM VỤ');
    expect(lines.some((l) => l.startsWith('a) Cụ thể hóa Kế hoạch của Ủy ban nhân dân xã Kiến Minh thành các nhiệm vụ của Văn phòng'))).toBe(true);
    expect(lines.some((l) => l.startsWith('b) Bám sát các nhiệm vụ được giao;'))).toBe(true);
    expect(lines.some((l) => l.endsWith('phấn đấu hoàn thành các nhiệm vụ được giao.'))).toBe(true);
    expect(lines.join('\n')).not.toContain('chỉ tiêu, nhiệm vụ');
  });
});

describe('a launch plan with its number', () => {
  it('is cited by number and date', () => {
    const data = parse(readFileSync(FIXTURE, 'utf8'));
    data.plan.number = 5;
    data.plan.date.day = 15;
    const numbered = checkCampaignData(data).campaign as Campaign;
    const view = unitPlanView(numbered, numbered.units[1]);
    expect(textOf(view.body[0])).toMatch(/^Thực hiện Kế hoạch số 05\/KH-UBND ngày 15\/9\/2025 của Ủy ban nhân dân xã Kiến Minh phát động Đợt thi đua/);
  });
});

describe('the date of a unit plan', () => {
  it('is, by default, in the launch plan\'s month with the day left for the unit to fill in, even when the launch plan has its day', async () => {
    const { campaign: ward } = await loadCampaign(join(FAMILY, 'phuong-hoa-mau-2025', 'campaign.yaml'));
    expect(planView(ward).header.placeDate).toBe('Hòa Mẫu, ngày 14 tháng 11 năm 2025');
    for (const u of ward.units) expect(unitPlanView(ward, u).header.placeDate, u.id).toBe('Hòa Mẫu, ngày      tháng 11 năm 2025');
  });

  it('is the unit\'s own where its data gives one', () => {
    const data = parse(readFileSync(FIXTURE, 'utf8'));
    data.units.find((u: { id: string }) => u.id === 'cong-an-xa').plan = { date: { year: 2025, month: 9, day: 20 } };
    const c = checkCampaignData(data).campaign as Campaign;
    expect(unitPlanView(c, c.units.find((u) => u.id === 'cong-an-xa')!).header.placeDate).toBe('Kiến Minh, ngày 20 tháng 9 năm 2025');
  });
});

describe('the title of a unit plan whose unit has a long name', () => {
  let ward: Campaign;
  beforeAll(async () => {
    ward = (await loadCampaign(join(FAMILY, 'phuong-hoa-mau-2025', 'campaign.yaml'))).campaign;
  });
  // Breaks chosen over the whole title: the lines above a long last line are matched to it, not filled to the margin.
  it.each([
    ['van-phong', ['Triển khai Đợt thi đua lập thành tích chào mừng', 'Đại hội đại biểu toàn quốc lần thứ XIV của Đảng', 'tại Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường']],
    ['phong-kinh-te', ['Triển khai Đợt thi đua lập thành tích chào mừng', 'Đại hội đại biểu toàn quốc lần thứ XIV của Đảng', 'tại Phòng Kinh tế, Hạ tầng và Đô thị']],
    ['phong-van-hoa-xa-hoi', ['Triển khai Đợt thi đua lập thành tích chào mừng', 'Đại hội đại biểu toàn quốc lần thứ XIV của Đảng', 'tại Phòng Văn hóa - Xã hội']],
    ['to-dan-pho-1', ['Triển khai Đợt thi đua lập thành tích chào mừng', 'Đại hội đại biểu toàn quốc lần thứ XIV của Đảng tại Tổ dân phố số 1']],
  ])('%s: its lines break where a phrase or a name opens, no wider than nine tenths of the text', (id, expected) => {
    const lines = unitPlanView(ward, ward.units.find((u) => u.id === id)!).summary.split('\n');
    expect(lines.map((l) => l.replace(/\u00a0/g, ' ').replace(/\u2011/g, '-'))).toEqual(expected);
    for (const l of lines) expect(textWidthPt(l, layout.styles.summary.size, 'bold'), l).toBeLessThanOrEqual(textWidth() * layout.titleShare);
  });
});

describe('the collecting unit whose duty in the plan already says it gathers the results', () => {
  it('receives the others\' results, not "tiếp nhận, tổng hợp" them a second time', async () => {
    const { campaign: ward } = await loadCampaign(join(FAMILY, 'phuong-hoa-mau-2025', 'campaign.yaml'));
    const all = bodyTexts(unitPlanView(ward, ward.units.find((u) => u.id === 'phong-van-hoa-xa-hoi')!)).join('\n');
    expect(all).toContain('Tham mưu Ủy ban nhân dân phường hướng dẫn, theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch; tổng hợp kết quả, đề xuất khen thưởng.');
    expect(all).toContain(
      'Phòng Văn hóa - Xã hội tiếp nhận kết quả thực hiện của các phòng, ban, ngành, đoàn thể phường và các tổ dân phố (gửi về trước ngày 15/02/2026), báo cáo Ủy ban nhân dân phường để tổng hợp báo cáo Ủy ban nhân dân tỉnh.',
    );
    expect(all.split('tổng hợp kết quả')).toHaveLength(2);
  });

  it('still gathers them where its duty speaks of "tổng hợp" in another sense ("sức mạnh tổng hợp")', () => {
    const data = parse(readFileSync(join(FAMILY, 'phuong-hoa-mau-2025', 'campaign.yaml'), 'utf8'));
    const ward = checkCampaignData(
      JSON.parse(JSON.stringify(data).replace('thực hiện Kế hoạch; tổng hợp kết quả, đề xuất khen thưởng.', 'thực hiện Kế hoạch, phát huy sức mạnh tổng hợp của các đơn vị.')),
    ).campaign as Campaign;
    const all = bodyTexts(unitPlanView(ward, ward.units.find((u) => u.id === 'phong-van-hoa-xa-hoi')!)).join('\n');
    expect(all).toContain('phát huy sức mạnh tổng hợp của các đơn vị.');
    expect(all).toContain('Phòng Văn hóa - Xã hội tiếp nhận, tổng hợp kết quả thực hiện của các phòng, ban, ngành, đoàn thể phường và các tổ dân phố');
  });
});

describe('a component of an indicator item, given alone', () => {
  const given = (supports: string[]) => {
    const data = parse(readFileSync(FIXTURE, 'utf8'));
    const unit = data.units.find((u: { id: string }) => u.id === 'hoi-cuu-chien-binh');
    unit.supports.indicators = supports;
    const c = checkCampaignData(data).campaign as Campaign;
    return clauseContent(unitPlanView(c, c.units.find((u) => u.id === 'hoi-cuu-chien-binh')!), 'Chỉ tiêu tham gia phối hợp thực hiện (số thứ tự theo Kế hoạch của Ủy ban nhân dân xã Kiến Minh)');
  };
  const total = '(1). Tổng giá trị sản xuất: 833,509/1.703,274 tỷ đồng';
  it.each([
    ['one component: the item\'s total, and that component', ['gia-tri-nong-lam-thuy-san'], [`${total}; trong đó: giá trị sản xuất nông lâm, thủy sản: 112,953/220,096 tỷ đồng.`]],
    ['both, named in any order: the plan\'s line', ['gia-tri-nong-lam-thuy-san', 'gia-tri-thuong-mai-dich-vu'], [`${total}; trong đó: Giá trị thương mại, dịch vụ: 720,556/1.483,178 tỷ đồng; giá trị sản xuất nông lâm, thủy sản: 112,953/220,096 tỷ đồng.`]],
    ['a component and its item: the item whole, once', ['gia-tri-thuong-mai-dich-vu', 'tong-gia-tri-san-xuat'], [`${total}; trong đó: Giá trị thương mại, dịch vụ: 720,556/1.483,178 tỷ đồng; giá trị sản xuất nông lâm, thủy sản: 112,953/220,096 tỷ đồng.`]],
  ])('%s', (_, supports, expected) => {
    expect(given(supports)).toEqual(expected);
  });

  it('is the Farmers\' Union\'s part of the production value: farming, not trade and services', () => {
    const all = bodyTexts(unitPlanView(campaign, campaign.units.find((u) => u.id === 'hoi-nong-dan')!)).join('\n');
    expect(all).toContain(`${total}; trong đó: giá trị sản xuất nông lâm, thủy sản: 112,953/220,096 tỷ đồng.`);
    expect(all).not.toContain('thương mại, dịch vụ');
  });
});

describe('the heading over indicators', () => {
  const heading = (supports: string[]) => {
    const data = parse(readFileSync(FIXTURE, 'utf8'));
    const unit = data.units.find((u: { id: string }) => u.id === 'hoi-cuu-chien-binh');
    unit.supports.indicators = supports;
    const c = checkCampaignData(data).campaign as Campaign;
    return unitPlanView(c, c.units.find((u) => u.id === 'hoi-cuu-chien-binh')!).body.filter((b) => b.role === 'clause').map(textOf)[2];
  };
  it.each([
    ['one indicator given whole', ['giam-ngheo'], '1. Chỉ tiêu tham gia phối hợp thực hiện'],
    ['two items of one indicator, given apart', ['ty-le-ho-ngheo', 'ty-le-ho-can-ngheo'], '1. Chỉ tiêu tham gia phối hợp thực hiện'],
    ['two indicators', ['giam-ngheo', 'bao-hiem-y-te'], '1. Các chỉ tiêu tham gia phối hợp thực hiện'],
  ])('is singular or plural by the indicators numbered in the plan: %s', (_, supports, expected) => {
    expect(heading(supports)).toMatch(new RegExp(`^${expected.replace(/\./g, '\\.')} \\(số thứ tự`));
  });
});
