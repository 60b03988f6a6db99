// A language's train rows as a model of their own, read by the main model as two features. Kazakh's
// 20,000 train reviews never helped as training rows (their stars and app-store domains pull the
// dev-trained model away from dev's balanced classes; ROUNDS.md rounds 2, 3 and 5), but a model trained on
// them alone still knows which words go with which stars: its P(positive) − P(negative) and
// P(neutral) (always 0 for a prior of polar rows, as Kazakh's is) become two dense features of the
// model trained on dev, which learns how far to trust them (stacking; ROUNDS.md round 15). The prior
// reads the same features as the main model, so one extraction serves both; its two features sit in
// dense slots no feature extractor writes and that the topic, text-domain and feed-item models
// (trained on the extractor's features alone, reading the same buffer) have no weights for.

import { extractorOf, type FeatureExtractor } from './extract-features.js';
import { loadLinearModel, type LinearModel, type LinearModelFile } from './linear-model.js';

/** Dense slot of the prior's first feature: the extractors' own dense features stay below it. */
export const PRIOR_SLOT = 24;
/** denseCount of a model that reads the prior's features. */
export const PRIOR_DENSE_COUNT = PRIOR_SLOT + 2;

/** `extractor` plus the prior's two features, as the main model was trained on them. */
export function withPrior(extractor: FeatureExtractor, prior: LinearModel, hashBits: number): FeatureExtractor {
  const first = (1 << hashBits) + PRIOR_SLOT;
  const pos = prior.classes.indexOf('positive');
  const neg = prior.classes.indexOf('negative');
  const neu = prior.classes.indexOf('neutral');
  const p = new Float64Array(prior.classes.length);
  const extractInto: FeatureExtractor['extractInto'] = (text, out) => {
    const hits = extractor.extractInto(text, out);
    prior.predictInto(out, out.length, p);
    out.push(first, (pos >= 0 ? p[pos]! : 0) - (neg >= 0 ? p[neg]! : 0));
    out.push(first + 1, neu >= 0 ? p[neu]! : 0);
    return hits;
  };
  return extractorOf(extractInto);
}

/** The extractor a sentiment model file is read with: the language's own, plus its prior's features if it has one. */
export function modelExtractor(file: Pick<LinearModelFile, 'prior' | 'hashBits'>, extractor: FeatureExtractor): FeatureExtractor {
  return file.prior ? withPrior(extractor, loadLinearModel(file.prior), file.hashBits) : extractor;
}
