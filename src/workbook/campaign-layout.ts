/**
 * The campaign workbook (`thidua excel`): its sheets, their columns, the
 * fields of "Thông tin chung" and the kinds of row of "Nội dung". The writer
 * and the reader both follow this, so that a cell named in a problem is the
 * cell written and a round trip gives back the campaign.
 */
import { DOCUMENT_TYPES } from '../format/labels.js';
import { Campaign } from '../model/schema.js';
import { describeAt } from '../model/suggest.js';
import {
  authorities, choice, choiceOf, commaList, documentDate, documentNumber, integer, isoDate, lines, numberList, target, text, textOrNull, yesNo, yaml, type Codec,
} from './codecs.js';
import type { Column, SheetColumn } from './row-fields.js';

export const CAMPAIGN_SHEETS = {
  general: 'Thông tin chung',
  outline: 'Nội dung',
  indicators: 'Chỉ tiêu',
  citations: 'Văn bản dẫn',
  units: 'Đơn vị',
  assignments: 'Phân công',
  recipients: 'Nơi nhận',
} as const;

export const HEADER_ROW = 1;
export const REST = 'Khác';
const REST_NOTE = 'Những trường không có cột riêng, viết theo YAML trên một dòng, ví dụ {bold: true}; để trống nếu không có.';

/** The description of a field in the schema, for the note on its column. */
const about = (path: (string | number)[]): string => describeAt(Campaign, path) ?? '';

// ---------------------------------------------------------------- names of choices

export const LEVEL_NAMES: Record<string, string> = {
  xa: 'xã', phuong: 'phường', 'dac-khu': 'đặc khu', 'thi-tran': 'thị trấn', huyen: 'huyện', quan: 'quận', 'thi-xa': 'thị xã',
  'thanh-pho-thuoc-tinh': 'thành phố thuộc tỉnh', tinh: 'tỉnh', 'thanh-pho': 'thành phố trực thuộc trung ương',
};
const ISSUER_KIND_NAMES = {
  'people-committee': 'Ủy ban nhân dân', department: 'phòng hoặc sở', agency: 'cơ quan', 'mass-organisation': 'đoàn thể', council: 'hội đồng', other: 'khác',
};
const PROFILE_NAMES = { state: 'Nghị định 30', party: 'Đảng', 'youth-union': 'Đoàn Thanh niên', 'farmers-union': 'Hội Nông dân' };
const CAMPAIGN_KIND_NAMES = { dot: 'thi đua theo đợt', 'phong-trao': 'phong trào thi đua', 'chuyen-de': 'thi đua theo chuyên đề' };
const NUMBERING_NAMES = {
  roman: 'I. II. III.', arabic: '1. 2. 3.', decimal: '1.1. 1.2.', letter: 'a) b) c)', dash: '- (gạch đầu dòng)', plus: '+ (dấu cộng)', none: 'không đánh số',
};
export const UNIT_KIND_NAMES = {
  department: 'phòng ban', force: 'lực lượng', 'health-station': 'trạm y tế', school: 'trường học', front: 'Mặt trận Tổ quốc',
  'youth-union': 'Đoàn Thanh niên', 'womens-union': 'Hội Phụ nữ', 'farmers-union': 'Hội Nông dân', 'veterans-association': 'Hội Cựu chiến binh',
  'mass-organisation': 'đoàn thể khác', village: 'thôn', 'residential-group': 'tổ dân phố', commune: 'xã phường', agency: 'cơ quan',
  enterprise: 'doanh nghiệp', other: 'khác',
};
const ITEM_KIND_NAMES = { money: 'giá trị tiền', count: 'số lượng', percent: 'tỷ lệ %', quota: 'hoàn thành chỉ tiêu giao', completion: 'hoàn thành việc' };
export const COMPONENT_KIND = 'thành phần';
const SEPARATOR_NAMES = { ': ': 'dấu hai chấm', ' ': 'dấu cách' };
const BOUND_NAMES = { exact: 'đúng bằng', atLeast: 'tối thiểu', atMost: 'tối đa' };
export const ROLE_NAMES = { leads: 'chủ trì', supports: 'phối hợp' } as const;
export const ASSIGNED_NAMES = { indicators: 'chỉ tiêu', tasks: 'nhiệm vụ' } as const;

