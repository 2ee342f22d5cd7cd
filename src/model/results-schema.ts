/**
 * The campaign's results, reported by the units at the end of the campaign
 * (a separate file from the plan), and the list of award forms. zod is the
 * single source of their types, as for the campaign.
 */
import { z } from 'zod';
import {
  Appendix, Archive, CitedDocument, Closing, Decimal, DocumentDate, DocumentNumber, Id, IsoDate, Numbering, Outline, REPORT_KINDS, Recipient, Signer, Text,
} from './schema.js';

export const AWARD_RECIPIENTS = ['collective', 'individual'] as const;

/** An award form, as the Law on Emulation and Commendation names it; data, not code. */
export const AwardForm = z.strictObject({
  id: Id,
  /** "Giấy khen của Chủ tịch Ủy ban nhân dân xã". */
  name: Text,
  recipients: z.array(z.enum(AWARD_RECIPIENTS)).min(1),
  /** Who decides it: the issuer itself, or a superior the issuer proposes it to. */
  decidedBy: z.enum(['issuer', 'superior']),
});

export const AwardForms = z.array(AwardForm).min(1);

/** An achieved value: one figure, a campaign-period/whole-year pair (either may be missing), or done / not done. */
export const Achieved = z.union([Decimal, z.strictObject({ period: Decimal.optional(), year: Decimal.optional() }), z.boolean()]);

export const IndicatorResult = z.strictObject({
  /** The indicator item (id) this is the result of. */
  item: Id,
  achieved: Achieved,
  /** Achieved values of the item's components, which must add up to `achieved`. */
  components: z.array(z.strictObject({ id: Id, achieved: Achieved })).default([]),
  /** The unit (id) that reported it. */
  reportedBy: Id.optional(),
  note: Text.optional(),
});

export const UnitResult = z.strictObject({
  unit: Id,
  /** When the unit's report arrived; null when it has not. */
  reportedOn: IsoDate.nullable().default(null),
  /** What the unit did for its tasks. */
  activities: z.array(Text).default([]),
  /** Models and good examples ("điển hình tiên tiến"). */
  models: z.array(Text).default([]),
  /** Results of the unit's own targets and tasks. */
  ownResults: z.array(Text).default([]),
});

export const Award = z.strictObject({
  /** Award form (id from the award-forms list). */
  form: Id,
  kind: z.enum(AWARD_RECIPIENTS),
  /** Collective or person, as printed: "Phòng Kinh tế", "Ông Nguyễn Văn A". */
  name: Text,
  /** The unit (id) the person works in, or the collective is. */
  unit: Id.optional(),
  position: Text.optional(),
  /** One line: what earned it. */
  achievement: Text,
  /** Proposed to a superior, rather than given by the commune itself. */
  proposed: z.boolean().default(false),
});

/**
 * A report's own data: its kind, number and date, addressees, the documents
 * it answers to, the prose the figures cannot give, and optionally its own
 * outline (literal text) instead of templates/outlines/report.yaml.
 */
export const ReportData = z.strictObject({
  kind: z.enum(REPORT_KINDS).default('tong-ket'),
  number: DocumentNumber.default(null),
  date: DocumentDate,
  /** Trích yếu as printed; by default from the kind ("Tổng kết <campaign>"). */
  summary: Text.optional(),
  /** The summary in running text, where the printed form is in capitals. */
  subject: Text.optional(),
  /** "Kính gửi": the superior(s) the report goes to; none for a report without them. */
  to: z.array(Text).default([]),
  /** The superior's plan or guidance the report answers to, where it is not only the campaign's own plan. */
  basis: z.array(CitedDocument).default([]),
  /** How the campaign was spread (meetings, propaganda, registrations). */
  launch: z.array(Text).default([]),
  strengths: z.array(Text).default([]),
  shortcomings: z.array(Text).default([]),
  causes: z.array(Text).default([]),
  lessons: z.array(Text).default([]),
  directions: z.array(Text).default([]),
  recommendations: z.array(Text).default([]),
  /** The report's own body, instead of the default outline; generated blocks may stand in it. */
  body: Outline.min(1).optional(),
  numbering: Numbering.optional(),
  closing: Closing.optional(),
  appendices: z.array(Appendix).optional(),
  recipients: z.array(Recipient).min(1),
  archive: Archive,
  signer: Signer,
});

export const Results = z.strictObject({
  /** The campaign (id) these are the results of. */
  campaign: Id,
  /** Made-up data, for illustration. */
  sample: z.boolean().default(false),
  report: ReportData,
  indicators: z.array(IndicatorResult).default([]),
  units: z.array(UnitResult).default([]),
  awards: z.array(Award).default([]),
});

export type AwardForm = z.infer<typeof AwardForm>;
export type Achieved = z.infer<typeof Achieved>;
export type IndicatorResult = z.infer<typeof IndicatorResult>;
export type UnitResult = z.infer<typeof UnitResult>;
export type Award = z.infer<typeof Award>;
export type ReportData = z.infer<typeof ReportData>;
export type Results = z.infer<typeof Results>;
