// Turns a text into the sparse feature vector the sentiment models read: hashed word unigrams and
// bigrams (negation-marked), character 3–5-grams inside words (they carry inflected stems across
// case endings and Hebrew prefixes), emoticon cues, and a few dense lexicon features. Training and
// prediction both call this, so they cannot drift apart. Hashes are computed over char codes
// (no key strings are built) counted in a reusable table, so the hot path allocates almost nothing.

import { prepareText, type PreparedText } from '../text/prepare-text.js';
import { FeatureBuffer, type SparseVector } from './feature-buffer.js';
import { fnv1aCode, fnv1aMore, fnv1aSeed } from './hash.js';
import { NEGATION_SCOPE, type LexiconHits, type LexiconScorer } from './lexicon-scorer.js';

export type { SparseVector } from './feature-buffer.js';

export interface FeatureExtractorOptions {
  hashBits: number;
  lexicon: LexiconScorer;
  /** Extra dense scores (wink-nlp for English, the nlp.js lexicon for Russian), each in about [-1, 1]. */
  extraScores?: ((text: string, foldedWords: readonly string[]) => number)[];
  /** Character n-gram lengths inside words (default 3–5). */
  ngrams?: { min: number; max: number };
  /** A word's stem without inflectional endings (Estonian), hashed as one more unigram ("s:"). */
  stem?: (foldedWord: string) => string;
  /** Count each hashed feature once however often it occurs (long texts). */
  binary?: boolean;
  /** Word classes learned from unlabeled text, one hashed feature per granularity (scripts/word-clusters.ts; measured, not shipped: ROUNDS.md round 6). */
  wordClasses?: ReadonlyMap<string, readonly number[]>;
  /** Words inside links ('links'), @handles ('handles') or both give one marker feature each (e:link, e:@) instead of their own: a tweet's handle names one account, not an opinion (ROUNDS.md round 14). */
  links?: 'links' | 'handles' | 'links-and-handles';
}

export interface FeatureExtractor {
  /** A fresh vector (training). */
  extract(text: string | PreparedText): SparseVector;
  /** Clears `out` and writes the features of `text` into it (prediction); returns the lexicon's hits. */
  extractInto(text: PreparedText, out: FeatureBuffer): LexiconHits;
}

