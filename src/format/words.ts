/**
 * Numbers in Vietnamese words, for "Bằng chữ: ..." after money figures, with
 * read-vietnamese-number set to the administrative usage: "linh" (not "lẻ"),
 * "tỷ" (not "tỉ"), "phẩy" (not "chấm"), and no unit of its own.
 */
import { ReadingConfig, doReadNumber } from 'read-vietnamese-number';
import { toCanonical, toFixed, type Fixed } from './decimal.js';

const config = new ReadingConfig();
config.unit = [];
config.pointText = 'phẩy';
config.oddText = 'linh';
config.units = [[], ['nghìn'], ['triệu'], ['tỷ']];

/** "một nghìn bảy trăm mười hai phẩy năm"; trailing zeros of the decimals are not read. */
export function numberInWords(value: Fixed | number | string): string {
  const f = typeof value === 'object' ? value : toFixed(value);
  return doReadNumber(toCanonical(f), config);
}

/** "Bằng chữ: Một nghìn bảy trăm mười hai phẩy năm tỷ đồng." */
export function inWordsLine(value: Fixed | number | string, unit: string): string {
  const words = `${numberInWords(value)} ${unit}`;
  return `Bằng chữ: ${words.charAt(0).toLocaleUpperCase('vi')}${words.slice(1)}.`;
}
