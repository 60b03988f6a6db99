import { describe, expect, it } from 'vitest';
import type { SentimentLabel } from '../types.js';
import { loadLinearModel } from './linear-model.js';
import { trainLinearModel } from './train-linear-model.js';

// Feature 1 marks positive rows, 2 negative ones; feature 3 occurs in only two positive rows (a rare,
// one-sided word); feature 5 occurs in every row (a word no class prefers).
const row = (label: SentimentLabel, features: number[]) => ({ x: { indices: features, values: features.map(() => 1 / Math.sqrt(features.length)) }, label });
const examples = [
  ...Array.from({ length: 20 }, () => row('positive', [1, 5])),
  row('positive', [1, 3, 5]),
  row('positive', [3, 5, 6]),
  ...Array.from({ length: 22 }, () => row('negative', [2, 5])),
];
const train = (nbWeight?: number) =>
  loadLinearModel(trainLinearModel({ lang: 'xx', examples, hashBits: 4, denseCount: 0, epochs: 5, ...(nbWeight !== undefined ? { nbWeight } : {}) }));
const positive = (model: ReturnType<typeof train>, features: number[]) => {
  const p = model.predict({ indices: features, values: features.map(() => 1) });
  return p[model.classes.indexOf('positive')]!;
};

describe('trainLinearModel with naive Bayes multiplied in (nbWeight)', () => {
  it('lets a rare one-sided word count for more than the regression alone gives it', () => {
    expect(positive(train(1), [3])).toBeGreaterThan(positive(train(), [3]) + 0.05);
    expect(positive(train(1), [3])).toBeGreaterThan(0.5);
  });

  it('still reads the common words the same way round', () => {
    const model = train(1);
    expect(positive(model, [1])).toBeGreaterThan(0.9);
    expect(positive(model, [2])).toBeLessThan(0.1);
  });

  it('counts naive Bayes from other rows when given: a word only they have, and no class they lack', () => {
    // Feature 7 is in none of the training rows, only in positive rows of the naive Bayes rows (no neutral ones).
    const withNeutral = [...examples, ...Array.from({ length: 20 }, () => row('neutral', [4, 5]))];
    const nbExamples = [...Array.from({ length: 30 }, () => row('positive', [7, 5])), ...Array.from({ length: 30 }, () => row('negative', [2, 5]))];
    const options = { lang: 'xx', examples: withNeutral, hashBits: 4, denseCount: 0, epochs: 5 };
    const plain = loadLinearModel(trainLinearModel(options));
    const model = loadLinearModel(trainLinearModel({ ...options, nbWeight: 1, nbExamples }));
    expect(positive(plain, [7])).toBeCloseTo(1 / 3, 1);
    expect(positive(model, [7])).toBeGreaterThan(0.5);
    // Neutral is judged by the regression alone: a neutral word stays neutral.
    const neutral = (m: typeof model) => m.predict({ indices: [4], values: [1] })[m.classes.indexOf('neutral')]!;
    expect(neutral(model)).toBeCloseTo(neutral(plain), 1);
  });

  it('adds nothing for a word both classes use alike, and nbWeight 0 is the plain model', () => {
    expect(positive(train(1), [5])).toBeCloseTo(positive(train(), [5]), 1);
    expect(trainLinearModel({ lang: 'xx', examples, hashBits: 4, denseCount: 0, epochs: 5, nbWeight: 0 })).toEqual(
      trainLinearModel({ lang: 'xx', examples, hashBits: 4, denseCount: 0, epochs: 5 }),
    );
  });
});

describe('trainLinearModel with classes of its own (classOrder)', () => {
  it('learns the classes in the given order and leaves out one no example has', () => {
    const kinds = [
      ...Array.from({ length: 10 }, () => ({ x: { indices: [1], values: [1] }, label: 'movie' })),
      ...Array.from({ length: 10 }, () => ({ x: { indices: [2], values: [1] }, label: 'product' })),
    ];
    const model = loadLinearModel(
      trainLinearModel({ lang: 'xx', examples: kinds, classOrder: ['movie', 'restaurant', 'product'], hashBits: 4, denseCount: 0, epochs: 5 }),
    );
    expect(model.classes).toEqual(['movie', 'product']);
    expect(model.predict({ indices: [2], values: [1] })[1]).toBeGreaterThan(0.6);
    expect(model.predict({ indices: [1], values: [1] })[1]).toBeLessThan(0.4);
  });
});
