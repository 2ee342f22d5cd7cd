/**
 * How a value of the model stands in one cell of the campaign workbook, and
 * how the cell is read back: as a clerk writes it ("1.703,274", "15/9/2025",
 * one line per entry), never as code. A value that does not fit its column's
 * form goes to the row's "Khác" cell as YAML, so that nothing is lost.
 */
import { parse, stringify } from 'yaml';
import { formatVi } from '../format/decimal.js';
import { isRealDate } from '../format/date.js';
import { readDate, readDecimal, plainValue, type Read } from './cells.js';

export type CellValue = string | number | Date | null;

/** The most characters a cell holds (Excel's limit). */
export const CELL_CHARS = 32_767;
/** The number format of text: what is typed stays as typed. */
const AS_TEXT = '@';

export interface Codec {
  /** Whether the value can stand in the cell. */
  fits(v: unknown): boolean;
  write(v: unknown): CellValue;
  /** The value of a cell that is not blank, or why it cannot be read. */
  read(cell: unknown): Read<unknown>;
  /** The choices a list validation offers. */
  choices?: string[];
  numFmt?: string;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const oneLine = (v: unknown): v is string => isString(v) && !/[\r\n]/.test(v);
const ok = (value: unknown): Read<unknown> => ({ value });
const bad = (vi: string, en: string): Read<unknown> => ({ vi, en });

/** A cell's content as text: a number as typed, a date as day/month/year. */
function cellText(cell: unknown): string {
  const x = plainValue(cell);
  if (x instanceof Date) return `${x.getUTCDate()}/${x.getUTCMonth() + 1}/${x.getUTCFullYear()}`;
  return String(x);
}

/** A cell's lines, trimmed, without the empty ones. */
const cellLines = (cell: unknown): string[] => cellText(cell).split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

export const text: Codec = {
  numFmt: AS_TEXT,
  // "" (a label printed as none) and spaces around a text are not what a blank or a trimmed cell reads back: they stay in "Khác".
  fits: (v) => oneLine(v) && v !== '' && v.trim() === v,
  write: (v) => v as string,
  read: (cell) => ok(cellText(cell)),
};

/** A text whose absence is null by default (a signer's name while the document waits for signing): null is a blank cell. */
export const textOrNull: Codec = { ...text, fits: (v) => v === null || text.fits(v), write: (v) => (v as string | null) };

/** Entries of a list of texts, one line each; none is a blank cell (every such list is empty by default). */
export const lines: Codec = {
  numFmt: AS_TEXT,
  fits: (v) => Array.isArray(v) && v.every(oneLine),
  write: (v) => (v as string[]).join('\n') || null,
  read: (cell) => ok(cellLines(cell)),
};

/** Short entries on one line, joined by commas: ids, archive entries. */
export const commaList: Codec = {
  numFmt: AS_TEXT,
  fits: (v) => Array.isArray(v) && v.every((s) => oneLine(s) && !s.includes(',')),
  write: (v) => (v as string[]).join(', ') || null,
  read: (cell) => ok(cellText(cell).split(',').map((s) => s.trim()).filter(Boolean)),
};

/** Whole numbers from 1, joined by commas: "1, 5, 7". */
export const numberList: Codec = {
  numFmt: AS_TEXT,
  fits: (v) => Array.isArray(v) && v.length > 0 && v.every((n) => Number.isInteger(n)),
  write: (v) => (v as number[]).join(', '),
  read: (cell) => {
    const parts = cellText(cell).split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    if (!parts.every((p) => /^\d{1,6}$/.test(p))) return bad(`cần các số thứ tự cách nhau bởi dấu phẩy, ví dụ "1, 5, 7"`, 'needs numbers separated by commas, e.g. "1, 5, 7"');
    return ok(parts.map(Number));
  },
};

export const integer: Codec = {
  fits: (v) => Number.isInteger(v),
  write: (v) => v as number,
  read: (cell) => {
    const x = plainValue(cell);
    const n = typeof x === 'number' ? x : /^-?\d{1,15}$/.test(String(x)) ? Number(x) : NaN;
    return Number.isInteger(n) ? ok(n) : bad(`"${cellText(cell)}" không phải một số nguyên`, `"${cellText(cell)}" is not a whole number`);
  },
};

const YES = ['có', 'x', 'true', '1'];
const NO = ['không', 'false', '0'];
export const yesNo: Codec = {
  fits: (v) => typeof v === 'boolean',
  write: (v) => (v ? 'có' : 'không'),
  read: (cell) => {
    const x = plainValue(cell);
    if (typeof x === 'boolean') return ok(x);
    const s = cellText(cell).toLocaleLowerCase('vi');
    if (YES.includes(s)) return ok(true);
    if (NO.includes(s)) return ok(false);
    return bad(`cần "có" hoặc "không", không phải "${cellText(cell)}"`, `needs "có" (yes) or "không" (no), not "${cellText(cell)}"`);
  },
  choices: ['có', 'không'],
};

/** One of a set, shown by its Vietnamese name; the data's own value is read as well. */
export function choice(names: Record<string, string>): Codec {
  // A list validation's choices are written joined by commas.
  const withComma = Object.values(names).find((n) => n.includes(','));
  if (withComma) throw new Error(`a choice's name has a comma: "${withComma}"`);
  const byName = new Map(Object.entries(names).map(([value, name]) => [name.toLocaleLowerCase('vi'), value]));
  return {
    fits: (v) => isString(v) && v in names,
    write: (v) => names[v as string],
    read: (cell) => {
      const s = cellText(cell);
      if (Object.hasOwn(names, s)) return ok(s);
      const value = byName.get(s.toLocaleLowerCase('vi'));
      if (value !== undefined) return ok(value);
      const list = Object.values(names).map((n) => `"${n}"`).join(', ');
      return bad(`"${s}" không có trong danh sách: chọn ${list}`, `"${s}" is not one of the choices: ${list}`);
    },
    choices: Object.values(names),
    numFmt: AS_TEXT,
  };
}

/** The same names for values that are their own names. */
export const choiceOf = (values: readonly string[]): Codec => choice(Object.fromEntries(values.map((v) => [v, v])));

const DECIMAL = /^-?\d+(\.\d+)?$/;
const isDecimal = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && !/e/i.test(String(v))) || (isString(v) && DECIMAL.test(v));

