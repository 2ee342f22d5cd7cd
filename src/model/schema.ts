/**
 * The campaign data model. The zod schemas here and in outline-schema.ts are
 * the single source of the model's TypeScript types (see the `z.infer`
 * exports at the end) and of the JSON Schema served to other systems.
 */
import { z } from 'zod';
import { DOCUMENT_TYPES } from '../format/labels.js';
import { Abbreviation, CapsLine, DocumentDate, DocumentNumber, Id, Text } from './text-schema.js';
import { Appendix, Numbering, Outline } from './outline-schema.js';

export * from './text-schema.js';
export * from './outline-schema.js';

export const DocumentType = z.enum(Object.keys(DOCUMENT_TYPES) as [keyof typeof DOCUMENT_TYPES]);

/** Administrative levels: commune level, district level (before July 2025), provincial level. */
export const LEVELS = [
  'xa', 'phuong', 'dac-khu', 'thi-tran', 'huyen', 'quan', 'thi-xa', 'thanh-pho-thuoc-tinh', 'tinh', 'thanh-pho',
] as const;

/** What kind of body issues: a People's Committee, one of its offices or departments, an agency, an organisation. */
export const ISSUER_KINDS = ['people-committee', 'department', 'agency', 'mass-organisation', 'council', 'other'] as const;

/** Words that follow from the issuer's level and kind (templates/levels.yaml); each can be set for one issuer. */
export const LevelWords = z.strictObject({
  /** The generic word of the territory: "xã", "phường", "tỉnh". */
  level: Text.optional(),
  /** What the territory is divided into, in running text: "các thôn", "các tổ dân phố". */
  subdivisions: Text.optional(),
  /** The issuer's own bodies, in running text: "các phòng, ban, ngành, đoàn thể". */
  bodies: Text.optional(),
  /** Who heads the issuer, in running text: "Chủ tịch Ủy ban nhân dân xã", "Giám đốc Sở". */
  head: Text.optional(),
  /** The Party committee of its level, in running text: "Đảng ủy xã", "Tỉnh ủy". */
  party: Text.optional(),
});

/** Formats of documents by kind of organisation (templates/profiles.yaml, FORMATS.md): Decree 30's, the Party's, the Youth Union's, the Farmers' Union's. */
export const PROFILES = ['state', 'party', 'youth-union', 'farmers-union'] as const;
export type ProfileName = (typeof PROFILES)[number];

