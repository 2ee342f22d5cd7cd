/**
 * yargs's own words (help headings, usage errors, "did you mean"), in
 * Vietnamese and English, as the rest of the command line speaks.
 */
const plural = (text: string) => ({ one: text, other: text });

/** yargs takes a plural as {one, other}, though its types say strings only. */
export const YARGS_STRINGS: Record<string, string> = {
  'Commands:': 'Lệnh / Commands:',
  'Options:': 'Tùy chọn / Options:',
  'Examples:': 'Ví dụ / Examples:',
  'Positionals:': 'Tham số / Positionals:',
  boolean: 'có/không',
  count: 'số lần',
  string: 'chữ',
  number: 'số',
  array: 'danh sách',
  required: 'bắt buộc / required',
  default: 'mặc định',
  'default:': 'mặc định / default:',
  'choices:': 'chọn / choices:',
  'aliases:': 'tên khác / aliases:',
  command: 'lệnh',
  'Show help': 'Xem hướng dẫn / Show help',
  'Show version number': 'Xem số phiên bản / Show version number',
  'Did you mean %s?': 'Có phải là lệnh / did you mean: %s?',
  // Each %s once: yargs fills them in order, so a message names its values between both languages.
  'Not enough non-option arguments: got %s, need at least %s': plural(
    'thiếu tham số / not enough arguments: có / got %s, cần ít nhất / need at least %s',
  ),
  'Too many non-option arguments: got %s, maximum of %s': plural(
    'thừa tham số / too many arguments: có / got %s, nhiều nhất / at most %s',
  ),
  'Missing argument value: %s': plural('tùy chọn thiếu giá trị / an option lacks its value: %s'),
  'Missing required argument: %s': plural('thiếu tham số bắt buộc / a required argument is missing: %s'),
  'Unknown argument: %s': plural('tùy chọn không có / unknown option: %s'),
  'Unknown command: %s': plural('lệnh không có / unknown command: %s'),
  'Invalid values:': 'Giá trị không hợp lệ / Invalid values:',
  'Argument: %s, Given: %s, Choices: %s': 'Tùy chọn / option: %s; đã cho / given: %s; chọn một trong / choose one of: %s',
} as Record<string, string | { one: string; other: string }> as Record<string, string>;
