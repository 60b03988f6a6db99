import { describe, expect, it } from 'vitest';
import { looksLikeTopicFile, parseTopicLines } from './read-topics.js';
import { topicReport } from './topic-metrics.js';

describe('parseTopicLines', () => {
  it('reads the shared topic format and reports bad lines by number and reason', () => {
    const { examples, errors } = parseTopicLines(
      [
        '{"text":"Delivery was late","lang":"en","topics":["delivery"],"aspects":{"delivery":"negative"}}',
        '{"text":"nothing here","lang":"en","topics":[]}',
        'not json',
        '{"text":"x","lang":"en","topics":["weather"]}',
        '{"text":"x","lang":"en","topics":["price"],"aspects":{"price":"great"}}',
        '{"lang":"en","topics":[]}',
      ].join('\n'),
    );
    expect(examples).toEqual([
      { text: 'Delivery was late', lang: 'en', topics: ['delivery'], aspects: { delivery: 'negative' } },
      { text: 'nothing here', lang: 'en', topics: [], aspects: {} },
    ]);
    expect(errors).toEqual([
      { line: 3, reason: 'not valid JSON' },
      { line: 4, reason: 'unknown topic "weather"' },
      { line: 5, reason: 'aspect "price" must be positive, negative or neutral' },
      { line: 6, reason: 'missing "text"' },
    ]);
  });

  it('tells topic files from sentiment files', () => {
    expect(looksLikeTopicFile('\n{"text":"a","lang":"en","topics":[]}\n')).toBe(true);
    expect(looksLikeTopicFile('{"text":"a","lang":"en","label":"positive"}')).toBe(false);
  });
});

describe('topicReport', () => {
  it('computes per-topic and micro precision/recall and aspect accuracy on the topics found', () => {
    const r = topicReport([
      { gold: ['price'], predicted: ['price', 'quality'], goldAspects: { price: 'negative' }, predictedAspects: { price: 'negative', quality: 'positive' } },
      { gold: ['price', 'delivery'], predicted: ['price'], goldAspects: { price: 'positive', delivery: 'negative' }, predictedAspects: { price: 'negative' } },
      { gold: [], predicted: [] },
    ]);
    expect(r.perTopic.price).toEqual({ support: 2, predicted: 2, precision: 1, recall: 1 });
    expect(r.perTopic.quality).toEqual({ support: 0, predicted: 1, precision: 0, recall: 0 });
    expect(r.perTopic.delivery).toEqual({ support: 1, predicted: 0, precision: 0, recall: 0 });
    expect(r.micro.precision).toBe(0.6667);
    expect(r.micro.recall).toBe(0.6667);
    expect(r.aspects).toEqual({ n: 2, accuracy: 0.5, perTopic: { price: { n: 2, accuracy: 0.5 } } });
  });
});
