import { describe, expect, it } from 'vitest';
import { createFeatureExtractor } from './extract-features.js';
import { fnv1a } from './hash.js';
import { createLexiconScorer } from './lexicon-scorer.js';
import { LEXICONS } from './lexicons.js';

const BITS = 20;
const mask = (1 << BITS) - 1;
const bucket = (key: string): number => fnv1a(key) & mask;

describe('feature extraction', () => {
  const extractor = createFeatureExtractor({ hashBits: BITS, lexicon: createLexiconScorer({ lexicon: LEXICONS.en! }) });

  it('hashes the same keys the models were trained on: words, negation marks, bigrams, char n-grams, emoticons', () => {
    const x = extractor.extract('Not good :)');
    const got = new Set(Array.from(x.indices));
    for (const key of ['w:not', 'w:!good', 'b:<s> not', 'b:not good', 'b:good :)', 'b::) </s>', 'c:<go', 'c:<goo', 'c:<good', 'c:ood>', 'e:smile']) {
      expect(got.has(bucket(key)), key).toBe(true);
    }
    expect(got.has(bucket('w:good')), 'negated word is marked').toBe(false);
  });

  it('counts repeats and normalises the hashed part to unit length', () => {
    const x = extractor.extract('bad bad bad');
    const hashed = Array.from(x.values).slice(0, -4); // the last four are the dense lexicon features
    expect(hashed.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 10);
    const i = Array.from(x.indices).indexOf(bucket('w:bad'));
    expect(x.values[i]).toBeGreaterThan(x.values[Array.from(x.indices).indexOf(bucket('b:<s> bad'))]!);
  });

  it('adds word-class features, negation-marked like the word, when classes are given', () => {
    const classes = new Map([
      ['courier', [3, 17]],
      ['parcel', [3, 40]],
    ]);
    const withClasses = createFeatureExtractor({ hashBits: BITS, lexicon: createLexiconScorer({ lexicon: LEXICONS.en! }), wordClasses: classes });
    const courier = new Set(Array.from(withClasses.extract('the courier').indices));
    const parcel = new Set(Array.from(withClasses.extract('not the parcel').indices));
    expect(courier.has(bucket('k0:3')) && courier.has(bucket('k1:17'))).toBe(true);
    expect(parcel.has(bucket('k0:!3')) && parcel.has(bucket('k1:!40'))).toBe(true);
    expect(parcel.has(bucket('k0:3'))).toBe(false);
  });

  it('adds stem features and counts features once when asked to', () => {
    const stemmed = createFeatureExtractor({
      hashBits: BITS,
      lexicon: createLexiconScorer({ lexicon: LEXICONS.et! }),
      stem: (w) => w.slice(0, 4),
      binary: true,
    });
    const x = stemmed.extract('teenindusega teenindusega');
    expect(Array.from(x.indices)).toContain(bucket('s:teen'));
    const hashed = Array.from(x.values).slice(0, -4);
    expect(new Set(hashed.map((v) => v.toFixed(12))).size).toBe(1);
  });

  it('reads a link or a handle as one marker, whatever it names, when asked to', () => {
    const marked = createFeatureExtractor({ hashBits: BITS, lexicon: createLexiconScorer({ lexicon: LEXICONS.en! }), links: 'links-and-handles' });
    const keys = (text: string): number[] => Array.from(marked.extract(text).indices).sort((a, b) => a - b);
    const x = new Set(keys('thanks @acmehelp for nothing https://t.co/Ab12'));
    expect(x.has(bucket('e:@')) && x.has(bucket('e:link'))).toBe(true);
    expect(x.has(bucket('w:acmehelp')) || x.has(bucket('w:ab12'))).toBe(false);
    expect(x.has(bucket('b:for nothing'))).toBe(true);
    expect(keys('thanks @other for nothing www.example.org/page')).toEqual(keys('thanks @acmehelp for nothing https://t.co/Ab12'));
    expect(new Set(keys('thanks for nothing')).has(bucket('e:@'))).toBe(false);
    const linksOnly = createFeatureExtractor({ hashBits: BITS, lexicon: createLexiconScorer({ lexicon: LEXICONS.en! }), links: 'links' });
    expect(new Set(Array.from(linksOnly.extract('thanks @acmehelp').indices)).has(bucket('w:acmehelp'))).toBe(true);
    const handlesOnly = createFeatureExtractor({ hashBits: BITS, lexicon: createLexiconScorer({ lexicon: LEXICONS.en! }), links: 'handles' });
    const h = new Set(Array.from(handlesOnly.extract('thanks @acmehelp https://t.co/Ab12').indices));
    expect([h.has(bucket('w:acmehelp')), h.has(bucket('e:@')), h.has(bucket('w:ab12'))]).toEqual([false, true, true]);
  });
});
