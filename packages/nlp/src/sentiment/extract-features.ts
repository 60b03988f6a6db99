// Turns a text into the sparse feature vector the sentiment models read: hashed word unigrams and
// bigrams (negation-marked), character 3–5-grams inside words (they carry inflected stems across
// case endings and Hebrew prefixes), emoticon cues, and a few dense lexicon features. Training and
// prediction both call this, so they cannot drift apart.

import { fold } from '../text/fold.js';
import { tokenize } from '../text/tokenize.js';
import { fnv1a, fnv1aRange, fnv1aSeed } from './hash.js';
import type { LexiconScorer } from './lexicon-scorer.js';

export interface SparseVector {
  indices: number[];
  values: number[];
}

export interface FeatureExtractorOptions {
  hashBits: number;
  lexicon: LexiconScorer;
  /** Extra dense scores (wink-nlp for English, the nlp.js lexicon for Russian), each in about [-1, 1]. */
  extraScores?: ((text: string, foldedWords: readonly string[]) => number)[];
}

export interface FeatureExtractor {
  extract(text: string): SparseVector;
}

const NEGATION_SCOPE = 3;
const CHAR_NGRAMS = [3, 4, 5];
const MAX_WORD_FOR_NGRAMS = 24;
const LEXICON_WEIGHT = 0.5;

export function createFeatureExtractor(options: FeatureExtractorOptions): FeatureExtractor {
  const mask = (1 << options.hashBits) - 1;
  const { lexicon } = options;
  const extras = options.extraScores ?? [];
  const charSeed = fnv1aSeed('c:');

  return {
    extract(text: string): SparseVector {
      const words = tokenize(text).map((t) => fold(t.text));
      const counts = new Map<number, number>();
      const bump = (key: string): void => {
        const h = fnv1a(key) & mask;
        counts.set(h, (counts.get(h) ?? 0) + 1);
      };
      let negateLeft = 0;
      let prev = '<s>';
      for (const w of words) {
        if (lexicon.isNegator(w)) { negateLeft = NEGATION_SCOPE; bump(`w:${w}`); bump(`b:${prev} ${w}`); prev = w; continue; }
        const marked = negateLeft > 0 ? `!${w}` : w;
        bump(`w:${marked}`);
        bump(`b:${prev} ${w}`);
        if (w.length <= MAX_WORD_FOR_NGRAMS) {
          const padded = `<${w}>`;
          for (const n of CHAR_NGRAMS) {
            for (let i = 0; i + n <= padded.length; i++) {
              const h = fnv1aRange(charSeed, padded, i, i + n) & mask;
              counts.set(h, (counts.get(h) ?? 0) + 1);
            }
          }
        }
        if (negateLeft > 0) negateLeft--;
        prev = w;
      }
      if (words.length > 0) bump(`b:${prev} </s>`);
      if (/\)\)|[:;]-?\)|\)\s*$/.test(text)) bump('e:smile');
      if (/\(\(|:-?\(/.test(text)) bump('e:frown');
      if (text.includes('!')) bump('e:!');
      if (text.includes('?')) bump('e:?');

      const indices: number[] = [];
      const values: number[] = [];
      let norm = 0;
      for (const v of counts.values()) norm += v * v;
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (const [i, v] of counts) { indices.push(i); values.push(v * scale); }

      // Dense features live in the top buckets, outside the hashed range.
      const hits = lexicon.score(words);
      const dense = [
        Math.tanh(hits.score / 2),
        Math.min(hits.positive, 3) / 3,
        Math.min(hits.negative, 3) / 3,
        Math.min(hits.negated, 2) / 2,
        ...extras.map((f) => f(text, words)),
      ];
      dense.forEach((v, k) => { indices.push(mask + 1 + k); values.push(v * LEXICON_WEIGHT * 2); });
      return { indices, values };
    },
  };
}
