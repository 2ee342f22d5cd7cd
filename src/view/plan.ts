/**
 * The launch plan ("Kế hoạch") of a campaign as a document view.
 */
import type { Basis, Campaign } from '../model/schema.js';
import type { Block, DocumentView } from './document.js';
import { closingView, headerView, summaryRule } from './frame.js';
import { clause, dash, para, points, section, closingPara } from './blocks.js';
import { indicatorSentence } from './indicators.js';
import { documentSymbol, documentTypeName, documentTypeTitle } from '../format/labels.js';
import { citedNumber, clauseLabel, pointLabel } from '../format/numbering.js';
import { isLastDayOfMonth, longDate, monthYear, parseIsoDate, shortDate } from '../format/date.js';
import { phrase } from '../phrases/index.js';
import { lowerFirst } from '../format/text.js';


/** "Kế hoạch số 232/KH-UBND ngày 09 tháng 9 năm 2025 của ... <title>", after its verb. */
function basisText(b: Basis): string {
  return phrase('basis', {
    verb: b.verb,
    typeName: documentTypeName(b.type),
    number: citedNumber(b.number, b.symbol),
    date: longDate(parseIsoDate(b.date)),
    issuer: b.issuer,
    title: b.title,
  });
}

/**
 * The opening: formal legal bases ("Căn cứ") each on an italic line ending
 * ";" and the last "."; then one paragraph with the documents it implements
 * ("Thực hiện Kế hoạch số 232/KH-UBND ...; Ủy ban nhân dân xã ... như sau:").
 */
export function openingBlocks(c: Campaign): Block[] {
  const legal = c.plan.basis.filter((b) => b.verb === 'Căn cứ');
  const implemented = c.plan.basis.filter((b) => b.verb !== 'Căn cứ');
  return [
    ...legal.map((b, i): Block => ({ role: 'basis', text: `${basisText(b)}${i === legal.length - 1 ? '.' : ';'}` })),
    para(phrase('opening', { basis: implemented.map(basisText), issuerName: c.issuer.name, statement: c.plan.statement })),
  ];
}

/** "Đợt thi đua được triển khai từ ngày phát động đến hết tháng 12/2025." and its phases. */
export function timelineSentences(c: Campaign): string[] {
  const end = parseIsoDate(c.timeline.end);
  const start = c.timeline.start === 'launch' ? 'ngày phát động' : `ngày ${shortDate(parseIsoDate(c.timeline.start))}`;
  const lines = [
    phrase('timeline', {
      start,
      end: isLastDayOfMonth(end) ? `hết tháng ${monthYear(end)}` : `ngày ${shortDate(end)}`,
    }),
  ];
  for (const p of c.timeline.phases) {
    lines.push(
      phrase('phase', {
        name: p.name,
        from: shortDate(parseIsoDate(p.from)),
        to: shortDate(parseIsoDate(p.to)),
        text: p.text ?? '',
      }),
    );
  }
  return lines;
}

/**
 * "[Subject báo cáo|Báo cáo] kết quả thực hiện về ... (qua ... trước ngày 10/12/2025) để ...".
 * `via` names the collecting unit by its own name where it is one of the units (the launch plan keeps its wording).
 */
export function reportingSentence(c: Campaign, subject = '', via?: string): string {
  const r = c.reporting;
  return phrase('reporting', {
    subject,
    to: r.to,
    via: via ?? r.via,
    deadline: shortDate(parseIsoDate(r.deadline)),
    purpose: r.purpose,
  });
}

function planBody(c: Campaign): Block[] {
  const h = c.plan.headings;
  const blocks: Block[] = openingBlocks(c);

  blocks.push(section(1, h.purposesAndRequirements));
  blocks.push(clause(h.purposes, 1), ...points(c.purposes));
  blocks.push(clause(h.requirements, 2), ...points(c.requirements));

  blocks.push(section(2, h.content));
  blocks.push(clause(h.emulationContent, 1), ...c.content.map(dash));
  blocks.push(clause(h.indicators, 2));
  c.indicatorGroups.forEach((g, i) => {
    blocks.push({ role: 'subclause', text: `${clauseLabel(2, i + 1)} ${g.title}:` });
    blocks.push(...g.indicators.map((ind) => para(indicatorSentence(ind))));
  });
  blocks.push(clause(h.tasks, 3));
  c.tasks.forEach((t, i) => {
    blocks.push(para(`${pointLabel(i)} ${t.text}`), ...t.items.map(dash));
  });

  blocks.push(section(3, h.timeline), ...timelineSentences(c).map(para));
  blocks.push(section(4, h.commendation), ...c.commendation.map(para));

  blocks.push(section(5, h.organisation));
  c.organisation.forEach((o, i) => {
    blocks.push(clause(o.title, i + 1), ...o.paragraphs.map(para));
    if (o.report) blocks.push(para(reportingSentence(c)));
  });

  blocks.push(closingPara(phrase('closing', c.plan.closing)));
  return blocks;
}

export function planView(c: Campaign): DocumentView {
  const p = c.plan;
  const typeTitle = documentTypeTitle(p.type);
  return {
    fileBase: 'ke-hoach',
    header: headerView(c.issuer, documentSymbol(p.type, c.issuer.abbreviation), p.number, p.date),
    typeTitle,
    summary: p.summary,
    summaryRule: summaryRule(p.summary),
    addressees: [],
    body: planBody(c),
    closing: closingView(p.recipients, p.archive, p.signer),
    appendices: [],
    metadata: {
      title: `${documentTypeName(p.type)} ${lowerFirst(p.summary)}`,
      subject: p.summary,
      author: c.issuer.name,
      date: new Date(Date.UTC(p.date.year, p.date.month - 1, p.date.day ?? 1)),
    },
  };
}
