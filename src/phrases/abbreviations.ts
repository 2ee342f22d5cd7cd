/** Whether a text names a body already, in full or by the official short forms of templates/abbreviations.yaml. */
import { z } from 'zod';
import { dataFile } from './data-file.js';

const AbbreviationsFile = z.strictObject({ abbreviations: z.record(z.string().min(1), z.string().min(1)) });

let expand: ((text: string) => string) | undefined;

function expander(): (text: string) => string {
  const map = dataFile('abbreviations.yaml', AbbreviationsFile).abbreviations;
  // Longest first, whole words only: "BCHQS" before "BCH".
  const keys = Object.keys(map).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => text.replace(pattern, (k) => map[k]);
}

const folded = (text: string): string => (expand ??= expander())(text).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** Whether `text` names `name` ("Công chức Văn phòng HĐND và UBND xã" names "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"). */
export const namesBody = (text: string, name: string): boolean => folded(text).includes(folded(name));
