// Finds the words tokenize.ts makes tokens of, as the regular expression WORD_PATTERN says, by a
// scan over character classes instead of the regex engine: the regex's match arrays were a fifth
// of everything the analysis allocated, and its Unicode classes are tested range by range for each
// character (ROUNDS.md round 44). word-scanner.test.ts checks the scan against the regex itself on
// our sentences and on generated strings of the characters where the two could part.

/**
 * The words, as a regex (the scan's specification): a Hebrew abbreviation with its gershayim or geresh
 * (צה"ל, ג'ובניק); a letter or digit followed by letters, digits and marks, with apostrophes inside
 * (don't, Kaspi'ге); one pictograph (an emoji); an emoticon. Searched left to right, each search
 * starting where the last word ended.
 */
export const WORD_PATTERN =
  /[\u05D0-\u05EA]+(?:["'\u05F3\u05F4][\u05D0-\u05EA]+)+|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’`][\p{L}\p{M}]+)*|\p{Extended_Pictographic}|[:;]-?[()DPp]/gu;

/** A code point's classes as bits: KNOWN once worked out, then which of the pattern's classes it is in. */
const KNOWN = 1;
const LETTER = 2;
const DIGIT = 4;
const MARK = 8;
const PICTOGRAPH = 16;

/** The classes of each code point below U+10000, worked out by the pattern's own property escapes the first time one is read. */
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();
/** Code points above U+FFFF whose classes are kept; others are worked out each time they are read. */
const MAX_ASTRAL_KEPT = 4096;

function classesOf(cp: number): number {
  if (cp < 0x10000) {
    const known = bmpClasses[cp]!;
    return known !== 0 ? known : (bmpClasses[cp] = classify(String.fromCharCode(cp)));
  }
  let known = astralClasses.get(cp);
  if (known === undefined) {
    known = classify(String.fromCodePoint(cp));
    // Emoji and the like repeat; a text of a million distinct code points must not grow the map without bound.
    if (astralClasses.size < MAX_ASTRAL_KEPT) astralClasses.set(cp, known);
  }
  return known;
}

function classify(ch: string): number {
  return (
    KNOWN |
    (/\p{L}/u.test(ch) ? LETTER : 0) |
    (/\p{N}/u.test(ch) ? DIGIT : 0) |
    (/\p{M}/u.test(ch) ? MARK : 0) |
    (/\p{Extended_Pictographic}/u.test(ch) ? PICTOGRAPH : 0)
  );
}

const isHebrewLetter = (c: number): boolean => c >= 0x5d0 && c <= 0x5ea;

/** The end of the run of Hebrew letters (U+05D0–U+05EA) from `i`. */
function hebrewRunEnd(s: string, i: number): number {
  while (i < s.length && isHebrewLetter(s.charCodeAt(i))) i++;
  return i;
}

/** The end of the code points from `i` that are in one of `classes`. */
function runEnd(s: string, i: number, classes: number): number {
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    if ((classesOf(cp) & classes) === 0) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** The end of the word that starts at `i`, or -1 if none does. */
function wordEnd(s: string, i: number): number {
  const first = s.codePointAt(i)!;
  if (isHebrewLetter(first)) {
    // A Hebrew abbreviation: letters, then one or more times a quote mark and letters.
    let end = hebrewRunEnd(s, i);
    let quoted = false;
    for (;;) {
      const q = s.charCodeAt(end);
      if (!(q === 0x22 || q === 0x27 || q === 0x5f3 || q === 0x5f4) || !isHebrewLetter(s.charCodeAt(end + 1))) break;
      end = hebrewRunEnd(s, end + 1);
      quoted = true;
    }
    if (quoted) return end;
  }
  const classes = classesOf(first);
  if ((classes & (LETTER | DIGIT)) !== 0) {
    let end = runEnd(s, i + (first > 0xffff ? 2 : 1), LETTER | DIGIT | MARK);
    // Apostrophes inside the word, each followed by letters or marks.
    for (;;) {
      const q = s.charCodeAt(end);
      if (!(q === 0x27 || q === 0x2019 || q === 0x60)) break;
      const after = runEnd(s, end + 1, LETTER | MARK);
      if (after === end + 1) break;
      end = after;
    }
    return end;
  }
  if ((classes & PICTOGRAPH) !== 0) return i + (first > 0xffff ? 2 : 1);
  if (first === 0x3a || first === 0x3b) {
    // An emoticon: [:;]-?[()DPp].
    if (s.charCodeAt(i + 1) === 0x2d && mouth(s.charCodeAt(i + 2))) return i + 3;
    if (mouth(s.charCodeAt(i + 1))) return i + 2;
  }
  return -1;
}

/** An emoticon's mouth: ( ) D P p. */
function mouth(c: number): boolean {
  return c === 0x28 || c === 0x29 || c === 0x44 || c === 0x50 || c === 0x70;
}

/** Calls `word(start, end)` for each word of `s` in order, as WORD_PATTERN's matches would give them. */
export function scanWords(s: string, word: (start: number, end: number) => void): void {
  for (let i = 0; i < s.length;) {
    const end = wordEnd(s, i);
    if (end < 0) {
      i += s.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    word(i, end);
    i = end;
  }
}
