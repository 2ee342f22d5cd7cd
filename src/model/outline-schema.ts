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
  type: Text.describe('Loại văn bản như viết trong câu: "Kế hoạch", "Quyết định", "Luật", "Chỉ thị", "Công văn" / The document type as named in running text: "Kế hoạch", "Quyết định", "Luật", ...'),
  name: Text.optional().describe('Tên đứng ngay sau loại văn bản, ví dụ "Thi đua, khen thưởng" trong "Luật Thi đua, khen thưởng" / A name right after the type, e.g. "Thi đua, khen thưởng"'),
  reference: Reference.optional().describe('Số, ký hiệu in sau chữ "số", ví dụ "232/KH-UBND", "41-CT/TW" / The number and symbol printed after "số", e.g. "232/KH-UBND", "41-CT/TW"'),
  date: IsoDate.optional().describe('Ngày ban hành, dạng năm-tháng-ngày, ví dụ "2025-09-09" / Date of issue as year-month-day, e.g. "2025-09-09"'),
  dateForm: z
    .enum(['long', 'short', 'plain'])
    .default('long')
    .describe('Cách in ngày: long: "ngày 09 tháng 9 năm 2025"; short: "ngày 09/9/2025"; plain: "ngày 9/9/2025" / How the date is printed: long, short (the decree\'s zeros) or plain'),
  commaBeforeDate: z
    .boolean()
    .default(false)
    .describe('Có dấu phẩy giữa số, ký hiệu và ngày: "số 41-CT/TW, ngày 26/12/2024" / A comma between the reference and the date, as some issuers print it'),
  issuer: Text.optional().describe('Cơ quan ban hành, in sau chữ "của", ví dụ "Ủy ban nhân dân thành phố Hải Phòng" / Who issued it, printed after "của"'),
  title: Text.optional().describe('Trích yếu nội dung, in cuối cùng: "phát động ...", "về việc ..." / What it is about, printed last: "phát động ...", "về việc ..."'),
});

/**
 * A paragraph that cites documents: "<verb> <document>; <document>; <then>",
 * or, with `lines`, one italic line per document ("Căn cứ ...;"), the last
 * ending with `end`.
 */
export const BasisBlock = z.strictObject({
  basis: z
    .strictObject({
      verb: Text.default('Thực hiện').describe('Từ mở đầu trước văn bản được dẫn: "Thực hiện" (mặc định), "Căn cứ" / The verb before the cited documents: "Thực hiện" by default, "Căn cứ"'),
      documents: z.array(CitedDocument).min(1).describe('Các văn bản được dẫn, theo thứ tự in / The cited documents, in printed order'),
      separator: z.string().min(1).default('; ').describe('Dấu nối giữa hai văn bản: "; " (mặc định), ", " hoặc " và " / Between two documents: "; " by default, or ", " or " và "'),
      then: Text.optional().describe('Phần còn lại của đoạn sau các văn bản, ví dụ "Ủy ban nhân dân xã ... như sau:" / The rest of the paragraph after the documents'),
      thenSeparator: z.string().min(1).optional().describe('Dấu nối giữa văn bản cuối và phần tiếp theo; mặc định như dấu nối giữa các văn bản / Between the last document and `then`; the separator by default'),
      lines: z.boolean().default(false).describe('Mỗi văn bản một dòng in nghiêng, lặp lại từ mở đầu ("Căn cứ ...;"): phần căn cứ pháp lý / Each document on its own italic line, the verb repeated: formal legal bases'),
      end: z
        .enum(['.', ';', ',', ''])
        .default('.')
        .describe('Dấu kết thúc dòng cuối khi in từng dòng: "." (mặc định), ";" khi đoạn mở đầu còn tiếp / Punctuation of the last line in `lines` form: "." by default, ";" when it goes on'),
    })
    .describe('Đoạn dẫn căn cứ: "Thực hiện <văn bản>; <văn bản>; <phần tiếp theo>" / A paragraph citing documents: "<verb> <document>; <document>; <then>"'),
});

