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

import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface WinkSentiment {
  /** wink-nlp's document sentiment in [-1, 1]. */
  score(text: string): number;
}

const require = createRequire(import.meta.url);

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
      const s = nlp.readDoc(text).out(nlp.its.sentiment);
      return typeof s === 'number' && Number.isFinite(s) ? s : 0;
    },
  };
}
