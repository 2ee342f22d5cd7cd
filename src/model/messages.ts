/**
 * The wording of zod's validation issues, in Vietnamese and in English:
 * written here, not zod's own text, so that a clerk reads what is wrong and
 * how to write it.
 */
import type { z } from 'zod';
import { LIMITS } from './limits.js';
import { FIGURE_DIGITS, daysInMonth } from './text-schema.js';

/** Said of a YAML line left unquoted that has ": " in it (it reads as a key and its value). */
export const QUOTE_HINT = 'a text with ": " in it was read as a key and its value: put the whole text in quotes';

type Issue = z.core.$ZodIssue;

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true/false',
  object: 'đối tượng',
  array: 'danh sách',
  undefined: 'không có',
  null: 'null',
};

const CUSTOM_VI: Record<string, string> = {
  'must be a single line': 'phải nằm trên một dòng',
  'must be written in capitals': 'phải viết bằng chữ in hoa',
  'must be a plain decimal, e.g. 1703.274': 'phải là số thập phân viết thường, ví dụ 1703.274',
  'must not be zero (it divides)': 'không được bằng 0 (là số chia)',
  [QUOTE_HINT]: 'đoạn văn có dấu hai chấm (": ") bị đọc thành tên trường và giá trị: hãy đặt cả đoạn trong dấu ngoặc kép',
  'needs a label before its value or a short name': 'cần có phần chữ trước giá trị (label) hoặc tên ngắn (name)',
  'must be one entry such as "VT" or "NV (02b)", without "," ";" or a final "."': 'mỗi mục một ký hiệu, ví dụ "VT" hoặc "NV (02b)", không có dấu ",", ";" hay dấu "." ở cuối',
  'must be a single line without surrounding spaces': 'phải nằm trên một dòng, không có khoảng trắng ở đầu hoặc cuối',
  'needs at least one row': 'cần ít nhất một hàng',
  [FIGURE_DIGITS]: `có nhiều nhất ${LIMITS.integerDigits} chữ số trước dấu thập phân và ${LIMITS.fractionDigits} chữ số sau`,
  'must be "launch", a date such as "2025-10-01", a month such as "2025-10", or {event: ...}':
    'phải là "launch", một ngày (ví dụ "2025-10-01"), một tháng (ví dụ "2025-10") hoặc {event: ...}',
};

const TYPE_EN: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a group of fields',
  array: 'a list',
  null: 'null',
};

/** The data's own kind of value, as a clerk would name it. */
function kindEn(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a group of fields';
  if (typeof input === 'string') return `the text ${JSON.stringify(input)}`;
  return `${typeof input === 'number' ? 'the number' : 'the value'} ${String(input)}`;
}

/** "2025-02-30": the form of a date, but no day of the calendar. */
const DATE_FORM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a date of the right form is no date: its month, or its day past the month's end. */
function impossibleDate(input: unknown): { vi: string; en: string } | undefined {
  const m = typeof input === 'string' ? DATE_FORM.exec(input.trim()) : null;
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return { vi: `ngày không có thật: không có tháng ${month}`, en: `an impossible date: there is no month ${month}` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { vi: `ngày không có thật: tháng ${month}/${year} có ${last} ngày`, en: `an impossible date: ${month}/${year} has ${last} days` };
  }
  return undefined;
}

/** English of an issue: our own message where the schema gives one, else written from the issue. */
export function issueMessageEn(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'a required field is missing'
        : `wrong kind of value: needs ${TYPE_EN[issue.expected] ?? issue.expected}, not ${kindEn(issue.input)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`
        : issue.origin === 'string'
          ? 'must not be empty'
          : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' ? `at most ${issue.maximum} entries` : `must be at most ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'date') return impossibleDate(issue.input)?.en ?? 'not a date: write it as YYYY-MM-DD, e.g. "2025-09-09"';
      return issue.message.startsWith('Invalid') ? 'wrong form' : issue.message;
    case 'invalid_value':
      return `not an allowed value: use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return issue.message === 'Invalid input' ? 'matches none of the accepted forms of this field' : issue.message;
    case 'not_multiple_of':
      return 'must be a whole number';
    default:
      return /^Invalid /.test(issue.message) ? 'not a valid value' : issue.message;
  }
}

export function issueMessageVi(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'thiếu trường bắt buộc'
        : `sai kiểu dữ liệu: cần ${TYPE_VI[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `cần ít nhất ${issue.minimum} mục`
        : issue.origin === 'string'
          ? 'không được để trống'
          : `phải lớn hơn hoặc bằng ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' ? `nhiều nhất ${issue.maximum} mục` : `phải nhỏ hơn hoặc bằng ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'date') return impossibleDate(issue.input)?.vi ?? 'không phải một ngày: cần viết dạng YYYY-MM-DD, ví dụ "2025-09-09"';
      return regexMessageVi(issue.message) ?? 'sai định dạng';
    case 'invalid_value':
      return `giá trị không hợp lệ: cần một trong ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return CUSTOM_VI[issue.message] ?? 'không khớp dạng dữ liệu nào được chấp nhận';
    case 'not_multiple_of':
      return 'phải là số nguyên';
    default:
      // A rule that words its own Vietnamese passes it in its params.
      if (issue.code === 'custom' && typeof issue.params?.vi === 'string') return issue.params.vi;
      return CUSTOM_VI[issue.message] ?? regexMessageVi(issue.message) ?? 'giá trị không hợp lệ';
  }
}

function regexMessageVi(message: string): string | undefined {
  const m = /^must be (?:a|an) (.+?) such as (".*")/.exec(message);
  return m ? `sai định dạng, ví dụ đúng: ${m[2]}` : undefined;
}