// ---------------------------------------------------------------- indicators

/** A measured target: one value, a campaign-period/whole-year pair, or a range. */
export const Target = z.union([
  Decimal,
  z.strictObject({
    period: Decimal.describe('Chỉ tiêu trong thời gian thi đua, ví dụ 6 tháng cuối năm: "833.509" / The target for the campaign period, e.g. "833.509"'),
    year: Decimal.describe('Chỉ tiêu cả năm, ví dụ "1703.274" / The target for the whole year, e.g. "1703.274"'),
  }),
  z.strictObject({
    from: Decimal.describe('Cận dưới của khoảng chỉ tiêu, ví dụ 90 trong "từ 90 đến 95%" / The lower end of a target range, e.g. 90'),
    to: Decimal.describe('Cận trên của khoảng chỉ tiêu, ví dụ 95 trong "từ 90 đến 95%" / The upper end of a target range, e.g. 95'),
  }),
]);

/** A target given for the campaign's period and for the whole year ("833,509/1.703,274"). */
export const isPeriodYear = (t: z.infer<typeof Target>): t is { period: z.infer<typeof Decimal>; year: z.infer<typeof Decimal> } =>
  typeof t === 'object' && 'period' in t;

export const BOUNDS = ['exact', 'atLeast', 'atMost'] as const;
const Bound = z.enum(BOUNDS);

/** Joins the text before a value and the value: ": " by default, " " for "... đạt 95%". */
const Separator = z.enum([': ', ' ']);

const phrasing = {
  label: Text.optional().describe('Phần chữ trước giá trị, như in, ví dụ "Tỷ lệ hộ nghèo"; bỏ trống khi giá trị đứng đầu ("70% số người ...") / The words before the value, as printed; none when the value comes first'),
  separator: Separator.default(': ').describe('Dấu nối chữ và giá trị: ": " (mặc định) hoặc " " cho "... đạt 95%" / Joins the label and the value: ": " by default, " " for "... đạt 95%"'),
  after: Text.optional().describe('Phần chữ sau giá trị, ví dụ "số người ... được ..." / The words after the value, e.g. "số người ... được ..."'),
  name: Text.optional().describe('Tên ngắn dùng trong danh sách, bảng biểu khi phần chữ liền với giá trị, ví dụ "Tỷ lệ điều tra phá án" / A short name for lists and tables'),
  bound: Bound.optional().describe('Cách hiểu chỉ tiêu: exact: đúng bằng; atLeast: tối thiểu (mặc định); atMost: tối đa (mặc định khi càng thấp càng tốt) / How the target binds: exact, atLeast (default), atMost'),
  printBound: z.boolean().default(false).describe('In chữ chỉ mức trước giá trị: "ít nhất 85%", "không quá 1%" / Print the binding in words before the value: "ít nhất 85%", "không quá 1%"'),
  boundWords: Text.optional().describe('Chữ chỉ mức riêng của kế hoạch, ví dụ "trên", "tối thiểu" / The plan\'s own words of the binding, e.g. "trên", "tối thiểu"'),
  lowerIsBetter: z.boolean().default(false).describe('Chỉ tiêu càng thấp càng tốt (tỷ lệ hộ nghèo, tỷ lệ tăng dân số) / A rate where lower is better (poverty, population growth)'),
};

/** A sub-value of an indicator item; components must add up to the item's target. */
const Component = z.strictObject({
  id: Id.describe('Mã của thành phần, chữ thường nối bằng gạch ngang, ví dụ "gia-tri-thuong-mai-dich-vu" / The component\'s id, a lower-case slug'),
  label: Text.describe('Tên thành phần như in, ví dụ "Giá trị thương mại, dịch vụ" / The component\'s label as printed'),
  separator: Separator.default(': ').describe('Dấu nối tên và giá trị: ": " (mặc định) hoặc " " / Joins the label and the value: ": " by default, or " "'),
  target: Target.describe('Chỉ tiêu của thành phần: một số, cặp {period, year} hoặc khoảng {from, to} / The component\'s target: a value, a {period, year} pair or a {from, to} range'),
});

