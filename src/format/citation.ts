/**
 * Documents cited in running text, in the order Vietnamese administrative
 * writing gives them: type, name, "số" with number and symbol, date (long
 * or short, as the issuer writes it), "của" issuer, title.
 */
import { longDate, parseIsoDate, shortDate } from './date.js';

export interface Citable {
  type: string;
  name?: string;
  reference?: string;
  date?: string;
  dateForm: 'long' | 'short' | 'plain';
  commaBeforeDate: boolean;
  issuer?: string;
  title?: string;
}

/** "ngày 09 tháng 9 năm 2025", "ngày 09/9/2025" or "ngày 9/9/2025". */
export function citedDate(iso: string, form: 'long' | 'short' | 'plain'): string {
  const d = parseIsoDate(iso);
  if (form === 'long') return longDate(d);
  return `ngày ${form === 'short' ? shortDate(d) : `${d.day}/${d.month}/${d.year}`}`;
}

/** "Kế hoạch số 232/KH-UBND ngày 09 tháng 9 năm 2025 của Ủy ban nhân dân thành phố Hải Phòng", without the title. */
export function citationHead(doc: Citable): string {
  let out = doc.type;
  if (doc.name) out += ` ${doc.name}`;
  if (doc.reference) out += ` số ${doc.reference}`;
  if (doc.date) out += `${doc.commaBeforeDate ? ',' : ''} ${citedDate(doc.date, doc.dateForm)}`;
  if (doc.issuer) out += ` của ${doc.issuer}`;
  return out;
}

/** The whole citation, title included. */
export const citation = (doc: Citable): string => (doc.title ? `${citationHead(doc)} ${doc.title}` : citationHead(doc));
