/** The printed form of a text, the same in both renderers: typographic quotes, and no line break where a reader expects none. */
import { z } from 'zod';
import { keepLastWords, keepTogetherWith, typographicQuotes } from '../format/text.js';
import { layout, mmToPt, type TextStyle } from '../layout.js';
import { textWidthPt, variantOf, wrapper, type FontVariant } from '../measure.js';
import type { TextBlock } from '../view/document.js';
import { dataFile } from './data-file.js';
import { forgetWithTemplates, memo } from '../template-memo.js';

const KeepTogetherFile = z.strictObject({ phrases: z.array(z.string().min(1)), placeWords: z.array(z.string().min(1)), breakBefore: z.array(z.string().min(1)) });

const keepTogetherFile = memo(() => dataFile('keep-together.yaml', KeepTogetherFile));
const keepTogether = memo(() => keepTogetherWith(keptPhrases(), placeWords()));

/** The phrases a line never breaks inside (templates/keep-together.yaml). */
export const keptPhrases = (): string[] => keepTogetherFile().phrases;

/** The words of a level before a place's name ("thành phố", "xã"), whose name a line never breaks inside. */
export const placeWords = (): string[] => keepTogetherFile().placeWords;

/** The words a heading or title line may break before, as they open a phrase ("của", "và", "tại"), in lower case. */
export const breakWords = memo((): string[] => keepTogetherFile().breakBefore.map((w) => w.normalize('NFC').toLocaleLowerCase('vi')));

/** `text` as printed: “ ” for straight quotes, no-break characters where a line must not break (keepTogetherWith, with the phrases of templates/keep-together.yaml). */
export function typeset(text: string): string {
  return keepTogether()(typographicQuotes(text));
}

/** How a paragraph is set, in points: its alignment and font, the room of its lines and of its first one (indented, after its run-in heading). */
export interface ParagraphSetting {
  align: TextStyle['align'];
  size: number;
  variant: FontVariant;
  room: number;
  first: number;
  /** Spaces of the run-in heading, which the first line's justification widens too (with the one after it). */
  leadSpaces: number;
}

/** The setting of a block's paragraph on a page `room` wide: its role's style under its own emphasis, alignment and indent. */
export function paragraphSetting(b: Pick<TextBlock, 'role' | 'own' | 'lead'>, room: number): ParagraphSetting {
  const st = layout.styles[b.role];
  const indent = b.own && !b.own.indent ? 0 : mmToPt(st.indent);
  const lead = b.lead ? `${typeset(b.lead.text)} ` : '';
  return {
    align: b.own?.align ?? st.align,
    size: st.size,
    // Emphasis adds to the role's style, as both renderers print it.
    variant: variantOf({ bold: st.bold || b.own?.bold === true, italic: st.italic || b.own?.italic === true }),
    // A negative indent hangs: the lines after the first are indented by as much.
    room: room + Math.min(indent, 0),
    first: room - Math.max(indent, 0) - (lead ? textWidthPt(lead, st.size, variantOf(layout.runs[b.lead!.style])) : 0),
    leadSpaces: lead.split(' ').length - 1,
  };
}

/** Paragraphs already set, by setting and text: the view counts a paragraph's lines and both renderers print it. */
const set = new Map<string, string>();
forgetWithTemplates(() => set.clear());
/** Entries kept before the oldest are forgotten, so that a long run cannot fill memory. */
const SET_CACHE = 5_000;

/** A paragraph's text as printed in its setting: justified, its last line never one word alone unless keeping it so would leave the line above too loose. */
export function typesetParagraph(text: string, s: ParagraphSetting): string {
  if (s.align !== 'justify') return typeset(text);
  const key = `${s.size} ${s.variant} ${s.room} ${s.first} ${s.leadSpaces} ${text}`;
  let printed = set.get(key);
  if (printed === undefined) {
    const plain = typeset(text);
    printed = keepLastWords(plain, layout.lastWords, () => loosens(plain, s));
    if (set.size >= SET_CACHE) set.delete(set.keys().next().value!);
    set.set(key, printed);
  }
  return printed;
}

/**
 * Whether carrying the word before the last down leaves the line it leaves with its spaces widened past
 * layout.lastWordsStretch. Lines break greedily, so only a last line of one word changes, and the line above it
 * then loses its last word.
 */
function loosens(printed: string, s: ParagraphSetting): boolean {
  const lines = wrapper(printed, s.size, s.variant)(s.room, s.first);
  if (lines.length < 2 || lines.at(-1)!.includes(' ')) return false;
  const above = lines.at(-2)!;
  const rest = above.slice(0, Math.max(above.lastIndexOf(' '), 0));
  const spaces = rest.split(' ').length - 1 + (lines.length === 2 ? s.leadSpaces : 0);
  const spare = (lines.length === 2 ? s.first : s.room) - textWidthPt(rest, s.size, s.variant);
  return spaces === 0 || spare / spaces > layout.lastWordsStretch * textWidthPt(' ', s.size, s.variant);
}

/** A text the view broke into lines ("\n" between them: a balanced title), each line set on its own. */
export const typesetLines = (text: string): string => text.split('\n').map(typeset).join('\n');