/**
 * A reported ratio printed in brackets after the target, with the percentage
 * it states: "(Thu ngân sách xã 6 tháng đầu năm đạt 3.964/3.187 triệu đồng
 * đạt 124%, phấn đấu cả năm đạt 135%)". The percentage is checked.
 */
const Context = z.strictObject({
  label: Text.describe('Phần chữ trước số liệu, ví dụ "Thu ngân sách xã 6 tháng đầu năm đạt" / The words before the figures'),
  actual: Decimal.describe('Số đã thực hiện, ví dụ 3964 trong "3.964/3.187" / The amount achieved, e.g. 3964 in "3.964/3.187"'),
  plan: Decimal.refine((v) => Number(v) !== 0, { message: 'must not be zero (it divides)' }).describe(
    'Số kế hoạch (khác 0), ví dụ 3187 trong "3.964/3.187" / The planned amount (not zero), e.g. 3187 in "3.964/3.187"',
  ),
  unit: Text.describe('Đơn vị tính, ví dụ "triệu đồng" / The unit, e.g. "triệu đồng"'),
  percent: Decimal.describe('Tỷ lệ phần trăm đã đạt, được kiểm tra với số thực hiện/kế hoạch, ví dụ 124 / The stated percentage, checked against actual/plan, e.g. 124'),
  goal: z
    .strictObject({
      label: Text.describe('Phần chữ trước mục tiêu, ví dụ "phấn đấu cả năm đạt" / The words before the goal, e.g. "phấn đấu cả năm đạt"'),
      percent: Decimal.describe('Tỷ lệ phần trăm phấn đấu, ví dụ 135 / The goal percentage, e.g. 135'),
    })
    .optional()
    .describe('Mục tiêu phấn đấu in sau, ví dụ "phấn đấu cả năm đạt 135%" / The goal printed after, e.g. "phấn đấu cả năm đạt 135%"'),
});

const named = { message: 'needs a label before its value or a short name' };
const hasName = (i: { label?: string; name?: string }) => i.label !== undefined || i.name !== undefined;

export const QuantityItem = z
  .strictObject({
    id: Id.describe('Mã của chỉ tiêu thành phần, dùng khi giao cho đơn vị và ghi kết quả, ví dụ "tong-gia-tri-san-xuat" / The item\'s id, used in assignments and results'),
    kind: z.enum(['money', 'count']).describe('Loại chỉ tiêu: money: giá trị tiền; count: số lượng đếm được / The kind of item: money (an amount of money) or count'),
    ...phrasing,
    unit: Text.describe('Đơn vị tính, ví dụ "tỷ đồng", "lượt người" / The unit, e.g. "tỷ đồng", "lượt người"'),
    target: Target.describe('Chỉ tiêu: một số, cặp {period, year} (thời gian thi đua/cả năm) hoặc khoảng {from, to} / The target: a value, a {period, year} pair or a {from, to} range'),
    components: z
      .array(Component)
      .default([])
      .describe('Các thành phần cộng lại bằng chỉ tiêu, ví dụ giá trị thương mại, dịch vụ và giá trị nông nghiệp / Sub-values that add up to the target'),
    context: Context.optional().describe('Số liệu so sánh in trong ngoặc sau chỉ tiêu: "(... đạt 3.964/3.187 triệu đồng đạt 124%)" / A reported ratio printed in brackets after the target'),
  })
  .refine(hasName, named);

