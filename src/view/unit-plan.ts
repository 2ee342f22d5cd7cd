/**
 * A unit's sub-plan ("Kế hoạch" of a department, force, mass organisation or
 * village) derived from the launch plan: it cites the launch plan and carries
 * exactly the indicators and tasks assigned to the unit, with the commune's
 * figures, so it agrees with the launch plan by construction.
 */
import type { Campaign, Unit, UnitKind } from '../model/schema.js';
import type { Block, DocumentView } from './document.js';
import { closingView, headerView, summaryRule } from './frame.js';
import { clause, dash, para, points, section, closingPara } from './blocks.js';
import { indicatorSentence } from './indicators.js';
import { reportingSentence, timelineSentences } from './plan.js';
import { resolveAssignment, type IndicatorPick, type TaskPick } from '../model/assignments.js';
import { documentSymbol, documentTypeName, documentTypeTitle } from '../format/labels.js';
import { citedNumber, pointLabel } from '../format/numbering.js';
import { longDate, parseIsoDate, shortDate } from '../format/date.js';
import { phrase, phraseLines } from '../phrases/index.js';
import { lowerFirst } from '../format/text.js';

/** Who carries a unit's plan out, when the data does not say. */
const AUDIENCE: Record<UnitKind, (name: string) => string> = {
  department: (n) => `công chức, người lao động ${n}`,
  force: (n) => `cán bộ, chiến sĩ ${n}`,
  'health-station': (n) => `viên chức, người lao động ${n}`,
  'mass-organisation': (n) => `cán bộ, hội viên ${n}`,
  village: (n) => `Nhân dân ${n}`,
  other: (n) => `cán bộ, người lao động ${n}`,
};

/** Who answers for the plan inside the unit. */
const HEAD: Record<UnitKind, (name: string) => string> = {
  department: (n) => `Lãnh đạo ${n}`,
  force: (n) => `Lãnh đạo ${n}`,
  'health-station': (n) => `Lãnh đạo ${n}`,
  'mass-organisation': (n) => `Ban Thường vụ ${n}`,
  village: () => 'Trưởng thôn',
  other: (n) => `Lãnh đạo ${n}`,
};

export const audienceOf = (u: Unit): string => u.audience ?? AUDIENCE[u.kind](u.name);

/** Where a unit's good examples come from, and what its emulation serves: a village has an area, not a field. */
function fieldAndDuty(u: Unit): { field: string; duty: string } {
  if (u.kind === 'village') return { field: `trên địa bàn ${u.name}`, duty: `nhiệm vụ phát triển kinh tế - xã hội, bảo đảm an ninh, trật tự trên địa bàn ${u.name}` };
  if (u.kind === 'mass-organisation') return { field: `trong ${u.name}`, duty: `nhiệm vụ chính trị, công tác vận động hội viên của ${u.name}` };
  return { field: `trong lĩnh vực ${u.name} phụ trách`, duty: `nhiệm vụ chính trị, chuyên môn của ${u.name}` };
}

/** The sentence of an assigned indicator (the whole of it, or the one item assigned), ending with a full stop here. */
function indicatorText(p: IndicatorPick): string {
  return indicatorSentence({ ...p.indicator, items: p.item === null ? p.indicator.items : [p.indicator.items[p.item]], end: '.' });
}

/** A list cut from a longer one ends with a full stop, not the ";" that led on to the rest. */
const endList = (items: string[]): string[] => items.map((t, i) => (i === items.length - 1 ? t.replace(/;$/, '.') : t));

/** Assigned tasks as lettered points, each with the dash items assigned. */
function taskBlocks(picks: TaskPick[]): Block[] {
  return picks.flatMap((p, i) => [
    para(`${pointLabel(i)} ${p.task.text}`),
    ...endList((p.items ?? p.task.items.map((_, k) => k)).map((k) => p.task.items[k])).map(dash),
  ]);
}

