/**
 * Dates as Decree 30 writes them: days below 10 and the months January and
 * February take a leading zero ("ngày 05 tháng 01", "ngày 29 tháng 6").
 */

export interface DateParts {
  year: number;
  month: number;
  /** null: the day is left blank in a draft, to be filled in at signing. */
  day: number | null;
}

/** Blank left for the day of a draft: room for two handwritten digits. */
export const BLANK_DAY = '    ';

export function padDay(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

export function padMonth(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** Parse "2025-09-09" into parts; throws on anything else. */
export function parseIsoDate(iso: string): DateParts & { day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const parts = m && { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!parts || !isRealDate(parts)) throw new RangeError(`not a real ISO date: ${iso}`);
  return parts;
}

/** "ngày 09 tháng 9 năm 2025"; a blank day keeps its place. */
export function longDate(d: DateParts): string {
  const day = d.day === null ? BLANK_DAY : padDay(d.day);
  return `ngày ${day} tháng ${padMonth(d.month)} năm ${d.year}`;
}

/** "10/12/2025", "26/6/2025", "24/01/2025". */
export function shortDate(d: DateParts & { day: number }): string {
  return `${padDay(d.day)}/${padMonth(d.month)}/${d.year}`;
}

/** A cited document's date, short: "09/9/2025"; a draft's blank day keeps its place: "      /9/2025". */
export function citedDate(d: DateParts): string {
  return d.day === null ? `${BLANK_CITED_DAY}/${padMonth(d.month)}/${d.year}` : shortDate({ ...d, day: d.day });
}

/** Blank left for the day of a cited draft: with the space after "ngày", as wide as its number's blank ("số      /"). */
const BLANK_CITED_DAY = '     ';

/** "12/2025", "01/2026". */
export function monthYear(d: Pick<DateParts, 'year' | 'month'>): string {
  return `${padMonth(d.month)}/${d.year}`;
}

/** "Kiến Minh, ngày 15 tháng 12 năm 2025". */
export function placeDateLine(place: string, d: DateParts): string {
  return `${place}, ${longDate(d)}`;
}

export function isLastDayOfMonth(d: DateParts & { day: number }): boolean {
  return new Date(Date.UTC(d.year, d.month, 0)).getUTCDate() === d.day;
}

/** Whether year-month-day names a real calendar day. */
export function isRealDate(d: DateParts & { day: number }): boolean {
  if (!Number.isInteger(d.month) || d.month < 1 || d.month > 12) return false;
  return Number.isInteger(d.day) && d.day >= 1 && d.day <= new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
}
