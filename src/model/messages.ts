/**
 * Vietnamese wording of zod's validation issues, next to zod's English.
 */
import type { z } from 'zod';
import { LIMITS } from './limits.js';
import { FIGURE_DIGITS } from './text-schema.js';

/** Said of a YAML line left unquoted that has ": " in it (it reads as a key and its value). */
export const QUOTE_HINT = 'a text with ": " in it was read as a key and its value: put the whole text in quotes';

type Issue = z.core.$ZodIssue;

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
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
      if (issue.format === 'date') return 'ngày không hợp lệ: cần dạng YYYY-MM-DD';
      return regexMessageVi(issue.message) ?? 'sai định dạng';
    case 'invalid_value':
      return `giá trị không hợp lệ: cần một trong ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return CUSTOM_VI[issue.message] ?? 'không khớp dạng dữ liệu nào được chấp nhận';
    case 'not_multiple_of':
      return 'phải là số nguyên';
    default:
      return CUSTOM_VI[issue.message] ?? regexMessageVi(issue.message) ?? 'giá trị không hợp lệ';
  }
}

function regexMessageVi(message: string): string | undefined {
  const m = /^must be (?:a|an) (.+?) such as (".*")/.exec(message);
  return m ? `sai định dạng, ví dụ đúng: ${m[2]}` : undefined;
}
