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
  level: Text.optional().describe('Từ chỉ cấp địa bàn: "xã", "phường", "tỉnh" / The generic word of the territory: "xã", "phường", "tỉnh"'),
  subdivisions: Text.optional().describe('Các đơn vị trên địa bàn, trong câu văn: "các thôn", "các tổ dân phố" / What the territory is divided into: "các thôn", "các tổ dân phố"'),
  bodies: Text.optional().describe('Các cơ quan, đơn vị của cơ quan ban hành, trong câu văn: "các phòng, ban, ngành, đoàn thể" / The issuer\'s own bodies, in running text'),
  head: Text.optional().describe('Người đứng đầu cơ quan ban hành, trong câu văn: "Chủ tịch Ủy ban nhân dân xã", "Giám đốc Sở" / Who heads the issuer, in running text'),
  party: Text.optional().describe('Cấp ủy Đảng cùng cấp, trong câu văn: "Đảng ủy xã", "Tỉnh ủy" / The Party committee of its level: "Đảng ủy xã", "Tỉnh ủy"'),
});

/** Formats of documents by kind of organisation (templates/profiles.yaml, FORMATS.md): Decree 30's, the Party's, the Youth Union's, the Farmers' Union's. */
export const PROFILES = ['state', 'party', 'youth-union', 'farmers-union'] as const;
export type ProfileName = (typeof PROFILES)[number];

