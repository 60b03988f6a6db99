// One pass over a mention that every stage reads: normalised text, word tokens, their folded forms
// and clause numbers. The analyzer prepares a text once and hands the result to sentiment,
// topics and word-of-mouth, so none of them tokenises or folds again.

import { hasMixedScripts, inOneScript } from '@earshot/text';
import { foldWord } from './fold.js';
import { clauseIdsOf, normalizeText, tokenizeNormalized, type Token } from './tokenize.js';

export interface PreparedText {
  /** The text as given (wink-nlp and the emoticon cues read it). */
  text: string;
  /** NFC, lower case, Hebrew points removed: what token offsets refer to. */
  norm: string;
  tokens: readonly Token[];
  /** fold() of each token (a word of mixed scripts in one: @earshot/text inOneScript): what lexicons, cues and phrases match against. */
  words: readonly string[];
  /** Clause number of each token (text/tokenize.ts clauseIds). */
  clauses: readonly number[];
}

export function prepareText(text: string): PreparedText {
  const norm = normalizeText(text);
  const tokens = tokenizeNormalized(norm);
  const words = new Array<string>(tokens.length);
  // A word of mixed scripts ("бiрак" with a Latin i) is read in one first; a text is looked at once for one.
  const mixed = hasMixedScripts(norm);
  for (let i = 0; i < tokens.length; i++) words[i] = foldWord(mixed ? inOneScript(tokens[i]!.text) : tokens[i]!.text);
  return { text, norm, tokens, words, clauses: clauseIdsOf(norm, tokens) };
}