export const PercentItem = z
  .strictObject({
    id: Id.describe('Mã của chỉ tiêu thành phần, dùng khi giao cho đơn vị và ghi kết quả, ví dụ "ty-le-ho-ngheo" / The item\'s id, used in assignments and results'),
    kind: z.literal('percent').describe('percent: chỉ tiêu tỷ lệ phần trăm / percent: a percentage target'),
    ...phrasing,
    target: Target.describe('Chỉ tiêu (%): một số, cặp {period, year} hoặc khoảng {from, to}, ví dụ "97.0" / The target in percent: a value, a {period, year} pair or a {from, to} range'),
    showSign: z.boolean().default(true).describe('In dấu "%" sau giá trị; false cho "Tỷ lệ hộ nghèo: 0" / Print the "%" sign after the value; false for "Tỷ lệ hộ nghèo: 0"'),
  })
  .refine(hasName, named);

/** "Hoàn thành 100% chỉ tiêu <label>". */
export const QuotaItem = z.strictObject({
  id: Id.describe('Mã của chỉ tiêu thành phần, ví dụ "chi-tieu-tuyen-quan" / The item\'s id, e.g. "chi-tieu-tuyen-quan"'),
  kind: z.literal('quota').describe('quota: hoàn thành một tỷ lệ chỉ tiêu được giao ("Hoàn thành 100% chỉ tiêu ...") / quota: a share of an assigned quota'),
  label: Text.describe('Tên chỉ tiêu sau "chỉ tiêu", ví dụ "tuyển quân" / What the quota is, printed after "chỉ tiêu", e.g. "tuyển quân"'),
  percent: Decimal.default(100).describe('Tỷ lệ phần trăm phải hoàn thành, mặc định 100 / The percentage to complete, 100 by default'),
});

/** "Hoàn thành <label>": done or not done. */
export const CompletionItem = z.strictObject({
  id: Id.describe('Mã của chỉ tiêu thành phần, ví dụ "du-an-ha-tang-dong-phuong" / The item\'s id, e.g. "du-an-ha-tang-dong-phuong"'),
  kind: z.literal('completion').describe('completion: chỉ tiêu hoàn thành hay không hoàn thành ("Hoàn thành ...") / completion: done or not done'),
  label: Text.describe('Việc phải hoàn thành, in sau "Hoàn thành", ví dụ "dự án xây dựng hạ tầng nông thôn mới kiểu mẫu" / What is to be done, printed after "Hoàn thành"'),
});

export const IndicatorItem = z.discriminatedUnion('kind', [QuantityItem, PercentItem, QuotaItem, CompletionItem]);

/** An indicator: one or more items in one sentence, coded "(1)." by default. */
export const Indicator = z.strictObject({
  id: Id.describe('Mã của chỉ tiêu, dùng khi giao cho đơn vị chủ trì, phối hợp, ví dụ "giam-ngheo" / The indicator\'s id, used in unit assignments'),
  code: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('Số thứ tự in trong ngoặc "(n)"; mặc định bằng số của chỉ tiêu trước cộng 1 / The number printed as "(n)"; by default one more than the one before'),
  codeDot: z.boolean().default(true).describe('Có dấu chấm sau số thứ tự: "(1)." (mặc định) hay "(8)" / Whether a full stop follows the code: "(1)." by default, or "(8)"'),
  lead: Text.optional().describe('Phần chữ trước chỉ tiêu đầu tiên, ví dụ "Về giáo dục:" / Words before the first item, e.g. "Về giáo dục:"'),
  items: z
    .array(IndicatorItem)
    .min(1)
    .describe('Các chỉ tiêu thành phần trong cùng một câu; loại theo kind: money, count, percent, quota, completion / The items in one sentence, by kind'),
  join: z
    .enum(['; ', ', ', ' và ', '. '])
    .default('; ')
    .describe('Dấu nối giữa các chỉ tiêu thành phần: "; " (mặc định), ", ", " và " hoặc ". " / Between items: "; " by default, ", ", " và " or ". "'),
  end: z.enum(['.', ';', '']).default('.').describe('Dấu kết thúc dòng chỉ tiêu: "." (mặc định), ";" hoặc không có / The punctuation that ends the indicator\'s line'),
});

/**
 * Indicators as printed, one line each: "(1). ..." by default (`code`), or
 * as numbered items of the list they stand in ("- ...", "a) ...").
 */
