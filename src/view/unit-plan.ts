/**
 * A unit's sub-plan ("Kế hoạch" of a department, force, mass organisation,
 * village or residential group) derived from the launch plan: its outline
 * (templates/outlines/unit-plan.yaml, or the campaign's own) is filled with
 * exactly the indicators and tasks assigned to the unit, with the plan's
 * sentences and figures, so it agrees with the launch plan by construction.
 */
import type { Campaign, GeneratedName, GeneratedOutline, IndicatorItem, Node, Unit, UNIT_PLAN_BLOCKS } from '../model/schema.js';
import type { DocumentView } from './document.js';
import { appendixViews, closingView, fitsSummaryLine, headerView, keptAppendices, summaryRule, balancedSummary } from './frame.js';
import { outlineBlocks } from './outline.js';
import { documentTime, ownCitation, planContext, planOf, subjectOf, withClosing } from './plan.js';
import { reportingSentence } from './sentences.js';
import { resolveAssignment, taskParts, unitName, type IndicatorPick, type TaskPick } from '../model/assignments.js';
import { childrenOf, isItem, isSection, planParts, walk } from '../model/outline.js';
import { closeList, keepNameTogether, sentencesOf } from '../format/text.js';
import { documentSymbol, documentTypeName, documentTypeTitle } from '../format/labels.js';
import { citedNumber } from '../format/numbering.js';
import { citedDate, parseIsoDate, shortDate } from '../format/date.js';
import { phrase } from '../phrases/index.js';
import { issuerWords, unitKindArchive, unitProfile, unitReporting, unitWords } from '../phrases/words.js';
import { issuerProfile, issuerSymbol, profile } from '../phrases/profiles.js';
import { outlineTemplate } from '../phrases/outline-template.js';

type UnitPlanBlock = (typeof UNIT_PLAN_BLOCKS)[number];

/** An indicators block of the one indicator assigned (whole, the one item, or some of its components), ending with a full stop here. */
function indicatorNode(p: IndicatorPick): Node {
  const ind = p.entry.indicator;
  const item = (it: IndicatorItem): IndicatorItem =>
    p.components && (it.kind === 'money' || it.kind === 'count') ? { ...it, components: it.components.filter((_, k) => p.components!.includes(k)) } : it;
  return { indicators: [{ ...ind, code: p.entry.code, items: p.item === null ? ind.items : [item(ind.items[p.item])], end: '.' }], numbering: 'code' };
}

/** A part cut from a longer list ends it with a full stop, when it is a text or an item of its own. */
function closed(n: Node): Node {
  if (typeof n === 'string') return closeList([n])[0];
  if (isItem(n) && !childrenOf(n).length) return { ...n, item: closeList([n.item])[0] };
  return n;
}

/** A node without the label it had in the plan: the unit plan numbers its entries its own way. */
const unlabel = (n: Node): Node => (typeof n === 'object' && (isItem(n) || isSection(n)) ? { ...n, label: undefined } : n);

/** An entry of the unit's own list: a text as an item, or a part without its label. */
const entry = (n: Node): Node => (typeof n === 'string' ? { item: n, omitEmpty: false, units: [], body: [], items: [] } : unlabel(n));

/** Some sentences of a part (from 1), as the plan words them. */
function someSentences(n: Node, picked: number[] | undefined): Node {
  if (!picked) return n;
  const keep = (text: string) => sentencesOf(text).filter((_, i) => picked.includes(i + 1)).join(' ');
  if (typeof n === 'string') return keep(n);
  return typeof n === 'object' && isItem(n) ? { ...n, item: keep(n.item) } : n;
}

/** The last of some nodes closed with a full stop (a list cut from a longer one). */
const closingLast = (nodes: Node[]): Node[] => nodes.map((n, i) => (i === nodes.length - 1 ? closed(n) : n));

/** A lead-in whose parts go on with its sentence ("Tập trung thực hiện các Nghị quyết ...:" over "- Nghị quyết số 57-NQ/TW ...;"). */
const continuesInParts = (task: TaskPick['task']): boolean => isItem(task) && /:$/.test(task.item.trim()) && !task.body.length;

/**
 * Assigned tasks as entries of the unit's list. A whole task carries its own
 * text and parts. A unit given some parts gets those parts alone, each an
 * entry of its own: not the task's lead-in, which speaks of the others' work
 * (a police plan has no "mục tiêu tăng trưởng kinh tế"), unless the parts go
 * on with the lead-in's sentence (a bare "Nghị quyết số 68-NQ/TW ..." says
 * nothing to do): then the lead-in with the parts picked. Of a part it may
 * get some sentences only. A unit's own wording replaces the plan's.
 */
function taskNodes(picks: TaskPick[]): Node[] {
  return picks.flatMap(({ task, items: picked, sentences, text }): Node[] => {
    if (text) return closeList(text).map(entry);
    if (picked !== null) {
      const parts = taskParts(task);
      const chosen = closingLast(picked.map((k) => entry(someSentences(parts[k], sentences?.get(k)))));
      return continuesInParts(task) ? [{ ...task, label: undefined, items: chosen }] : chosen;
    }
    const body = task.body.map(unlabel);
    const items = task.items.map(unlabel);
    return [{ ...task, label: undefined, body: items.length ? body : closingLast(body), items: closingLast(items) }];
  });
}

