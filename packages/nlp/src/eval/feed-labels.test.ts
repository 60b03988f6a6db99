import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFeedSentimentLabels } from './feed-sentiment.js';
import { readFeedTopicLabels } from './feed-topics.js';

describe('our label files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-labels-'));
  const file = (name: string, lines: string[]) => {
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    return pathToFileURL(join(dir, name));
  };

  it('reads every line of the committed files', () => {
    expect(readFeedTopicLabels().length).toBeGreaterThan(500);
    expect(readFeedSentimentLabels().length).toBe(readFeedTopicLabels().length);
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
  });
});
