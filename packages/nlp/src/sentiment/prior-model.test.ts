import { describe, expect, it } from 'vitest';
import { prepareText } from '../text/prepare-text.js';
import { FeatureBuffer } from './feature-buffer.js';
import { createLanguageFeatures, HASH_BITS } from './language-features.js';
import { readTopicModelFile, defaultModelsDir } from './load-model-file.js';
import { isLinearModelFile, loadLinearModel } from './linear-model.js';
import { PRIOR_DENSE_COUNT, PRIOR_SLOT, withPrior } from './prior-model.js';
import { trainSentimentModel, type LabeledText } from './train-sentiment-model.js';

// Texts we wrote: Kazakh-looking reviews whose words say the side, for a model to learn in a few rows.
const rows: LabeledText[] = [
  { text: 'тамаша дүкен, бәрі керемет', label: 'positive' },
  { text: 'керемет қызмет, рахмет', label: 'positive' },
  { text: 'өте жаман, ақша қайтпады', label: 'negative' },
  { text: 'жаман қызмет, ұнамады', label: 'negative' },
  { text: 'дүкен сағат онда ашылады', label: 'neutral' },
  { text: 'тапсырыс ертең келеді', label: 'neutral' },
];
const settings = { priorData: 'all' as const };

describe('prior model', () => {
  it('adds the prior’s P(positive) − P(negative) and P(neutral) in its two slots, after the language’s own features', () => {
    const prior = loadLinearModel(trainSentimentModel({ lang: 'kk', examples: rows, settings: {} }));
    const { extractor } = createLanguageFeatures({ lang: 'kk', settings: {} });
    const text = prepareText('керемет дүкен');
    const own = new FeatureBuffer();
    extractor.extractInto(text, own);
    const out = new FeatureBuffer();
    withPrior(extractor, prior, HASH_BITS).extractInto(text, out);
    const p = prior.predict(own.toVector());
    const at = (k: string) => p[prior.classes.indexOf(k as never)]!;
    expect(out.length).toBe(own.length + 2);
    expect(Array.from(out.indices.slice(0, own.length))).toEqual(Array.from(own.indices.slice(0, own.length)));
    expect(out.indices[own.length]).toBe((1 << HASH_BITS) + PRIOR_SLOT);
    expect(out.values[own.length]).toBeCloseTo(at('positive') - at('negative'), 10);
    expect(out.values[own.length + 1]).toBeCloseTo(at('neutral'), 10);
    expect(out.values[own.length]).toBeGreaterThan(0);
  });

  it('is trained and kept in the model file only where the settings ask for it and rows are given', () => {
    const withRows = trainSentimentModel({ lang: 'kk', examples: rows, settings, priorExamples: rows });
    expect(withRows.prior?.classes).toEqual(['negative', 'neutral', 'positive']);
    expect(withRows.denseCount).toBe(PRIOR_DENSE_COUNT);
    expect(isLinearModelFile(withRows)).toBe(true);
    expect(isLinearModelFile({ ...withRows, prior: { ...withRows.prior, weights: [] } })).toBe(false);
    expect(trainSentimentModel({ lang: 'kk', examples: rows, settings }).prior).toBeUndefined();
    expect(trainSentimentModel({ lang: 'kk', examples: rows, settings: {}, priorExamples: rows }).prior).toBeUndefined();
  });

  // Cross-validation trains every fold with the same train rows: the prior is trained once for them and
  // reused, and must be the very model a training of its own would give (other dev rows, same prior).
  it('reuses the prior of the same rows, settings and seed, and it equals one trained afresh', () => {
    const first = trainSentimentModel({ lang: 'kk', examples: rows, settings, priorExamples: rows });
    const again = trainSentimentModel({ lang: 'kk', examples: rows.slice(1), settings, priorExamples: rows });
    const fresh = trainSentimentModel({ lang: 'kk', examples: rows.slice(1), settings: { ...settings }, priorExamples: [...rows] });
    expect(again.prior).toBe(first.prior);
    expect(again).toEqual(fresh);
    expect(again.prior).not.toBe(fresh.prior);
    const otherSeed = trainSentimentModel({ lang: 'kk', examples: rows, settings, priorExamples: rows, seed: 7 });
    expect(otherSeed.prior).not.toBe(first.prior);
    expect(otherSeed.prior?.trainedOn.seed).toBe(7);
  });

  // The prior's features share the sentiment buffer with the topic tagger, the text-domain and the
  // feed-item classifiers, which were trained on the language's own features: none of them may have
  // a weight in the prior's slots, or a Kazakh mention's topics would move with its sentiment prior.
  it('writes where no shipped topic, text-domain or feed-item model has weights', () => {
    const file = readTopicModelFile(defaultModelsDir());
    expect(file).toBeDefined();
    const slots = [PRIOR_SLOT, PRIOR_SLOT + 1].map((s) => (1 << HASH_BITS) + s);
    for (const model of [file!, ...(file!.domains ?? []), ...(file!.feedItems ?? [])]) {
      const buckets = new Set<number>();
      let bucket = 0;
      for (const delta of model.buckets) buckets.add((bucket += delta));
      expect(slots.filter((s) => buckets.has(s))).toEqual([]);
    }
  });
});
