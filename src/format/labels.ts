/**
 * Names and abbreviations fixed by Decree 30/2020/ND-CP, Appendix III.
 */

/** Document types: abbreviation → name as printed in the title (capitals) and in running text. */
export const DOCUMENT_TYPES = {
  KH: 'Kế hoạch',
  BC: 'Báo cáo',
  QĐ: 'Quyết định',
  TTr: 'Tờ trình',
  TB: 'Thông báo',
  CTr: 'Chương trình',
  HD: 'Hướng dẫn',
  NQ: 'Nghị quyết',
  CT: 'Chỉ thị',
  QC: 'Quy chế',
  QyĐ: 'Quy định',
  PA: 'Phương án',
  ĐA: 'Đề án',
  DA: 'Dự án',
  BB: 'Biên bản',
  GM: 'Giấy mời',
} as const;

export type DocumentTypeCode = keyof typeof DOCUMENT_TYPES;

/** "Kế hoạch" in running text ("Thực hiện Kế hoạch số ..."). */
export function documentTypeName(code: DocumentTypeCode): string {
  return DOCUMENT_TYPES[code];
}

/** "KẾ HOẠCH" as the title under the header. */
export function documentTypeTitle(code: DocumentTypeCode): string {
  return DOCUMENT_TYPES[code].toLocaleUpperCase('vi');
}

/**
 * The symbol after the number: "KH-UBND" (Decree 30), "KH/ĐTN" where the
 * number joins it with a hyphen (the Party's and the Youth Union's form);
 * the type part keeps its decreed spelling (TTr, CTr).
 */
export function documentSymbol(code: DocumentTypeCode, issuerAbbreviation: string, form: 'slash' | 'hyphen' = 'slash'): string {
  return form === 'slash' ? `${code}-${issuerAbbreviation}` : `${code}/${issuerAbbreviation}`;
}