// ---------------------------------------------------------------- Thông tin chung

export interface Field {
  path: string;
  label: string;
  codec: Codec;
}

const field = (path: string, label: string, codec: Codec = text): Field => ({ path, label, codec });

/** The closing paragraph: "Trên đây là <subject>, <request>./.", or its text as printed. */
const closingFields = (path: string, of: string): Field[] => [
  field(`${path}.subject`, `${of}: đoạn kết "Trên đây là ..."`),
  field(`${path}.request`, `${of}: đoạn kết, phần đề nghị`),
  field(`${path}.text`, `${of}: đoạn kết như in`),
];

/** One row each, in this order; "(khác)" holds, as YAML, what none of them does. */
export const GENERAL_FIELDS: Field[] = [
  field('id', 'Mã đợt thi đua'),
  field('name', 'Tên đợt thi đua (trong câu văn)'),
  field('kind', 'Loại thi đua', choice(CAMPAIGN_KIND_NAMES)),
  field('kindName', 'Tên gọi loại thi đua trong câu'),
  field('sample', 'Dữ liệu minh họa', yesNo),
  field('issuer.level', 'Cấp hành chính', choice(LEVEL_NAMES)),
  field('issuer.kind', 'Loại cơ quan ban hành', choice(ISSUER_KIND_NAMES)),
  field('issuer.profile', 'Thể thức văn bản', choice(PROFILE_NAMES)),
  field('issuer.parent', 'Cơ quan chủ quản (mỗi dòng in một dòng)', lines),
  field('issuer.lines', 'Tên cơ quan ban hành (mỗi dòng in một dòng)', lines),
  field('issuer.abbreviation', 'Chữ viết tắt trong ký hiệu'),
  field('issuer.place', 'Địa danh ở dòng ngày tháng'),
  field('issuer.name', 'Tên cơ quan trong câu văn'),
  field('issuer.words.level', 'Từ chỉ cấp ("xã", "phường")'),
  field('issuer.words.subdivisions', 'Các đơn vị trên địa bàn ("các thôn")'),
  field('issuer.words.bodies', 'Các cơ quan, đơn vị của cơ quan ban hành'),
  field('issuer.words.head', 'Người đứng đầu, trong câu văn'),
  field('issuer.words.party', 'Cấp ủy Đảng cùng cấp'),
  field('issuer.nationalName', 'Quốc hiệu', choiceOf(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'])),
  field('issuer.motto', 'Tiêu ngữ', choiceOf(['Độc lập - Tự do - Hạnh phúc', 'Độc lập – Tự do – Hạnh phúc'])),
  field('plan.type', 'Kế hoạch: loại văn bản', choice(DOCUMENT_TYPES)),
  field('plan.number', 'Kế hoạch: số (để trống khi dự thảo)', documentNumber),
  field('plan.date', 'Kế hoạch: ngày ban hành (…/9/2025 khi chưa có ngày)', documentDate),
  field('plan.summary', 'Kế hoạch: trích yếu'),
  field('plan.subject', 'Kế hoạch: trích yếu trong câu văn'),
  field('plan.addressees', 'Kế hoạch: Kính gửi (mỗi nơi một dòng)', lines),
  field('plan.numbering', 'Kế hoạch: đánh số mục cấp 1', choice(NUMBERING_NAMES)),
  ...closingFields('plan.closing', 'Kế hoạch'),
  field('plan.archive', 'Kế hoạch: Lưu (cách nhau bởi dấu phẩy)', commaList),
  field('plan.signer.authorities', 'Kế hoạch: thẩm quyền ký (TM., KT., mỗi dòng một)', authorities),
  field('plan.signer.position', 'Kế hoạch: chức vụ người ký'),
  field('plan.signer.name', 'Kế hoạch: họ tên người ký (để trống khi chờ ký)', textOrNull),
  field('unitPlans.archive', 'Kế hoạch đơn vị: Lưu chung', commaList),
  field('unitPlans.outline.summary', 'Kế hoạch đơn vị: trích yếu (thay mẫu)'),
  ...closingFields('unitPlans.outline.closing', 'Kế hoạch đơn vị'),
];
export const GENERAL_REST = '(khác)';
export const GENERAL_COLUMNS = { label: 'A', value: 'B', path: 'C' } as const;
export const generalNote = (f: Field): string => about(f.path.split('.'));

// ---------------------------------------------------------------- Nội dung

/** Which outline a row belongs to: the plan's body, an appendix, the unit plans' own outline. */
export const PARTS = { plan: 'Kế hoạch', unitPlans: 'Kế hoạch đơn vị' } as const;
export const APPENDIX_PART = ' - Phụ lục ';

export const OUTLINE_COLUMNS = ['part', 'depth', 'kind', 'inItems', 'label', 'id', 'text', 'block', 'lead', 'units', 'numbering', 'rest'] as const;
export type OutlineColumn = (typeof OUTLINE_COLUMNS)[number];
/** The letter of a column from 1 (A); no sheet of the workbook has more than 26. */
export const columnLetter = (column: number): string => String.fromCharCode(64 + column);
export const outlineLetter = (c: OutlineColumn): string => columnLetter(1 + OUTLINE_COLUMNS.indexOf(c));
export const IN_ITEMS = 'x';

/** The node fields every kind of row has a column for; the text column's field is the kind's. */
export const NODE_COLUMNS: Partial<Record<OutlineColumn, { key: string; codec: Codec }>> = {
  label: { key: 'label', codec: text },
  id: { key: 'id', codec: text },
  lead: { key: 'lead', codec: text },
  units: { key: 'units', codec: commaList },
  numbering: { key: 'numbering', codec: choice(NUMBERING_NAMES) },
};

export interface NodeKind {
  name: string;
  /** The key that tells a node of this kind; none for a paragraph of plain text. */
  key?: string;
  /** The field shown in "Nội dung"; "" for the whole node (a plain paragraph). */
  text?: string;
  /** Lists of nodes under it, in rows below it one level down; `items` rows are marked "x". */
  children?: string[];
  /** A list held on a sheet of its own, in the block the row's "Khối" names. */
  block?: { path: string; sheet: string };
}

export const NODE_KINDS: NodeKind[] = [
  { name: 'đoạn văn', text: '' },
  { name: 'đoạn định dạng', key: 'paragraph', text: 'paragraph' },
  { name: 'mục', key: 'section', text: 'section', children: ['body', 'items'] },
  { name: 'ý', key: 'item', text: 'item', children: ['body', 'items'] },
  { name: 'căn cứ', key: 'basis', text: 'basis.then', block: { path: 'basis.documents', sheet: CAMPAIGN_SHEETS.citations } },
  { name: 'chỉ tiêu', key: 'indicators', block: { path: 'indicators', sheet: CAMPAIGN_SHEETS.indicators } },
  { name: 'nhiệm vụ', key: 'tasks', children: ['tasks'] },
  { name: 'thời gian', key: 'timeline', text: 'timeline.sentence' },
  { name: 'báo cáo', key: 'reporting', text: 'reporting.sentence' },
  { name: 'khen thưởng', key: 'commendation', children: ['commendation'] },
  { name: 'tổ chức thực hiện', key: 'organisation', children: ['organisation'] },
  { name: 'bảng', key: 'table', children: ['table.rows'] },
  { name: 'tự lập', key: 'generate', text: 'generate' },
];
/** A row of a table, its cells as YAML: ["1", "Thu ngân sách", {text: "x", colSpan: 2}]. */
export const TABLE_ROW = 'dòng bảng';
/** The row that opens an appendix: its label, its title lines, the rest. */
export const APPENDIX_ROW = 'phụ lục';
export const KIND_CHOICES = [...NODE_KINDS.map((k) => k.name), TABLE_ROW, APPENDIX_ROW];

export const outlineHeader: Record<OutlineColumn, { header: string; width: number; note: string }> = {
  part: { header: 'Phần', width: 16, note: `"${PARTS.plan}": nội dung kế hoạch; "${PARTS.plan}${APPENDIX_PART}1": phụ lục 1; "${PARTS.unitPlans}": mẫu riêng cho kế hoạch các đơn vị.` },
  depth: { header: 'Cấp', width: 6, note: 'Cấp của dòng: 1 là mục lớn; dòng cấp 2 bên dưới thuộc dòng cấp 1 ở trên nó.' },
  kind: { header: 'Loại', width: 16, note: `Chọn trong danh sách: ${KIND_CHOICES.join('; ')}.` },
  inItems: { header: 'Ý đánh số', width: 8, note: `"${IN_ITEMS}": dòng là một ý đánh số (a), -, +) của mục ở trên; để trống: đoạn văn hoặc mục con của nội dung mục ở trên.` },
  label: { header: 'Số in', width: 8, note: 'Số thứ tự in như văn bản gốc ("5.1.", "Bước 1:"); để trống để đánh số tự động.' },
  id: { header: 'Mã', width: 18, note: 'Mã của mục (chữ thường, gạch nối) để giao nhiệm vụ cho đơn vị, ví dụ "tang-truong-kinh-te".' },
  text: { header: 'Nội dung', width: 80, note: 'Tiêu đề mục hoặc nội dung đoạn, ý; dòng "căn cứ": phần câu sau các văn bản dẫn; dòng "dòng bảng": các ô theo YAML.' },
  block: { header: 'Khối', width: 6, note: `Dòng "căn cứ": số khối ở trang ${CAMPAIGN_SHEETS.citations}; dòng "chỉ tiêu": số khối ở trang ${CAMPAIGN_SHEETS.indicators}.` },
  lead: { header: 'Tiêu đề liền dòng', width: 20, note: 'In trước nội dung, ví dụ "Đối tượng thi đua:".' },
  units: { header: 'Đơn vị', width: 18, note: 'Mã các đơn vị mà điều khoản giao cho, cách nhau bởi dấu phẩy.' },
  numbering: { header: 'Đánh số con', width: 12, note: 'Cách đánh số các dòng con; để trống là theo cấp.' },
  rest: { header: REST, width: 40, note: REST_NOTE },
};

// ---------------------------------------------------------------- Chỉ tiêu

/** An indicator's fields, on the first row of its items. */
export const INDICATOR_FIELDS: Column[] = [
  { key: 'id', header: 'Mã chỉ tiêu', width: 16, note: about(['plan', 'body', 0, 'indicators', 0, 'id']), codec: text },
  { key: 'code', header: 'Số TT', width: 6, note: 'Số in trong ngoặc: (1), (2); để trống để đánh số tự động.', codec: integer },
  { key: 'lead', header: 'Mở đầu', width: 16, note: about(['plan', 'body', 0, 'indicators', 0, 'lead']), codec: text },
];
const ITEM = ['plan', 'body', 0, 'indicators', 0, 'items', 0];
/** An item's fields, and a component's (its label, separator and target). */
export const ITEM_FIELDS: Column[] = [
  { key: 'id', header: 'Mã mục', width: 18, note: 'Mã của chỉ tiêu thành phần, dùng khi giao và ghi kết quả.', codec: text },
  { key: 'kind', header: 'Loại', width: 14, note: `Chọn: ${[...Object.values(ITEM_KIND_NAMES), COMPONENT_KIND].join('; ')} (phần cộng vào mục ở trên).`, codec: choice(ITEM_KIND_NAMES) },
  { key: 'label', header: 'Chữ trước', width: 40, note: about([...ITEM, 'label']), codec: text },
  { key: 'separator', header: 'Nối', width: 10, note: about([...ITEM, 'separator']), codec: choice(SEPARATOR_NAMES) },
  { key: 'target', header: 'Chỉ tiêu', width: 14, note: 'Một số (97,5), cặp trong đợt/cả năm (833,509/1.703,274) hoặc khoảng (từ 90 đến 95); mục "hoàn thành chỉ tiêu giao": tỷ lệ %.', codec: target },
  { key: 'unit', header: 'Đơn vị tính', width: 12, note: about([...ITEM, 'unit']), codec: text },
  { key: 'after', header: 'Chữ sau', width: 30, note: about([...ITEM, 'after']), codec: text },
  { key: 'name', header: 'Tên ngắn', width: 20, note: about([...ITEM, 'name']), codec: text },
  { key: 'bound', header: 'Mức', width: 10, note: about([...ITEM, 'bound']), codec: choice(BOUND_NAMES) },
];
/** "Khối": which block of "Nội dung" a row belongs to. */
export const BLOCK_COLUMN = { header: 'Khối', width: 6, note: 'Số khối: số ghi ở cột Khối của dòng "chỉ tiêu" hoặc "căn cứ" trong trang Nội dung.' };
export const ITEM_REST = { header: `${REST} (mục)`, width: 30, note: REST_NOTE };
export const INDICATOR_REST = { header: `${REST} (chỉ tiêu)`, width: 24, note: REST_NOTE };

// ---------------------------------------------------------------- Văn bản dẫn

const CITED = ['plan', 'body', 0, 'basis', 'documents', 0];
const citedColumn = (key: string, header: string, width: number, codec: Codec = text): Column => ({ key, header, width, codec, note: about([...CITED, key]) });
/** A cited document a row: "Kế hoạch số 232/KH-UBND ngày 09/9/2025 của ... phát động ...". */
export const CITATION_FIELDS: Column[] = [
  citedColumn('type', 'Loại văn bản', 14),
  citedColumn('name', 'Tên', 20),
  citedColumn('reference', 'Số, ký hiệu', 16),
  citedColumn('date', 'Ngày ban hành', 12, isoDate),
  citedColumn('issuer', 'Cơ quan ban hành', 30),
  citedColumn('title', 'Trích yếu', 70),
];

// ---------------------------------------------------------------- Đơn vị, Phân công, Nơi nhận

const UNIT = ['units', 0];
const unitColumn = (key: string, header: string, width: number, codec: Codec = text): Column => ({ key, header, width, codec, note: about([...UNIT, ...key.split('.')]) });
export const UNIT_FIELDS: Column[] = [
  unitColumn('id', 'Mã đơn vị', 18),
  unitColumn('name', 'Tên đơn vị', 28),
  unitColumn('kind', 'Loại', 16, choice(UNIT_KIND_NAMES)),
  unitColumn('profile', 'Thể thức', 14, choice(PROFILE_NAMES)),
  unitColumn('abbreviation', 'Viết tắt', 10),
  unitColumn('header.parent', 'Cơ quan chủ quản', 24, lines),
  unitColumn('header.lines', 'Tên in ở góc trái', 24, lines),
  unitColumn('signer.authorities', 'Thẩm quyền ký', 20, authorities),
  unitColumn('signer.position', 'Chức vụ người ký', 18),
  unitColumn('signer.name', 'Họ tên người ký', 20, textOrNull),
  unitColumn('plan.number', 'Số kế hoạch', 10, documentNumber),
  unitColumn('plan.date', 'Ngày kế hoạch', 12, documentDate),
  unitColumn('audience', 'Người thực hiện', 24),
  unitColumn('head', 'Người phụ trách', 20),
  unitColumn('field', 'Lĩnh vực', 24),
  unitColumn('duty', 'Thi đua phục vụ', 24),
  unitColumn('members', 'Thành viên nhận kế hoạch', 24, lines),
  unitColumn('ownTargets', 'Chỉ tiêu riêng', 30, lines),
  unitColumn('ownTasks', 'Nhiệm vụ riêng', 30, lines),
  unitColumn('archive', 'Lưu', 10, commaList),
  unitColumn('sample', 'Minh họa', 8, yesNo),
];
/** Held on "Phân công" and "Nơi nhận". */
export const UNIT_ELSEWHERE = ['leads', 'supports', 'reportsTo'];

/** The reader's columns; H names what the id is, for reading only. */
export const ASSIGNMENT_COLUMNS = { unit: 'A', role: 'B', assigned: 'C', id: 'D', items: 'E', sentences: 'F', text: 'G' } as const;
export const ASSIGNMENT_HEADER: { header: string; width: number; note: string }[] = [
  { header: 'Mã đơn vị', width: 18, note: 'Mã đơn vị ở trang Đơn vị.' },
  { header: 'Vai trò', width: 10, note: 'chủ trì hoặc phối hợp.' },
  { header: 'Giao', width: 10, note: 'chỉ tiêu hoặc nhiệm vụ.' },
  { header: 'Mã', width: 22, note: 'Mã chỉ tiêu (hoặc mã mục) ở trang Chỉ tiêu, hoặc mã nhiệm vụ ở trang Nội dung.' },
  { header: 'Các ý', width: 10, note: about([...UNIT, 'leads', 'tasks', 0, 'items']) },
  { header: 'Các câu', width: 10, note: about([...UNIT, 'leads', 'tasks', 0, 'sentences']) },
  { header: 'Lời riêng', width: 40, note: about([...UNIT, 'leads', 'tasks', 0, 'text']) },
  { header: 'Tên (để đọc)', width: 40, note: 'Tên chỉ tiêu, nhiệm vụ để tiện đọc; không cần sửa, không được đọc lại.' },
];
export const ASSIGNMENT_CODECS = { items: numberList, sentences: numberList, text: lines };

/** "Của": whose recipients a row is. */
export const RECIPIENT_OWNERS = { plan: 'Kế hoạch', unitPlans: 'Kế hoạch đơn vị' } as const;
export const RECIPIENT_OWNER_COLUMN = {
  header: 'Của',
  width: 18,
  note: `"${RECIPIENT_OWNERS.plan}": nơi nhận kế hoạch; "${RECIPIENT_OWNERS.unitPlans}": nơi nhận chung của kế hoạch các đơn vị; mã một đơn vị: cấp trên riêng mà kế hoạch của đơn vị đó báo cáo.`,
};
const RECIPIENT = ['plan', 'recipients', 0];
export const RECIPIENT_FIELDS: Column[] = [
  { key: 'name', header: 'Nơi nhận', width: 40, note: about([...RECIPIENT, 'name']), codec: text },
  { key: 'note', header: 'Ghi chú', width: 12, note: about([...RECIPIENT, 'note']), codec: text },
  { key: 'unit', header: 'Mã đơn vị', width: 18, note: about([...RECIPIENT, 'unit']), codec: text },
];
export const REST_COLUMN = { header: REST, width: 30, note: REST_NOTE, codec: yaml };

// ---------------------------------------------------------------- every sheet's columns

export const GENERAL_HEADER: SheetColumn[] = [
  { header: 'Mục', width: 46, note: 'Tên trường.' },
  { header: 'Giá trị', width: 90, note: 'Ghi hoặc sửa ở cột này.' },
  { header: 'Trường', width: 30, note: 'Tên trường trong dữ liệu (không sửa).' },
];

/** Where the fields with no cell of their own are, by their path. */
export const SHEET_OF: Record<string, string> = {
  plan: CAMPAIGN_SHEETS.general,
  unitPlans: CAMPAIGN_SHEETS.general,
  issuer: CAMPAIGN_SHEETS.general,
  'plan.body': CAMPAIGN_SHEETS.outline,
  'plan.appendices': CAMPAIGN_SHEETS.outline,
  'plan.recipients': CAMPAIGN_SHEETS.recipients,
  'unitPlans.recipients': CAMPAIGN_SHEETS.recipients,
  units: CAMPAIGN_SHEETS.units,
};

/** The columns of each sheet, in order: the writer writes these headers, the reader checks them. */
export const SHEET_COLUMNS: Record<keyof typeof CAMPAIGN_SHEETS, SheetColumn[]> = {
  general: GENERAL_HEADER,
  outline: OUTLINE_COLUMNS.map((c) => outlineHeader[c]),
  indicators: [BLOCK_COLUMN, ...INDICATOR_FIELDS, ...ITEM_FIELDS, ITEM_REST, INDICATOR_REST],
  citations: [BLOCK_COLUMN, ...CITATION_FIELDS, REST_COLUMN],
  units: [...UNIT_FIELDS, REST_COLUMN],
  assignments: ASSIGNMENT_HEADER,
  recipients: [RECIPIENT_OWNER_COLUMN, ...RECIPIENT_FIELDS, REST_COLUMN],
};
export const headersOf = (sheet: keyof typeof CAMPAIGN_SHEETS): string[] => SHEET_COLUMNS[sheet].map((c) => c.header);
