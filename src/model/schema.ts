/**
 * The campaign data model. This zod schema is the single source of the
 * model's TypeScript types (see the `z.infer` exports at the end) and of the
 * JSON Schema served to other systems.
 */
import { z } from 'zod';
import { DOCUMENT_TYPES } from '../format/labels.js';

/** Any user text: one line, non-empty, no surrounding spaces. */
export const Text = z
  .string()
  .min(1)
  .refine((s) => s.trim() === s, { message: 'has leading or trailing spaces' })
  .refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line' });

/** Lines printed in capitals (issuer names, signer titles). */
export const CapsLine = Text.refine((s) => s === s.toLocaleUpperCase('vi'), {
  message: 'must be written in capitals',
});

export const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug such as "kien-minh-2025"');

/** An issuer's part of a document symbol: "UBND", "VHXH". */
const Abbreviation = z.string().regex(/^[A-ZĐ0-9]+$/, 'must be capitals and digits, e.g. "UBND"');

/** ISO calendar date, e.g. "2025-09-09". */
export const IsoDate = z.iso.date();

/**
 * A decimal as written in the data: a number, or a string in canonical form
 * ("97.0") when the printed precision matters. Vietnamese formatting
 * (decimal comma, thousands dot) is applied at print time.
 */
export const Decimal = z.union([
  z
    .number()
    .finite()
    // Exponent forms (1e21, 1e-7) are no figures of a plan and cannot be printed as written.
    .refine((n) => !/e/i.test(String(n)), { message: 'must be a plain decimal, e.g. 1703.274' }),
  z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal such as "97.0" (dot as decimal point)'),
]);

const DocumentType = z.enum(Object.keys(DOCUMENT_TYPES) as [keyof typeof DOCUMENT_TYPES]);

/** Document number: a positive integer, or null for a draft not yet registered. */
export const DocumentNumber = z.number().int().positive().nullable();

export const Issuer = z.strictObject({
  /** The parent body's lines as printed above the issuer (capitals, not bold). */
  parent: z.array(CapsLine).default([]),
  /** The issuer's name as printed, one entry per line (capitals, bold). */
  lines: z.array(CapsLine).min(1),
  /** The issuer's part of the document symbol, e.g. "UBND". */
  abbreviation: Abbreviation,
  /** The place name for the date line, e.g. "Kiến Minh". */
  place: Text,
  /** The issuer's name in running text, e.g. "Ủy ban nhân dân xã Kiến Minh". */
  name: Text,
});

/** The date of a document; the day may be left blank in a draft. */
export const DocumentDate = z.strictObject({
  year: z.number().int().min(1945).max(2100),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31).nullable().default(null),
});

