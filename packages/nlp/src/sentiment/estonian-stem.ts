// A light Estonian stemmer for sentiment features: Estonian marks 14 cases and the plural with
// endings ("teenindus", "teenindusega", "teeninduse", "teenindusele"), so one opinion word shows up
// in many forms. Stripping the longest known case/plural (and a few verb) ending lets the model
// share evidence between them; character n-grams alone only partly do. Works on folded words
// (õ ä ö ü → o a o u), keeps at least four letters, and is deliberately crude: no lexicon, no
// stem-vowel or consonant-gradation rules.

/** Case endings with an optional plural marker before them, then bare plural and verb endings. */
const ENDINGS = [
  'desse',
  'tesse',
  'idesse',
  'dega',
  'tega',
  'idega',
  'dele',
  'tele',
  'dest',
  'test',
  'delt',
  'telt',
  'deks',
  'teks',
  'dena',
  'tena',
  'deta',
  'teta',
  'des',
  'tes',
  'del',
  'tel',
  'sse',
  'sid',
  'nud',
  'tud',
  'vad',
  'sin',
  'ga',
  'ta',
  'na',
  'ni',
  'ks',
  'lt',
  'le',
  'st',
  'id',
  'de',
  'te',
  'da',
  'ma',
  'l',
  's',
  't',
  'd',
  'b',
].sort((a, b) => b.length - a.length);

const MIN_STEM = 4;

/** The word without its longest known ending, or the word itself when none fits. */
export function estonianStem(word: string): string {
  for (const e of ENDINGS) {
    if (word.length - e.length >= MIN_STEM && word.endsWith(e)) return word.slice(0, word.length - e.length);
  }
  return word;
}
