// English sentiment from wink-nlp (its lexicon handles negation and emphasis). Loaded once per
// analyzer: reading the English model takes ~100 ms, scoring a short text a few microseconds.

import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface WinkSentiment {
  /** wink-nlp's document sentiment in [-1, 1]. */
  score(text: string): number;
}

export function createWinkSentiment(): WinkSentiment {
  const nlp = winkNLP(model, ['sbd', 'negation', 'sentiment']);
  const its = nlp.its;
  return {
    score(text: string): number {
      const s = nlp.readDoc(text).out(its.sentiment);
      return typeof s === 'number' && Number.isFinite(s) ? s : 0;
    },
  };
}
