// English sentiment from wink-nlp (its lexicon handles negation and emphasis). Loaded once per
// analyzer: reading the English model takes ~100 ms, scoring a short text a few microseconds.
//
// wink-nlp keeps every word it has not seen before in its model for good (about 110 bytes per
// English tweet of real text, unbounded in a long-running process), so the scorer reads the model
// afresh after `recycleAfter` texts: memory stays bounded, for one more load (~115 ms) per 500,000
// English texts by default, about 0.5% of the time it takes to analyze them.
//
// wink-eng-lite-web-model's metaCER loader re-stringifies a module-level variable on every call, so
// a second winkNLP(model) in one process gets a doubly-encoded string and the string grows until
// it fails ("Invalid string length"). We hand wink a model whose metaCER reads the pristine JSON.
//
// wink-nlp's tokenizer is quadratic in the length of a token (a backtracking regex per new token:
// a run of 30,000 letters and digits without a space took 4 s, a million would take over an hour),
// so a mention carrying a long blob would stall its partition. No word is that long: wink reads at
// most the first MAX_WINK_TOKEN characters of each run of non-space characters. A word that mixes
// Latin and Cyrillic letters takes wink several times as long as a word of one script (120,000
// characters of them: 130–170 ms, against 16–22), so wink reads such a word in one script
// (@earshot/text withWordsInOneScript), as every other part of the analysis does.

import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { withWordsInOneScript } from '@earshot/text';
import { longRuns } from '../text/long-runs.js';

export interface WinkSentiment {
  /** wink-nlp's document sentiment in [-1, 1]. */
  score(text: string): number;
}

const require = createRequire(import.meta.url);

/** The longest run of non-space characters wink-nlp is given; longer runs keep their start. */
export const MAX_WINK_TOKEN = 64;

export function createWinkSentiment(options: { recycleAfter?: number } = {}): WinkSentiment {
  const recycleAfter = options.recycleAfter ?? 500_000;
  const machines: unknown = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-cer-meta-model.json');
  const transformers: unknown = require('wink-eng-lite-web-model/dist/cer-transformers.js');
  const safeModel = { ...model, metaCER: () => ({ machines: JSON.stringify(machines), transformers }) } as typeof model;
  const load = (): ReturnType<typeof winkNLP> => winkNLP(safeModel, ['sbd', 'negation', 'sentiment']);
  let nlp = load();
  let scored = 0;
  return {
    score(text: string): number {
      if (++scored > recycleAfter) {
        nlp = load();
        scored = 1;
      }
      const s = nlp.readDoc(withShortTokens(withWordsInOneScript(text))).out(nlp.its.sentiment);
      return typeof s === 'number' && Number.isFinite(s) ? s : 0;
    },
  };
}

/** `text` with every run of more than MAX_WINK_TOKEN non-space characters cut to its start; the text itself when it has none (the usual case). */
export function withShortTokens(text: string): string {
  const runs = longRuns(text, MAX_WINK_TOKEN);
  if (runs.length === 0) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < runs.length; i += 2) {
    out += text.slice(from, runs[i]! + MAX_WINK_TOKEN);
    from = runs[i + 1]!;
  }
  return out + text.slice(from);
}
