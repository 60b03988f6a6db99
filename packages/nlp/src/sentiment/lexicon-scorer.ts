// Scores text with a polarity lexicon (lexicons.ts): stems matched by prefix so inflected forms
// count, phrases by their word sequence, negation flips polarity for a few words (or the previous
// word for Kazakh "емес"), intensifiers strengthen the next word. Its output is both a fallback
// sentiment and a feature group for the trained models.

import { createCharTrie, type CharTrie } from '../text/char-trie.js';
import { fold } from '../text/fold.js';
import type { Lexicon } from './lexicons.js';

export interface LexiconHits {
  positive: number;
  negative: number;
  /** Polar words that sat inside a negation scope. */
  negated: number;
  /** Sum of signed weights, negation and intensity applied. */
  score: number;
}

export interface LexiconScorer {
  score(foldedWords: readonly string[]): LexiconHits;
  /** Polarity of one folded word (+1, -1 or 0), ignoring context. */
  polarity(word: string): number;
  isNegator(word: string): boolean;
  /** Kazakh-style negators that follow the word they negate. */
  isPostNegator(word: string): boolean;
}

/** How many words after a negator it flips (the feature extractor marks the same words as negated). */
export const NEGATION_SCOPE = 3;

/** Bits of a word's entry in `kinds`: what the lexicon lists it as, by itself. */
const NEGATOR = 1;
const POST_NEGATOR = 2;
const INTENSIFIER = 4;
const EXACT_POSITIVE = 8;
const EXACT_NEGATIVE = 16;
/** The first word of a listed phrase. */
const PHRASE_START = 32;
/** A stem's value in the trie for an entry of `neutral`: found like a polar stem, it stands for no polarity. */
const NOT_POLAR = 2;
/** Words of a text score() keeps scratch arrays for. */
const SCRATCH_WORDS = 1024;