const MAX_WORD_FOR_NGRAMS = 24;
const LEXICON_WEIGHT = 0.5;
const SPACE = 0x20;
const LT = 0x3c;
const GT = 0x3e;
const SMILE = /\)\)|[:;]-?\)|\)\s*$/;
const FROWN = /\(\(|:-?\(/;

export function createFeatureExtractor(options: FeatureExtractorOptions): FeatureExtractor {
  const mask = (1 << options.hashBits) - 1;
  const { lexicon } = options;
  const extras = options.extraScores ?? [];
  const minNgram = options.ngrams?.min ?? 3;
  const maxNgram = options.ngrams?.max ?? 5;
  const { stem } = options;
  const binary = options.binary ?? false;
  const classBuckets = options.wordClasses ? wordClassBuckets(options.wordClasses, mask) : undefined;
  // Seeds are the FNV states after each feature kind's prefix ("w:", "b:", "c:"), so a feature's
  // bucket is fnv1a("w:" + word) and so on, without building that string.
  const wordSeed = fnv1aSeed('w:');
  const negatedSeed = fnv1aSeed('w:!');
  const bigramSeed = fnv1aSeed('b:');
  const charSeed = fnv1aSeed('c:');
  const stemSeed = fnv1aSeed('s:');
  const negatedStemSeed = fnv1aSeed('s:!');
  const startSeed = fnv1aSeed('b:<s> ');
  const smile = (fnv1aSeed('e:smile') >>> 0) & mask;
  const frown = (fnv1aSeed('e:frown') >>> 0) & mask;
  const bang = (fnv1aSeed('e:!') >>> 0) & mask;
  const question = (fnv1aSeed('e:?') >>> 0) & mask;
  const linkMark = (fnv1aSeed('e:link') >>> 0) & mask;
  const handleMark = (fnv1aSeed('e:@') >>> 0) & mask;
  const linkPattern = options.links ? LINK_PATTERNS[options.links] : undefined;

  const charNgrams = (w: string, out: FeatureBuffer): void => {
    const padded = w.length + 2;
    for (let i = 0; i + minNgram <= padded; i++) {
      let h = charSeed;
      const stop = Math.min(padded, i + maxNgram);
      for (let j = i; j < stop; j++) {
        h = fnv1aCode(h, j === 0 ? LT : j === padded - 1 ? GT : w.charCodeAt(j - 1));
        if (j - i + 1 >= minNgram) out.count((h >>> 0) & mask);
      }
    }
  };

  const extractInto = (prepared: PreparedText, out: FeatureBuffer): LexiconHits => {
    out.clear();
    const { words, text } = prepared;
    const skip = linkPattern ? linkTokens(prepared, linkPattern, out, linkMark, handleMark) : undefined;
    let negateLeft = 0;
    let prevSeed = startSeed; // FNV state of "b:" + previous word + " "
    for (let i = 0; i < words.length; i++) {
      if (skip?.[i]) continue;
      const w = words[i]!;
      const isNegator = lexicon.isNegator(w);
      const marked = !isNegator && negateLeft > 0;
      out.count((fnv1aMore(marked ? negatedSeed : wordSeed, w) >>> 0) & mask);
      out.count((fnv1aMore(prevSeed, w) >>> 0) & mask);
      prevSeed = fnv1aCode(fnv1aMore(bigramSeed, w), SPACE);
      if (isNegator) {
        negateLeft = NEGATION_SCOPE;
        continue;
      }
      if (stem) {
        const s = stem(w);
        if (s !== w) out.count((fnv1aMore(marked ? negatedStemSeed : stemSeed, s) >>> 0) & mask);
      }
      if (w.length <= MAX_WORD_FOR_NGRAMS) charNgrams(w, out);
      const classes = classBuckets?.get(w);
      if (classes) for (let k = marked ? 1 : 0; k < classes.length; k += 2) out.count(classes[k]!);
      if (negateLeft > 0) negateLeft--;
    }
    if (words.length > 0) out.count((fnv1aMore(prevSeed, '</s>') >>> 0) & mask);
    if (SMILE.test(text)) out.count(smile);
    if (FROWN.test(text)) out.count(frown);
    if (text.includes('!')) out.count(bang);
    if (text.includes('?')) out.count(question);

    out.flushCounts(binary);

    // Dense features live in the top buckets, outside the hashed range.
    const hits = lexicon.score(words);
    const weight = LEXICON_WEIGHT * 2;
    out.push(mask + 1, Math.tanh(hits.score / 2) * weight);
    out.push(mask + 2, (Math.min(hits.positive, 3) / 3) * weight);
    out.push(mask + 3, (Math.min(hits.negative, 3) / 3) * weight);
    out.push(mask + 4, (Math.min(hits.negated, 2) / 2) * weight);
    for (let k = 0; k < extras.length; k++) out.push(mask + 5 + k, extras[k]!(text, words) * weight);
    return hits;
  };

  return extractorOf(extractInto);
}

/** An extractor from its prediction path: `extract` (training) fills a fresh buffer the same way. */
export function extractorOf(extractInto: FeatureExtractor['extractInto']): FeatureExtractor {
  return {
    extractInto,
    extract(text) {
      const out = new FeatureBuffer();
      extractInto(typeof text === 'string' ? prepareText(text) : text, out);
      return out.toVector();
    },
  };
}

/** What each `links` option reads as one marker. */
const LINK_PATTERNS: Record<NonNullable<FeatureExtractorOptions['links']>, RegExp> = {
  links: /(?:https?:\/\/|www\.)\S+/gu,
  handles: /@[\p{L}\p{N}_]+/gu,
  'links-and-handles': /(?:https?:\/\/|www\.)\S+|@[\p{L}\p{N}_]+/gu,
};

/** Which tokens lie inside a link or handle; counts a marker for each link or handle. */
function linkTokens(prepared: PreparedText, pattern: RegExp, out: FeatureBuffer, linkMark: number, handleMark: number): Uint8Array | undefined {
  const { norm, starts, ends } = prepared;
  if (!norm.includes('://') && !norm.includes('www.') && !norm.includes('@')) return undefined;
  const skip = new Uint8Array(starts.length);
  let t = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(norm); m !== null; m = pattern.exec(norm)) {
    const end = m.index + m[0].length;
    out.count(m[0].startsWith('@') ? handleMark : linkMark);
    while (t < starts.length && starts[t]! < m.index) t++;
    while (t < starts.length && ends[t]! <= end) skip[t++] = 1;
  }
  return skip;
}

/** Each word's class features, hashed once: for each granularity g, "k<g>:<class>" then its negated form "k<g>:!<class>". */
function wordClassBuckets(classes: ReadonlyMap<string, readonly number[]>, mask: number): Map<string, Uint32Array> {
  const out = new Map<string, Uint32Array>();
  for (const [word, ids] of classes) {
    const buckets = new Uint32Array(ids.length * 2);
    ids.forEach((id, g) => {
      buckets[2 * g] = (fnv1aSeed(`k${g}:${id}`) >>> 0) & mask;
      buckets[2 * g + 1] = (fnv1aSeed(`k${g}:!${id}`) >>> 0) & mask;
    });
    out.set(word, buckets);
  }
  return out;
}