/**
 * "Thực hiện Kế hoạch số 05/KH-UBND ngày 15/9/2025 của <issuer> <its title>; <unit> xây dựng ...": the plan's title follows
 * its issuer directly; a draft's number and day are left blank to fill in ("số      /KH-UBND ngày      /9/2025"), in the
 * issuer's form, not the unit's.
 */
function openingSentence(c: Campaign, u: Unit): string {
  const p = planOf(c);
  return phrase('unit-opening', {
    typeName: documentTypeName(p.type),
    number: citedNumber(p.number, issuerSymbol(c, p.type), issuerProfile(c).number),
    date: citedDate(p.date),
    issuer: c.issuer.name,
    subject: subjectOf(p),
    unit: u.name,
  });
}

/** The unit's reporting duty: the collecting unit gathers the others' results; the others report through it. `said`: the duties its plan printed before. */
function reportingNodes(c: Campaign, u: Unit, said: Node[]): Node[] {
  const r = planParts(planOf(c)).reporting;
  if (!r) return [];
  const w = issuerWords(c.issuer);
  if (r.viaUnit === u.id) {
    const data = { unit: u.name, to: r.to, deadline: shortDate(parseIsoDate(r.deadline)), purpose: r.purpose ?? '', gathers: gathers(said), ...w };
    return [phrase('unit-collecting', data)];
  }
  // The Front and the mass organisations are not under the People's Committee: they send their results, not report.
  const sends = !unitReporting(u, w).underIssuer;
  return [reportingSentence(r, u.name, r.viaUnit === undefined ? undefined : unitName(c, r.viaUnit), sends)];
}

/** Whether the unit's duties as printed already say it gathers the results ("...; tổng hợp kết quả, đề xuất khen thưởng"). */
function gathers(nodes: Node[]): boolean {
  let said = false;
  walk(nodes, (n) => {
    const text = typeof n === 'string' ? n : isItem(n) ? n.item : isSection(n) ? n.section : '';
    said ||= /(?:^|[\s,;])tổng hợp kết quả(?=[\s,;.]|$)/iu.test(text);
  });
  return said;
}

/** What the plan's organisation clauses addressed to the unit ask of it, in their words; the reporting duty and time come of their own. */
const duties = (c: Campaign, u: Unit): Node[] =>
  planParts(planOf(c))
    .clauses.filter((k) => k.units.includes(u.id))
    .flatMap((k) => childrenOf(k.node).filter((n) => typeof n !== 'object' || !('reporting' in n || 'timeline' in n)));

/** What a unit is given of the plan, resolved once: the indicators it leads and supports, its tasks as its plan lists them. */
interface Given {
  leads: { indicators: IndicatorPick[]; tasks: Node[] };
  supports: { indicators: IndicatorPick[]; tasks: Node[] };
}

function givenTo(c: Campaign, u: Unit): Given {
  const resolve = (a: Unit['leads']) => {
    const r = resolveAssignment(c, a);
    return { indicators: r.indicators, tasks: taskNodes(r.tasks) };
  };
  return { leads: resolve(u.leads), supports: resolve(u.supports) };
}

function generator(c: Campaign, u: Unit, { leads, supports }: Given): (name: GeneratedName) => Node[] {
  const parts = planParts(planOf(c));
  // What the duties block printed, for the reporting sentence after it (blocks are filled in document order).
  let said: Node[] = [];
  const blocks: Record<UnitPlanBlock, () => Node[]> = {
    'unit-opening': () => [openingSentence(c, u)],
    'leads-indicators': () => leads.indicators.map(indicatorNode),
    'supports-indicators': () => supports.indicators.map(indicatorNode),
    'leads-tasks': () => leads.tasks,
    'supports-tasks': () => supports.tasks,
    'own-targets-and-tasks': () => [...u.ownTargets, ...u.ownTasks].map((t): Node => ({ item: t, omitEmpty: false, units: [], body: [], items: [] })),
    timeline: () => (parts.timeline ? [{ timeline: parts.timeline }] : []),
    commendation: () => parts.commendation,
    'unit-duties': () => (said = duties(c, u)),
    'unit-reporting': () => reportingNodes(c, u, said),
  };
  return (name) => {
    // Validation keeps other blocks out of a unit plan's outline.
    if (!(name in blocks)) throw new RangeError(`"${name}" cannot stand in a unit plan`);
    return blocks[name as UnitPlanBlock]();
  };
}