/** A number cell as the clerk typed it: Excel keeps 15 significant digits (0.1 + 0.2 is 0.3). */
const shortest = (n: number): number => Number(n.toPrecision(15));

function decimalOf(s: string): Read<unknown> {
  // A count printed with its leading zero ("02") keeps it, as in the data.
  if (/^0\d+$/.test(s.trim())) return ok(s.trim());
  const d = readDecimal(s.trim());
  return d ?? bad('cần một số', 'needs a number');
}

/** A decimal: a number cell, or text in the Vietnamese way ("97,0") where the digits written count. */
export const decimal: Codec = {
  fits: isDecimal,
  write: (v) => (typeof v === 'number' ? v : formatVi(v as string)),
  read: (cell) => {
    const x = plainValue(cell);
    return typeof x === 'number' ? ok(shortest(x)) : decimalOf(cellText(cell));
  },
};

const RANGE = /^từ\s+(.+?)\s+đến\s+(.+)$/i;

/** A target: a value, "833,509/1.703,274" (the campaign's period/the year), or "từ 90 đến 95". */
export const target: Codec = {
  fits: (v) =>
    isDecimal(v) ||
    (!!v && typeof v === 'object' && Object.keys(v).sort().join() === 'period,year' && isDecimal((v as { period: unknown }).period) && isDecimal((v as { year: unknown }).year)) ||
    (!!v && typeof v === 'object' && Object.keys(v).sort().join() === 'from,to' && isDecimal((v as { from: unknown }).from) && isDecimal((v as { to: unknown }).to)),
  write: (v) => {
    if (isDecimal(v)) return decimal.write(v);
    const o = v as Record<string, string | number>;
    return 'period' in o ? `${formatVi(o.period)}/${formatVi(o.year)}` : `từ ${formatVi(o.from)} đến ${formatVi(o.to)}`;
  },
  read: (cell) => {
    const x = plainValue(cell);
    if (typeof x === 'number') return ok(shortest(x));
    const s = cellText(cell).trim();
    const both = (a: string, b: string, keys: [string, string]): Read<unknown> => {
      const [p, q] = [decimalOf(a), decimalOf(b)];
      if (!('value' in p)) return p;
      if (!('value' in q)) return q;
      return ok({ [keys[0]]: p.value, [keys[1]]: q.value });
    };
    const range = RANGE.exec(s);
    if (range) return both(range[1], range[2], ['from', 'to']);
    const pair = s.split('/');
    if (pair.length === 2) return both(pair[0], pair[1], ['period', 'year']);
    const d = decimalOf(s);
    return 'value' in d ? d : bad(`${d.vi}; chỉ tiêu viết như 97,5 hoặc 833,509/1.703,274 (trong đợt/cả năm) hoặc "từ 90 đến 95"`, `${d.en}; write a target as 97,5, or 833,509/1.703,274 (period/year), or "từ 90 đến 95"`);
  },
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date, as a date cell shown day/month/year. */
export const isoDate: Codec = {
  fits: (v) => isString(v) && ISO.test(v) && isRealDate({ year: +v.slice(0, 4), month: +v.slice(5, 7), day: +v.slice(8, 10) }),
  write: (v) => new Date(`${v as string}T00:00:00Z`),
  read: (cell) => readDate(cell) ?? bad('cần một ngày', 'needs a date'),
  numFmt: 'dd/mm/yyyy',
};

/** A document's date, its day blank in a draft: "15/9/2025", "…/9/2025". */
export const documentDate: Codec = {
  numFmt: AS_TEXT,
  fits: (v) => {
    if (!v || typeof v !== 'object') return false;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => !(k === 'day' && o.day === null)).sort().join();
    return (keys === 'month,year' || keys === 'day,month,year') && [o.year, o.month, o.day ?? 1].every((n) => Number.isInteger(n));
  },
  write: (v) => {
    const d = v as { year: number; month: number; day?: number | null };
    return `${d.day ?? '…'}/${d.month}/${d.year}`;
  },
  read: (cell) => {
    const x = plainValue(cell);
    if (x instanceof Date) return ok({ year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() });
    const m = /^(\d{1,2}|…|\.{2,}|_+)?\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})$/.exec(String(x).trim());
    if (!m) return bad(`"${String(x)}" không phải ngày văn bản (ví dụ đúng: 15/9/2025, hoặc …/9/2025 khi chưa có ngày)`, `"${String(x)}" is not a document date (write 15/9/2025, or …/9/2025 while the day is blank)`);
    const day = m[1] && /^\d+$/.test(m[1]) ? Number(m[1]) : null;
    return ok({ year: Number(m[3]), month: Number(m[2]), day });
  },
};

