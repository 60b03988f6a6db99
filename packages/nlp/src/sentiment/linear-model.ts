// A multinomial logistic-regression model over hashed features, in the compact form committed as
// packages/nlp/models/<lang>.json: only the buckets that matter, weights quantised to integers.

import type { SentimentLabel } from '../types.js';
import type { SparseVector } from './extract-features.js';
import { createWeightTable, hasQuantisedWeights } from './weight-table.js';

/** C: the class names (sentiment labels, or a language's text domains: topics/text-domains.ts). */
export interface LinearModelFile<C extends string = SentimentLabel> {
  format: 'earshot-linear-v1';
  lang: string;
  classes: C[];
  hashBits: number;
  denseCount: number;
  /** Weight = quantised value × scale. */
  scale: number;
  bias: number[];
  /** Feature bucket numbers, ascending, delta-encoded. */
  buckets: number[];
  /** Quantised weights, classes.length per bucket. */
  weights: number[];
  trainedOn: { examples: number; counts: Record<string, number>; seed: number };
  /** A model of the language's train rows alone whose probabilities are two of this model's features (prior-model.ts). */
  prior?: LinearModelFile<C>;
}

export interface LinearModel<C extends string = SentimentLabel> {
  lang: string;
  classes: C[];
  hashBits: number;
  predict(x: SparseVector): number[];
  /** Class probabilities of the first `length` features of `x`, written into `out`. */
  predictInto(x: SparseVector, length: number, out: Float64Array): void;
}

export function loadLinearModel<C extends string = SentimentLabel>(file: LinearModelFile<C>): LinearModel<C> {
  const k = file.classes.length;
  const table = createWeightTable(file, k);
  const predictInto = (x: SparseVector, length: number, out: Float64Array): void => {
    table.scoresInto(x, length, out);
    softmaxInPlace(out, 0, k);
  };
  return {
    lang: file.lang,
    classes: file.classes,
    hashBits: file.hashBits,
    predictInto,
    predict(x) {
      const out = new Float64Array(k);
      predictInto(x, x.indices.length, out);
      return Array.from(out);
    },
  };
}

/** A parsed file has this shape: one weight per kept bucket and class, one bias per class. */
export function isLinearModelFile(v: unknown): v is LinearModelFile<string> {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    o.format === 'earshot-linear-v1' &&
    typeof o.hashBits === 'number' &&
    hasQuantisedWeights(o, o.classes) &&
    (o.prior === undefined || (isLinearModelFile(o.prior) && o.prior.hashBits === o.hashBits))
  );
}

/** Turns the logits z[from..to) into probabilities. */
export function softmaxInPlace(z: Float64Array, from: number, to: number): void {
  let max = -Infinity;
  for (let c = from; c < to; c++) if (z[c]! > max) max = z[c]!;
  let sum = 0;
  for (let c = from; c < to; c++) {
    const e = Math.exp(z[c]! - max);
    z[c] = e;
    sum += e;
  }
  for (let c = from; c < to; c++) z[c]! /= sum;
}
