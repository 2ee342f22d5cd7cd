/** The rule of what a line never breaks inside, with the phrases of templates/keep-together.yaml. */
import { z } from 'zod';
import { keepTogetherWith } from '../format/text.js';
import { dataFile } from './data-file.js';

const KeepTogetherFile = z.strictObject({ phrases: z.array(z.string().min(1)) });

let rule: ((text: string) => string) | undefined;

/** `text` with no-break characters where a line must not break (see keepTogetherWith). */
export function keepTogether(text: string): string {
  rule ??= keepTogetherWith(dataFile('keep-together.yaml', KeepTogetherFile).phrases);
  return rule(text);
}
