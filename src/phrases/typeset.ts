/** The printed form of a text, the same in both renderers: typographic quotes, and no line break where a reader expects none. */
import { z } from 'zod';
import { keepLastWords, keepTogetherWith, typographicQuotes } from '../format/text.js';
import { layout, type TextStyle } from '../layout.js';
import { dataFile } from './data-file.js';

const KeepTogetherFile = z.strictObject({ phrases: z.array(z.string().min(1)), placeWords: z.array(z.string().min(1)), breakBefore: z.array(z.string().min(1)) });

let file: z.infer<typeof KeepTogetherFile> | undefined;
const keepTogetherFile = () => (file ??= dataFile('keep-together.yaml', KeepTogetherFile));
let keepTogether: ((text: string) => string) | undefined;

/** The phrases a line never breaks inside (templates/keep-together.yaml). */
export const keptPhrases = (): string[] => keepTogetherFile().phrases;

/** The words of a level before a place's name ("thành phố", "xã"), whose name a line never breaks inside. */
export const placeWords = (): string[] => keepTogetherFile().placeWords;

/** The words a heading or title line may break before, as they open a phrase ("của", "và", "tại"), in lower case. */
let openers: string[] | undefined;
export const breakWords = (): string[] => (openers ??= keepTogetherFile().breakBefore.map((w) => w.normalize('NFC').toLocaleLowerCase('vi')));

/** `text` as printed: “ ” for straight quotes, no-break characters where a line must not break (keepTogetherWith, with the phrases of templates/keep-together.yaml). */
export function typeset(text: string): string {
  keepTogether ??= keepTogetherWith(keptPhrases(), placeWords());
  return keepTogether(typographicQuotes(text));
}

/** A paragraph's text as printed in its alignment: justified, its last line never one word alone. */
export const typesetParagraph = (text: string, align: TextStyle['align']): string =>
  align === 'justify' ? keepLastWords(typeset(text), layout.lastWords) : typeset(text);

/** A text the view broke into lines ("\n" between them: a balanced title), each line set on its own. */
export const typesetLines = (text: string): string => text.split('\n').map(typeset).join('\n');