/** A superior document that this plan implements ("Thực hiện Kế hoạch số ..."). */
export const Basis = z.strictObject({
  verb: z.enum(['Thực hiện', 'Căn cứ']).default('Thực hiện'),
  type: DocumentType,
  number: z.number().int().positive(),
  symbol: z.string().regex(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*(\/[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*)?$/, 'must be a symbol such as "KH-UBND"'),
  date: IsoDate,
  issuer: Text,
  title: Text,
});

/** A measured target: one value, a campaign-period/whole-year pair, or a range. */
export const Target = z.union([
  Decimal,
  z.strictObject({ period: Decimal, year: Decimal }),
  z.strictObject({ from: Decimal, to: Decimal }),
]);

const Bound = z.enum(['exact', 'atLeast', 'atMost']);

const itemBase = {
  id: Id,
  /** The words before the value, as printed. */
  label: Text,
  /** What joins the label and the value: ": " by default, " " for "... đạt 95%". */
  separator: z.enum([': ', ' ']).default(': '),
  /** A short name where the label runs into its value ("Tỷ lệ điều tra phá án" for "... đạt"), for lists and tables. */
  name: Text.optional(),
  /** How the target binds; by default at least, or at most when lower is better. */
  bound: Bound.optional(),
  /** Print the binding in words ("ít nhất 85%", "không quá 1%"). */
  printBound: z.boolean().default(false),
  /** A rate where lower is better (poverty, population growth). */
  lowerIsBetter: z.boolean().default(false),
};

/** A sub-value of an indicator item; components must add up to the item's target. */
const Component = z.strictObject({
  id: Id,
  label: Text,
  separator: z.enum([': ', ' ']).default(': '),
  target: Target,
});

/**
 * A reported ratio printed in brackets after the target, with the percentage
 * it states: "(Thu ngân sách xã 6 tháng đầu năm đạt 3.964/3.187 triệu đồng
 * đạt 124%, phấn đấu cả năm đạt 135%)". The percentage is checked.
 */
const Context = z.strictObject({
  label: Text,
  actual: Decimal,
  plan: Decimal.refine((v) => Number(v) !== 0, { message: 'must not be zero (it divides)' }),
  unit: Text,
  percent: Decimal,
  goal: z.strictObject({ label: Text, percent: Decimal }).optional(),
});

export const QuantityItem = z.strictObject({
  ...itemBase,
  kind: z.enum(['money', 'count']),
  unit: Text,
  target: Target,
  components: z.array(Component).default([]),
  context: Context.optional(),
});

export const PercentItem = z.strictObject({
  ...itemBase,
  kind: z.literal('percent'),
  target: Target,
  /** "Tỷ lệ hộ nghèo: 0" prints no "%" sign. */
  showSign: z.boolean().default(true),
});

/** "Hoàn thành 100% chỉ tiêu <label>". */
export const QuotaItem = z.strictObject({
  id: Id,
  kind: z.literal('quota'),
  label: Text,
  percent: Decimal.default(100),
});

/** "Hoàn thành <label>": done or not done. */
export const CompletionItem = z.strictObject({
  id: Id,
  kind: z.literal('completion'),
  label: Text,
});

export const IndicatorItem = z.discriminatedUnion('kind', [
  QuantityItem,
  PercentItem,
  QuotaItem,
  CompletionItem,
]);

/** A numbered indicator "(n)": one or more items joined by "; ". */
export const Indicator = z.strictObject({
  id: Id,
  code: z.number().int().positive(),
  /** "(1)." or "(8)": whether a full stop follows the code, as printed. */
  codeDot: z.boolean().default(true),
  items: z.array(IndicatorItem).min(1),
  /** The punctuation that ends the indicator's line. */
  end: z.enum(['.', ';', '']).default('.'),
});

export const IndicatorGroup = z.strictObject({
  id: Id,
  kind: z.enum(['economic', 'social', 'environment', 'defence-security', 'other']),
  /** Printed as "2.1. <title>:". */
  title: Text,
  indicators: z.array(Indicator).min(1),
});

export const Task = z.strictObject({
  id: Id,
  text: Text,
  /** Dash items; units may be assigned single items by their number (from 1). */
  items: z.array(Text).default([]),
});

export const Phase = z.strictObject({
  name: Text,
  from: IsoDate,
  to: IsoDate,
  text: Text.optional(),
});

export const Timeline = z.strictObject({
  /** "launch" for "từ ngày phát động", or a date. */
  start: z.union([z.literal('launch'), IsoDate]),
  end: IsoDate,
  phases: z.array(Phase).default([]),
});

/** Where and when units report their results. */
export const Reporting = z.strictObject({
  to: Text,
  via: Text,
  /** The unit (id) that collects the reports, when it is one of the campaign's units. */
  viaUnit: Id.optional(),
  deadline: IsoDate,
  purpose: Text,
});

export const OrganisationClause = z.strictObject({
  title: Text,
  paragraphs: z.array(Text).default([]),
  /** Print the reporting sentence (deadline, channel) after the paragraphs. */
  report: z.boolean().default(false),
});

export const Recipient = z.strictObject({
  name: Text,
  /** "b/c" (for report), "t/h" (to carry out), or another short note. */
  note: Text.optional(),
  /** The unit (id) this recipient is, so that a unit's own plan does not send it to itself. */
  unit: Id.optional(),
});

export const Signer = z.strictObject({
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" ...: printed one per line. */
  authorities: z
    .array(z.strictObject({ prefix: z.enum(['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.']), of: CapsLine }))
    .default([]),
  position: CapsLine,
  /** Left out while the document waits for signing. */
  name: Text.nullable().default(null),
});

export const PlanHeadings = z.strictObject({
  purposesAndRequirements: CapsLine.default('MỤC ĐÍCH, YÊU CẦU'),
  purposes: Text.default('Mục đích'),
  requirements: Text.default('Yêu cầu'),
  content: CapsLine.default('NỘI DUNG, CHỈ TIÊU, NHIỆM VỤ'),
  emulationContent: Text.default('Nội dung thi đua'),
  indicators: Text.default('Chỉ tiêu chủ yếu'),
  tasks: Text.default('Nhiệm vụ và giải pháp chủ yếu'),
  timeline: CapsLine.default('THỜI GIAN THỰC HIỆN'),
  commendation: CapsLine.default('KHEN THƯỞNG'),
  organisation: CapsLine.default('TỔ CHỨC THỰC HIỆN'),
});

/** The recipients, archive line and signer of a document. */
export const Archive = z.array(z.string().regex(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/, 'must be an abbreviation such as "VT"')).min(1);

export const Plan = z.strictObject({
  type: DocumentType.default('KH'),
  number: DocumentNumber.default(null),
  date: DocumentDate,
  /** Trích yếu: what the document is about, in sentence case. */
  summary: Text,
  basis: z.array(Basis).min(1),
  /** What the issuer does, after its name: "xây dựng kế hoạch ... như sau:". */
  statement: Text,
  headings: PlanHeadings.default(PlanHeadings.parse({})),
  /** "Trên đây là <subject>, <request>./." */
  closing: z.strictObject({ subject: Text, request: Text }),
  recipients: z.array(Recipient).min(1),
  /** "Lưu: VT, <drafting unit>." */
  archive: Archive,
  signer: Signer,
});

/** A task, whole or some of its dash items (numbered from 1), assigned to a unit. */
export const TaskRef = z.union([
  Id,
  z.strictObject({ task: Id, items: z.array(z.number().int().positive()).min(1) }),
]);

/** Indicators (by indicator id, or one item by item id) and tasks a unit leads or supports. */
export const Assignment = z.strictObject({
  indicators: z.array(Id).default([]),
  tasks: z.array(TaskRef).default([]),
});

export const UNIT_KINDS = ['department', 'force', 'health-station', 'mass-organisation', 'village', 'other'] as const;

/** A department, force, mass organisation or village of the commune that issues its own sub-plan. */
export const Unit = z.strictObject({
  id: Id,
  /** Official name in running text: "Phòng Văn hóa - Xã hội", "Thôn 1". */
  name: Text,
  kind: z.enum(UNIT_KINDS),
  /** The unit's part of its plan's symbol: "KT" → "KH-KT". */
  abbreviation: Abbreviation,
  /** Header lines: the parent body (capitals, not bold) over the unit (capitals, bold). */
  header: z.strictObject({ parent: z.array(CapsLine).default([]), lines: z.array(CapsLine).min(1) }),
  signer: Signer,
  /** Who in the unit carries the plan out, in running text; by default from the unit's kind. */
  audience: Text.optional(),
  /** The unit's own members or sections, added to the recipients of its plan. */
  members: z.array(Text).default([]),
  leads: Assignment.default({ indicators: [], tasks: [] }),
  supports: Assignment.default({ indicators: [], tasks: [] }),
  /** The unit's own targets and tasks, beyond the commune's. */
  ownTargets: z.array(Text).default([]),
  ownTasks: z.array(Text).default([]),
  /** Number and date of the unit's plan; by default a draft dated like the launch plan. */
  plan: z.strictObject({ number: DocumentNumber.default(null), date: DocumentDate.optional() }).default({ number: null }),
  /** Made-up data (e.g. villages the source does not name). */
  sample: z.boolean().default(false),
});

/** What every unit plan shares. */
export const UnitPlans = z.strictObject({
  recipients: z.array(Recipient).min(1),
  archive: Archive,
});

export const Campaign = z.strictObject({
  id: Id,
  /** The campaign's name in running text: "Đợt thi đua ... năm 2025". */
  name: Text,
  issuer: Issuer,
  plan: Plan,
  purposes: z.array(Text).min(1),
  requirements: z.array(Text).min(1),
  /** "Nội dung thi đua": dash items. */
  content: z.array(Text).min(1),
  indicatorGroups: z.array(IndicatorGroup).min(1),
  tasks: z.array(Task).min(1),
  timeline: Timeline,
  commendation: z.array(Text).min(1),
  reporting: Reporting,
  organisation: z.array(OrganisationClause).min(1),
  units: z.array(Unit).default([]),
  /** By default unit plans go to the commune (b/c) and the archive. */
  unitPlans: UnitPlans.default({ recipients: [{ name: 'UBND xã', note: 'b/c' }], archive: ['VT'] }),
});

export type Campaign = z.infer<typeof Campaign>;
export type CampaignInput = z.input<typeof Campaign>;
export type Issuer = z.infer<typeof Issuer>;
export type DocumentDate = z.infer<typeof DocumentDate>;
export type Basis = z.infer<typeof Basis>;
export type Decimal = z.infer<typeof Decimal>;
export type Target = z.infer<typeof Target>;
export type Indicator = z.infer<typeof Indicator>;
export type IndicatorItem = z.infer<typeof IndicatorItem>;
export type IndicatorGroup = z.infer<typeof IndicatorGroup>;
export type Task = z.infer<typeof Task>;
export type Timeline = z.infer<typeof Timeline>;
export type Reporting = z.infer<typeof Reporting>;
export type Recipient = z.infer<typeof Recipient>;
export type Signer = z.infer<typeof Signer>;
export type Plan = z.infer<typeof Plan>;
export type Unit = z.infer<typeof Unit>;
export type UnitKind = (typeof UNIT_KINDS)[number];
export type Assignment = z.infer<typeof Assignment>;
export type TaskRef = z.infer<typeof TaskRef>;
