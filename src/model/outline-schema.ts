/**
 * A document's body as data: an ordered tree of sections, items and
 * paragraphs, numbered as Decree 30 numbers them (I. / 1. / a) / - / +) or as
 * printed, with typed blocks that keep their meaning wherever they stand:
 * cited documents, indicators, tasks, the time of the campaign, the
 * reporting duty, commendation, organisation clauses and tables. Unit plans
 * and reports have outlines too, whose generated blocks are filled from the
 * campaign and its results.
 */
import { z } from 'zod';
import { Decimal, Id, IsoDate, IsoMonth, Reference, Text } from './text-schema.js';

/** How the numbered children of a section (or of the body) are labelled. */
export const NUMBERING = ['roman', 'arabic', 'decimal', 'letter', 'dash', 'plus', 'none'] as const;
export const Numbering = z.enum(NUMBERING);

/** A label printed as the issuer prints it ("5.1.", "Bước 1:", "Phần I."); an empty string prints none. */
const Label = z.string().refine((s) => s.trim() === s && !/[\r\n]/.test(s), { message: 'must be a single line without surrounding spaces' });

// ---------------------------------------------------------------- cited documents

/**
 * A document cited in running text: "Kế hoạch số 232/KH-UBND ngày 09 tháng 9
 * năm 2025 của Ủy ban nhân dân thành phố Hải Phòng phát động ...",
 * "Chỉ thị số 41-CT/TW, ngày 26/12/2024 của Bộ Chính trị", "Luật Thi đua,
 * khen thưởng ngày 15 tháng 6 năm 2022". Printed in that order: type, name,
 * "số" reference, date, "của" issuer, title.
 */
export const CitedDocument = z.strictObject({
  /** The type as named in running text: "Kế hoạch", "Quyết định", "Luật", "Chỉ thị", "Công văn". */
  type: Text,
  /** A name right after the type: "Thi đua, khen thưởng" for "Luật Thi đua, khen thưởng". */
  name: Text.optional(),
  reference: Reference.optional(),
  date: IsoDate.optional(),
  /** "long": "ngày 09 tháng 9 năm 2025"; "short": "ngày 09/9/2025" (the decree's zeros); "plain": "ngày 9/9/2025", as some issuers type it. */
  dateForm: z.enum(['long', 'short', 'plain']).default('long'),
  /** A comma between the reference and the date, as some issuers print it: "số 41-CT/TW, ngày 26/12/2024". */
  commaBeforeDate: z.boolean().default(false),
  /** Who issued it, printed after "của". */
  issuer: Text.optional(),
  /** What it is about, printed last: "phát động ...", "về việc ...". */
  title: Text.optional(),
});

/**
 * A paragraph that cites documents: "<verb> <document>; <document>; <then>",
 * or, with `lines`, one italic line per document ("Căn cứ ...;"), the last
 * ending with `end`.
 */
export const BasisBlock = z.strictObject({
  basis: z.strictObject({
    verb: Text.default('Thực hiện'),
    documents: z.array(CitedDocument).min(1),
    /** Between two documents: "; " by default, or ", " or " và ". */
    separator: z.string().min(1).default('; '),
    /** The rest of the paragraph after the documents: "Ủy ban nhân dân xã ... như sau:". */
    then: Text.optional(),
    /** Between the last document and `then`; the separator by default. */
    thenSeparator: z.string().min(1).optional(),
    /** Each document on its own italic line, the verb repeated: formal legal bases. */
    lines: z.boolean().default(false),
    /** Punctuation of the last line in `lines` form ("." by default, ";" when the opening goes on). */
    end: z.enum(['.', ';', ',', '']).default('.'),
  }),
});

// ---------------------------------------------------------------- indicators

/** A measured target: one value, a campaign-period/whole-year pair, or a range. */
export const Target = z.union([
  Decimal,
  z.strictObject({ period: Decimal, year: Decimal }),
  z.strictObject({ from: Decimal, to: Decimal }),
]);

export const BOUNDS = ['exact', 'atLeast', 'atMost'] as const;
const Bound = z.enum(BOUNDS);

/** Joins the text before a value and the value: ": " by default, " " for "... đạt 95%". */
const Separator = z.enum([': ', ' ']);

