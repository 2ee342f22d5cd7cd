/** Small rules of Vietnamese running text. */

/** "phát động Đợt thi đua ..." from a summary, to follow other words in a sentence. */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** "Các phòng, ban ..." to open a sentence. */
export function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** Whether a text is written in capitals (and has letters at all). */
export const isCapitals = (s: string): boolean => s === s.toLocaleUpperCase('vi') && s !== s.toLocaleLowerCase('vi');

/**
 * Openings of the names of bodies and of the Party and State, whose words after the first are in lower case ("Ủy
 * ban nhân dân", "Nhà nước"): such a name keeps its capital inside a sentence, a common noun ("Tỷ lệ", "Hội viên")
 * does not. A name whose second word is capitalised ("Hội Nông dân", "Phòng Kinh tế", "Thôn 1") is known by that.
 */
const NAME_OPENERS = ['đảng', 'bác', 'ủy ban', 'hội đồng', 'mặt trận', 'công an', 'quân đội', 'nhà nước', 'văn phòng', 'chi bộ', 'chi hội', 'chi đoàn', 'trung tâm', 'chính phủ', 'quốc hội', 'ban chỉ', 'ban thường', 'ban công', 'tổ dân', 'trạm y'];

/** A phrase that goes on a sentence after "," "và" or ";": "tỷ lệ hộ cận nghèo", but "Ủy ban nhân dân xã", "UBND xã" as written. */
export function continuing(s: string): string {
  const [first = '', second = ''] = s.split(/[\s,;:]+/, 2);
  if ((first.length > 1 && isCapitals(first)) || /^[\p{Lu}\p{Nd}]/u.test(second)) return s;
  const lower = s.toLocaleLowerCase('vi');
  return NAME_OPENERS.some((o) => lower === o || lower.startsWith(`${o} `)) ? s : lowerFirst(s);
}

/** Names in one phrase, as a clerk joins them: "A", "A và b", "A, b và c"; each after the first goes on in lower case unless it is a name. */
export function joinNames(names: readonly string[]): string {
  const [first, ...rest] = names;
  if (first === undefined) return '';
  const more = rest.map(continuing);
  return more.length ? `${[first, ...more.slice(0, -1)].join(', ')} và ${more.at(-1)}` : first;
}

/** A list cut from a longer one ends with a full stop, not the ";" that led on to the rest. */
export const closeList = (lines: string[]): string[] => lines.map((t, i) => (i === lines.length - 1 ? t.replace(/;$/, '.') : t));

/**
 * The sentences of a text: it is cut after ".", "!" or "?" where the next
 * word starts with a capital ("... trên địa bàn xã. Thực hiện quyết liệt ...");
 * a full stop inside a figure or an abbreviation is not followed by a space
 * and a capital, so it does not cut.
 */
export const sentencesOf = (text: string): string[] => text.split(SENTENCE_BREAK);

