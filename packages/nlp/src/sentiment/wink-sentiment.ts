// English sentiment from wink-nlp (its lexicon handles negation and emphasis). Loaded once per
// analyzer: reading the English model takes ~100 ms, scoring a short text a few microseconds.
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

export function createWinkSentiment(): WinkSentiment {
  const machines: unknown = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-cer-meta-model.json');
  const transformers: unknown = require('wink-eng-lite-web-model/dist/cer-transformers.js');
  const safeModel = { ...model, metaCER: () => ({ machines: JSON.stringify(machines), transformers }) } as typeof model;
  const nlp = winkNLP(safeModel, ['sbd', 'negation', 'sentiment']);
  const its = nlp.its;
  return {
    score(text: string): number {
      const s = nlp.readDoc(text).out(its.sentiment);
      return typeof s === 'number' && Number.isFinite(s) ? s : 0;
    },
  };
}
