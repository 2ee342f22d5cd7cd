/**
 * Writing DOCX packages reproducibly: the same parts give the same bytes
 * (fixed entry dates and order, DEFLATE).
 */
import PizZip from 'pizzip';

/** Entry date of every file in the packages thidua writes. */
// Local time: ZIP stores local DOS dates, so this gives the same bytes in any time zone.
export const ZIP_DATE = new Date(2000, 0, 1);

export function generateZip(zip: PizZip): Buffer {
  for (const file of Object.values(zip.files)) file.date = ZIP_DATE;
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export function zipFromParts(parts: Record<string, string>): PizZip {
  const zip = new PizZip();
  for (const [path, content] of Object.entries(parts)) zip.file(path, content);
  return zip;
}
