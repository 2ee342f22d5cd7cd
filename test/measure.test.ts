import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontOfFile, textWidthPt, wrap, wrapper, type FontVariant } from '../src/measure.js';

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

describe('wrapper', () => {
  const texts = [
    'Triển khai Đợt thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh\u00a0tế\u00a0\u2011\u00a0xã\u00a0hội, bảo đảm quốc phòng năm 2025 tại Hội Nông dân xã',
    'Tổng kết công tác thi đua, khen thưởng năm 2025 và phương hướng, nhiệm vụ năm 2026',
    'AVAV "Tý" Wa. To, Ty; ấy, Ỵ, Vậy',
    'e\u0301 ghép rời', // a word starting with a combining mark's neighbour: measured whole
  ];
  it.each(texts.flatMap((t) => (['normal', 'bold', 'italics', 'bolditalics'] as FontVariant[]).map((v) => [t, v] as const)))(
    'breaks %j in %s at every width as wrap does',
    (text, variant) => {
      const at = wrapper(text, 14, variant);
      for (let width = 60; width <= 480; width += 7) expect(at(width), `width ${width}`).toEqual(wrap(text, width, 14, variant));
    },
  );
});
