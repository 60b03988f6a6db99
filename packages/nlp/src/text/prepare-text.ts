// One pass over a mention that every stage reads: normalised text, word tokens, their folded forms
// and clause numbers. The analyzer prepares a text once and hands the result to sentiment,
// topics and word-of-mouth, so none of them tokenises or folds again.

import { hasMixedScripts, inOneScript } from '@earshot/text';
import { foldWord } from './fold.js';
import { normalizeText, scanTokens, startsClause } from './tokenize.js';

export interface PreparedText {
  /** The text as given (wink-nlp and the emoticon cues read it). */
  text: string;
  /** NFC, lower case, Hebrew points removed: what token offsets refer to. */
  norm: string;
  /** fold() of each token (a word of mixed scripts in one: @earshot/text inOneScript): what lexicons, cues and phrases match against. */
  words: readonly string[];
  /** Where each token starts and ends in `norm`; numbers, not an object per token (ROUNDS.md round 45). */
  starts: readonly number[];
  ends: readonly number[];
  /** Clause number of each token (text/tokenize.ts startsClause). */
  clauses: readonly number[];
}

export function prepareText(text: string): PreparedText {
  const norm = normalizeText(text);
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const clauses: number[] = [];
  // A word of mixed scripts ("бiрак" with a Latin i) is read in one first; a text is looked at once for one.
  const mixed = hasMixedScripts(norm);
  let clause = 0;
  scanTokens(norm, (token, start, end) => {
    if (ends.length > 0 && startsClause(norm, ends[ends.length - 1]!, start, token)) clause++;
    words.push(foldWord(mixed ? inOneScript(token) : token));
    starts.push(start);
    ends.push(end);
    clauses.push(clause);
  });
  return { text, norm, words, starts, ends, clauses };
}