export const IndicatorsBlock = z.strictObject({
  indicators: z.array(Indicator).min(1).describe('Các chỉ tiêu, mỗi chỉ tiêu một dòng / The indicators, one line each'),
  numbering: z
    .enum(['code', 'list'])
    .default('code')
    .describe('Cách đánh số: code: "(1). ..." (mặc định); list: theo danh sách chứa nó ("- ...", "a) ...") / Numbering: code "(1)." by default, or list'),
});

// ---------------------------------------------------------------- time and reporting

/** A time of the campaign: the launch, a day, a month, or an event ("khi kết thúc Đại hội ..."). */
export const PointInTime = z.union(
  [
    z.literal('launch'),
    IsoDate,
    IsoMonth,
    z.strictObject({
      event: Text.describe('Sự kiện mốc thời gian, ví dụ "khi kết thúc Đại hội Thi đua yêu nước thành phố" / An event as the time, e.g. "khi kết thúc Đại hội ..."'),
    }),
  ],
  {
    error: 'must be "launch", a date such as "2025-10-01", a month such as "2025-10", or {event: ...}',
  },
);

export const Phase = z.strictObject({
  name: Text.describe('Tên giai đoạn, ví dụ "Giai đoạn 1" / The phase\'s name, e.g. "Giai đoạn 1"'),
  from: PointInTime.describe('Bắt đầu giai đoạn: "launch" (ngày phát động), ngày "2025-10-01", tháng "2025-10" hoặc {event: ...} / Start of the phase: "launch", a date "2025-10-01", a month "2025-10" or {event: ...}'),
  to: PointInTime.describe('Kết thúc giai đoạn: "launch" (ngày phát động), ngày "2025-10-01", tháng "2025-10" hoặc {event: ...} / End of the phase: "launch", a date "2025-10-01", a month "2025-10" or {event: ...}'),
  text: Text.optional().describe('Nội dung giai đoạn, in sau thời gian; cả việc sơ kết và hạn: "sơ kết trước ngày 15/6/2026" / What the phase does, after its dates; its evaluation and deadline too'),
  sentence: Text.optional().describe('Câu in nguyên văn của giai đoạn, thay cho câu tự lập / The phase\'s line as printed, instead of the composed one'),
});

/** "Đợt thi đua được triển khai từ ngày phát động đến hết tháng 12/2025." and its phases. */
export const TimelineBlock = z.strictObject({
  timeline: z
    .strictObject({
      start: PointInTime.describe('Thời gian bắt đầu: "launch" (ngày phát động), ngày "2025-10-01", tháng "2025-10" hoặc {event: ...} / Start: "launch", a date "2025-10-01", a month "2025-10" or {event: ...}'),
      end: PointInTime.describe('Thời gian kết thúc: "launch" (ngày phát động), ngày "2025-10-01", tháng "2025-10" hoặc {event: ...} / End: "launch", a date "2025-10-01", a month "2025-10" or {event: ...}'),
      subject: z
        .union([Text, z.literal('')])
        .optional()
        .describe('Chủ ngữ của câu: mặc định theo loại ("Đợt thi đua", "Phong trào thi đua"); "" để bỏ ("Từ tháng 10/2025 đến ...") / Who runs over that time; "" for none'),
      sentence: Text.optional().describe('Câu in nguyên văn, thay cho câu tự lập; thời gian bắt đầu, kết thúc vẫn được dùng / The sentence as printed; start and end still count'),
      phases: z.array(Phase).default([]).describe('Các giai đoạn của đợt thi đua / The campaign\'s phases'),
    })
    .describe('Thời gian thi đua: "Đợt thi đua được triển khai từ ngày phát động đến hết tháng 12/2025." / The time of the campaign and its phases'),
  lead: Text.optional().describe('Tiêu đề liền dòng khi in thành mục đánh số: "2. Thời gian thi đua: Từ tháng 10/2025 ..." / A run-in heading: printed as a numbered item of its list'),
});

