// Hebrew writes some particles as one letter attached to the next word: ו (and), ה (the), ב (in),
// ל (to), מ (from), ש (that), כ (as). A word read for its stem may carry up to two of them (ו+ה, ש+ב …);
// the lexicon (sentiment/lexicons.ts) and the topic cues (topics/cue-matcher.ts) strip the same letters.

export const HEBREW_PREFIXES: readonly string[] = ['ו', 'ה', 'ב', 'ל', 'מ', 'ש', 'כ'];