export const Issuer = z.strictObject({
  level: z
    .enum(LEVELS)
    .describe('Cấp hành chính: xa: xã, phuong: phường, dac-khu: đặc khu, thi-tran: thị trấn, huyen: huyện, quan: quận, thi-xa: thị xã, tinh: tỉnh, thanh-pho: thành phố... / Administrative level'),
  kind: z
    .enum(ISSUER_KINDS)
    .default('people-committee')
    .describe('Loại cơ quan: people-committee: UBND (mặc định), department: phòng, sở, agency: cơ quan, mass-organisation: đoàn thể, council: hội đồng, other: khác / Kind of issuing body'),
  parent: z
    .array(CapsLine)
    .default([])
    .describe('Tên cơ quan chủ quản, in hoa, không đậm, mỗi dòng một mục, ví dụ "UBND XÃ KIẾN MINH" / The parent body\'s lines above the issuer (capitals, not bold)'),
  lines: z
    .array(CapsLine)
    .min(1)
    .describe('Tên cơ quan ban hành như in, in hoa, đậm, mỗi dòng một mục: ["ỦY BAN NHÂN DÂN", "XÃ KIẾN MINH"] / The issuer\'s name as printed, one entry per line'),
  abbreviation: Abbreviation.describe('Chữ viết tắt tên cơ quan trong ký hiệu văn bản, ví dụ "UBND" trong "KH-UBND" / The issuer\'s part of the document symbol, e.g. "UBND"'),
  place: Text.describe('Địa danh ghi ở dòng ngày tháng, ví dụ "Kiến Minh" trong "Kiến Minh, ngày ..." / The place name for the date line, e.g. "Kiến Minh"'),
  name: Text.describe('Tên cơ quan ban hành trong câu văn, ví dụ "Ủy ban nhân dân xã Kiến Minh" / The issuer\'s name in running text, e.g. "Ủy ban nhân dân xã Kiến Minh"'),
  words: LevelWords.default({}).describe('Các từ theo cấp và loại cơ quan (templates/levels.yaml), đặt riêng nếu cần / Words that follow from the level and kind, set here for this issuer'),
  profile: z
    .enum(PROFILES)
    .default('state')
    .describe('Thể thức văn bản: state: Nghị định 30 (mặc định, cả Mặt trận); party: Đảng; youth-union: Đoàn Thanh niên; farmers-union: Hội Nông dân / Format: state (Decree 30, default), party, youth-union, farmers-union'),
  nationalName: z
    .enum(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'])
    .optional()
    .describe('Quốc hiệu như cơ quan in: "CỘNG HÒA ..." (theo Nghị định 30) hoặc "CỘNG HOÀ ..." (cách bỏ dấu cũ) / The national name as the issuer prints it'),
  motto: z
    .enum(['Độc lập - Tự do - Hạnh phúc', 'Độc lập – Tự do – Hạnh phúc'])
    .optional()
    .describe('Tiêu ngữ như cơ quan in: gạch nối "-" (theo Nghị định 30) hoặc gạch ngang "–" / The motto as the issuer prints it: hyphens (the decree) or en dashes'),
});

/** The kinds of campaign; their words are in templates/campaign-kinds.yaml. */
export const CAMPAIGN_KINDS = ['dot', 'phong-trao', 'chuyen-de'] as const;

/** The kinds of report of a campaign; their words are in templates/report-kinds.yaml. */
export const REPORT_KINDS = ['tong-ket', 'so-ket', 'ket-qua'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const Recipient = z.strictObject({
  name: Text.describe('Tên nơi nhận như in, ví dụ "UBND thành phố", "TT Đảng ủy xã" / The recipient as printed, e.g. "UBND thành phố"'),
  note: Text.optional().describe('Ghi chú sau nơi nhận: "b/c" (để báo cáo), "t/h" (để thực hiện) hoặc ghi chú ngắn khác / A short note: "b/c" (for report), "t/h" (to carry out)'),
  unit: Id.optional().describe('Mã đơn vị nếu nơi nhận là một đơn vị của kế hoạch, để kế hoạch của đơn vị không gửi cho chính mình / The unit (id) this recipient is'),
});

/** An entry of "Lưu: VT, NV (02b).": an abbreviation, with the drafter's initials and a copy count where printed. */
export const ArchiveEntry = Text.refine((s) => !/[,;]/.test(s) && !/\.$/.test(s), {
  message: 'must be one entry such as "VT" or "NV (02b)", without "," ";" or a final "."',
});
export const Archive = z.array(ArchiveEntry).min(1);

export const AUTHORITY_PREFIXES = ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const;

export const Signer = z.strictObject({
  authorities: z
    .array(
      z.strictObject({
        prefix: z
          .enum(AUTHORITY_PREFIXES)
          .describe('Thẩm quyền ký: TM.: thay mặt, KT.: ký thay, TL.: thừa lệnh, TUQ.: thừa ủy quyền, Q.: quyền / The signing authority: TM., KT., TL., TUQ., Q.'),
        of: CapsLine.describe('Tập thể hoặc người được thay mặt, ký thay, in hoa, ví dụ "ỦY BAN NHÂN DÂN", "CHỦ TỊCH" / On whose behalf, in capitals'),
      }),
    )
    .default([])
    .describe('Thẩm quyền ký, mỗi dòng một mục: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" / The signing authorities, printed one per line'),
  position: CapsLine.describe('Chức vụ người ký, in hoa, ví dụ "CHỦ TỊCH", "PHÓ CHỦ TỊCH" / The signer\'s position, in capitals, e.g. "CHỦ TỊCH"'),
  name: Text.nullable()
    .default(null)
    .describe('Họ và tên người ký, ví dụ "Nguyễn Văn A"; null khi văn bản chờ ký / The signer\'s full name; null while the document waits for signing'),
});

/** The last paragraph: "Trên đây là <subject>, <request>./.", or a text as printed. */
export const Closing = z.union([
  z.strictObject({
    subject: Text.describe('Văn bản nói về điều gì, sau "Trên đây là", ví dụ "kế hoạch phát động đợt thi đua ..." / What the document is, after "Trên đây là"'),
    request: Text.describe('Đề nghị, yêu cầu sau dấu phẩy, ví dụ "đề nghị các phòng, ban, ngành ... triển khai thực hiện" / The request after the comma'),
  }),
  z.strictObject({
    text: Text.describe('Đoạn kết như in, nguyên văn / The closing paragraph as printed'),
  }),
]);

/** What every document of the issuer's own shares: its frame, body and appendices. */
const NUMBER = 'Số văn bản: số nguyên (in ít nhất hai chữ số, "05"), chuỗi chữ số như in ("0124"), hoặc null khi dự thảo chưa vào sổ / The document\'s number; null for a draft';
const CLOSING = 'Đoạn kết: {subject, request} cho "Trên đây là <subject>, <request>./." hoặc {text} như in / The last paragraph: {subject, request} or {text}';
const RECIPIENTS = 'Nơi nhận, mỗi mục một dòng, ví dụ {name: "UBND thành phố", note: "b/c"} / The recipients, one per line';
const ARCHIVE = 'Lưu: các mục như "VT", "NV (02b)" cho dòng "- Lưu: VT, NV (02b)." / The archive line\'s entries, e.g. ["VT", "NV (02b)"]';
const SIGNER = 'Người ký: thẩm quyền ký (TM., KT., TL.), chức vụ, họ tên / The signer: signing authorities, position and name';

const documentFrame = {
  number: DocumentNumber.default(null).describe(NUMBER),
  date: DocumentDate.describe('Ngày, tháng, năm ban hành; ngày có thể để trống khi dự thảo / The date of issue; the day may be left blank in a draft'),
  summary: Text.describe('Trích yếu nội dung như in (viết hoa chữ đầu, hoặc in hoa nếu cơ quan in như vậy), ví dụ "Phát động Đợt thi đua ..." / The summary as printed'),
  subject: Text.optional().describe('Trích yếu dùng trong câu văn ("phát động ..."), khi bản in là chữ in hoa / The summary in running text, where the printed form is in capitals'),
  addressees: z.array(Text).default([]).describe('"Kính gửi:": các nơi nhận chính, nếu văn bản có / "Kính gửi:": the addressees, for a document that has them'),
  closing: Closing.optional().describe(CLOSING),
  recipients: z.array(Recipient).min(1).describe(RECIPIENTS),
  archive: Archive.describe(ARCHIVE),
  signer: Signer.describe(SIGNER),
  appendices: z.array(Appendix).default([]).describe('Các phụ lục sau phần chữ ký / The appendices after the signature'),
};

export const Plan = z.strictObject({
  type: DocumentType.default('KH').describe('Loại văn bản theo chữ viết tắt: KH: Kế hoạch (mặc định), BC: Báo cáo, QĐ: Quyết định, CTr: Chương trình, HD: Hướng dẫn... / Document type code; KH by default'),
  ...documentFrame,
  body: Outline.min(1).describe('Nội dung văn bản, từ đoạn đầu sau trích yếu đến đoạn trước đoạn kết / The body, from the first paragraph after the summary to the last before the closing'),
  numbering: Numbering.optional().describe(
    'Cách đánh số mục cấp 1, mặc định số La Mã: roman: I.; arabic: 1.; decimal: 1.1.; letter: a); dash: -; plus: +; none: không đánh số / Top-level numbering; Roman by default',
  ),
});

/**
 * A task as assigned: its id (whole), or some of its numbered parts (from 1),
 * some sentences of one part (from 1: "Thực hiện quyết liệt ..." of a long
 * item, without the sentences meant for another force), and the unit's own
 * wording of what it is given, printed in the plan's stead.
 */
export const TaskRef = z.union([
  Id,
  z.strictObject({
    task: Id.describe('Mã nhiệm vụ trong kế hoạch, ví dụ "tang-truong-kinh-te" / The task\'s id in the plan, e.g. "tang-truong-kinh-te"'),
    items: z
      .array(z.number().int().positive())
      .min(1)
      .optional()
      .describe('Số thứ tự các ý được giao (từ 1), ví dụ [1, 5, 7]; bỏ trống là cả nhiệm vụ / The numbered parts assigned (from 1), e.g. [1, 5, 7]; whole task if absent'),
    sentences: z
      .array(z.number().int().positive())
      .min(1)
      .optional()
      .describe('Số thứ tự các câu được giao trong một ý (từ 1), bỏ các câu dành cho lực lượng khác / Some sentences of one part (from 1)'),
    text: z
      .array(Text)
      .min(1)
      .optional()
      .describe('Cách diễn đạt riêng của đơn vị về việc được giao, in thay cho lời của kế hoạch / The unit\'s own wording of what it is given, printed instead'),
  }),
]);

/** Indicators (by indicator id, one item by item id, or one component of an item by its id) and tasks a unit leads or supports. */
export const Assignment = z.strictObject({
  indicators: z
    .array(Id)
    .default([])
    .describe('Mã các chỉ tiêu (hoặc một chỉ tiêu thành phần, một phần "trong đó" của nó, theo mã), ví dụ ["ngan-sach", "gia-tri-nong-lam-thuy-san"] / Indicator ids, or one item or one of its components by its id'),
  tasks: z
    .array(TaskRef)
    .default([])
    .describe('Các nhiệm vụ: mã nhiệm vụ, hoặc {task, items} cho một số ý, ví dụ {task: "tang-truong-kinh-te", items: [2, 3]} / Tasks: an id, or {task, items}'),
});

/** The kinds of unit; the levels they belong to and their words are in templates/. */
export const UNIT_KINDS = [
  'department', 'force', 'health-station', 'school', 'front', 'youth-union', 'womens-union', 'farmers-union',
  'veterans-association', 'mass-organisation', 'village', 'residential-group', 'commune', 'agency', 'enterprise', 'other',
] as const;

/** A department, force, mass organisation, village or residential group that issues its own sub-plan. */
export const Unit = z.strictObject({
  id: Id.describe('Mã đơn vị, chữ thường nối bằng gạch ngang, ví dụ "phong-kinh-te" / The unit\'s id, a lower-case slug, e.g. "phong-kinh-te"'),
  name: Text.describe('Tên chính thức trong câu văn: "Phòng Văn hóa - Xã hội", "Thôn 1" / Official name in running text: "Phòng Văn hóa - Xã hội", "Thôn 1"'),
  kind: z
    .enum(UNIT_KINDS)
    .describe('Loại đơn vị: department: phòng, force: lực lượng, school: trường, front: Mặt trận, youth-union: Đoàn, womens-union: Hội Phụ nữ, village: thôn, residential-group: tổ dân phố... / Unit kind'),
  profile: z
    .enum(PROFILES)
    .optional()
    .describe('Thể thức kế hoạch, mặc định theo loại đơn vị: state: Nghị định 30; party: Đảng; youth-union: Đoàn Thanh niên; farmers-union: Hội Nông dân / Format of its plan; by default its kind\'s'),
  abbreviation: Abbreviation.describe('Chữ viết tắt trong ký hiệu kế hoạch của đơn vị: "KT" → "KH-KT" / The unit\'s part of its plan\'s symbol: "KT" → "KH-KT"'),
  header: z
    .strictObject({
      parent: z
        .array(CapsLine)
        .default([])
        .describe('Tên cơ quan chủ quản, in hoa, không đậm, ví dụ "UBND XÃ KIẾN MINH" / The parent body\'s lines (capitals, not bold)'),
      lines: z.array(CapsLine).min(1).describe('Tên đơn vị như in, in hoa, đậm, mỗi dòng một mục, ví dụ "PHÒNG KINH TẾ" / The unit\'s name lines (capitals, bold)'),
    })
    .describe('Tên cơ quan, đơn vị ở góc trái: cơ quan chủ quản trên, đơn vị dưới / Header lines: the parent body over the unit'),
  signer: Signer.describe('Người ký kế hoạch của đơn vị: thẩm quyền ký, chức vụ, họ tên / The signer of the unit\'s plan'),
  /** Words of the unit's plan, by default from its kind (templates/unit-kinds.yaml). */
  audience: Text.optional().describe('Những người thực hiện kế hoạch trong đơn vị, ví dụ "toàn thể công chức, người lao động" / Who in the unit carries the plan out'),
  head: Text.optional().describe('Người chịu trách nhiệm kế hoạch trong đơn vị, ví dụ "Lãnh đạo Phòng Kinh tế" / Who answers for the plan inside the unit'),
  field: Text.optional().describe('Nơi phát hiện điển hình của đơn vị, ví dụ "trong lĩnh vực được giao phụ trách" / Where the unit\'s good examples come from'),
  duty: Text.optional().describe('Thi đua của đơn vị phục vụ gì, ví dụ "nhiệm vụ chính trị, chuyên môn của đơn vị" / What the unit\'s emulation serves'),
  leading: Text.optional().describe('Cách gọi phần đơn vị chủ trì, ví dụ "được giao chủ trì", "chủ trì thực hiện" / How its plan names what it leads'),
  supporting: Text.optional().describe('Cách gọi phần đơn vị phối hợp, ví dụ "được giao phối hợp", "tham gia phối hợp thực hiện" / How its plan names what it supports'),
  assigned: Text.optional().describe('Cách gọi các chỉ tiêu, nhiệm vụ của đơn vị, ví dụ "được giao", "đề ra" / How its plan names what it is to achieve'),
  members: z
    .array(Text)
    .default([])
    .describe('Thành viên, bộ phận của đơn vị, thêm vào nơi nhận kế hoạch của đơn vị, ví dụ "Công chức Phòng Kinh tế" / Members, added to its plan\'s recipients'),
  reportsTo: z
    .array(Recipient)
    .default([])
    .describe('Cấp trên riêng mà kế hoạch của đơn vị gửi báo cáo ("b/c" nếu không ghi khác), ví dụ Công an thành phố / A superior of its own its plan reports to'),
  leads: Assignment.default({ indicators: [], tasks: [] }).describe('Các chỉ tiêu, nhiệm vụ đơn vị chủ trì / The indicators and tasks the unit leads'),
  supports: Assignment.default({ indicators: [], tasks: [] }).describe('Các chỉ tiêu, nhiệm vụ đơn vị phối hợp / The indicators and tasks the unit supports'),
  ownTargets: z.array(Text).default([]).describe('Chỉ tiêu riêng của đơn vị, ngoài chỉ tiêu của cơ quan ban hành / The unit\'s own targets, beyond the issuer\'s'),
  ownTasks: z.array(Text).default([]).describe('Nhiệm vụ riêng của đơn vị, ngoài nhiệm vụ của cơ quan ban hành / The unit\'s own tasks, beyond the issuer\'s'),
  /** By default the shared entries (unitPlans.archive, or "VT") and the unit's abbreviation, as the drafting unit: "- Lưu: VT, KT.". */
  archive: Archive.optional().describe('Dòng "Lưu:" của kế hoạch đơn vị, ví dụ ["VT", "KT"] / The archive line of its plan, e.g. ["VT", "KT"]'),
  plan: z
    .strictObject({
      number: DocumentNumber.default(null).describe(NUMBER),
      date: DocumentDate.optional().describe('Ngày ban hành kế hoạch của đơn vị; mặc định cùng tháng, năm với kế hoạch phát động, để trống ngày / The date of the unit\'s plan; by default the launch plan\'s month and year, the day left blank'),
    })
    .default({ number: null })
    .describe('Số và ngày kế hoạch của đơn vị; mặc định là dự thảo, trong tháng của kế hoạch phát động / Number and date of the unit\'s plan; by default a draft, in the launch plan\'s month'),
  sample: z.boolean().default(false).describe('Dữ liệu minh họa, tự đặt (ví dụ các thôn mà văn bản gốc không nêu) / Made-up data (e.g. villages the source does not name)'),
});

/** An outline for generated documents, replacing the default one of templates/outlines/. */
export const GeneratedOutline = z.strictObject({
  summary: Text.optional().describe('Trích yếu của văn bản lập tự động, thay cho mẫu / The summary of the generated documents, instead of the default'),
  body: Outline.min(1)
    .optional()
    .describe('Nội dung văn bản, thay cho mẫu; có thể chứa khối lập tự động {generate: ...} / The body, instead of the default; generated blocks may stand in it'),
  closing: Closing.optional().describe(CLOSING),
  appendices: z.array(Appendix).optional().describe('Các phụ lục, thay cho mẫu / The appendices, instead of the default ones'),
});

/** What every unit plan shares. */
export const UnitPlans = z.strictObject({
  recipients: z.array(Recipient).min(1).describe('Nơi nhận chung của kế hoạch các đơn vị / The recipients every unit plan shares'),
  archive: Archive.describe('Dòng "Lưu:" chung; chữ viết tắt của đơn vị được thêm vào, ví dụ ["VT"] / The shared archive entries; the unit\'s abbreviation is added'),
  outline: GeneratedOutline.optional().describe('Mẫu riêng cho kế hoạch các đơn vị, thay cho templates/outlines/unit-plan.yaml / An outline for unit plans, instead of the default one'),
});

export const Campaign = z
  .strictObject({
    id: Id.describe('Mã đợt thi đua, chữ thường nối bằng gạch ngang, ví dụ "kien-minh-2025" / The campaign\'s id, a lower-case slug, e.g. "kien-minh-2025"'),
    name: Text.describe('Tên đợt, phong trào thi đua trong câu văn: "Đợt thi đua ... năm 2025" / The campaign\'s name in running text: "Đợt thi đua ... năm 2025"'),
    kind: z
      .enum(CAMPAIGN_KINDS)
      .default('phong-trao')
      .describe('Loại thi đua: dot: thi đua theo đợt; phong-trao: phong trào thi đua (mặc định); chuyen-de: thi đua theo chuyên đề / Kind of campaign'),
    kindName: Text.optional().describe('Tên gọi loại thi đua trong câu ("Đợt thi đua được triển khai ..."); mặc định theo loại / The word for the campaign in a sentence; from the kind by default'),
    issuer: Issuer.describe('Cơ quan ban hành Kế hoạch: tên, cấp, chữ viết tắt, địa danh / The issuing body: name, level, abbreviation, place'),
    plan: Plan.optional().describe('Kế hoạch phát động; bỏ trống khi đợt thi đua do cơ quan khác phát động và ở đây chỉ viết Báo cáo / The launch plan; absent when only reports are written'),
    units: z
      .array(Unit)
      .default([])
      .describe('Các đơn vị xây dựng kế hoạch riêng: phòng, ban, ngành, đoàn thể, thôn, tổ dân phố / The units that issue their own sub-plans'),
    unitPlans: UnitPlans.optional().describe('Phần chung của kế hoạch các đơn vị; mặc định gửi cơ quan ban hành (b/c) và lưu / What every unit plan shares; by default sent to the issuer (b/c)'),
    sample: z.boolean().default(false).describe('Dữ liệu minh họa, tự đặt / Made-up data, for illustration'),
  })
  .describe('Dữ liệu đợt, phong trào thi đua: cơ quan ban hành, Kế hoạch phát động và các đơn vị / An emulation campaign: its issuer, launch plan and units');

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