/** "Thực hiện Kế hoạch số .../KH-UBND ngày ... của ... về việc ...; <unit> xây dựng ...". */
function openingSentence(c: Campaign, u: Unit): string {
  const p = c.plan;
  const symbol = documentSymbol(p.type, c.issuer.abbreviation);
  return phrase('unit-opening', {
    typeName: documentTypeName(p.type),
    // A launch plan still in draft has no number yet: it is cited by issuer and title.
    number: p.number === null ? '' : citedNumber(p.number, symbol),
    date: longDate(p.date),
    issuer: c.issuer.name,
    subject: lowerFirst(p.summary),
    unit: u.name,
  });
}

function unitBody(c: Campaign, u: Unit): Block[] {
  const names = { unit: u.name, issuer: c.issuer.name, campaign: c.name, audience: audienceOf(u), ...fieldAndDuty(u) };
  const leads = resolveAssignment(c, u.leads);
  const supports = resolveAssignment(c, u.supports);
  const blocks: Block[] = [para(openingSentence(c, u))];

  blocks.push(section(1, 'MỤC ĐÍCH, YÊU CẦU'));
  blocks.push(clause('Mục đích', 1), ...points(phraseLines('unit-purposes', names)));
  blocks.push(clause('Yêu cầu', 2), ...points(phraseLines('unit-requirements', names)));

  // Only the parts the unit has, numbered in turn.
  const parts: [string, Block[]][] = [
    ['Chỉ tiêu chủ trì thực hiện (chỉ tiêu của xã)', leads.indicators.map((p) => para(indicatorText(p)))],
    ['Chỉ tiêu phối hợp thực hiện', supports.indicators.map((p) => para(indicatorText(p)))],
    ['Nhiệm vụ chủ trì thực hiện', taskBlocks(leads.tasks)],
    ['Nhiệm vụ phối hợp thực hiện', taskBlocks(supports.tasks)],
    [`Chỉ tiêu, nhiệm vụ riêng của ${u.name}`, [...u.ownTargets, ...u.ownTasks].map(dash)],
  ];
  blocks.push(section(2, 'NỘI DUNG, CHỈ TIÊU, NHIỆM VỤ'));
  parts
    .filter(([, content]) => content.length)
    .forEach(([title, content], i) => blocks.push(clause(title, i + 1), ...content));

  blocks.push(section(3, 'THỜI GIAN THỰC HIỆN'), ...timelineSentences(c).map(para));

  blocks.push(section(4, 'TỔ CHỨC THỰC HIỆN'));
  blocks.push(...phraseLines('unit-organisation', { ...names, head: HEAD[u.kind](u.name) }).map(para));
  const r = c.reporting;
  blocks.push(
    para(
      r.viaUnit === u.id
        ? phrase('unit-collecting', { unit: u.name, to: r.to, deadline: shortDate(parseIsoDate(r.deadline)), purpose: r.purpose })
        : reportingSentence(c, u.name, c.units.find((x) => x.id === r.viaUnit)?.name),
    ),
  );

  blocks.push(closingPara(phrase('unit-closing', names)));
  return blocks;
}

export function unitPlanView(c: Campaign, u: Unit): DocumentView {
  const summary = phrase('unit-summary', { campaign: c.name, unit: u.name });
  const recipients = [
    ...c.unitPlans.recipients.filter((r) => r.unit !== u.id),
    ...u.members.map((name) => ({ name })),
  ];
  const date = u.plan.date ?? c.plan.date;
  return {
    fileBase: `don-vi/${u.id}`,
    header: headerView({ ...c.issuer, parent: u.header.parent, lines: u.header.lines }, documentSymbol('KH', u.abbreviation), u.plan.number, date),
    typeTitle: documentTypeTitle('KH'),
    summary,
    summaryRule: summaryRule(summary),
    addressees: [],
    body: unitBody(c, u),
    closing: closingView(recipients, c.unitPlans.archive, u.signer),
    appendices: [],
    metadata: {
      title: `${documentTypeName('KH')} ${lowerFirst(summary)}`,
      subject: summary,
      author: u.name,
      date: new Date(Date.UTC(date.year, date.month - 1, date.day ?? 1)),
    },
  };
}
