/**
 * Writing DOCX packages reproducibly: the same parts give the same bytes
 * (fixed entry dates and order, DEFLATE by Node's zlib).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import PizZip from 'pizzip';
import { LIMITS } from '../model/limits.js';

interface Compression {
  magic: string;
  compressInputType: 'uint8array';
  uncompressInputType: 'uint8array';
  compress(input: Uint8Array): Uint8Array;
  uncompress(input: Uint8Array): Uint8Array;
}

/**
 * DEFLATE by Node's native zlib, four times as fast as pizzip's own (pako);
 * bytes are zlib's (the same for the same Node version).
 * Registered beside pizzip's methods, which it leaves as they are.
 */
const NATIVE_DEFLATE = 'NATIVE_DEFLATE';

/**
 * The parts a template gives every document as they are (its styles, settings, headers) are deflated once: the last
 * inputs and what they deflated to, compared byte for byte (the same input, the same bytes out).
 */
const deflated = new Map<string, { input: Buffer; output: Buffer }>();
const DEFLATED_KEPT = 32;

function deflateOnce(input: Uint8Array): Uint8Array {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  // Keyed by length and a sample of the bytes; the match confirmed whole.
  const key = `${bytes.length}:${bytes.readUInt32LE(0)}:${bytes.readUInt32LE(bytes.length >> 1)}:${bytes.readUInt32LE(bytes.length - 4)}`;
  const kept = deflated.get(key);
  if (kept?.input.equals(bytes)) {
    deflated.delete(key);
    deflated.set(key, kept);
    return kept.output;
  }
  const output = deflateRawSync(bytes);
  deflated.set(key, { input: Buffer.from(bytes), output });
  if (deflated.size > DEFLATED_KEPT) deflated.delete(deflated.keys().next().value!);
  return output;
}

(PizZip as unknown as { compressions: Record<string, Compression> }).compressions[NATIVE_DEFLATE] = {
  magic: '\x08\x00',
  compressInputType: 'uint8array',
  uncompressInputType: 'uint8array',
  // Parts of under 8 bytes are deflated each time (the key samples 4 bytes at 3 places).
  compress: (input) => (input.byteLength < 8 ? deflateRawSync(input) : deflateOnce(input)),
  uncompress: (input) => inflateRawSync(input),
};

/**
 * Parts are read by Node's zlib too, each inflating to no more than a
 * template may hold in all: a part that lies about its size stops there
 * (pizzip then refuses it for the mismatch) instead of filling memory.
 */
const deflate = (PizZip as unknown as { compressions: Record<string, Compression> }).compressions.DEFLATE;
deflate.uncompressInputType = 'uint8array';
deflate.uncompress = (input) => inflateRawSync(input, { maxOutputLength: LIMITS.templateInflatedBytes });

/** Entry date of every file in the packages thidua writes. */
// Local time: ZIP stores local DOS dates, so this gives the same bytes in any time zone.
export const ZIP_DATE = new Date(2000, 0, 1);

/**
 * Why a package from outside (a template, a workbook) is refused before
 * anything else unpacks it: more parts than LIMITS allow, or parts that
 * inflate to more bytes than a package may hold, by the sizes its directory
 * declares and then by inflating each (held to the limit as it inflates, so
 * a part that lies about its size stops there); none when it is within them.
 */
export function packageOverLimits(zip: PizZip): { vi: string; en: string } | undefined {
  const entries = Object.values(zip.files);
  if (entries.length > LIMITS.templateEntries) {
    return { vi: `gói có ${entries.length} phần, nhiều nhất ${LIMITS.templateEntries}`, en: `${entries.length} parts in the package, at most ${LIMITS.templateEntries}` };
  }
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const over = (bytes: number) => ({
    vi: `các phần của gói giải nén ra ${mb(bytes).replace('.', ',')}, nhiều nhất ${mb(LIMITS.templateInflatedBytes).replace('.', ',')}`,
    en: `its parts inflate to ${mb(bytes)}, at most ${mb(LIMITS.templateInflatedBytes)}`,
  });
  const declared = entries.reduce((sum, f) => sum + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (declared > LIMITS.templateInflatedBytes) return over(declared);
  let inflated = 0;
  for (const f of entries) {
    if (f.dir) continue;
    try {
      inflated += f.asUint8Array().length;
    } catch {
      return { vi: `${f.name}: hỏng, hoặc lớn hơn kích thước gói ghi`, en: `${f.name}: damaged, or larger than its package says` };
    }
    if (inflated > LIMITS.templateInflatedBytes) return over(inflated);
  }
  return undefined;
}

export function generateZip(zip: PizZip): Buffer {
  for (const file of Object.values(zip.files)) {
    // Every part deflated here, none kept as read: the bytes do not depend on which parts the template engine rewrote.
    if (file.dir) file.date = ZIP_DATE;
    else zip.file(file.name, file.asUint8Array(), { binary: true, date: ZIP_DATE });
  }
  return zip.generate({ type: 'nodebuffer', compression: NATIVE_DEFLATE as 'DEFLATE' });
}

export function zipFromParts(parts: Record<string, string>): PizZip {
  const zip = new PizZip();
  for (const [path, content] of Object.entries(parts)) zip.file(path, content);
  return zip;
}

/**
 * A ZIP of finished files (a bundle of DOCX and PDF, compressed already):
 * stored as they are, so that building it on the HTTP thread costs only
 * their checksums.
 */
export function storedZip(files: { name: string; content: Buffer | string }[]): Buffer {
  const zip = new PizZip();
  for (const f of files) zip.file(f.name, f.content, { binary: typeof f.content !== 'string', date: ZIP_DATE });
  return zip.generate({ type: 'nodebuffer', compression: 'STORE' });
}