/** A document's number: "05" as printed, or a number; blank (null) for a draft. */
export const documentNumber: Codec = {
  numFmt: AS_TEXT,
  fits: (v) => v === null || Number.isInteger(v) || (isString(v) && /^\d+$/.test(v)),
  write: (v) => (typeof v === 'number' ? v : (v as string | null)),
  read: (cell) => {
    const x = plainValue(cell);
    if (typeof x === 'number') return ok(x);
    const s = cellText(cell).trim();
    if (!/^\d+$/.test(s)) return bad(`"${s}" không phải số văn bản (chỉ gồm chữ số, ví dụ 05)`, `"${s}" is not a document number (digits only, e.g. 05)`);
    // Digits as printed ("0124") are kept as text; others are a number.
    return ok(s.startsWith('0') ? s : Number(s));
  },
};

const AUTHORITY = /^(TM\.|KT\.|TL\.|TUQ\.|Q\.)\s+(.+)$/;
/** Signing authorities, one per line: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH". */
export const authorities: Codec = {
  numFmt: AS_TEXT,
  fits: (v) =>
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((a) => a && typeof a === 'object' && Object.keys(a).sort().join() === 'of,prefix' && oneLine(a.of) && AUTHORITY.test(`${a.prefix} ${a.of}`)),
  write: (v) => (v as { prefix: string; of: string }[]).map((a) => `${a.prefix} ${a.of}`).join('\n'),
  read: (cell) => {
    const entries = cellLines(cell);
    const out = [];
    for (const e of entries) {
      const m = AUTHORITY.exec(e);
      if (!m) return bad(`"${e}": mỗi dòng một thẩm quyền ký, bắt đầu bằng TM., KT., TL., TUQ. hoặc Q.`, `"${e}": one signing authority per line, starting with TM., KT., TL., TUQ. or Q.`);
      out.push({ prefix: m[1], of: m[2] });
    }
    return ok(out);
  },
};

/** What no column holds, as YAML on one line: {bold: true, align: center}. */
export const yaml: Codec = {
  numFmt: AS_TEXT,
  fits: () => true,
  write: (v) => stringify(v, { collectionStyle: 'flow', lineWidth: 0 }).trim(),
  read: (cell) => {
    try {
      return ok(parse(cellText(cell), { maxAliasCount: 0, uniqueKeys: true }));
    } catch (e) {
      const why = String((e as Error).message).split('\n')[0];
      return bad(`không đọc được YAML: ${why}`, `cannot read the YAML: ${why}`);
    }
  },
};
