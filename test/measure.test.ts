import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontOfFile, textWidthPt, type FontVariant } from '../src/measure.js';

// A line is summed from its words; each row is a line whose whole layout it must equal,
// kerning across its spaces included ("T A" kerns the space on both sides).
const LINES = [
  'T A',
  'Ủy ban nhân dân xã Kiến Minh',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'V. TỔ CHỨC THỰC HIỆN',
  '1. Tổng giá trị sản xuất thực hiện 840,215/1.718,642 tỷ đồng, đạt 100,8%/100,9% kế hoạch, vượt kế hoạch.',
  'kinh\u00a0tế\u00a0-\u00a0xã\u00a0hội “Thôn văn hóa” (b/c);',
  'a trailing space ',
  ' a leading space',
  'two  spaces',
  'a mark ̣ alone',
  'emoji 😀 😀x',
];
const VARIANTS: FontVariant[] = ['normal', 'bold', 'italics', 'bolditalics'];

describe('textWidthPt', () => {
  for (const variant of VARIANTS) {
    it.each(LINES)(`measures "%s" as the font lays out the whole line (${variant})`, (line) => {
      const f = fontOfFile(FONT_FILES[variant]);
      const whole = (f.layout(line.normalize('NFC')).advanceWidth / f.unitsPerEm) * 13;
      expect(textWidthPt(line, 13, variant)).toBeCloseTo(whole, 9);
      // Measured twice, the second time from the cache.
      expect(textWidthPt(line, 13, variant)).toBeCloseTo(whole, 9);
    });
  }

  it('is not the plain sum of its words: the space kerns with its neighbours', () => {
    const sum = textWidthPt('T', 13) + textWidthPt(' ', 13) + textWidthPt('A', 13);
    expect(Math.abs(textWidthPt('T A', 13) - sum)).toBeGreaterThan(0.1);
  });
});
