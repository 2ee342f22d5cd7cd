/**
 * Reading what a clerk typed into a cell as they mean it: a number with a
 * decimal comma and thousands dots ("1.703,274"), a number typed as text, a
 * date as a date cell or as text ("10/12/2025"). Pure functions; each returns
 * the value, or the reason it cannot be read, in both languages.
 */
import { isRealDate } from '../format/date.js';

export type Read<T> = { value: T } | { vi: string; en: string };

/** A cell's value as plain text, or a number or date as it is; formulas give their result. */
export function plainValue(v: unknown): unknown {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string; formula?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o || o.formula) return plainValue(o.result);
    if (o.text !== undefined) return o.text;
  }
  return typeof v === 'string' ? v.normalize('NFC').trim() : v;
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/** A cell with nothing in it (or only spaces). */
export const isBlankCell = (v: unknown): boolean => isBlank(plainValue(v));

/**
 * A decimal in the data's canonical form ("1703.274"): a number cell, or text
 * written the Vietnamese way ("1.703,274", "97,5"), or with a dot as the
 * decimal point where no comma is ("97.5"; "1.703" with three digits after
 * each dot is a thousands form: 1703).
 */
export function readDecimal(v: unknown): Read<string> | undefined {
  const x = plainValue(v);
  if (isBlank(x)) return undefined;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) return { vi: 'không phải một số', en: 'not a number' };
    // Excel keeps 15 significant digits; their shortest form is what the clerk typed.
    return { value: String(Number(x.toPrecision(15))) };
  }
  if (typeof x !== 'string') return { vi: 'cần một số, ví dụ 1.703,274', en: 'needs a number, e.g. 1.703,274' };
  const s = x.replace(/\s/g, '');
  let canonical: string | undefined;
  if (/^-?[1-9]\d{0,2}(\.\d{3})*(,\d+)?$/.test(s) && (s.includes(',') || s.includes('.'))) {
    // Vietnamese: dots group thousands, a comma is the decimal point; "97.5" (not groups of three) is read below.
    canonical = /\.\d{3}(?!\d)/.test(s) || s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : undefined;
  }
  if (canonical === undefined && /^-?\d+(\.\d+)?$/.test(s)) canonical = s;
  if (canonical === undefined && /^-?\d+,\d+$/.test(s)) canonical = s.replace(',', '.');
  if (canonical === undefined) return { vi: `"${x}" không phải một số (ví dụ đúng: 1.703,274 hoặc 97,5)`, en: `"${x}" is not a number (write e.g. 1.703,274 or 97,5)` };
  return { value: canonical.replace(/^(-?)0+(?=\d)/, '$1') };
}

/** The serial numbers of 1/1/1945 and 31/12/2100, the years a document of the data may have. */
const SERIAL_1945 = 16_438;
const SERIAL_2100 = 73_415;

/** A date as ISO ("2025-12-10"): a date cell (or its serial number), or text "10/12/2025" (day first), "2025-12-10". */
export function readDate(v: unknown): Read<string> | undefined {
  const x = plainValue(v);
  if (isBlank(x)) return undefined;
  let parts: { year: number; month: number; day: number } | undefined;
  // A date cell that lost its date format shows its serial number (days since 30/12/1899): 45909 is 9/9/2025.
  const serial = typeof x === 'number' && Number.isInteger(x) && x >= SERIAL_1945 && x <= SERIAL_2100 ? new Date(Date.UTC(1899, 11, 30) + x * 86_400_000) : undefined;
  const date = x instanceof Date ? x : serial;
  if (date) parts = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  else if (typeof x === 'string') {
    const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(x);
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(x);
    if (vn) parts = { day: Number(vn[1]), month: Number(vn[2]), year: Number(vn[3]) };
    else if (iso) parts = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  }
  if (!parts) return { vi: `"${String(x)}" không phải một ngày (ví dụ đúng: 10/12/2025)`, en: `"${String(x)}" is not a date (write e.g. 10/12/2025)` };
  if (!isRealDate(parts)) return { vi: `ngày không có thật: ${String(x)}`, en: `an impossible date: ${String(x)}` };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { value: `${parts.year}-${pad(parts.month)}-${pad(parts.day)}` };
}

/** One line of text, or nothing for an empty cell; line breaks inside a cell become spaces. */
export function readText(v: unknown): string | undefined {
  const x = plainValue(v);
  if (isBlank(x)) return undefined;
  const s = x instanceof Date ? x.toISOString().slice(0, 10) : String(x);
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim() || undefined;
}
