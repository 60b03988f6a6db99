// The Russian sentiment lexicon of nlp.js (@nlpjs/lang-ru: ~6,400 stems scored −5…+5) with its
// Snowball stemmer. Used as a dense feature of the Russian model and, alone, as the Russian
// lexicon baseline in the benchmark.

import langRu from '@nlpjs/lang-ru';

export interface RussianAfinn {
  /** Sum of the lexicon scores of the words' stems (0 when none is known). */
  sum(words: readonly string[]): number;
}

export function createRussianAfinn(): RussianAfinn {
  const stemmer = new langRu.StemmerRu();
  const table = new Map<string, number>();
  for (const [stem, v] of Object.entries(langRu.SentimentRu.afinn)) {
    const n = Number(v);
    if (Number.isFinite(n) && n !== 0) table.set(stem, n);
  }
  return {
    sum(words) {
      let s = 0;
      for (const w of words) {
        if (!/[а-яё]/.test(w)) continue;
        s += table.get(stemmer.stemWord(w)) ?? 0;
      }
      return s;
    },
  };
}
