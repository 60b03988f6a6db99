// The Russian sentiment lexicon of nlp.js (@nlpjs/lang-ru: ~6,400 stems scored −5…+5) with its
// Snowball stemmer. Used as a dense feature of the Russian model and, alone, as the Russian
// lexicon baseline in the benchmark.

import langRu from '@nlpjs/lang-ru';

export interface RussianAfinn {
  /** Sum of the lexicon scores of the words' stems (0 when none is known). */
  sum(words: readonly string[]): number;
}

/** `stemsKept`: how many words the stemmer may remember before it starts afresh (default 200,000). */
export function createRussianAfinn(options: { stemsKept?: number } = {}): RussianAfinn {
  const stemsKept = options.stemsKept ?? 200_000;
  const stemmer = new langRu.StemmerRu();
  const table = new Map<string, number>();
  for (const [stem, v] of Object.entries(langRu.SentimentRu.afinn)) {
    const n = Number(v);
    if (Number.isFinite(n) && n !== 0) table.set(stem, n);
  }
  // The stemmer remembers every word it stems, without bound (about 100 bytes a word, for good, in a
  // long-running analyzer): it starts afresh after stemsKept words and refills with the words in use.
  let stemmed = 0;
  return {
    sum(words) {
      let s = 0;
      for (const w of words) {
        if (!/[а-яё]/.test(w)) continue;
        if (++stemmed > stemsKept) {
          stemmer.cache = {};
          stemmed = 1;
        }
        s += table.get(stemmer.stemWord(w)) ?? 0;
      }
      return s;
    },
  };
}
