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
  id: Id.describe('Mã hình thức khen thưởng, ví dụ "giay-khen-chu-tich-xa" / The award form\'s id, e.g. "giay-khen-chu-tich-xa"'),
  name: Text.describe('Tên hình thức khen thưởng, ví dụ "Giấy khen của Chủ tịch Ủy ban nhân dân xã" / The award form\'s name as the law names it'),
  recipients: z
    .array(z.enum(AWARD_RECIPIENTS))
    .min(1)
    .describe('Đối tượng được khen: collective: tập thể; individual: cá nhân / Who can receive it: collective, individual'),
  decidedBy: z
    .enum(['issuer', 'superior'])
    .describe('Thẩm quyền quyết định: issuer: cơ quan ban hành tự khen; superior: đề nghị cấp trên khen / Who decides it: the issuer itself, or a superior it proposes it to'),
  title: z
    .boolean()
    .default(false)
    .describe('Là danh hiệu thi đua, danh hiệu văn hóa xét theo năm (không khen theo đợt, chuyên đề) / A title considered on a year\'s work, never given for a campaign by occasion or on a theme'),
});

export const AwardForms = z
  .array(AwardForm)
  .min(1)
  .describe('Danh mục hình thức khen thưởng theo Luật Thi đua, khen thưởng / The list of award forms, as the Law on Emulation and Commendation names them');

/** An achieved value: one figure, a campaign-period/whole-year pair (either may be missing), or done / not done. */
export const Achieved = z.union([
  Decimal,
  z.strictObject({
    period: Decimal.optional().describe('Kết quả trong thời gian thi đua, ví dụ "840.215"; bỏ trống nếu chưa có / The result for the campaign period; absent if missing'),
    year: Decimal.optional().describe('Kết quả cả năm, ví dụ "1718.642"; bỏ trống nếu chưa có / The result for the whole year; absent if missing'),
  }),
  z.boolean(),
]);
const ACHIEVED = 'Kết quả đạt được: một số, cặp {period, year} hoặc true/false (hoàn thành/không hoàn thành) / The achieved value: a figure, a {period, year} pair, or true/false';

export const IndicatorResult = z.strictObject({
  item: Id.describe('Mã chỉ tiêu thành phần trong Kế hoạch mà đây là kết quả, ví dụ "ty-le-ho-ngheo" / The indicator item (id) this is the result of'),
  achieved: Achieved.describe(ACHIEVED),
  components: z
    .array(
      z.strictObject({
        id: Id.describe('Mã thành phần của chỉ tiêu, ví dụ "gia-tri-thuong-mai-dich-vu" / The component\'s id'),
        achieved: Achieved.describe(ACHIEVED),
      }),
    )
    .default([])
    .describe('Kết quả các thành phần của chỉ tiêu, cộng lại phải bằng kết quả chung / Results of the item\'s components, which must add up to `achieved`'),
  reportedBy: Id.optional().describe('Mã đơn vị báo cáo kết quả, ví dụ "phong-kinh-te" / The unit (id) that reported it'),
  note: Text.optional().describe('Ghi chú, giải trình về kết quả, ví dụ "Dự án đang thi công các hạng mục cuối" / A note on the result'),
});

export const UnitResult = z.strictObject({
  unit: Id.describe('Mã đơn vị, ví dụ "phong-kinh-te" / The unit\'s id, e.g. "phong-kinh-te"'),
  reportedOn: IsoDate.nullable()
    .default(null)
    .describe('Ngày đơn vị gửi báo cáo, ví dụ "2025-12-08"; null khi chưa gửi / When the unit\'s report arrived; null when it has not'),
  activities: z.array(Text).default([]).describe('Những việc đơn vị đã làm để thực hiện nhiệm vụ / What the unit did for its tasks'),
  models: z.array(Text).default([]).describe('Mô hình, điển hình tiên tiến, cách làm hay của đơn vị / Models and good examples ("điển hình tiên tiến")'),
  ownResults: z.array(Text).default([]).describe('Kết quả thực hiện chỉ tiêu, nhiệm vụ riêng của đơn vị / Results of the unit\'s own targets and tasks'),
});

export const Award = z.strictObject({
  form: Id.describe('Mã hình thức khen thưởng trong danh mục, ví dụ "giay-khen-chu-tich-xa" / The award form (id from the award-forms list)'),
  kind: z.enum(AWARD_RECIPIENTS).describe('Đối tượng: collective: tập thể; individual: cá nhân / Who is awarded: collective or individual'),
  name: Text.describe('Tên tập thể hoặc cá nhân như in: "Phòng Kinh tế", "Ông Nguyễn Văn A" / Collective or person, as printed'),
  unit: Id.optional().describe('Mã đơn vị nơi cá nhân công tác, hoặc của chính tập thể / The unit (id) the person works in, or the collective is'),
  position: Text.optional().describe('Chức vụ của cá nhân, ví dụ "Công chức Văn phòng - Thống kê" / The person\'s position'),
  achievement: Text.describe('Thành tích được khen, một dòng / What earned it, in one line'),
  proposed: z.boolean().default(false).describe('Đề nghị cấp trên khen thưởng, không phải xã tự khen / Proposed to a superior, rather than given by the commune itself'),
});

/**
 * A report's own data: its kind, number and date, addressees, the documents
 * it answers to, the prose the figures cannot give, and optionally its own
 * outline (literal text) instead of templates/outlines/report.yaml.
 */