const phrasing = {
  /** The words before the value, as printed; none when the value comes first ("70% số người ..."). */
  label: Text.optional(),
  separator: Separator.default(': '),
  /** The words after the value: "số người ... được ...". */
  after: Text.optional(),
  /** A short name for lists and tables where the label runs into its value ("Tỷ lệ điều tra phá án" for "... đạt"). */
  name: Text.optional(),
  /** How the target binds; by default at least, or at most when lower is better. */
  bound: Bound.optional(),
  /** Print the binding in words before the value ("ít nhất 85%", "không quá 1%"). */
  printBound: z.boolean().default(false),
  /** The words of the binding, where the plan has its own ("trên", "tối thiểu"). */
  boundWords: Text.optional(),
  /** A rate where lower is better (poverty, population growth). */
  lowerIsBetter: z.boolean().default(false),
};

/** A sub-value of an indicator item; components must add up to the item's target. */
const Component = z.strictObject({
  id: Id,
  label: Text,
  separator: Separator.default(': '),
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

const named = { message: 'needs a label before its value or a short name' };
const hasName = (i: { label?: string; name?: string }) => i.label !== undefined || i.name !== undefined;

export const QuantityItem = z
  .strictObject({
    id: Id,
    kind: z.enum(['money', 'count']),
    ...phrasing,
    unit: Text,
    target: Target,
    components: z.array(Component).default([]),
    context: Context.optional(),
  })
  .refine(hasName, named);

export const PercentItem = z
  .strictObject({
    id: Id,
    kind: z.literal('percent'),
    ...phrasing,
    target: Target,
    /** "Tỷ lệ hộ nghèo: 0" prints no "%" sign. */
    showSign: z.boolean().default(true),
  })
  .refine(hasName, named);

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

export const IndicatorItem = z.discriminatedUnion('kind', [QuantityItem, PercentItem, QuotaItem, CompletionItem]);

/** An indicator: one or more items in one sentence, coded "(1)." by default. */
export const Indicator = z.strictObject({
  id: Id,
  /** "(n)": by default one more than the indicator before it in the document. */
  code: z.number().int().positive().optional(),
  /** "(1)." or "(8)": whether a full stop follows the code, as printed. */
  codeDot: z.boolean().default(true),
  /** Words before the first item: "Về giáo dục:". */
  lead: Text.optional(),
  items: z.array(IndicatorItem).min(1),
  /** Between items: "; " by default, ", " where several values share one sentence. */
  join: z.enum(['; ', ', ', ' và ', '. ']).default('; '),
  /** The punctuation that ends the indicator's line. */
  end: z.enum(['.', ';', '']).default('.'),
});

/**
 * Indicators as printed, one line each: "(1). ..." by default (`code`), or
 * as numbered items of the list they stand in ("- ...", "a) ...").
 */
export const IndicatorsBlock = z.strictObject({
  indicators: z.array(Indicator).min(1),
  numbering: z.enum(['code', 'list']).default('code'),
});

// ---------------------------------------------------------------- time and reporting

/** A time of the campaign: the launch, a day, a month, or an event ("khi kết thúc Đại hội ..."). */
export const PointInTime = z.union([z.literal('launch'), IsoDate, IsoMonth, z.strictObject({ event: Text })], {
  error: 'must be "launch", a date such as "2025-10-01", a month such as "2025-10", or {event: ...}',
});

export const Phase = z.strictObject({
  name: Text,
  from: PointInTime,
  to: PointInTime,
  /** What the phase does, after its dates; its evaluation and deadline too ("sơ kết trước ngày 15/6/2026"). */
  text: Text.optional(),
  /** The phase's line as printed, instead of the composed one. */
  sentence: Text.optional(),
});

/** "Đợt thi đua được triển khai từ ngày phát động đến hết tháng 12/2025." and its phases. */
export const TimelineBlock = z.strictObject({
  timeline: z.strictObject({
    start: PointInTime,
    end: PointInTime,
    /** Who runs over that time: the campaign's kind ("Đợt thi đua", "Phong trào thi đua") by default; "" for none ("Từ tháng 10/2025 đến ..."). */
    subject: z.union([Text, z.literal('')]).optional(),
    /** The sentence as printed, instead of the composed one; start and end still count. */
    sentence: Text.optional(),
    phases: z.array(Phase).default([]),
  }),
  /** Printed as a numbered item of its list with this run-in heading ("2. Thời gian thi đua: Từ tháng 10/2025 ..."). */
  lead: Text.optional(),
});

/** "Báo cáo kết quả thực hiện về <to> (qua <via> trước ngày <deadline>) <purpose>." */
export const ReportingBlock = z.strictObject({
  reporting: z.strictObject({
    to: Text,
    via: Text.optional(),
    /** The unit (id) that collects the reports, when it is one of the campaign's units. */
    viaUnit: Id.optional(),
    deadline: IsoDate,
    purpose: Text.optional(),
    /** The sentence as printed, instead of the composed one; the deadline still counts. */
    sentence: Text.optional(),
  }),
  /** Printed as a numbered item of its list with this run-in heading ("c) Chế độ báo cáo: ..."). */
  lead: Text.optional(),
});

// ---------------------------------------------------------------- tables

const Align = z.enum(['left', 'center', 'right']);

/** A cell: text (one line, or several as a list), empty (null), or text with spans and emphasis. */
export const Cell = z.union([
  Text,
  z.null(),
  z.strictObject({
    text: z.union([Text, z.array(Text).min(1)]).optional(),
    colSpan: z.number().int().min(1).max(50).default(1),
    rowSpan: z.number().int().min(1).max(500).default(1),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    align: Align.optional(),
  }),
]);

/** A row: its cells (cells a span above covers are left out), or cells marked as a group row (bold). */
export const Row = z.union([
  z.array(Cell).min(1),
  z.strictObject({ cells: z.array(Cell).min(1), group: z.boolean().default(false) }),
]);

/** A table whose header rows repeat on every page and whose rows never split. */
export const Table = z.strictObject({
  /** Relative widths and default alignment of the columns. */
  columns: z.array(z.strictObject({ width: z.number().positive(), align: Align.default('left') })).min(1).max(50),
  /** Header rows (bold, centred, repeated on each page). */
  header: z.array(Row).default([]),
  rows: z.array(Row).default([]),
}).refine((t) => t.header.length + t.rows.length > 0, { message: 'needs at least one row' });

export const TableBlock = z.strictObject({ table: Table });

// ---------------------------------------------------------------- generated blocks

/** What a unit plan's outline can have filled from the campaign. */
export const UNIT_PLAN_BLOCKS = [
  'unit-opening', 'leads-indicators', 'supports-indicators', 'leads-tasks', 'supports-tasks', 'own-targets-and-tasks',
  'timeline', 'commendation', 'unit-duties', 'unit-reporting',
] as const;
/** What a report's outline can have filled from the campaign and its results. */
export const REPORT_BLOCKS = [
  'launch-sentence', 'unit-reports-sentence', 'launch-activities', 'indicator-counts', 'indicator-outcomes',
  'task-outcomes', 'models', 'awards-given', 'awards-proposed', 'awards-appendix-note', 'strengths', 'shortcomings',
  'causes', 'lessons', 'directions', 'recommendations', 'indicator-table', 'award-table',
] as const;
export const GeneratedBlock = z.strictObject({ generate: z.enum([...UNIT_PLAN_BLOCKS, ...REPORT_BLOCKS]) });

// ---------------------------------------------------------------- the tree

/** A paragraph printed with its own emphasis or alignment: a note in italics, a centred line. */
export const ParagraphBlock = z.strictObject({
  paragraph: Text,
  bold: z.boolean().default(false),
  italic: z.boolean().default(false),
  align: z.enum(['justify', 'left', 'center', 'right']).default('justify'),
  /** Without the first-line indent of body text. */
  indent: z.boolean().default(true),
});

const nodeFields = {
  id: Id.optional(),
  /** The label as printed, instead of the automatic one. */
  label: Label.optional(),
  /** How the numbered children are labelled; by default by depth (I. / 1. / a) / - / +). */
  numbering: Numbering.optional(),
  /** Left out, with its heading, when its content comes out empty (generated outlines). */
  omitEmpty: z.boolean().default(false),
  /** The units (ids) a clause is addressed to. */
  units: z.array(Id).default([]),
};

/** A numbered heading with its content. */
export const Section = z.strictObject({
  section: Text,
  ...nodeFields,
  get body() {
    return z.array(Node).default([]);
  },
  /** Numbered items after the body: here a text is an item, not a plain paragraph. */
  get items() {
    return z.array(Node).default([]);
  },
});

/** A numbered paragraph ("a) ...", "- ..."), optionally with a run-in heading ("a) Đối tượng thi đua: ..."). */
export const Item = z.strictObject({
  item: Text,
  /** A run-in heading printed before the text in the heading's style. */
  lead: Text.optional(),
  ...nodeFields,
  get body() {
    return z.array(Node).default([]);
  },
  get items() {
    return z.array(Node).default([]);
  },
});

/** Marks content whose meaning the other documents use; printed as its nodes are. */
export const CommendationBlock = z.strictObject({
  get commendation() {
    return z.array(Node).min(1);
  },
});
export const OrganisationBlock = z.strictObject({
  get organisation() {
    return z.array(Node).min(1);
  },
});

/** Tasks: items or sections with ids, which units lead or support, whole or by their numbered children. */
export const TasksBlock = z.strictObject({
  get tasks() {
    return z.array(z.union([Item.extend({ id: Id }), Section.extend({ id: Id })])).min(1);
  },
});

/** A paragraph (its text), or a node of the tree. */
export const Node: z.ZodType<NodeOutput, NodeInputShape> = z.lazy(() =>
  z.union([
    Text,
    ParagraphBlock,
    Section,
    Item,
    BasisBlock,
    IndicatorsBlock,
    TasksBlock,
    TimelineBlock,
    ReportingBlock,
    CommendationBlock,
    OrganisationBlock,
    TableBlock,
    GeneratedBlock,
  ]),
);

// The recursive types, spelt out once because TypeScript cannot infer a type that refers to itself.
export interface NodeFields {
  id?: string;
  label?: string;
  numbering?: z.infer<typeof Numbering>;
  omitEmpty: boolean;
  units: string[];
  body: NodeOutput[];
  items: (string | NodeOutput)[];
}
export interface SectionNode extends NodeFields {
  section: string;
}
export interface ItemNode extends NodeFields {
  item: string;
  lead?: string;
}
export type NodeOutput =
  | string
  | z.infer<typeof ParagraphBlock>
  | SectionNode
  | ItemNode
  | z.infer<typeof BasisBlock>
  | z.infer<typeof IndicatorsBlock>
  | { tasks: ((ItemNode | SectionNode) & { id: string })[] }
  | z.infer<typeof TimelineBlock>
  | z.infer<typeof ReportingBlock>
  | { commendation: NodeOutput[] }
  | { organisation: NodeOutput[] }
  | z.infer<typeof TableBlock>
  | z.infer<typeof GeneratedBlock>;

export interface NodeFieldsInput {
  id?: string;
  label?: string;
  numbering?: z.input<typeof Numbering>;
  omitEmpty?: boolean;
  units?: string[];
  body?: NodeInputShape[];
  items?: (string | NodeInputShape)[];
}
export type NodeInputShape =
  | string
  | z.input<typeof ParagraphBlock>
  | (NodeFieldsInput & { section: string })
  | (NodeFieldsInput & { item: string; lead?: string })
  | z.input<typeof BasisBlock>
  | z.input<typeof IndicatorsBlock>
  | { tasks: (NodeFieldsInput & ({ item: string; lead?: string } | { section: string }) & { id: string })[] }
  | z.input<typeof TimelineBlock>
  | z.input<typeof ReportingBlock>
  | { commendation: NodeInputShape[] }
  | { organisation: NodeInputShape[] }
  | z.input<typeof TableBlock>
  | z.input<typeof GeneratedBlock>;

export const Outline = z.array(Node);

// ---------------------------------------------------------------- appendices

/** An appendix after the signature, on its own pages numbered on their own. */
export const Appendix = z.strictObject({
  /** "Phụ lục I" by default (numbered in Roman numerals when there are several), or as printed: "PHỤ LỤC", "Phụ lục 01". */
  label: Text.optional(),
  /** The title lines, in capitals as printed. */
  title: z.array(Text).min(1),
  /** "(Kèm theo Kế hoạch số .../KH-UBND ngày ... của ...)" by default; a text as printed; null for none. */
  note: Text.nullable().optional(),
  /** Landscape pages, for a wide table. */
  landscape: z.boolean().default(false),
  omitEmpty: z.boolean().default(false),
  /** How the body's top-level entries are numbered: Roman by default. */
  numbering: Numbering.optional(),
  body: Outline.min(1),
});

export type CitedDocument = z.infer<typeof CitedDocument>;
export type BasisBlock = z.infer<typeof BasisBlock>['basis'];
export type Target = z.infer<typeof Target>;
export type Bound = (typeof BOUNDS)[number];
export type IndicatorItem = z.infer<typeof IndicatorItem>;
export type Indicator = z.infer<typeof Indicator>;
export type PointInTime = z.infer<typeof PointInTime>;
export type Phase = z.infer<typeof Phase>;
export type Timeline = z.infer<typeof TimelineBlock>['timeline'];
export type Reporting = z.infer<typeof ReportingBlock>['reporting'];
export type Cell = z.infer<typeof Cell>;
export type Row = z.infer<typeof Row>;
export type Table = z.infer<typeof Table>;
export type GeneratedName = z.infer<typeof GeneratedBlock>['generate'];
export type Node = NodeOutput;
export type Appendix = z.infer<typeof Appendix>;
export type NumberingScheme = z.infer<typeof Numbering>;
export type TaskNode = (ItemNode | SectionNode) & { id: string };
