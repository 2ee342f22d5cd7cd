/**
 * The pure formatting rules of Decree 30 documents: dates, decimals,
 * numbering, type labels and the printed sentence of an indicator.
 */
import { keepTogetherWith, sentencesOf, typographicQuotes } from '../src/format/text.js';
import { paragraphSetting, typeset, typesetParagraph } from '../src/phrases/typeset.js';
import { textWidth } from '../src/layout.js';
import { namesBody, positionAt } from '../src/phrases/abbreviations.js';
import { breakAtPhrases, continuing, joinNames, keepLastWords, keepNameTogether, opensName } from '../src/format/text.js';
import { describe, expect, it } from 'vitest';
import { wordNoBreaks } from '../src/docx/no-break.js';
import {
  BLANK_DAY,
  isLastDayOfMonth,
  isRealDate,
  longDate,
  monthYear,
  padDay,
  padMonth,
  parseIsoDate,
  placeDateLine,
  shortDate,
  citedDate,
  type DateParts,
} from '../src/format/date.js';
import { compare, equals, formatVi, percentOf, sum, toCanonical, toFixed, type Fixed } from '../src/format/decimal.js';
import {
  BLANK_NUMBER,
  POINT_LETTERS,
  citedNumber,
  clauseLabel,
  numberLine,
  DECREE_30_NUMBER,
  type NumberFormat,
  padNumber,
  pointLabel,
  roman,
  sectionLabel,
} from '../src/format/numbering.js';
import { documentSymbol, documentTypeName, documentTypeTitle, type DocumentTypeCode } from '../src/format/labels.js';
import type { z } from 'zod';
import { Indicator as IndicatorSchema } from '../src/model/schema.js';
import { indicatorSentence } from '../src/view/indicators.js';

type Day = DateParts & { day: number };

// ---------------------------------------------------------------- dates