export const ReportData = z.strictObject({
  kind: z
    .enum(REPORT_KINDS)
    .default('tong-ket')
    .describe('Loại báo cáo: tong-ket: báo cáo tổng kết (mặc định); so-ket: báo cáo sơ kết; ket-qua: báo cáo kết quả thực hiện / Kind of report'),
  number: DocumentNumber.default(null).describe(
    'Số báo cáo: số nguyên (in ít nhất hai chữ số, "05"), chuỗi chữ số như in ("0124"), hoặc null khi dự thảo / The report\'s number; null for a draft',
  ),
  date: DocumentDate.describe('Ngày, tháng, năm ban hành; ngày có thể để trống khi dự thảo / The date of issue; the day may be left blank in a draft'),
  summary: Text.optional().describe('Trích yếu như in; mặc định theo loại báo cáo ("Tổng kết <tên đợt thi đua>") / The summary as printed; by default from the kind'),
  subject: Text.optional().describe('Trích yếu dùng trong câu văn, khi bản in là chữ in hoa / The summary in running text, where the printed form is in capitals'),
  to: z
    .array(Text)
    .default([])
    .describe('"Kính gửi": cấp trên nhận báo cáo, ví dụ "Ủy ban nhân dân thành phố Hải Phòng" / "Kính gửi": the superior(s) the report goes to'),
  basis: z
    .array(CitedDocument)
    .default([])
    .describe('Kế hoạch, hướng dẫn của cấp trên mà báo cáo thực hiện, ngoài Kế hoạch của đợt thi đua / The superior\'s plan or guidance the report answers to'),
  launch: z.array(Text).default([]).describe('Công tác triển khai, tuyên truyền, phát động, đăng ký thi đua / How the campaign was spread (meetings, propaganda, registrations)'),
  strengths: z.array(Text).default([]).describe('Ưu điểm / Strengths'),
  shortcomings: z.array(Text).default([]).describe('Hạn chế, tồn tại / Shortcomings'),
  causes: z.array(Text).default([]).describe('Nguyên nhân của hạn chế / Causes of the shortcomings'),
  lessons: z.array(Text).default([]).describe('Bài học kinh nghiệm / Lessons learnt'),
  directions: z.array(Text).default([]).describe('Phương hướng, nhiệm vụ thời gian tới / Directions and tasks for the time ahead'),
  recommendations: z.array(Text).default([]).describe('Kiến nghị, đề xuất với cấp trên / Recommendations to superiors'),
  body: Outline.min(1)
    .optional()
    .describe('Nội dung riêng của báo cáo, thay cho mẫu; có thể chứa khối lập tự động {generate: ...} / The report\'s own body, instead of the default outline'),
  numbering: Numbering.optional().describe(
    'Cách đánh số mục cấp 1, mặc định số La Mã: roman: I.; arabic: 1.; decimal: 1.1.; letter: a); dash: -; plus: +; none: không đánh số / Top-level numbering; Roman by default',
  ),
  closing: Closing.optional().describe('Đoạn kết: {subject, request} cho "Trên đây là <subject>, <request>./." hoặc {text} như in / The last paragraph'),
  appendices: z.array(Appendix).optional().describe('Các phụ lục, thay cho mẫu (bảng chỉ tiêu, danh sách khen thưởng) / The appendices, instead of the default ones'),
  recipients: z.array(Recipient).min(1).describe('Nơi nhận, mỗi mục một dòng, ví dụ {name: "TT Đảng ủy xã"} / The recipients, one per line'),
  archive: Archive.describe('Lưu: các mục như "VT", "VHXH" cho dòng "- Lưu: VT, VHXH." / The archive line\'s entries, e.g. ["VT", "VHXH"]'),
  signer: Signer.describe('Người ký: thẩm quyền ký (TM., KT., TL.), chức vụ, họ tên / The signer: signing authorities, position and name'),
});

export const Results = z
  .strictObject({
    campaign: Id.describe('Mã đợt thi đua mà đây là kết quả, ví dụ "kien-minh-2025" / The campaign (id) these are the results of'),
    sample: z.boolean().default(false).describe('Dữ liệu minh họa, tự đặt / Made-up data, for illustration'),
    report: ReportData.describe('Dữ liệu riêng của Báo cáo: loại, số, ngày, nơi nhận, nội dung đánh giá / The report\'s own data: kind, number, date, recipients, prose'),
    indicators: z.array(IndicatorResult).default([]).describe('Kết quả thực hiện từng chỉ tiêu / The result of each indicator item'),
    units: z.array(UnitResult).default([]).describe('Kết quả báo cáo của từng đơn vị / What each unit reported'),
    awards: z.array(Award).default([]).describe('Khen thưởng đã trao và đề nghị cấp trên / Awards given and proposed to superiors'),
  })
  .describe('Kết quả đợt thi đua do các đơn vị báo cáo, để lập Báo cáo tổng kết, sơ kết / A campaign\'s results reported by the units, for its report');

export type AwardForm = z.infer<typeof AwardForm>;
export type Achieved = z.infer<typeof Achieved>;
export type IndicatorResult = z.infer<typeof IndicatorResult>;
export type UnitResult = z.infer<typeof UnitResult>;
export type Award = z.infer<typeof Award>;
export type ReportData = z.infer<typeof ReportData>;
export type Results = z.infer<typeof Results>;
