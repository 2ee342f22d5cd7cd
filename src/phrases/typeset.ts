/** The printed form of a text, the same in both renderers: typographic quotes, and no line break where a reader expects none. */
import { z } from 'zod';
import { keepTogetherWith, typographicQuotes } from '../format/text.js';
import { dataFile } from './data-file.js';

const KeepTogetherFile = z.strictObject({ phrases: z.array(z.string().min(1)) });

let phrases: string[] | undefined;
let keepTogether: ((text: string) => string) | undefined;

/** The phrases a line never breaks inside (templates/keep-together.yaml). */
export const keptPhrases = (): string[] => (phrases ??= dataFile('keep-together.yaml', KeepTogetherFile).phrases);

/** `text` as printed: “ ” for straight quotes, no-break characters where a line must not break (keepTogetherWith, with the phrases of templates/keep-together.yaml). */
export function typeset(text: string): string {
  keepTogether ??= keepTogetherWith(keptPhrases());
  return keepTogether(typographicQuotes(text));
}