/** "Báo cáo kết quả thực hiện về <to> (qua <via> trước ngày <deadline>) <purpose>." */
export const ReportingBlock = z.strictObject({
  reporting: z
    .strictObject({
      to: Text.describe('Nơi nhận báo cáo, in sau "về", ví dụ "Ủy ban nhân dân xã" / Whom the reports go to, printed after "về"'),
      via: Text.optional().describe('Đơn vị tổng hợp, in sau "qua", ví dụ "Phòng Văn hóa - Xã hội" / Who collects them, printed after "qua"'),
      viaUnit: Id.optional().describe('Mã đơn vị tổng hợp báo cáo, khi là một đơn vị của kế hoạch, ví dụ "phong-van-hoa-xa-hoi" / The unit (id) that collects the reports, when it is a campaign unit'),
      deadline: IsoDate.describe('Hạn gửi báo cáo, ví dụ "2025-12-10" / The reporting deadline, e.g. "2025-12-10"'),
      purpose: Text.optional().describe('Mục đích báo cáo, in cuối câu, ví dụ "để tổng hợp, báo cáo thành phố" / What the reports are for, printed last'),
      sentence: Text.optional().describe('Câu in nguyên văn, thay cho câu tự lập; hạn báo cáo vẫn được dùng / The sentence as printed; the deadline still counts'),
    })
    .describe('Chế độ báo cáo: "Báo cáo kết quả thực hiện về <nơi nhận> (qua <đơn vị> trước ngày <hạn>)" / The reporting duty: to whom, via whom, by when'),
  lead: Text.optional().describe('Tiêu đề liền dòng khi in thành mục đánh số: "c) Chế độ báo cáo: ..." / A run-in heading: printed as a numbered item of its list'),
});

// ---------------------------------------------------------------- tables

const Align = z.enum(['left', 'center', 'right']);

/** A cell: text (one line, or several as a list), empty (null), or text with spans and emphasis. */
export const Cell = z.union([
  Text,
  z.null(),
  z.strictObject({
    text: z
      .union([Text, z.array(Text).min(1)])
      .optional()
      .describe('Nội dung ô: một dòng, hoặc danh sách nhiều dòng / The cell\'s text: one line, or several as a list'),
    colSpan: z.number().int().min(1).max(50).default(1).describe('Số cột ô chiếm (gộp cột), mặc định 1 / How many columns the cell spans, 1 by default'),
    rowSpan: z.number().int().min(1).max(500).default(1).describe('Số dòng ô chiếm (gộp dòng), mặc định 1 / How many rows the cell spans, 1 by default'),
    bold: z.boolean().optional().describe('In đậm / Bold'),
    italic: z.boolean().optional().describe('In nghiêng / Italic'),
    align: Align.optional().describe('Căn lề: left: trái; center: giữa; right: phải; mặc định theo cột / Alignment: left, center or right; the column\'s by default'),
  }),
]);

/** A row: its cells (cells a span above covers are left out), or cells marked as a group row (bold). */
export const Row = z.union([
  z.array(Cell).min(1),
  z.strictObject({
    cells: z.array(Cell).min(1).describe('Các ô của dòng (bỏ các ô đã bị ô gộp phía trên chiếm) / The row\'s cells (cells a span above covers are left out)'),
    group: z.boolean().default(false).describe('Dòng nhóm, in đậm, ví dụ "I. Các chỉ tiêu kinh tế"; luôn cùng trang với dòng sau / A group row, printed bold; always on the page of the next row'),
    keepWithNext: z.boolean().optional().describe('Giữ dòng này cùng trang với dòng sau, ví dụ các dòng của một tiêu chí / Keep this row on the page of the next, e.g. the rows of one criterion'),
  }),
]);