/** A sentence ends at ".", "!" or "?" before a capital; not after an abbreviation ("TP. Hải Phòng", "TS. Nguyễn") or an article's number ("Điều 5. Luật"). */
const SENTENCE_BREAK = /(?<=[.!?])(?<!(?:^|[\s(])(?:TP|Tp|TX|TT|TS|ThS|PGS|GS|BS|KS|Q|P|X|St|Th)\.)(?<!(?:Điều|Khoản|Mục|Chương|Phần|Phụ lục) \d+\.)\s+(?=\p{Lu})/u;

/**
 * Straight double quotes as typographic ones: “ where a quotation opens (at
 * the start, after a space or an opening bracket), ” elsewhere.
 */
export const typographicQuotes = (text: string): string => text.replace(/"/g, (_, i: number) => (i === 0 || /[\s([{“‘]/u.test(text[i - 1]) ? '“' : '”'));

const NBSP = '\u00a0';
/** NON-BREAKING HYPHEN: the dash as printed, with no line break on either side (Unicode line breaking, UAX 14: class GL); the PDF prints a plain hyphen once lines are broken. */
export const NB_HYPHEN = '\u2011';
/** WORD JOINER: no line break here, and nothing printed (the PDF renderer drops it once lines are broken). */
export const WORD_JOINER = '\u2060';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase as a pattern: its spaces may already be no-break spaces, its dash a non-breaking hyphen. */
const phrasePattern = (phrase: string): string =>
  escape(phrase.normalize('NFC')).replace(/ /g, '[ \u00a0]').replace(/-/g, `[-${NB_HYPHEN}]`);

/**
 * A title with a name at its end that is kept on one line ("... năm 2025 /
 * tại Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", never "tại Văn
 * phòng Hội / đồng ..."): the name's spaces become no-break spaces, when the
 * name fits on a line of its own (`fitsLine`), and the word before it ("tại")
 * goes with it where the two fit one, so that no line ends "... của Đảng
 * tại"; a longer name wraps as any text.
 */
export function keepNameTogether(title: string, name: string, fitsLine: (text: string) => boolean): string {
  if (!title.endsWith(name) || !fitsLine(name)) return title;
  // A dash inside it ("Văn hóa - Xã hội") is joined as everywhere else.
  const joined = name.replace(/ - /g, `${NBSP}${NB_HYPHEN}${NBSP}`).replace(/ /g, NBSP);
  const head = title.slice(0, title.length - name.length);
  const word = /(?<=^|\s)(\S+) $/u.exec(head);
  return word && fitsLine(`${word[1]} ${name}`) ? `${head.slice(0, word.index)}${word[1]}${NBSP}${joined}` : head + joined;
}

/**
 * A justified paragraph's last line never holds one word alone ("... vượt kế / hoạch."): its last two words are
 * joined by a no-break space where together they are at most `most` characters, so that both renderers carry the
 * word before down with it. Longer ones stay apart, and so does a pair whose joining would leave the line above it
 * too loose (`loosens`, which the caller measures): a line of gaping spaces is worse than a short word
 * alone. A last word already held to the one before it is left as it is.
 */
// Measured from break to break: a word before that ends a no-break chain ("372 triệu") moves down with all of it.
const LAST_TWO = new RegExp(`(?:^|[ \\t\\n])([^ \\t\\n]+) (\\S+)$`, 'u');
/** Characters a reader sees: not the invisible joiners (U+2060) that hold "2025-2030" together. */
const seen = (t: string): number => [...t.replace(/\p{Cf}/gu, '')].length;

export function keepLastWords(text: string, most: number, loosens: () => boolean = () => false): string {
  const last = LAST_TWO.exec(text);
  if (!last) return text;
  const [, before, word] = last;
  if (seen(before) + 1 + seen(word) > most) return text;
  return loosens() ? text : `${text.slice(0, -word.length - 1)}${NBSP}${word}`;
}

/** Whether a line may end after `word`: its comma, semicolon or colon ends a phrase. */
export const endsClause = (word: string): boolean => /[,;:]$/.test(word);

/** Whether the words from here (`ahead`, in lower case, no-break spaces as spaces) open a phrase: "(" or a word of `breakBefore` ("của", "tại"). */
export const opensPhrase = (ahead: string, breakBefore: readonly string[]): boolean =>
  ahead.startsWith('(') || breakBefore.some((o) => `${ahead} `.startsWith(`${o} `));

/** Whether a name opens after `word`: a capitalised word ("Đại hội", "Đảng") after a word in lower case ("chào mừng / Đại hội đại biểu ..."); a numeral ("XIV") or a name's own next word ("Hội đồng") opens none. */
export const opensName = (word: string, next: string): boolean => /^\p{Lu}\p{Ll}/u.test(next) && /^\p{Ll}/u.test(word);

/** How a heading or title is measured and broken: see breakAtPhrases. */
export interface PhraseBreaks {
  /** Width of a line as printed; `index` 0 is the first line, which may be indented. */
  width: (line: string, index: number) => number;
  /** Width of a line's room. */
  room: number;
  /** Words that open a phrase, in lower case ("của", "và", "tại"). */
  breakBefore: readonly string[];
  /** The text as printed, its unbreakable spaces no-break (typeset): a line breaks only at its spaces. */
  printed: (text: string) => string;
}

/**
 * A heading or title that wraps inside a phrase breaks, as a clerk breaks it,
 * at the nearest place a phrase ends: after a comma ("... NHIỆM VỤ, / GIẢI
 * PHÁP TỔ CHỨC ...", never "GIẢI PHÁP TỔ / CHỨC"), or else before a word that
 * opens one (`breakBefore`, or "("), so that no line ends "... của Ủy ban /
 * nhân dân xã" or "... năm 2025 tại / Công an xã". Each line is broken
 * greedily at the spaces that stay breakable once printed, as a word
 * processor breaks it; where that break falls inside a phrase and a phrase
 * ends on the line with the line at least two thirds full, the words from
 * there to the break, and the next one, are joined by no-break spaces, so
 * both renderers break there.
 */
export function breakAtPhrases(text: string, { width, room, breakBefore, printed }: PhraseBreaks): string {
  // Most headings fit their line: measured once, not word by word.
  if (width(text, 0) <= room) return text;
  const words = tokens(text, printed(text));
  if (!words) return text;
  // Whether each word opens a phrase, read once: the loops below ask it of every word of every line.
  const lower = words.map((w) => w.replace(/\u00a0/g, ' ').toLocaleLowerCase('vi'));
  const opening = words.map((_, b) => opensPhrase(lower.slice(b, b + 3).join(' '), breakBefore));
  const afterComma = (b: number): boolean => endsClause(words[b - 1]);
  const opens = (b: number): boolean => opening[b];
  for (let i = 0, line = 0; i < words.length; line++) {
    let n = i + 1;
    while (n < words.length && width(words.slice(i, n + 1).join(' '), line) <= room) n++;
    if (n >= words.length) break;
    if (!afterComma(n) && !opens(n)) {
      const full = (b: number): boolean => width(words.slice(i, b).join(' '), line) >= (room * 2) / 3;
      const last = (at: (b: number) => boolean): number => {
        for (let b = n - 1; b > i; b--) if (at(b)) return full(b) ? b : -1;
        return -1;
      };
      const b = [last(afterComma), last(opens)].find((k) => k > i);
      if (b !== undefined) {
        words.splice(b, n + 1 - b, words.slice(b, n + 1).join(NBSP));
        // The joined words open a phrase where their first does.
        opening.splice(b, n + 1 - b, opening[b]);
        n = b;
      }
    }
    i = n;
  }
  return words.join(' ');
}

/**
 * The words of `text` a line may break between: its words, those that
 * `print` joins by no-break spaces taken as one ("kinh tế - xã hội"). Null
 * where the printed text does not match (it turns spaces into no-break ones
 * and nothing else into spaces).
 */
function tokens(text: string, print: string): string[] | null {
  const nbsp = (t: string): number => t.split(NBSP).length - 1;
  const words = text.split(' ');
  const out: string[] = [];
  let w = 0;
  for (const chunk of print.split(' ')) {
    // A chunk's no-break spaces are the words' own and the spaces between the words it joins.
    const group: string[] = [];
    let joined = 0;
    do {
      if (w >= words.length) return null;
      const word = words[w++];
      joined += nbsp(word) + (group.length ? 1 : 0);
      group.push(word);
    } while (joined < nbsp(chunk));
    out.push(group.join(' '));
  }
  return w === words.length ? out : null;
}

/**
 * Places a line must not break at, joined:
 * - around a dash between words ("2025 - 2030": no line ends or starts with the dash);
 * - inside the phrases given ("kinh tế - xã hội", "quốc phòng - an ninh"), whole;
 * - between a number and the word after it ("833,509 tỷ đồng", "135/856 lượt người"), not after a date's day or
 *   month ("tháng 10 cho");
 * - between "số" or "ngày" and the number they introduce;
 * - after the "/" and "-" inside a symbol or a pair ("232/KH-UBND", "(b/c)", "2025-2030");
 * - before a short note in brackets ("Thành ủy (b/c);"): a long name wraps before its last word, never leaving
 *   "(b/c);" alone on a line;
 * - inside a place's name after the word of its level ("thành phố Hải Phòng",
 *   "xã Đông Phương"): its capitalised syllables, up to three.
 * Applied alike by both renderers, so the DOCX as Word or LibreOffice lays
 * it out and the PDF break lines alike.
 */
export function keepTogetherWith(phrases: readonly string[], placeWords: readonly string[] = []): (text: string) => string {
  const whole = phrases.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
  const place = keepPlaceNames(placeWords);
  return (text: string): string => {
    const joined = text
      .replace(/(?<=\S) - (?=\S)/gu, `${NBSP}${NB_HYPHEN}${NBSP}`)
      // A year ("năm 2025 tại") and a date's day or month ("tháng 10 cho") are no figure with a unit: joined, they
      // would leave long runs that stretch justified lines.
      // A date written out stays joined as before ("15 tháng", "10 năm").
      .replace(/(?<=\d)(?<!(?:^|[^\d.,])(?:19|20)\d\d)(?: (?=(?:tháng|năm)(?!\p{L}))|(?<!(?:^|\s)(?:[tT]háng|[nN]gày|[qQ]uý|[tT]hứ)[ \u00a0][\d/]+) (?=\p{Ll}))/gu, NBSP)
      .replace(/(?<=(?:^|\s)(?:[sS]ố|[nN]gày)) (?=\d)/gu, NBSP)
      .replace(/ (?=\(\p{L}{1,3}\/\p{L}{1,3}\))/gu, NBSP)
      .replace(/(?<=[\p{L}\p{N}][/-])(?=[\p{L}\p{N}])/gu, WORD_JOINER);
    const placed = place(joined);
    return whole ? placed.replace(whole, (m) => m.replace(/ /g, NBSP)) : placed;
  };
}

/** A place's name after its level word kept on one line: its spaces become no-break spaces. */
export function keepPlaceNames(placeWords: readonly string[]): (text: string) => string {
  if (!placeWords.length) return (text) => text;
  const pattern = placePattern(placeWords);
  return (text) => text.replace(pattern, (m) => m.replace(/ /g, NBSP));
}

/** A place's name after its level word: two or three syllables, each capitalised ("Hải Phòng", "Đông Phương"), not a line in capitals. */
function placePattern(placeWords: readonly string[]): RegExp {
  // Case-sensitive (a name's syllables are told by their capitals): the level word as written, or opening a sentence.
  const level = placeWords
    .flatMap((w) => [w, w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)])
    .map((w) => escape(w.normalize('NFC')).replace(/ /g, '[ \u00a0]'))
    .join('|');
  const syllable = '\\p{Lu}\\p{Ll}+';
  return new RegExp(`(?<=(?<![\\p{L}\\p{N}])(?:${level})[ \u00a0])${syllable}(?: ${syllable}){1,2}(?![\\p{L}\\p{N}])`, 'gu');
}