/** The unit plan's outline: the campaign's own where it gives one, else the default over the unit's words. */
function unitOutline(c: Campaign, u: Unit, { leads, supports }: Given, underIssuerOf: boolean): GeneratedOutline & { summary: string; body: Node[] } {
  const issuer = issuerWords(c.issuer);
  const yes = (b: boolean) => (b ? 'yes' : '');
  // "trong thực hiện các chỉ tiêu, nhiệm vụ phối hợp" only of a unit that has some; "chủ trì" only of one that leads some.
  const supportsSome = yes(supports.indicators.length + supports.tasks.length > 0);
  const leadsSome = yes(leads.indicators.length + leads.tasks.length > 0);
  // A unit with no figure to reach speaks of its tasks only ("Bám sát các nhiệm vụ được giao").
  const targetsSome = yes(leads.indicators.length + supports.indicators.length + u.ownTargets.length > 0);
  const goals = targetsSome ? 'chỉ tiêu, nhiệm vụ' : 'nhiệm vụ';
  const underIssuer = yes(underIssuerOf);
  // "Các chỉ tiêu ..." over several entries, "Chỉ tiêu ..." over one: an indicator numbered once ("(5) Tỷ lệ hộ nghèo ...; Tỷ lệ hộ cận nghèo ...") is one.
  const many = {
    manyLeadsIndicators: yes(new Set(leads.indicators.map((p) => p.entry)).size > 1),
    manySupportsIndicators: yes(new Set(supports.indicators.map((p) => p.entry)).size > 1),
    manyLeadsTasks: yes(leads.tasks.length > 1),
    manySupportsTasks: yes(supports.tasks.length > 1),
  };
  const own = { ownTargets: yes(u.ownTargets.length > 0), ownTasks: yes(u.ownTasks.length > 0) };
  const words = { ...issuer, ...unitWords(u, issuer), campaign: c.name, issuer: c.issuer.name, unit: u.name, leadsSome, supportsSome, targetsSome, goals, underIssuer, ...many, ...own };
  const base = outlineTemplate('unit-plan', words);
  const given = c.unitPlans?.outline ?? {};
  const merged = { ...base, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  if (!merged.summary || !merged.body) throw new Error('templates/outlines/unit-plan.yaml: needs a summary and a body');
  return { ...merged, summary: merged.summary, body: merged.body };
}

/** The archive entries of a unit's plan: the shared ones, then the unit as its drafting unit (Decree 30: "Lưu: VT, <drafting unit>"). */
const unitArchive = (shared: string[], abbreviation: string): string[] =>
  shared.includes(abbreviation) ? shared : [...shared, abbreviation];

export function unitPlanView(c: Campaign, u: Unit): DocumentView {
  // First whom the unit reports to: its kind's (the Party committee and the Front, for the organisations not under the
  // People's Committee) and its own superiors; then the issuer's list, which goes to those organisations as a copy only.
  const { underIssuer, reportsTo } = unitReporting(u, issuerWords(c.issuer));
  const given = givenTo(c, u);
  const outline = unitOutline(c, u, given, underIssuer);
  const ctx = { ...planContext(c), generate: generator(c, u, given) };
  const shared = (c.unitPlans?.recipients ?? [{ name: c.issuer.name, note: 'b/c' }]).filter((r) => r.unit !== u.id);
  const recipients = [
    ...reportsTo.map((name) => ({ name, note: 'b/c' })),
    ...u.reportsTo.map((r) => ({ ...r, note: r.note ?? 'b/c' })),
    ...(underIssuer ? shared : shared.map((r) => (r.note === 'b/c' ? { ...r, note: undefined } : r))),
    ...u.members.map((name) => ({ name })),
  ];
  // A unit's plan follows the launch plan: by default in its month, the day left for the unit to fill in.
  const date = u.plan.date ?? { ...planOf(c).date, day: null };
  const format = profile(unitProfile(u));
  const symbol = documentSymbol('KH', u.abbreviation, format.number.form);
  const typeName = documentTypeName('KH');
  const title = balancedSummary(keepNameTogether(outline.summary, u.name, fitsSummaryLine));
  return {
    fileBase: `don-vi/${u.id}`,
    header: headerView({ ...u.header, place: c.issuer.place, nationalName: c.issuer.nationalName, motto: c.issuer.motto }, symbol, u.plan.number, date, format),
    typeTitle: documentTypeTitle('KH'),
    // The unit's name on one line of the title, when it fits one.
    summary: title,
    summaryRule: summaryRule(title),
    addressees: [],
    body: withClosing(outlineBlocks(outline.body, ctx), outline.closing),
    closing: closingView(recipients, u.archive ?? unitKindArchive(u) ?? unitArchive(c.unitPlans?.archive ?? ['VT'], u.abbreviation), u.signer, format),
    appendices: appendixViews(keptAppendices(outline.appendices ?? [], ctx), ownCitation(typeName, u.plan.number, symbol, date, u.name, format.number)),
    metadata: {
      title: `${typeName} ${subjectOf({ summary: outline.summary })}`,
      subject: outline.summary,
      author: u.name,
      // A day left blank is the launch plan's in the metadata: a unit's plan never predates it.
      date: documentTime(u.plan.date ?? planOf(c).date),
    },
  };
}