/** A table whose header rows repeat on every page and whose rows never split. */
export const Table = z.strictObject({
  columns: z
    .array(
      z.strictObject({
        width: z.number().positive().describe('Độ rộng tương đối của cột, ví dụ 1, 4, 2 / The column\'s relative width, e.g. 1, 4, 2'),
        align: Align.default('left').describe('Căn lề mặc định của cột: left: trái (mặc định); center: giữa; right: phải / Default alignment: left (default), center, right'),
      }),
    )
    .min(1)
    .max(50)
    .describe('Các cột của bảng: độ rộng tương đối và căn lề mặc định / The columns: relative widths and default alignment'),
  header: z.array(Row).default([]).describe('Các dòng tiêu đề (in đậm, căn giữa, lặp lại ở mỗi trang) / Header rows (bold, centred, repeated on each page)'),
  rows: z.array(Row).default([]).describe('Các dòng nội dung của bảng / The table\'s body rows'),
  fit: z
    .boolean()
    .optional()
    .describe('Nới cột có dòng gần vừa (thiếu không quá 35%) cho dòng ấy nằm trên một dòng, lấy bớt chỗ thừa của các cột khác mà không ô nào phải xuống thêm dòng / Widen a column to hold on one line a line that nearly fits it (within 35%), from the other columns\' spare room, no cell of theirs taking another line'),
}).refine((t) => t.header.length + t.rows.length > 0, { message: 'needs at least one row' });

export const TableBlock = z.strictObject({
  table: Table.describe('Bảng biểu: dòng tiêu đề lặp lại ở mỗi trang, dòng không bị ngắt trang / A table: header rows repeat on every page, rows never split'),
});

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
export const GeneratedBlock = z.strictObject({
  generate: z
    .enum([...UNIT_PLAN_BLOCKS, ...REPORT_BLOCKS])
    .describe('Khối nội dung lập tự động: của kế hoạch đơn vị (mở đầu, chỉ tiêu, nhiệm vụ...) hoặc của báo cáo (kết quả, ưu điểm, hạn chế, bảng...) / A block filled from the campaign or its results'),
});

// ---------------------------------------------------------------- the tree

/** A paragraph printed with its own emphasis or alignment: a note in italics, a centred line. */
export const ParagraphBlock = z.strictObject({
  paragraph: Text.describe('Nội dung đoạn văn / The paragraph\'s text'),
  bold: z.boolean().default(false).describe('In đậm / Bold'),
  italic: z.boolean().default(false).describe('In nghiêng, ví dụ cho một ghi chú / Italic, e.g. for a note'),
  align: z
    .enum(['justify', 'left', 'center', 'right'])
    .default('justify')
    .describe('Căn lề: justify: đều hai bên (mặc định); left: trái; center: giữa; right: phải / Alignment: justify (default), left, center, right'),
  indent: z.boolean().default(true).describe('Thụt đầu dòng như văn bản thường; false để bỏ / With the first-line indent of body text; false for none'),
});

const nodeFields = {
  id: Id.optional().describe('Mã của mục, để các phần khác dẫn tới (nhiệm vụ giao cho đơn vị), ví dụ "kinh-te" / The node\'s id, for references to it'),
  label: Label.optional().describe('Số thứ tự in theo văn bản gốc thay cho số tự động, ví dụ "5.1.", "Bước 1:"; "" để không in / The label as printed; "" prints none'),
  numbering: Numbering.optional().describe(
    'Cách đánh số mục con, mặc định theo cấp: roman: I.; arabic: 1.; decimal: 1.1.; letter: a); dash: -; plus: +; none: không đánh số / How the children are numbered; by depth by default',
  ),
  omitEmpty: z.boolean().default(false).describe('Bỏ cả mục và tiêu đề khi nội dung trống (mẫu lập tự động) / Left out, with its heading, when its content comes out empty'),
  units: z.array(Id).default([]).describe('Mã các đơn vị mà điều khoản này giao cho, ví dụ ["phong-kinh-te"] / The units (ids) a clause is addressed to'),
};

