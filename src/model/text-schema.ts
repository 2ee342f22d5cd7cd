/**
 * The text and value types every part of the model shares: one-line texts,
 * capitals, ids, symbols, dates and decimals as written in the data.
 */
import { z } from 'zod';
import { LIMITS } from './limits.js';

/** Any user text: one line, non-empty; spaces or a line break pasted at its ends are dropped, the text inside stays as typed. */
export const Text = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line' });

/** Lines printed in capitals (issuer names, signer titles). */
export const CapsLine = Text.refine((s) => s === s.toLocaleUpperCase('vi'), {
  message: 'must be written in capitals',
});

export const Id = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug such as "kien-minh-2025"');

/** An issuer's part of a document symbol, in its official case: "UBND", "VHXH", "PTNMT", "HĐTĐKT". */
export const Abbreviation = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-zĐđ]+(-[0-9A-Za-zĐđ]+)*$/, 'must be letters and digits such as "UBND" (parts joined by "-")');

/**
 * The number and symbol of a cited document as printed after "số", in its
 * official case: "232/KH-UBND", "2437/QĐ-TTg", "41-CT/TW", "98/2023/NĐ-CP", "30c/NQ-CP".
 */
export const Reference = z
  .string()
  .trim()
  .regex(/^\d+[a-z]?([-/][0-9A-Za-zĐđ]+)+$/, 'must be a number and symbol such as "232/KH-UBND" or "41-CT/TW"');

/** ISO calendar date, e.g. "2025-09-09". */
export const IsoDate = z.string().trim().pipe(z.iso.date());

/** A month, e.g. "2025-10": a time given to the month ("tháng 10/2025"). */
export const IsoMonth = z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as "2025-10"');

export const FIGURE_DIGITS = `must have at most ${LIMITS.integerDigits} digits before the decimal point and ${LIMITS.fractionDigits} after`;

/** Whether a canonical decimal ("-1703.274") has no more digits than a figure may. */
function withinDigits(canonical: string): boolean {
  const [int, frac = ''] = canonical.replace(/^-/, '').split('.');
  return int.length <= LIMITS.integerDigits && frac.length <= LIMITS.fractionDigits;
}

/**
 * A decimal as written in the data: a number, or a string in canonical form
 * ("97.0") when the printed precision matters. Vietnamese formatting
 * (decimal comma, thousands dot) is applied at print time.
 */
export const Decimal = z
  .union([
    z
      .number()
      .finite()
      // Exponent forms (1e21, 1e-7) are no figures of a plan and cannot be printed as written.
      .refine((n) => !/e/i.test(String(n)), { message: 'must be a plain decimal, e.g. 1703.274' }),
    z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal such as "97.0" (dot as decimal point)'),
  ])
  .refine((v) => withinDigits(String(v)), { message: FIGURE_DIGITS });

/**
 * A document's own number: an integer (printed with at least two digits,
 * "05"), a string of digits printed as the issuer prints it ("0124"), or
 * null for a draft not yet registered.
 */
export const DocumentNumber = z
  .union([z.number().int().positive(), z.string().regex(/^\d{2,}$/, 'must be digits as printed, at least two ("05", "0124")')])
  .nullable();

/** The last day of a month: 28, 29, 30 or 31. */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The date of a document; the day may be left blank in a draft. */
export const DocumentDate = z.strictObject({
  year: z.number().int().min(1945).max(2100).describe('Năm ban hành, ví dụ 2025 / Year of issue, e.g. 2025'),
  month: z.number().int().min(1).max(12).describe('Tháng ban hành (1–12) / Month of issue (1–12)'),
  day: z
    .number()
    .int()
    .min(1)
    .max(31)
    .nullable()
    .default(null)
    .describe('Ngày ban hành (1–31); để null khi dự thảo chưa ghi ngày / Day of issue (1–31); null while a draft has no day yet'),
})
  // A day past its month's end is no date of the calendar ("30/2/2025").
  .superRefine((d, ctx) => {
    const last = daysInMonth(d.year, d.month);
    if (d.day === null || d.day <= last) return;
    ctx.addIssue({
      code: 'custom',
      path: ['day'],
      message: `an impossible date: ${d.month}/${d.year} has ${last} days`,
      params: { vi: `ngày không có thật: tháng ${d.month}/${d.year} có ${last} ngày` },
    });
  });

export type Decimal = z.infer<typeof Decimal>;
export type DocumentDate = z.infer<typeof DocumentDate>;
export type DocumentNumber = z.infer<typeof DocumentNumber>;