export function createLexiconScorer(options: { lexicon: Lexicon }): LexiconScorer {
  const { lexicon } = options;
  // One lookup tells everything the lexicon says of a whole word; stems of 4+ letters are matched by prefix in a trie.
  const kinds = new Map<string, number>();
  const mark = (word: string, kind: number): void => {
    kinds.set(word, (kinds.get(word) ?? 0) | kind);
  };
  // A later entry for the same short word wins, as in a map of word → polarity (a neutral one clears it).
  const exact = (f: string, polarity: number): void => {
    kinds.set(f, ((kinds.get(f) ?? 0) & ~(EXACT_POSITIVE | EXACT_NEGATIVE)) | (polarity > 0 ? EXACT_POSITIVE : polarity < 0 ? EXACT_NEGATIVE : 0));
  };
  const stems = new Map<string, number>();
  // Phrases by their first two words: a text is checked only for the phrases two of its words start,
  // longest first (of equal length, the first listed), so the first that matches is the one read.
  const phrases = new Map<string, Map<string, Phrase[]>>();
  const add = (entry: string, polarity: number): void => {
    const f = fold(entry);
    if (f.includes(' ')) {
      const words = f.split(' ').filter((w) => w !== '');
      const [first, second] = words as [string, string];
      const bySecond = phrases.get(first) ?? new Map<string, Phrase[]>();
      phrases.set(first, bySecond);
      bySecond.set(
        second,
        [...(bySecond.get(second) ?? []), { words, polarity }].sort((a, b) => b.words.length - a.words.length),
      );
      mark(first, PHRASE_START);
    } else if (f.length < 4) exact(f, polarity);
    else stems.set(f, polarity === 0 ? NOT_POLAR : polarity);
  };
  for (const w of lexicon.positive) add(w, 1);
  for (const w of lexicon.negative) add(w, -1);
  for (const w of lexicon.neutral ?? []) add(w, 0);
  for (const w of lexicon.negators) mark(fold(w), NEGATOR);
  for (const w of lexicon.postNegators) mark(fold(w), POST_NEGATOR);
  for (const w of lexicon.intensifiers) mark(fold(w), INTENSIFIER);
  const prefixes = (lexicon.prefixes ?? []).map(fold);
  const stemTrie = createCharTrie(stems);
  const exactOf = (k: number): number => ((k & EXACT_POSITIVE) !== 0 ? 1 : (k & EXACT_NEGATIVE) !== 0 ? -1 : 0);

  // Exact entries are the short ones (under 4 letters); a longer word is never one, and no stem fits a shorter one.
  // `kind`: the word's entry in kinds (score() has looked it up already). The first stem found
  // decides, a neutral one too: "goods" stays neutral under "good", Hebrew שטוף under טופ once ש is
  // stripped (a short neutral entry only clears the word's own polarity).
  const polarityOf = (word: string, kind: number): number => {
    const direct = word.length < 4 ? exactOf(kind) : longestStem(stemTrie, word, 0);
    if (direct !== 0 || prefixes.length === 0) return direct === NOT_POLAR ? 0 : direct;
    // Hebrew: strip up to two attached one-letter prefixes (ו+ה, ש+ב …).
    for (let i = 1; i <= 2 && i < word.length - 1; i++) {
      if (!prefixes.includes(word[i - 1]!)) break;
      const p = word.length - i < 4 ? exactOf(kinds.get(word.slice(i)) ?? 0) : longestStem(stemTrie, word, i);
      if (p !== 0) return p === NOT_POLAR ? 0 : p;
    }
    return 0;
  };
  const polarity = (word: string): number => polarityOf(word, kinds.get(word) ?? 0);
  const isNegator = (w: string): boolean => ((kinds.get(w) ?? 0) & NEGATOR) !== 0;
  // Scratch space for score() (analyze() is synchronous); a longer text gets arrays of its own, not kept.
  const values64 = new Float64Array(SCRATCH_WORDS);
  const kinds32 = new Int32Array(SCRATCH_WORDS);

  return {
    polarity,
    isNegator,
    isPostNegator: (w: string): boolean => ((kinds.get(w) ?? 0) & POST_NEGATOR) !== 0,
    score(words) {
      const hits: LexiconHits = { positive: 0, negative: 0, negated: 0, score: 0 };
      const n = words.length;
      const values = n <= SCRATCH_WORDS ? values64 : new Float64Array(n);
      const wordKinds = n <= SCRATCH_WORDS ? kinds32 : new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const w = words[i]!;
        const kind = kinds.get(w) ?? 0;
        wordKinds[i] = kind;
        values[i] = polarityOf(w, kind);
      }
      // A phrase's polarity stands for its words' own, left to right, the longest phrase first, and its
      // words lose their roles: a phrase may start with a negator ("can't wait") and hold one ("сөз жоқ"),
      // and is not negated by it; no phrase starts inside it (a neutral "күтуге тура келді" keeps "тура келді" out).
      for (let i = 0; i + 1 < n; i++) {
        if ((wordKinds[i]! & PHRASE_START) === 0) continue;
        const starting = phrases.get(words[i]!)!.get(words[i + 1]!);
        if (starting === undefined) continue;
        const match = phraseStartingAt(words, i, starting);
        if (match === undefined) continue;
        values[i] = match.polarity;
        wordKinds[i] = 0;
        for (let k = 1; k < match.words.length; k++) {
          values[i + k] = 0;
          wordKinds[i + k] = 0;
        }
        i += match.words.length - 1;
      }
      let negateLeft = 0;
      let boost = 1;
      for (let i = 0; i < n; i++) {
        const kind = wordKinds[i]!;
        if ((kind & NEGATOR) !== 0) {
          negateLeft = NEGATION_SCOPE;
          continue;
        }
        if ((kind & INTENSIFIER) !== 0 && values[i] === 0) {
          boost = 1.5;
          continue;
        }
        let p = values[i]!;
        if (p !== 0) {
          const negated = negateLeft > 0 || (i + 1 < n && (wordKinds[i + 1]! & POST_NEGATOR) !== 0);
          if (negated) {
            p = -p;
            hits.negated++;
          }
          if (p > 0) hits.positive++;
          else hits.negative++;
          hits.score += p * boost;
          boost = 1;
        }
        if (negateLeft > 0) negateLeft--;
      }
      return hits;
    },
  };
}

interface Phrase {
  words: string[];
  polarity: number;
}

/**
 * The first of `phrases` that `words` hold from `at` on. A loop, not find() with an arrow: an arrow
 * reading score()'s loop index made every iteration allocate a context (ROUNDS.md round 44).
 */
function phraseStartingAt(words: readonly string[], at: number, phrases: readonly Phrase[]): Phrase | undefined {
  for (const phrase of phrases) if (phraseAt(words, at, phrase.words)) return phrase;
  return undefined;
}

/** Whether `words` from `at` on are the phrase's words (its first two are known to be). */
function phraseAt(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > words.length) return false;
  for (let k = 2; k < phrase.length; k++) if (words[at + k] !== phrase[k]) return false;
  return true;
}

/** The value of the longest stem (4+ letters) `word` starts with from `from` (±1, or NOT_POLAR), 0 if none. */
function longestStem(stems: CharTrie, word: string, from: number): number {
  let node = 0;
  let found = 0;
  for (let i = from; i < word.length; i++) {
    node = stems.child(node, word.charCodeAt(i));
    if (node < 0) break;
    const value = stems.value(node);
    if (value !== 0) found = value;
  }
  return found;
}