/** A numbered heading with its content. */
export const Section = z.strictObject({
  section: Text.describe('Tiêu đề mục, ví dụ "MỤC ĐÍCH, YÊU CẦU" / The section\'s heading, e.g. "MỤC ĐÍCH, YÊU CẦU"'),
  ...nodeFields,
  get body() {
    return z.array(Node).default([]).describe('Nội dung của mục: đoạn văn, mục con và các khối / The section\'s content: paragraphs, subsections and blocks');
  },
  get items() {
    return z
      .array(Node)
      .default([])
      .describe('Các ý đánh số sau nội dung; ở đây mỗi dòng chữ là một ý, không phải đoạn văn / Numbered items after the body: here a text is an item');
  },
});

/** A numbered paragraph ("a) ...", "- ..."), optionally with a run-in heading ("a) Đối tượng thi đua: ..."). */
export const Item = z.strictObject({
  item: Text.describe('Nội dung ý đánh số ("a) ...", "- ...") / The numbered paragraph\'s text'),
  lead: Text.optional().describe('Tiêu đề liền dòng in trước nội dung theo kiểu tiêu đề, ví dụ "Đối tượng thi đua:" / A run-in heading printed before the text'),
  ...nodeFields,
  get body() {
    return z.array(Node).default([]).describe('Các đoạn, khối tiếp theo của ý / Paragraphs and blocks that follow the item');
  },
  get items() {
    return z.array(Node).default([]).describe('Các ý con đánh số / Numbered sub-items');
  },
});

/** Marks content whose meaning the other documents use; printed as its nodes are. */
export const CommendationBlock = z.strictObject({
  get commendation() {
    return z.array(Node).min(1).describe('Nội dung khen thưởng của kế hoạch / The plan\'s commendation clauses');
  },
});
export const OrganisationBlock = z.strictObject({
  get organisation() {
    return z.array(Node).min(1).describe('Nội dung tổ chức thực hiện: nhiệm vụ của từng đơn vị / The organisation clauses: what each unit does');
  },
});

/** Tasks: items or sections with ids, which units lead or support, whole or by their numbered children. */
export const TasksBlock = z.strictObject({
  get tasks() {
    const id = Id.describe('Mã nhiệm vụ, dùng khi giao cho đơn vị chủ trì, phối hợp, ví dụ "tang-truong-kinh-te" / The task\'s id, used in unit assignments');
    return z
      .array(z.union([Item.extend({ id }), Section.extend({ id })]))
      .min(1)
      .describe('Các nhiệm vụ, giải pháp: ý hoặc mục có mã, để giao cho đơn vị chủ trì, phối hợp / Tasks: items or sections with ids, for units to lead or support');
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
  // Named, so that JSON Schemas (the files, and the OpenAPI description's components) call the recursive node by its name.
).meta({ id: 'OutlineNode' });

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
  label: Text.optional().describe('Tên phụ lục: mặc định "Phụ lục I" (số La Mã khi có nhiều), hoặc như in: "PHỤ LỤC", "Phụ lục 01" / The label: "Phụ lục I" by default, or as printed'),
  title: z.array(Text).min(1).describe('Các dòng tên phụ lục, chữ in hoa như bản in / The title lines, in capitals as printed'),
  note: Text.nullable()
    .optional()
    .describe('Dòng ghi chú: mặc định "(Kèm theo Kế hoạch số .../KH-UBND ngày ... của ...)"; hoặc như in; null để bỏ / The note under the title; null for none'),
  landscape: z.boolean().default(false).describe('Trang khổ ngang, cho bảng rộng / Landscape pages, for a wide table'),
  omitEmpty: z.boolean().default(false).describe('Bỏ phụ lục khi nội dung trống (mẫu lập tự động) / Left out when its content comes out empty'),
  numbering: Numbering.optional().describe(
    'Cách đánh số mục cấp 1, mặc định số La Mã: roman: I.; arabic: 1.; decimal: 1.1.; letter: a); dash: -; plus: +; none: không đánh số / Top-level numbering; Roman by default',
  ),
  body: Outline.min(1).describe('Nội dung phụ lục: đoạn văn, mục, bảng biểu / The appendix\'s body: paragraphs, sections, tables'),
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
