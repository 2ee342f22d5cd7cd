/**
 * File names in Content-Disposition that survive Vietnamese letters: the
 * UTF-8 name in filename* (RFC 5987/6266) and an ASCII fallback in filename.
 */
import { create } from 'content-disposition';

/** "Kế hoạch Phòng Kinh tế" → "Ke hoach Phong Kinh te": letters without their marks, đ → d. */
export function asciiFallback(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_');
}

export function attachment(name: string): string {
  return create(name.normalize('NFC'), { type: 'attachment', fallback: asciiFallback(name) });
}