describe('date', () => {
  it.each([
    [1, '01'],
    [5, '05'],
    [9, '09'],
    [10, '10'],
    [29, '29'],
    [31, '31'],
  ])('padDay(%i) → %s', (day, expected) => {
    expect(padDay(day)).toBe(expected);
  });

  it.each([
    [1, '01'],
    [2, '02'],
    [3, '3'],
    [6, '6'],
    [9, '9'],
    [10, '10'],
    [12, '12'],
  ])('padMonth(%i) → %s', (month, expected) => {
    expect(padMonth(month)).toBe(expected);
  });

  it.each<[DateParts, string]>([
    [{ year: 2026, month: 1, day: 5 }, 'ngày 05 tháng 01 năm 2026'],
    [{ year: 2025, month: 9, day: 9 }, 'ngày 09 tháng 9 năm 2025'],
    [{ year: 2025, month: 6, day: 29 }, 'ngày 29 tháng 6 năm 2025'],
    [{ year: 2025, month: 2, day: 28 }, 'ngày 28 tháng 02 năm 2025'],
    [{ year: 2025, month: 12, day: 15 }, 'ngày 15 tháng 12 năm 2025'],
    [{ year: 2025, month: 10, day: 1 }, 'ngày 01 tháng 10 năm 2025'],
    [{ year: 2025, month: 9, day: null }, `ngày ${BLANK_DAY} tháng 9 năm 2025`],
    [{ year: 2026, month: 1, day: null }, `ngày ${BLANK_DAY} tháng 01 năm 2026`],
  ])('longDate(%o) → %s', (d, expected) => {
    expect(longDate(d)).toBe(expected);
  });

  it('longDate contains "ngày 29 tháng 6"', () => {
    expect(longDate({ year: 2025, month: 6, day: 29 })).toContain('ngày 29 tháng 6 ');
  });

  it('the blank day is whitespace, wide enough for two handwritten digits', () => {
    expect(BLANK_DAY).toMatch(/^ {2,}$/);
    expect(longDate({ year: 2025, month: 9, day: null })).not.toMatch(/\d\d? tháng 9/);
  });

  it.each<[Day, string]>([
    [{ year: 2025, month: 12, day: 10 }, '10/12/2025'],
    [{ year: 2025, month: 6, day: 26 }, '26/6/2025'],
    [{ year: 2025, month: 1, day: 24 }, '24/01/2025'],
    [{ year: 2025, month: 5, day: 4 }, '04/5/2025'],
    [{ year: 2024, month: 2, day: 29 }, '29/02/2024'],
    [{ year: 2024, month: 12, day: 26 }, '26/12/2024'],
  ])('shortDate(%o) → %s', (d, expected) => {
    expect(shortDate(d)).toBe(expected);
  });

  it.each<[{ year: number; month: number; day: number | null }, string]>([
    [{ year: 2025, month: 9, day: 15 }, '15/9/2025'],
    [{ year: 2026, month: 1, day: 5 }, '05/01/2026'],
    // A draft: its day left blank, "ngày      /9/2025" as wide as the number's "số      /".
    [{ year: 2025, month: 9, day: null }, '     /9/2025'],
  ])('citedDate(%o) → %j', (d, expected) => {
    expect(citedDate(d)).toBe(expected);
  });

  it.each([
    [{ year: 2025, month: 12 }, '12/2025'],
    [{ year: 2026, month: 1 }, '01/2026'],
    [{ year: 2026, month: 2 }, '02/2026'],
    [{ year: 2025, month: 3 }, '3/2025'],
  ])('monthYear(%o) → %s', (d, expected) => {
    expect(monthYear(d)).toBe(expected);
  });

  it.each<[string, DateParts, string]>([
    ['Kiến Minh', { year: 2025, month: 12, day: 15 }, 'Kiến Minh, ngày 15 tháng 12 năm 2025'],
    ['Hải Phòng', { year: 2026, month: 1, day: 5 }, 'Hải Phòng, ngày 05 tháng 01 năm 2026'],
    ['Kiến Minh', { year: 2025, month: 9, day: null }, `Kiến Minh, ngày ${BLANK_DAY} tháng 9 năm 2025`],
  ])('placeDateLine(%s, %o) → %s', (place, d, expected) => {
    expect(placeDateLine(place, d)).toBe(expected);
  });

  it.each<[Day, boolean]>([
    [{ year: 2025, month: 12, day: 31 }, true],
    [{ year: 2025, month: 6, day: 30 }, true],
    [{ year: 2025, month: 6, day: 29 }, false],
    [{ year: 2025, month: 2, day: 28 }, true],
    [{ year: 2024, month: 2, day: 28 }, false],
    [{ year: 2024, month: 2, day: 29 }, true],
    [{ year: 2025, month: 1, day: 30 }, false],
    [{ year: 2025, month: 1, day: 31 }, true],
  ])('isLastDayOfMonth(%o) → %s', (d, expected) => {
    expect(isLastDayOfMonth(d)).toBe(expected);
  });

  it.each<[Day, boolean]>([
    [{ year: 2025, month: 9, day: 9 }, true],
    [{ year: 2025, month: 1, day: 31 }, true],
    [{ year: 2025, month: 4, day: 31 }, false],
    [{ year: 2025, month: 6, day: 31 }, false],
    [{ year: 2025, month: 2, day: 28 }, true],
    // 29 February only in leap years: divisible by 4, except centuries not divisible by 400.
    [{ year: 2025, month: 2, day: 29 }, false],
    [{ year: 2024, month: 2, day: 29 }, true],
    [{ year: 2000, month: 2, day: 29 }, true],
    [{ year: 1900, month: 2, day: 29 }, false],
    [{ year: 2100, month: 2, day: 29 }, false],
    [{ year: 2025, month: 2, day: 30 }, false],
    [{ year: 2025, month: 9, day: 0 }, false],
    [{ year: 2025, month: 9, day: 32 }, false],
    // Months outside 1–12 name no day at all.
    [{ year: 2025, month: 13, day: 1 }, false],
    [{ year: 2025, month: 0, day: 1 }, false],
  ])('isRealDate(%o) → %s', (d, expected) => {
    expect(isRealDate(d)).toBe(expected);
  });

  it.each<[string, Day]>([
    ['2025-09-09', { year: 2025, month: 9, day: 9 }],
    ['2025-12-31', { year: 2025, month: 12, day: 31 }],
    ['2026-01-05', { year: 2026, month: 1, day: 5 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
  ])('parseIsoDate(%s) → %o', (iso, expected) => {
    expect(parseIsoDate(iso)).toEqual(expected);
  });

  it.each(['2025-9-9', '09/09/2025', '2025-09-09T00:00:00Z', ' 2025-09-09', '2025-09', '', 'x'])(
    'parseIsoDate(%j) throws',
    (iso) => {
      expect(() => parseIsoDate(iso)).toThrow(RangeError);
    },
  );
});

// ---------------------------------------------------------------- decimals

const fx = (v: number | string): Fixed => toFixed(v);

describe('decimal', () => {
  it.each<[number | string, bigint, number]>([
    ['833.509', 833509n, 3],
    ['97.0', 970n, 1],
    ['0.7', 7n, 1],
    [3964, 3964n, 0],
    [0, 0n, 0],
    ['-1500.5', -15005n, 1],
    [-1500.5, -15005n, 1],
    [1.1, 11n, 1],
  ])('toFixed(%j) → %s × 10^-%i', (value, scaled, decimals) => {
    expect(toFixed(value)).toEqual({ scaled, decimals });
  });

  it.each<[number | string]>([
    ['1,5'],
    ['1.703,274'],
    ['1e3'],
    [''],
    [' 1'],
    ['.5'],
    ['5.'],
    ['+1'],
    ['abc'],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [1e21],
    [1e-7],
  ])('toFixed(%j) throws', (value) => {
    expect(() => toFixed(value)).toThrow(RangeError);
  });

  it.each<[Fixed | number | string, string]>([
    ['1703.274', '1.703,274'],
    ['833.509', '833,509'],
    [3964, '3.964'],
    ['97.0', '97,0'],
    ['0.7', '0,7'],
    [0, '0'],
    [1234567, '1.234.567'],
    [-1500.5, '-1.500,5'],
    ['-0.5', '-0,5'],
    [100, '100'],
    [1000, '1.000'],
    ['1234567.891', '1.234.567,891'],
    [{ scaled: -5n, decimals: 2 }, '-0,05'],
    [{ scaled: 1703274n, decimals: 3 }, '1.703,274'],
  ])('formatVi(%o) → %s', (value, expected) => {
    expect(formatVi(value)).toBe(expected);
  });

  it.each(['1,5', 'x', Number.NaN])('formatVi(%j) throws', (value) => {
    expect(() => formatVi(value)).toThrow(RangeError);
  });

  it.each<[(number | string)[], string]>([
    [['720.556', '112.953'], '833.509'],
    [['1483.178', '220.096'], '1703.274'],
    [[0.1, 0.2], '0.3'],
    [['1.5', 2], '3.5'],
    [['97.0', '0.05'], '97.05'],
    [[-1, '0.25'], '-0.75'],
    [[], '0'],
  ])('sum(%j) → %s exactly', (values, expected) => {
    const s = sum(values.map(fx));
    expect(toCanonical(s)).toBe(expected);
    expect(equals(s, fx(expected))).toBe(true);
  });

  it('sum of the components 720,556 + 112,953 is 833,509, not 833,508', () => {
    const s = sum([fx('720.556'), fx('112.953')]);
    expect(equals(s, fx('833.509'))).toBe(true);
    expect(equals(s, fx('833.508'))).toBe(false);
    expect(s).toEqual({ scaled: 833509n, decimals: 3 });
  });

  it.each<[number | string, number | string, boolean]>([
    ['97.0', 97, true],
    ['97.00', '97.0', true],
    [0.3, '0.30', true],
    ['0.1', '0.10', true],
    ['833.509', '833.508', false],
    [-1, 1, false],
    [0, '0.000', true],
  ])('equals(%j, %j) → %s', (a, b, expected) => {
    expect(equals(fx(a), fx(b))).toBe(expected);
    expect(equals(fx(b), fx(a))).toBe(expected);
  });

  it.each<[number | string, number | string, number]>([
    [1, 2, -1],
    [2, 1, 1],
    ['97.0', 97, 0],
    ['0.7', '0.65', 1],
    ['0.65', '0.7', -1],
    [-2, -1, -1],
    ['-0.5', 0, -1],
    ['833.509', '1703.274', -1],
  ])('compare(%j, %j) → %i', (a, b, expected) => {
    expect(compare(fx(a), fx(b))).toBe(expected);
  });

  it.each<[number | string, number | string, number, string]>([
    [3964, 3187, 0, '124'],
    [3964, 3187, 1, '124.4'],
    [3964, 3187, 2, '124.38'],
    [1, 3, 2, '33.33'],
    [2, 3, 2, '66.67'],
    [2, 3, 0, '67'],
    [50, 100, 1, '50.0'],
    ['0.7', '70', 0, '1'],
    // Half away from zero: 12,5 → 13 and -12,5 → -13; 2,5 → 3.
    [1, 8, 0, '13'],
    [1, 8, 1, '12.5'],
    [-1, 8, 0, '-13'],
    [1, -8, 0, '-13'],
    [-1, -8, 0, '13'],
    [1, 40, 0, '3'],
    [-1, 40, 0, '-3'],
    [3, 8, 0, '38'],
    [5, 1000, 0, '1'],
    [4, 1000, 0, '0'],
    [-4, 1000, 0, '0'],
  ])('percentOf(%j, %j, %i) → %s', (a, b, decimals, expected) => {
    const p = percentOf(fx(a), fx(b), decimals);
    expect(toCanonical(p)).toBe(expected);
    expect(p.decimals).toBe(decimals);
  });

  it('percentOf of zero throws', () => {
    expect(() => percentOf(fx(1), fx(0), 0)).toThrow(RangeError);
    expect(() => percentOf(fx(1), fx('0.0'), 1)).toThrow(RangeError);
  });

  it.each<[Fixed, string]>([
    [{ scaled: 1703274n, decimals: 3 }, '1703.274'],
    [{ scaled: 970n, decimals: 1 }, '97.0'],
    [{ scaled: 7n, decimals: 1 }, '0.7'],
    [{ scaled: 5n, decimals: 3 }, '0.005'],
    [{ scaled: -5n, decimals: 2 }, '-0.05'],
    [{ scaled: -15005n, decimals: 1 }, '-1500.5'],
    [{ scaled: 0n, decimals: 0 }, '0'],
    [{ scaled: 0n, decimals: 2 }, '0.00'],
    [{ scaled: 3964n, decimals: 0 }, '3964'],
  ])('toCanonical(%o) → %s', (f, expected) => {
    expect(toCanonical(f)).toBe(expected);
  });

  it.each(['1703.274', '97.0', '0.7', '-0.05', '0', '12', '-1500.5'])('toCanonical(toFixed(%s)) round-trips', (s) => {
    expect(toCanonical(toFixed(s))).toBe(s);
  });
});

// ---------------------------------------------------------------- numbering

describe('numbering', () => {
  it.each([
    [1, 'I'],
    [2, 'II'],
    [3, 'III'],
    [4, 'IV'],
    [5, 'V'],
    [9, 'IX'],
    [10, 'X'],
    [14, 'XIV'],
    [19, 'XIX'],
    [40, 'XL'],
    [44, 'XLIV'],
    [90, 'XC'],
    [400, 'CD'],
    [900, 'CM'],
    [1999, 'MCMXCIX'],
    [2025, 'MMXXV'],
    [3999, 'MMMCMXCIX'],
  ])('roman(%i) → %s', (n, expected) => {
    expect(roman(n)).toBe(expected);
  });

  it.each([0, -1, 4000, 1.5, Number.NaN])('roman(%d) throws', (n) => {
    expect(() => roman(n)).toThrow(RangeError);
  });

  it('POINT_LETTERS is the Vietnamese alphabet without f, j, w, z: 23 letters, đ after d', () => {
    expect([...POINT_LETTERS]).toEqual([
      'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm',
      'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y',
    ]);
    expect(POINT_LETTERS).toHaveLength(23);
    for (const missing of ['f', 'j', 'w', 'z']) expect(POINT_LETTERS).not.toContain(missing);
  });

  it.each([
    [0, 'a)'],
    [1, 'b)'],
    [3, 'd)'],
    [4, 'đ)'],
    [5, 'e)'],
    [6, 'g)'],
    [9, 'k)'],
    [21, 'x)'],
    [22, 'y)'],
  ])('pointLabel(%i) → %s', (index, expected) => {
    expect(pointLabel(index)).toBe(expected);
  });

  it.each([23, 24, -1])('pointLabel(%i) throws', (index) => {
    expect(() => pointLabel(index)).toThrow(RangeError);
  });

  it.each([
    [1, 'I.'],
    [2, 'II.'],
    [4, 'IV.'],
    [9, 'IX.'],
  ])('sectionLabel(%i) → %s', (n, expected) => {
    expect(sectionLabel(n)).toBe(expected);
  });

  it('sectionLabel(0) throws', () => {
    expect(() => sectionLabel(0)).toThrow(RangeError);
  });

  it.each<[number[], string]>([
    [[1], '1.'],
    [[2, 1], '2.1.'],
    [[3, 2, 4], '3.2.4.'],
    [[10], '10.'],
  ])('clauseLabel(%j) → %s', (numbers, expected) => {
    expect(clauseLabel(...numbers)).toBe(expected);
  });

  it.each([
    [1, '01'],
    [5, '05'],
    [9, '09'],
    [10, '10'],
    [12, '12'],
    [232, '232'],
  ])('padNumber(%i) → %s', (n, expected) => {
    expect(padNumber(n)).toBe(expected);
  });

  it.each<[number | null, string, string]>([
    [5, 'KH-UBND', 'Số: 05/KH-UBND'],
    [12, 'KH-UBND', 'Số: 12/KH-UBND'],
    [232, 'KH-UBND', 'Số: 232/KH-UBND'],
    [1, 'TTr-UBND', 'Số: 01/TTr-UBND'],
    [null, 'KH-UBND', 'Số:      /KH-UBND'],
    [null, 'BC-UBND', `Số:${BLANK_NUMBER}/BC-UBND`],
  ])('numberLine(%j, %s) → %j', (n, symbol, expected) => {
    expect(numberLine(n, symbol)).toBe(expected);
  });

  it('the blank number is six spaces, room for a handwritten number', () => {
    expect(BLANK_NUMBER).toBe('      ');
    expect(numberLine(null, 'KH-UBND')).toBe(`Số:${BLANK_NUMBER}/KH-UBND`);
  });

  it.each([
    [232, 'KH-UBND', 'số 232/KH-UBND'],
    [5, 'KH-UBND', 'số 05/KH-UBND'],
    [41, 'CT-TW', 'số 41/CT-TW'],
  ])('citedNumber(%i, %s) → %s', (n, symbol, expected) => {
    expect(citedNumber(n, symbol)).toBe(expected);
  });

  // Each organisation's form (FORMATS.md): the Party's "Số 12-KH/ĐU", the Youth Union's "Số: 05-KH/ĐTN".
  const PARTY: NumberFormat = { label: 'Số', form: 'hyphen' };
  const YOUTH: NumberFormat = { label: 'Số:', form: 'hyphen' };
  it.each<[number | string | null, DocumentTypeCode, string, NumberFormat, string, string]>([
    [12, 'KH', 'ĐU', PARTY, 'Số 12-KH/ĐU', 'số 12-KH/ĐU'],
    [null, 'KH', 'ĐU', PARTY, 'Số      -KH/ĐU', 'số      -KH/ĐU'],
    [5, 'KH', 'ĐTN', YOUTH, 'Số: 05-KH/ĐTN', 'số 05-KH/ĐTN'],
    [null, 'BC', 'ĐTN', YOUTH, 'Số:      -BC/ĐTN', 'số      -BC/ĐTN'],
    ['0124', 'KH', 'UBND', DECREE_30_NUMBER, 'Số: 0124/KH-UBND', 'số 0124/KH-UBND'],
    [null, 'KH', 'UBND', DECREE_30_NUMBER, 'Số:      /KH-UBND', 'số      /KH-UBND'],
  ])('%j %s of %s in %j: %j, cited %j', (n, type, issuer, format, line, cited) => {
    const symbol = documentSymbol(type, issuer, format.form);
    expect(numberLine(n, symbol, format)).toBe(line);
    expect(citedNumber(n, symbol, format)).toBe(cited);
  });
});

// ---------------------------------------------------------------- labels

describe('labels', () => {
  it.each<[DocumentTypeCode, string, string, string]>([
    ['KH', 'Kế hoạch', 'KẾ HOẠCH', 'KH-UBND'],
    ['BC', 'Báo cáo', 'BÁO CÁO', 'BC-UBND'],
    ['TTr', 'Tờ trình', 'TỜ TRÌNH', 'TTr-UBND'],
    ['QĐ', 'Quyết định', 'QUYẾT ĐỊNH', 'QĐ-UBND'],
  ])('%s: name %s, title %s, symbol %s', (code, name, title, symbol) => {
    expect(documentTypeName(code)).toBe(name);
    expect(documentTypeTitle(code)).toBe(title);
    expect(documentSymbol(code, 'UBND')).toBe(symbol);
  });

  it('the symbol takes the issuer abbreviation as given', () => {
    expect(documentSymbol('KH', 'BCĐ')).toBe('KH-BCĐ');
  });
});

// ---------------------------------------------------------------- indicators

type IndicatorInput = z.input<typeof IndicatorSchema>;

describe('indicatorSentence', () => {
  it.each<[string, IndicatorInput, string]>([
    [
      'money pair with components',
      {
        id: 'gia-tri-san-xuat',
        code: 1,
        items: [
          {
            id: 'tong',
            kind: 'money',
            label: 'Tổng giá trị sản xuất',
            unit: 'tỷ đồng',
            target: { period: '833.509', year: '1703.274' },
            components: [
              { id: 'tmdv', label: 'Giá trị thương mại, dịch vụ', target: { period: '720.556', year: '1483.178' } },
              { id: 'nlts', label: 'giá trị sản xuất nông lâm, thủy sản', target: { period: '112.953', year: '220.096' } },
            ],
          },
        ],
      },
      '(1). Tổng giá trị sản xuất: 833,509/1.703,274 tỷ đồng; trong đó: Giá trị thương mại, dịch vụ: ' +
        '720,556/1.483,178 tỷ đồng; giá trị sản xuất nông lâm, thủy sản: 112,953/220,096 tỷ đồng.',
    ],
    [
      'count pair: one unit after the second value',
      {
        id: 'viec-lam',
        code: 6,
        items: [
          { id: 'x', kind: 'count', label: 'Giới thiệu và giải quyết việc làm', unit: 'lượt người', target: { period: 120, year: 831 } },
        ],
      },
      '(6). Giới thiệu và giải quyết việc làm: 120/831 lượt người.',
    ],
    [
      'single count with thousands',
      { id: 'x', code: 10, items: [{ id: 'x', kind: 'count', label: 'Cấp giấy', unit: 'giấy', target: 1234 }] },
      '(10). Cấp giấy: 1.234 giấy.',
    ],
    [
      'percent with decimal comma',
      {
        id: 'dan-so',
        code: 4,
        items: [{ id: 'x', kind: 'percent', label: 'Tỷ lệ tăng dân số tự nhiên', target: '0.7', lowerIsBetter: true }],
      },
      '(4). Tỷ lệ tăng dân số tự nhiên: 0,7%.',
    ],
    [
      'percent keeping its written precision',
      { id: 'bhyt', code: 7, items: [{ id: 'x', kind: 'percent', label: 'Tỷ lệ dân số tham gia bảo hiểm y tế', target: '97.0' }] },
      '(7). Tỷ lệ dân số tham gia bảo hiểm y tế: 97,0%.',
    ],
    [
      'percent without sign',
      {
        id: 'giam-ngheo',
        code: 5,
        items: [{ id: 'x', kind: 'percent', label: 'Tỷ lệ hộ nghèo', target: 0, showSign: false, lowerIsBetter: true }],
      },
      '(5). Tỷ lệ hộ nghèo: 0.',
    ],
    [
      'quota, default 100%, and a stated percent',
      {
        id: 'tuyen-quan',
        code: 14,
        items: [
          { id: 'a', kind: 'quota', label: 'tuyển quân thành phố giao' },
          { id: 'b', kind: 'quota', label: 'tuyển nghĩa vụ Công an nhân dân', percent: '97.5' },
        ],
      },
      '(14). Hoàn thành 100% chỉ tiêu tuyển quân thành phố giao; Hoàn thành 97,5% chỉ tiêu tuyển nghĩa vụ Công an nhân dân.',
    ],
    [
      'completion',
      { id: 'ntm', code: 3, items: [{ id: 'x', kind: 'completion', label: 'dự án xây dựng hạ tầng nông thôn mới kiểu mẫu' }] },
      '(3). Hoàn thành dự án xây dựng hạ tầng nông thôn mới kiểu mẫu.',
    ],
    [
      'printBound: at least by default',
      { id: 'x', code: 7, items: [{ id: 'x', kind: 'percent', label: 'Tỷ lệ tham gia', target: 85, printBound: true }] },
      '(7). Tỷ lệ tham gia: ít nhất 85%.',
    ],
    [
      'printBound with lowerIsBetter: at most',
      {
        id: 'x',
        code: 7,
        items: [{ id: 'x', kind: 'percent', label: 'Tỷ lệ hộ nghèo', target: 1, printBound: true, lowerIsBetter: true }],
      },
      '(7). Tỷ lệ hộ nghèo: không quá 1%.',
    ],
    [
      'printBound with an exact bound prints no words',
      { id: 'x', code: 7, items: [{ id: 'x', kind: 'percent', label: 'Tỷ lệ', target: 50, printBound: true, bound: 'exact' }] },
      '(7). Tỷ lệ: 50%.',
    ],
    [
      'bound without printBound prints no words',
      { id: 'x', code: 7, items: [{ id: 'x', kind: 'percent', label: 'Tỷ lệ', target: 85, bound: 'atLeast' }] },
      '(7). Tỷ lệ: 85%.',
    ],
    [
      'printBound on a money item',
      {
        id: 'x',
        code: 2,
        items: [{ id: 'x', kind: 'money', label: 'Chi thường xuyên', unit: 'triệu đồng', target: 500, bound: 'atMost', printBound: true }],
      },
      '(2). Chi thường xuyên: không quá 500 triệu đồng.',
    ],
    [
      'range',
      { id: 'x', code: 8, items: [{ id: 'x', kind: 'percent', label: 'Tỷ lệ che phủ', target: { from: 80, to: 85 } }] },
      '(8). Tỷ lệ che phủ: từ 80% đến 85%.',
    ],
    [
      'context in brackets with a goal, separator " "',
      {
        id: 'ngan-sach',
        code: 2,
        items: [
          {
            id: 'x',
            kind: 'money',
            label: 'phấn đấu thu ngân sách 6 tháng cuối năm 2025 là',
            separator: ' ',
            unit: 'triệu',
            target: 350,
            context: {
              label: 'Thu ngân sách xã 6 tháng đầu năm đạt',
              actual: 3964,
              plan: 3187,
              unit: 'triệu đồng',
              percent: 124,
              goal: { label: 'phấn đấu cả năm đạt', percent: 135 },
            },
          },
        ],
      },
      '(2). phấn đấu thu ngân sách 6 tháng cuối năm 2025 là 350 triệu ' +
        '(Thu ngân sách xã 6 tháng đầu năm đạt 3.964/3.187 triệu đồng đạt 124%, phấn đấu cả năm đạt 135%).',
    ],
    [
      'context without a goal',
      {
        id: 'x',
        code: 2,
        items: [
          {
            id: 'x',
            kind: 'money',
            label: 'Thu',
            unit: 'triệu',
            target: 350,
            context: { label: 'đã đạt', actual: 3964, plan: 3187, unit: 'triệu đồng', percent: '124.4' },
          },
        ],
      },
      '(2). Thu: 350 triệu (đã đạt 3.964/3.187 triệu đồng đạt 124,4%).',
    ],
    [
      'codeDot false, separator " ", end ";"',
      {
        id: 'x',
        code: 8,
        codeDot: false,
        end: ';',
        items: [{ id: 'x', kind: 'percent', label: 'Tỷ lệ điều tra phá án đạt', separator: ' ', target: 95 }],
      },
      '(8) Tỷ lệ điều tra phá án đạt 95%;',
    ],
    [
      'codeDot false, end ""',
      {
        id: 'x',
        code: 9,
        codeDot: false,
        end: '',
        items: [{ id: 'x', kind: 'percent', label: 'Tỷ lệ người tập luyện thể dục, thể thao thường xuyên', target: '40.2' }],
      },
      '(9) Tỷ lệ người tập luyện thể dục, thể thao thường xuyên: 40,2%',
    ],
    [
      'codeDot true, end ";", two items joined by "; "',
      {
        id: 'x',
        code: 12,
        codeDot: true,
        end: ';',
        items: [
          { id: 'a', kind: 'percent', label: 'Tỷ lệ thu gom', separator: ' ', target: 98 },
          { id: 'b', kind: 'percent', label: 'Tỷ lệ phân loại đạt', separator: ' ', target: 100 },
        ],
      },
      '(12). Tỷ lệ thu gom 98%; Tỷ lệ phân loại đạt 100%;',
    ],
  ])('%s', (_name, input, expected) => {
    const indicator = IndicatorSchema.parse(input);
    expect(indicatorSentence(indicator, indicator.code!)).toBe(expected);
  });

  it('the schema supplies the defaults the sentence relies on', () => {
    const parsed = IndicatorSchema.parse({ id: 'x', code: 1, items: [{ id: 'y', kind: 'percent', label: 'Tỷ lệ', target: 1 }] });
    expect(parsed.codeDot).toBe(true);
    expect(parsed.end).toBe('.');
    expect(parsed.items[0]).toMatchObject({ separator: ': ', printBound: false, lowerIsBetter: false, showSign: true });
  });
});

// ---------------------------------------------------------------- sentences

describe('sentencesOf', () => {
  it.each<[string, string[]]>([
    ['Một câu.', ['Một câu.']],
    ['Bảo vệ an ninh. Thực hiện quyết liệt.', ['Bảo vệ an ninh.', 'Thực hiện quyết liệt.']],
    // Not after a figure's point, nor before a lower-case word.
    ['Đạt 1.703,274 tỷ đồng. Tăng 5%.', ['Đạt 1.703,274 tỷ đồng.', 'Tăng 5%.']],
    ['Giữ gìn trật tự. và tiếp tục.', ['Giữ gìn trật tự. và tiếp tục.']],
    ['Kiện toàn bộ máy; xây dựng Kế hoạch. Rà soát nguồn tuyển quân!', ['Kiện toàn bộ máy; xây dựng Kế hoạch.', 'Rà soát nguồn tuyển quân!']],
    ['Đảm bảo an toàn. Đón Tết.', ['Đảm bảo an toàn.', 'Đón Tết.']],
    // Not after an abbreviation, nor after an article's number.
    ['Công an TP. Hải Phòng giữ vững an ninh. Tăng cường tuần tra.', ['Công an TP. Hải Phòng giữ vững an ninh.', 'Tăng cường tuần tra.']],
    ['Theo Điều 5. Luật Thi đua, khen thưởng quy định.', ['Theo Điều 5. Luật Thi đua, khen thưởng quy định.']],
  ])('%j → %j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

describe('keepTogether', () => {
  const nb = (t: string) => t.replace(/_/g, '\u00a0').replace(/\^/g, '\u2011').replace(/~/g, '\u2060');
  const rule = keepTogetherWith(['kinh tế - xã hội', 'quốc phòng - an ninh', 'Văn hóa - Xã hội']);
  it.each<[string, string]>([
    // Listed phrases whole, in any case; other dashes between words joined to the words beside them.
    ['phát triển kinh tế - xã hội', 'phát triển kinh_tế_^_xã_hội'],
    ['BẢO ĐẢM QUỐC PHÒNG - AN NINH', 'BẢO ĐẢM QUỐC_PHÒNG_^_AN_NINH'],
    ['Phòng Văn hóa - Xã hội', 'Phòng Văn_hóa_^_Xã_hội'],
    ['sáng - xanh - sạch', 'sáng_^_xanh_^_sạch'],
    ['nhiệm kỳ 2025 - 2030', 'nhiệm kỳ 2025_^_2030'],
    // A phrase inside a longer word is not the phrase.
    ['tái kinh tế - xã hộix', 'tái kinh tế_^_xã hộix'],
    ['833,509/1.703,274 tỷ đồng', '833,509/~1.703,274_tỷ đồng'],
    ['135/856 lượt người', '135/~856_lượt người'],
    ['Kế hoạch số 232/KH-UBND ngày 09/9/2025', 'Kế hoạch số_232/~KH-~UBND ngày_09/~9/~2025'],
    // A short note in brackets stays with the word before it; another bracket does not.
    ['Thành ủy (b/c);', 'Thành ủy_(b/~c);'],
    ['- Các phòng, ban (t/h);', '- Các phòng, ban_(t/~h);'],
    ['xã Đông Phương (cũ)', 'xã Đông Phương (cũ)'],
    ['(nhiệm kỳ 2025-2030)', '(nhiệm kỳ 2025-~2030)'],
    ['ngày 10/12/2025', 'ngày_10/~12/~2025'],
    // A year is no figure with a unit: "năm 2025 tại" may break.
    ['năm 2025 tại Hội', 'năm 2025 tại Hội'],
    ['2.025 tỷ đồng', '2.025_tỷ đồng'],
    // A date's day or month is no figure with a unit either; a figure after "tháng" with a unit of its own is one.
    ['nguồn tuyển quân tháng 10 cho công tác', 'nguồn tuyển quân tháng 10 cho công tác'],
    ['ngày 15 tới', 'ngày_15 tới'],
    ['trong Quý 3 tới', 'trong Quý 3 tới'],
    ['lần thứ 2 của', 'lần thứ 2 của'],
    ['sau 6 tháng cuối năm', 'sau 6_tháng cuối năm'],
    ['trước ngày 10/12 các đơn vị', 'trước ngày_10/~12 các đơn vị'],
    ['Thứ 2 họp giao ban', 'Thứ 2 họp giao ban'],
    // A date written out holds its day and month words as it did.
    ['ngày 15 tháng 10 năm 2025 tại', 'ngày_15_tháng 10_năm 2025 tại'],
    // A list's dash at the start, a number before a capital, "số" before a word: as they were.
    ['- Phòng Kinh tế', '- Phòng Kinh tế'],
    ['năm 2025 Ủy ban', 'năm 2025 Ủy ban'],
    ['số lượng', 'số lượng'],
  ])('%j → %j (_ a no-break space, ^ a non-breaking hyphen, ~ a word joiner)', (text, expected) => {
    expect(rule(text)).toBe(nb(expected));
  });

  const places = keepTogetherWith([], ['thành phố', 'xã', 'thị xã', 'tỉnh']);
  it.each<[string, string]>([
    // A place's name after its level word stays whole; the level word may end a line.
    ['của thành phố Hải Phòng sau hợp nhất', 'của thành phố Hải_Phòng sau hợp nhất'],
    ['Ủy ban nhân dân xã Kiến Minh thành các chỉ tiêu', 'Ủy ban nhân dân xã Kiến_Minh thành các chỉ tiêu'],
    ['trên địa bàn xã Đông Phương (cũ)', 'trên địa bàn xã Đông_Phương (cũ)'],
    ['Thành phố Hồ Chí Minh', 'Thành phố Hồ_Chí_Minh'],
    ['thị xã Kinh Môn,', 'thị xã Kinh_Môn,'],
    // Only the name right after the level word; a name of one syllable, a lower-case word, capitals: as they were.
    ['các xã: Đông Phương, Đại Đồng', 'các xã: Đông Phương, Đại Đồng'],
    ['tỉnh Huế', 'tỉnh Huế'],
    ['xã hội', 'xã hội'],
    ['THÀNH PHỐ HẢI PHÒNG', 'THÀNH PHỐ HẢI PHÒNG'],
    ['Hội Nông dân xã Kiến Minh', 'Hội Nông dân xã Kiến_Minh'],
  ])('places: %j → %j', (text, expected) => {
    expect(places(text)).toBe(nb(expected));
  });

  it('keeps the phrases of templates/keep-together.yaml whole, and prints quotes as “ ”', () => {
    expect(typeset('kinh tế - xã hội, văn hóa - thể thao')).toBe(nb('kinh_tế_^_xã_hội, văn_hóa_^_thể_thao'));
    expect(typeset('Quỹ "Vì người nghèo"')).toBe('Quỹ “Vì người nghèo”');
  });
});

describe('wordNoBreaks: the DOCX holds Word\'s own no-break hyphen, and no joiner', () => {
  const T = (x: string) => `<w:t xml:space="preserve">${x}</w:t>`;
  const NBH = '<w:noBreakHyphen/>';
  it.each([
    ['a dash between words', T('kinh\u00a0tế\u00a0\u2011\u00a0xã\u00a0hội'), `${T('kinh\u00a0tế\u00a0')}${NBH}${T('\u00a0xã\u00a0hội')}`],
    ['a symbol', T('số\u00a0232/\u2060KH-\u2060UBND ngày'), `${T('số\u00a0232/KH')}${NBH}${T('UBND ngày')}`],
    ['a pair of years', T('2025-\u20602030'), `${T('2025')}${NBH}${T('2030')}`],
    ['a note in brackets', T('Thành ủy\u00a0(b/\u2060c);'), T('Thành ủy\u00a0(b/c);')],
    ['a hyphen at either end', '<w:t>\u2011a\u2011</w:t>', `${NBH}${T('a')}${NBH}`],
    ['plain text, as it was', '<w:t>Kế hoạch - 2025</w:t>', '<w:t>Kế hoạch - 2025</w:t>'],
    ['no text element touched but w:t', '<w:tab/><w:instrText>PAGE\u2011</w:instrText>', '<w:tab/><w:instrText>PAGE\u2011</w:instrText>'],
  ])('%s', (_, xml, expected) => expect(wordNoBreaks(xml)).toBe(expected));
});

describe('typographicQuotes', () => {
  it.each<[string, string]>([
    ['Quỹ "Vì người nghèo" và', 'Quỹ “Vì người nghèo” và'],
    ['"Camera an ninh" trên các tuyến', '“Camera an ninh” trên các tuyến'],
    ['mô hình ("Biến rác thành tiền"),', 'mô hình (“Biến rác thành tiền”),'],
    ['phong trào "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh".', 'phong trào “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”.'],
    ['đã “đúng” sẵn', 'đã “đúng” sẵn'],
    ['không có ngoặc', 'không có ngoặc'],
  ])('%j → %j', (text, expected) => {
    expect(typographicQuotes(text)).toBe(expected);
  });
});

describe('keepNameTogether: a name at the end of a title stays on one line when it fits one', () => {
  const NB = '\u00a0';
  /** A line of the title holds 60 characters here. */
  const fits = (text: string) => text.length <= 60;
  it.each<[string, string, string]>([
    // The word before the name ("tại") goes with it: no line ends "... tại".
    ['Triển khai tại Phòng Văn hóa - Xã hội', 'Phòng Văn hóa - Xã hội', `Triển khai tại${NB}Phòng${NB}Văn${NB}hóa${NB}\u2011${NB}Xã${NB}hội`],
    ['Triển khai Đợt thi đua tại Ban Chỉ huy Quân sự xã', 'Ban Chỉ huy Quân sự xã', `Triển khai Đợt thi đua tại${NB}Ban${NB}Chỉ${NB}huy${NB}Quân${NB}sự${NB}xã`],
    ['Triển khai Đợt thi đua tại Thôn 1', 'Thôn 1', `Triển khai Đợt thi đua tại${NB}Thôn${NB}1`],
    // Never "tại Văn phòng Hội / đồng nhân dân ...", a word cut in two.
    [
      'Triển khai Đợt thi đua tại Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã',
      'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã',
      `Triển khai Đợt thi đua ${'tại Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã'.replace(/ /g, NB)}`,
    ],
    // The name fits a line, the word and the name do not: the name alone is kept.
    [
      'Triển khai Đợt thi đua tại Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Hồng',
      'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Hồng',
      `Triển khai Đợt thi đua tại ${'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Hồng'.replace(/ /g, NB)}`,
    ],
    ['Thôn 1', 'Thôn 1', `Thôn${NB}1`],
    // Longer than a line: it wraps as any text.
    [
      'Triển khai tại Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Hồng Bàng',
      'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Hồng Bàng',
      'Triển khai tại Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Hồng Bàng',
    ],
    // A title of the campaign's own that does not end with the name is as written.
    ['Kế hoạch thi đua của Thôn 1 năm 2025', 'Thôn 1', 'Kế hoạch thi đua của Thôn 1 năm 2025'],
  ])('%j', (title, name, expected) => {
    expect(keepNameTogether(title, name, fits)).toBe(expected);
  });
});

describe('joinNames: names in one phrase, as a clerk joins them', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['Tỷ lệ điều tra phá án'], 'Tỷ lệ điều tra phá án'],
    [['Tỷ lệ chất thải rắn được thu gom, xử lý hợp vệ sinh', 'Tỷ lệ hộ dân thực hiện phân loại chất thải rắn tại nguồn'], 'Tỷ lệ chất thải rắn được thu gom, xử lý hợp vệ sinh và tỷ lệ hộ dân thực hiện phân loại chất thải rắn tại nguồn'],
    [['Giá trị thương mại', 'Giá trị nông nghiệp', 'Giá trị công nghiệp'], 'Giá trị thương mại, giá trị nông nghiệp và giá trị công nghiệp'],
    // A body's name keeps its capital.
    [['Tỷ lệ hộ tham gia', 'Hội viên Hội Nông dân', 'Ủy ban Mặt trận Tổ quốc xã'], 'Tỷ lệ hộ tham gia, hội viên Hội Nông dân và Ủy ban Mặt trận Tổ quốc xã'],
  ])('%j → %j', (names, expected) => {
    expect(joinNames(names)).toBe(expected);
  });
});

describe('continuing: a phrase going on a sentence is in lower case, a name as written', () => {
  it.each<[string, string]>([
    ['Tỷ lệ hộ cận nghèo', 'tỷ lệ hộ cận nghèo'],
    ['Giá trị thương mại, dịch vụ', 'giá trị thương mại, dịch vụ'],
    ['Số hộ dân được công nhận', 'số hộ dân được công nhận'],
    ['Ủy ban nhân dân xã giao', 'Ủy ban nhân dân xã giao'],
    ['Hội Nông dân xã', 'Hội Nông dân xã'],
    ['Công an xã', 'Công an xã'],
    ['Nhà nước giao', 'Nhà nước giao'],
    ['UBND xã', 'UBND xã'],
    ['HTX nông nghiệp', 'HTX nông nghiệp'],
    ['tỷ lệ đã thường', 'tỷ lệ đã thường'],
    ['Hội viên tham gia', 'hội viên tham gia'],
    ['Phòng chống thiên tai', 'phòng chống thiên tai'],
    ['Thôn 1', 'Thôn 1'],
    ['Đảng bộ xã', 'Đảng bộ xã'],
    ['A', 'a'],
  ])('%j → %j', (text, expected) => {
    expect(continuing(text)).toBe(expected);
  });
});

describe('keepLastWords: a justified paragraph\'s last line never holds one word alone', () => {
  it.each([
    ['(7) Tỷ lệ dân số tham gia bảo hiểm y tế 97,3% (kế hoạch: 97,0%), vượt kế hoạch.', '(7) Tỷ lệ dân số tham gia bảo hiểm y tế 97,3% (kế hoạch: 97,0%), vượt kế\u00a0hoạch.'],
    ['tỷ lệ hộ cận nghèo: chưa có số liệu.', 'tỷ lệ hộ cận nghèo: chưa có số\u00a0liệu.'],
    // Together longer than 16 characters: apart, or the line above would stretch too far.
    ['Tổng giá trị sản xuất đạt 100,8%/100,9%.', 'Tổng giá trị sản xuất đạt 100,8%/100,9%.'],
    ['được thực hiện thường xuyên, liên tục.', 'được thực hiện thường xuyên, liên\u00a0tục.'],
    // The word before ends a no-break chain: the whole chain moves down and counts, "1.718,642 tỷ đồng." is 18.
    ['thực hiện 1.718,642\u00a0tỷ đồng.', 'thực hiện 1.718,642\u00a0tỷ đồng.'],
    ['thực hiện 372\u00a0triệu đồng.', 'thực hiện 372\u00a0triệu\u00a0đồng.'],
    // The invisible joiner after "-" is no character a reader sees: "hoạch 2025-2030." is 16.
    ['Thực hiện kế hoạch 2025-\u20602030.', 'Thực hiện kế hoạch\u00a02025-\u20602030.'],
    // A tab breaks words as a space does: no last word held.
    ['Thực hiện\ttốt.', 'Thực hiện\ttốt.'],
    // One word, or a last word already held to the one before it: as it is.
    ['Đảng.', 'Đảng.'],
    ['thực hiện 372\u00a0triệu\u00a0đồng.', 'thực hiện 372\u00a0triệu\u00a0đồng.'],
  ])('%s', (text, expected) => {
    expect(keepLastWords(text, 16)).toBe(expected);
  });

  it('leaves them apart where joining them would leave the line above too loose', () => {
    let asked = 0;
    const loosens = () => (asked++, true);
    expect(keepLastWords('sơ kết, khen thưởng.', 16, loosens)).toBe('sơ kết, khen thưởng.');
    // Asked only of a pair short enough to join.
    expect(keepLastWords('thực hiện 1.718,642\u00a0tỷ đồng.', 16, loosens)).toBe('thực hiện 1.718,642\u00a0tỷ đồng.');
    expect(asked).toBe(1);
  });
});

describe('typesetParagraph: the last words kept together, unless the line above would gape', () => {
  const body = paragraphSetting({ role: 'body' }, textWidth());
  // No-break spaces shown as "~"; the word joiners after "/" left out.
  const nb = (t: string) => t.replace(/\u00a0/g, '~').replace(/\u2060/g, '');
  it.each([
    // "khen" carried down would leave "- Giai đoạn 2 (từ ngày 01/01/2026 đến ngày 28/02/2026): sơ kết," with gaps of 3,5 spaces.
    ['- Giai đoạn 2 (từ ngày 01/01/2026 đến ngày 28/02/2026): sơ kết, khen thưởng.', '- Giai đoạn 2 (từ ngày~01/01/2026 đến ngày~28/02/2026): sơ kết, khen thưởng.'],
    ['- Tiếp nhận và trả lời kịp thời phản ánh, kiến nghị của người dân, doanh nghiệp.', '- Tiếp nhận và trả lời kịp thời phản ánh, kiến nghị của người dân, doanh nghiệp.'],
    // The line above keeps enough words to stay close.
    ['(7) Tỷ lệ dân số tham gia bảo hiểm y tế 97,3% (kế hoạch: 97,0%), vượt kế hoạch.', '(7) Tỷ lệ dân số tham gia bảo hiểm y tế 97,3% (kế hoạch: 97,0%), vượt kế~hoạch.'],
    // One line: joined, whatever it moves.
    ['Đạt kế hoạch.', 'Đạt kế~hoạch.'],
  ])('%s', (text, expected) => {
    expect(nb(typesetParagraph(text, body))).toBe(expected);
  });

  it('counts the spaces of a run-in heading among those the first line widens', () => {
    const led = paragraphSetting({ role: 'body', lead: { text: 'a) Đối tượng thi đua:', style: 'leadPoint' } }, textWidth());
    // Its four and the one after it.
    expect(led.leadSpaces).toBe(5);
    // Words chosen so that "kế" carried down widens the first line's gaps by 1,16 spaces counting the heading's four and
    // the one after it, 1,74 without them: joined.
    expect(nb(typesetParagraph('đua gia tham tham thanh nghiệp trên tham phụ kế hoạch.', led))).toBe('đua gia tham tham thanh nghiệp trên tham phụ kế~hoạch.');
  });

  it('is not applied to a paragraph set flush left', () => {
    expect(typesetParagraph('Đạt kế hoạch.', { ...body, align: 'left' })).toBe('Đạt kế hoạch.');
  });
});

describe('opensName: a title may break before a name that opens after a word in lower case', () => {
  it.each([
    ['mừng', 'Đại', true],
    ['của', 'Đảng', true],
    ['khai', 'Đợt', true],
    // A numeral, a name's own next word, a word in lower case: no name opens.
    ['thứ', 'XIV', false],
    ['phòng', 'Hội', true],
    ['Văn', 'phòng', false],
    ['Hội', 'Nông', false],
    ['quốc', 'lần', false],
    ['năm', '2025', false],
  ])('after "%s", before "%s": %s', (word, next, expected) => {
    expect(opensName(word, next)).toBe(expected);
  });
});

describe('breakAtPhrases: a heading or title that wraps breaks where a phrase ends, as a clerk breaks it', () => {
  const NB = '\u00a0';
  /** A line holds `room` characters here; the first is indented by 2. */
  const breaks = (text: string, room: number, printed = (t: string) => t) =>
    breakAtPhrases(text, { width: (line, i) => (i === 0 ? 2 : 0) + line.length, room, breakBefore: ['của', 'và', 'tại', 'năm', 'nhiệm kỳ'], printed });
  it.each<[string, number, string]>([
    // Wrapped after "GIẢI": the words from the comma and the next go over together.
    ['II. NỘI DUNG, MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP TỔ CHỨC ĐỢT THI ĐUA', 40, `II. NỘI DUNG, MỤC TIÊU, NHIỆM VỤ, GIẢI${NB}PHÁP TỔ CHỨC ĐỢT THI ĐUA`],
    // Wrapped after "PHÁP": "GIẢI PHÁP TỔ" goes over whole.
    ['II. NỘI DUNG, MỤC, NHIỆM VỤ, GIẢI PHÁP TỔ CHỨC ĐỢT THI ĐUA', 40, `II. NỘI DUNG, MỤC, NHIỆM VỤ, GIẢI${NB}PHÁP${NB}TỔ CHỨC ĐỢT THI ĐUA`],
    // On one line, or breaking after a comma already: as written.
    ['II. NỘI DUNG, NHIỆM VỤ', 40, 'II. NỘI DUNG, NHIỆM VỤ'],
    ['II. NỘI DUNG, MỤC TIÊU, NHIỆM VỤ CHUNG, GIẢI PHÁP', 40, 'II. NỘI DUNG, MỤC TIÊU, NHIỆM VỤ CHUNG, GIẢI PHÁP'],
    // No comma: before the last word that opens a phrase ("của"), in any case, never "của Ủy / ban nhân dân".
    ['1. Các chỉ tiêu được giao theo Kế hoạch của Ủy ban nhân dân xã', 50, `1. Các chỉ tiêu được giao theo Kế hoạch của${NB}Ủy${NB}ban nhân dân xã`],
    ['1. CÁC CHỈ TIÊU ĐƯỢC GIAO THEO KẾ HOẠCH CỦA ỦY BAN NHÂN DÂN XÃ', 50, `1. CÁC CHỈ TIÊU ĐƯỢC GIAO THEO KẾ HOẠCH CỦA${NB}ỦY${NB}BAN NHÂN DÂN XÃ`],
    // Before "(", or a phrase of two words ("nhiệm kỳ"); a break before one already: as written.
    ['Đại hội Đại biểu Đảng bộ thành phố lần thứ I (nhiệm kỳ 2025 - 2030)', 54, `Đại hội Đại biểu Đảng bộ thành phố lần thứ I (nhiệm${NB}kỳ 2025 - 2030)`],
    ['Đại hội Đại biểu Đảng bộ thành phố lần thứ I nhiệm kỳ 2025 - 2030', 54, `Đại hội Đại biểu Đảng bộ thành phố lần thứ I nhiệm${NB}kỳ 2025 - 2030`],
    ['Đại hội Đại biểu Đảng bộ thành phố lần thứ I nhiệm kỳ 2025 - 2030', 51, 'Đại hội Đại biểu Đảng bộ thành phố lần thứ I nhiệm kỳ 2025 - 2030'],
    // A comma too early (the line less than two thirds full) gives way to a word that opens a phrase.
    ['Tổng kết, đánh giá Đợt thi đua năm 2025 tại Công an xã Kiến Minh', 46, `Tổng kết, đánh giá Đợt thi đua năm 2025 tại${NB}Công an xã Kiến Minh`],
    // Every line, not only the first: the second breaks before "tại", not inside "Công an".
    [
      'Triển khai Đợt thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế, bảo đảm an ninh năm 2025 tại Công an xã',
      55,
      `Triển khai Đợt thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế, bảo đảm an ninh năm 2025 tại${NB}Công${NB}an xã`,
    ],
    // Nothing to break at on the line, or only too early: as written.
    ['1. Mục tiêu, chỉ tiêu chủ yếu cụ thể đến các đơn vị trên địa bàn xã', 40, '1. Mục tiêu, chỉ tiêu chủ yếu cụ thể đến các đơn vị trên địa bàn xã'],
  ])('%j in %i', (text, room, expected) => {
    expect(breaks(text, room)).toBe(expected);
  });

  it('breaks only where the printed text can: words it joins are one', () => {
    const text = 'Thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội bảo đảm quốc phòng và an ninh của xã Kiến Minh';
    // Printed "kinh tế - xã hội" whole, the second line starts with it and ends before "của": nothing to move.
    const printed = (t: string) => t.replace('kinh tế - xã hội', `kinh${NB}tế${NB}-${NB}xã${NB}hội`);
    expect(breaks(text, 46, printed)).toBe(text);
    // Word by word, the second line would start at "- xã hội" and end inside "của xã".
    expect(breaks(text, 46)).toBe(text.replace('của xã', `của${NB}xã`));
  });
});

describe('positionAt: a person\'s position at a unit, as a clerk writes it', () => {
  it.each<[string, string, string]>([
    ['Trưởng thôn', 'Thôn 2', 'Trưởng thôn 2'],
    ['Chủ tịch Hội', 'Hội Nông dân xã', 'Chủ tịch Hội Nông dân xã'],
    ['Trưởng Công an xã', 'Công an xã', 'Trưởng Công an xã'],
    ['Công chức Văn phòng HĐND và UBND xã', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã', 'Công chức Văn phòng HĐND và UBND xã'],
    ['Viên chức', 'Trạm Y tế xã', 'Viên chức, Trạm Y tế xã'],
    ['Thôn', 'Thôn 2', 'Thôn 2'],
  ])('%j at %j: %j', (position, unit, expected) => {
    expect(positionAt(position, unit)).toBe(expected);
  });
});

describe('namesBody', () => {
  it.each<[string, string, boolean]>([
    ['Công chức Văn phòng HĐND và UBND xã', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã', true],
    ['Trưởng Công an xã', 'Công an xã', true],
    ['Phó Chủ tịch UBMTTQ xã', 'Ủy ban Mặt trận Tổ quốc Việt Nam xã', false],
    ['Chủ tịch Hội LHPN xã', 'Hội Liên hiệp Phụ nữ xã', true],
    ['Công chức Văn hóa - Xã hội', 'Phòng Văn hóa - Xã hội', false],
    ['Bí thư Chi đoàn thôn 1', 'Thôn 1', true],
  ])('%j names %j: %s', (text, name, expected) => {
    expect(namesBody(text, name)).toBe(expected);
  });
});
