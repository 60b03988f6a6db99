import { describe, expect, it } from 'vitest';
import { LEXICONS } from '../sentiment/lexicons.js';
import { createLexiconScorer, type LexiconScorer } from '../sentiment/lexicon-scorer.js';
import { prepareText } from '../text/prepare-text.js';
import { aspectSentiment } from './aspect-sentiment.js';
import { createTopicCueFinder } from './topic-cue-finder.js';
import { TOPIC_IDS } from './topic-cues.js';

const lexicon = createLexiconScorer({ lexicon: LEXICONS.en! });
const finder = createTopicCueFinder('en');
const neutral = { label: 'neutral', score: 0 } as const;

function judge(text: string, topic: string, scorer: LexiconScorer = lexicon) {
  const prepared = prepareText(text);
  return aspectSentiment({
    topic: TOPIC_IDS.indexOf(topic as (typeof TOPIC_IDS)[number]),
    tokens: prepared.words,
    clauseIds: prepared.clauses,
    hits: finder.find(prepared.words),
    lexicon: scorer,
    overall: neutral,
  });
}

describe('aspectSentiment', () => {
  it('judges each topic within its own clauses', () => {
    const text = 'The price went up again, but the quality is great.';
    expect(judge(text, 'price').label).toBe('negative');
    expect(judge(text, 'quality').label).toBe('positive');
  });

  it("looks up each word's clause a bounded number of times, however many clauses mention the topic", () => {
    // Each judged clause used to scan every token of the mention again: quadratic, half a minute
    // for a million characters of such sentences.
    const sentence = 'The price is awful and support never answered. ';
    const prepared = prepareText(sentence.repeat(500));
    let reads = 0;
    const clauseIds = new Proxy(prepared.clauses, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const price = TOPIC_IDS.indexOf('price');
    const judged = aspectSentiment({ topic: price, tokens: prepared.words, clauseIds, hits: finder.find(prepared.words), lexicon, overall: neutral });
    expect(judged).toEqual(judge(sentence, 'price'));
    expect(reads).toBeLessThanOrEqual(4 * prepared.words.length);
  });
});
