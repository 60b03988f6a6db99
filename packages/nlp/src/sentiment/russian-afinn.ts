// The Russian sentiment lexicon of nlp.js (@nlpjs/lang-ru: ~6,400 stems scored −5…+5) with its
// Snowball stemmer. Used as a dense feature of the Russian model and, alone, as the Russian
// lexicon baseline in the benchmark.

import langRu from '@nlpjs/lang-ru';

export interface RussianAfinn {
  /** Sum of the lexicon scores of the words' stems (0 when none is known). */
  sum(words: readonly string[]): number;
}

/** `stemsKept`: how many words the stemmer (and the scores kept here) may remember before starting afresh (default 100,000). */
export function createRussianAfinn(options: { stemsKept?: number } = {}): RussianAfinn {
  const stemsKept = options.stemsKept ?? 100_000;
  const stemmer = new langRu.StemmerRu();
  const table = new Map<string, number>();
  for (const [stem, v] of Object.entries(langRu.SentimentRu.afinn)) {
    const n = Number(v);
    if (Number.isFinite(n) && n !== 0) table.set(stem, n);
  }
  // The stemmer remembers every word it stems, without bound (about 100 bytes a word, for good, in a
  // long-running analyzer), and so does the map of each word's score kept here (one lookup instead of
  // the stemmer's own): both start afresh after stemsKept words and refill with the words in use.
  const scores = new Map<string, number>();
  return {
    sum(words) {
      let s = 0;
      for (const w of words) {
        let v = scores.get(w);
        if (v === undefined) {
          if (scores.size >= stemsKept) {
            scores.clear();
            stemmer.cache = {};
          }
          v = /[а-яё]/.test(w) ? (table.get(stemmer.stemWord(w)) ?? 0) : 0;
          scores.set(w, v);
        }
        s += v;
      }
      return s;
    },
  };
}
