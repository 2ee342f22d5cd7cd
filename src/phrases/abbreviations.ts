/** Whether a text names a body already, in full or by the official short forms of templates/abbreviations.yaml. */
import { z } from 'zod';
import { dataFile } from './data-file.js';
import { memo } from '../template-memo.js';

const AbbreviationsFile = z.strictObject({ abbreviations: z.record(z.string().min(1), z.string().min(1)) });

const expand = memo((): ((text: string) => string) => {
  const map = dataFile('abbreviations.yaml', AbbreviationsFile).abbreviations;
  // Longest first, whole words only: "BCHQS" before "BCH".
  const keys = Object.keys(map).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => text.replace(pattern, (k) => map[k]);
});

const folded = (text: string): string => expand()(text).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** Whether `text` names `name` ("Công chức Văn phòng HĐND và UBND xã" names "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"). */
export const namesBody = (text: string, name: string): boolean => folded(text).includes(folded(name));

/**
 * A person's position at a unit, as a clerk writes it: the position alone
 * when it names the unit already; one phrase when the position ends with the
 * words the unit's name begins with ("Trưởng thôn" at "Thôn 2": "Trưởng
 * thôn 2"; "Chủ tịch Hội" at "Hội Nông dân xã": "Chủ tịch Hội Nông dân xã");
 * otherwise both, "position, unit".
 */
export function positionAt(position: string, unit: string): string {
  if (namesBody(position, unit)) return position;
  const words = position.split(/\s+/);
  const names = unit.split(/\s+/);
  const same = (a: string, b: string) => a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');
  for (let k = Math.min(words.length, names.length - 1); k >= 1; k--) {
    if (words.slice(-k).every((w, i) => same(w, names[i]))) return [...words, ...names.slice(k)].join(' ');
  }
  return `${position}, ${unit}`;
}