export const Issuer = z.strictObject({
  level: z.enum(LEVELS),
  kind: z.enum(ISSUER_KINDS).default('people-committee'),
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
  words: LevelWords.default({}),
  /** The format of its documents: Decree 30's for state bodies and the Fatherland Front. */
  profile: z.enum(PROFILES).default('state'),
  /** The national name and motto as the issuer prints them: the decree's forms, or the old tone placement and en dashes. */
  nationalName: z.enum(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM']).optional(),
  motto: z.enum(['Độc lập - Tự do - Hạnh phúc', 'Độc lập – Tự do – Hạnh phúc']).optional(),
});

/** The kinds of campaign; their words are in templates/campaign-kinds.yaml. */
export const CAMPAIGN_KINDS = ['dot', 'phong-trao', 'chuyen-de'] as const;

/** The kinds of report of a campaign; their words are in templates/report-kinds.yaml. */
export const REPORT_KINDS = ['tong-ket', 'so-ket', 'ket-qua'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const Recipient = z.strictObject({
  name: Text,
  /** "b/c" (for report), "t/h" (to carry out), or another short note. */
  note: Text.optional(),
  /** The unit (id) this recipient is, so that a unit's own plan does not send it to itself. */
  unit: Id.optional(),
});

/** An entry of "Lưu: VT, NV (02b).": an abbreviation, with the drafter's initials and a copy count where printed. */
export const ArchiveEntry = Text.refine((s) => !/[,;]/.test(s) && !/\.$/.test(s), {
  message: 'must be one entry such as "VT" or "NV (02b)", without "," ";" or a final "."',
});
export const Archive = z.array(ArchiveEntry).min(1);

export const AUTHORITY_PREFIXES = ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const;

export const Signer = z.strictObject({
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" ...: printed one per line. */
  authorities: z.array(z.strictObject({ prefix: z.enum(AUTHORITY_PREFIXES), of: CapsLine })).default([]),
  position: CapsLine,
  /** Left out while the document waits for signing. */
  name: Text.nullable().default(null),
});

/** The last paragraph: "Trên đây là <subject>, <request>./.", or a text as printed. */
export const Closing = z.union([z.strictObject({ subject: Text, request: Text }), z.strictObject({ text: Text })]);

/** What every document of the issuer's own shares: its frame, body and appendices. */
const documentFrame = {
  number: DocumentNumber.default(null),
  date: DocumentDate,
  /** Trích yếu as printed (sentence case, or capitals where the issuer prints them so). */
  summary: Text,
  /** The summary in running text ("phát động ..."), where the printed form is in capitals. */
  subject: Text.optional(),
  /** "Kính gửi:": the addressees, for a document that has them. */
  addressees: z.array(Text).default([]),
  closing: Closing.optional(),
  recipients: z.array(Recipient).min(1),
  archive: Archive,
  signer: Signer,
  appendices: z.array(Appendix).default([]),
};

export const Plan = z.strictObject({
  type: DocumentType.default('KH'),
  ...documentFrame,
  /** The body, from the first paragraph after the summary to the last before the closing one. */
  body: Outline.min(1),
  /** How the body's top-level sections are numbered: Roman by default. */
  numbering: Numbering.optional(),
});

/** A task, whole or some of its numbered children (from 1), assigned to a unit. */
/**
 * A task as assigned: its id (whole), or some of its numbered parts (from 1),
 * some sentences of one part (from 1: "Thực hiện quyết liệt ..." of a long
 * item, without the sentences meant for another force), and the unit's own
 * wording of what it is given, printed in the plan's stead.
 */
export const TaskRef = z.union([
  Id,
  z.strictObject({
    task: Id,
    items: z.array(z.number().int().positive()).min(1).optional(),
    sentences: z.array(z.number().int().positive()).min(1).optional(),
    text: z.array(Text).min(1).optional(),
  }),
]);

/** Indicators (by indicator id, or one item by item id) and tasks a unit leads or supports. */
export const Assignment = z.strictObject({
  indicators: z.array(Id).default([]),
  tasks: z.array(TaskRef).default([]),
});

/** The kinds of unit; the levels they belong to and their words are in templates/. */
export const UNIT_KINDS = [
  'department', 'force', 'health-station', 'school', 'front', 'youth-union', 'womens-union', 'farmers-union',
  'veterans-association', 'mass-organisation', 'village', 'residential-group', 'commune', 'agency', 'enterprise', 'other',
] as const;

/** A department, force, mass organisation, village or residential group that issues its own sub-plan. */
export const Unit = z.strictObject({
  id: Id,
  /** Official name in running text: "Phòng Văn hóa - Xã hội", "Thôn 1". */
  name: Text,
  kind: z.enum(UNIT_KINDS),
  /** The format of its plan, by default its kind's (templates/unit-kinds.yaml). */
  profile: z.enum(PROFILES).optional(),
  /** The unit's part of its plan's symbol: "KT" → "KH-KT". */
  abbreviation: Abbreviation,
  /** Header lines: the parent body (capitals, not bold) over the unit (capitals, bold). */
  header: z.strictObject({ parent: z.array(CapsLine).default([]), lines: z.array(CapsLine).min(1) }),
  signer: Signer,
  /** Words of the unit's plan, by default from its kind (templates/unit-kinds.yaml). */
  audience: Text.optional(),
  head: Text.optional(),
  field: Text.optional(),
  duty: Text.optional(),
  /** The unit's own members or sections, added to the recipients of its plan. */
  members: z.array(Text).default([]),
  /** A superior of its own its plan reports to, "(b/c)" unless noted otherwise: the city police for the commune police. */
  reportsTo: z.array(Recipient).default([]),
  leads: Assignment.default({ indicators: [], tasks: [] }),
  supports: Assignment.default({ indicators: [], tasks: [] }),
  /** The unit's own targets and tasks, beyond the issuer's. */
  ownTargets: z.array(Text).default([]),
  ownTasks: z.array(Text).default([]),
  /** The archive line of its plan; by default the shared one (unitPlans.archive, or "VT") and the unit's abbreviation, as the drafting unit: "- Lưu: VT, KT.". */
  archive: Archive.optional(),
  /** Number and date of the unit's plan; by default a draft dated like the launch plan. */
  plan: z.strictObject({ number: DocumentNumber.default(null), date: DocumentDate.optional() }).default({ number: null }),
  /** Made-up data (e.g. villages the source does not name). */
  sample: z.boolean().default(false),
});

/** An outline for generated documents, replacing the default one of templates/outlines/. */
export const GeneratedOutline = z.strictObject({
  summary: Text.optional(),
  body: Outline.min(1).optional(),
  closing: Closing.optional(),
  appendices: z.array(Appendix).optional(),
});

/** What every unit plan shares. */
export const UnitPlans = z.strictObject({
  recipients: z.array(Recipient).min(1),
  archive: Archive,
  outline: GeneratedOutline.optional(),
});

export const Campaign = z.strictObject({
  id: Id,
  /** The campaign's name in running text: "Đợt thi đua ... năm 2025". */
  name: Text,
  kind: z.enum(CAMPAIGN_KINDS).default('phong-trao'),
  /** The word for the campaign where a sentence names its kind ("Đợt thi đua được triển khai ..."); from the kind by default. */
  kindName: Text.optional(),
  issuer: Issuer,
  /** The launch plan; absent when the campaign is another body's and only reports are written here. */
  plan: Plan.optional(),
  units: z.array(Unit).default([]),
  /** By default unit plans go to the issuer (b/c) and the archive. */
  unitPlans: UnitPlans.optional(),
  /** Made-up data, for illustration. */
  sample: z.boolean().default(false),
});

export type Campaign = z.infer<typeof Campaign>;
export type CampaignInput = z.input<typeof Campaign>;
export type Issuer = z.infer<typeof Issuer>;
export type Level = (typeof LEVELS)[number];
export type IssuerKind = (typeof ISSUER_KINDS)[number];
export type LevelWords = z.infer<typeof LevelWords>;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export type Recipient = z.infer<typeof Recipient>;
export type Signer = z.infer<typeof Signer>;
export type Closing = z.infer<typeof Closing>;
export type Plan = z.infer<typeof Plan>;
export type Unit = z.infer<typeof Unit>;
export type UnitKind = (typeof UNIT_KINDS)[number];
export type Assignment = z.infer<typeof Assignment>;
export type TaskRef = z.infer<typeof TaskRef>;
export type GeneratedOutline = z.infer<typeof GeneratedOutline>;
