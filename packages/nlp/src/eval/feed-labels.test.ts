import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFeedSentimentLabels } from './feed-sentiment.js';
import { readFeedTopicLabels } from './feed-topics.js';
import { readTrainTopicLabels } from './train-topics.js';

describe('our label files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-labels-'));
  const file = (name: string, lines: string[]) => {
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    return pathToFileURL(join(dir, name));
  };

  it('reads every line of the committed files', () => {
    expect(readFeedTopicLabels().length).toBeGreaterThan(500);
    expect(readFeedSentimentLabels().length).toBe(readFeedTopicLabels().length);
    expect(readTrainTopicLabels().length).toBeGreaterThan(1000);
  });

  it('names the file and line of a label that is wrong or not JSON', () => {
    const good = '{"feed":"a.rss","item":0,"lang":"en","sentiment":"neutral"}';
    expect(() => readFeedSentimentLabels(file('s.jsonl', [good, '{"feed":"a.rss","item":1,"lang":"en","sentiment":"angry"}']))).toThrow(
      's.jsonl line 2: unknown sentiment "angry"',
    );
    expect(() => readFeedSentimentLabels(file('t.jsonl', [good, '', '{"feed":']))).toThrow(/t\.jsonl line 3: not JSON/);
    expect(() => readFeedTopicLabels(file('u.jsonl', ['{"feed":"a.rss","item":0,"lang":"en","topics":["prices"]}']))).toThrow(
      'u.jsonl line 1: unknown topic "prices"',
    );
    const row = (topics: string, aspects: string) => `{"lang":"ru","line":3,"text":"0123456789ab","topics":${topics},"aspects":${aspects}}`;
    expect(readTrainTopicLabels(file('v.jsonl', [row('["price","service"]', '{"price":"negative","service":"neutral"}')]))).toHaveLength(1);
    expect(() => readTrainTopicLabels(file('w.jsonl', [row('["service","price"]', '{"price":"negative","service":"neutral"}')]))).toThrow(
      'w.jsonl line 1: topics must be in taxonomy order, each once',
    );
    expect(() => readTrainTopicLabels(file('x.jsonl', [row('["price"]', '{}')]))).toThrow(
      'x.jsonl line 1: one aspect (positive, negative or neutral) per topic',
    );
    expect(() => readTrainTopicLabels(file('y.jsonl', [row('["price"]', '{"price":"bad"}')]))).toThrow('y.jsonl line 1: one aspect');
    expect(() => readTrainTopicLabels(file('z.jsonl', ['{"lang":"ru","line":3,"text":"0123456789ab"}']))).toThrow(
      'z.jsonl line 1: "topics" (an array) and "aspects" (an object) are needed',
    );
    expect(() => readTrainTopicLabels(file('s2.jsonl', ['{"split":"test","lang":"ru","line":3,"text":"0123456789ab","topics":[],"aspects":{}}']))).toThrow(
      's2.jsonl line 1: "split" is "dev" or absent (train)',
    );
  });
});
