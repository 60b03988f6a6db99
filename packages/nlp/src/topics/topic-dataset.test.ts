// The pieces of long texts (mention-pieces.ts) are built for the rows asked for: cross-validation
// asks only for the rows it scores, since pieces are never trained on.
import { describe, expect, it } from 'vitest';
import { buildTopicDataset, type TopicExample } from './topic-dataset.js';

// Our own sentences: each text has more than 25 words and three sentence ends.
const long = (brand: string): TopicExample => ({
  text: `${brand} doubled my bill this month without a word of warning to anyone. Support kept me on hold for an hour and then hung up. The new plan costs more and gives less than the old one did.`,
  lang: 'en',
  topics: ['price'],
  aspects: { price: 'negative' },
});

describe('buildTopicDataset pieces', () => {
  it('cuts every long text into pieces when asked with true', () => {
    const data = buildTopicDataset([long('Nordtel'), long('Vexa')], { pieces: true });
    expect(data.pieces!.of.map((rows) => rows.length > 1)).toEqual([true, true]);
    expect(data.pieces!.data.n).toBe(data.pieces!.of[0]!.length + data.pieces!.of[1]!.length);
  });

  it('cuts only the texts the function accepts, leaving the others whole', () => {
    const data = buildTopicDataset([long('Nordtel'), long('Vexa')], { pieces: (n) => n === 1 });
    expect(data.pieces!.of[0]).toEqual([]);
    expect(data.pieces!.of[1]!.length).toBeGreaterThan(1);
    expect(data.pieces!.data.n).toBe(data.pieces!.of[1]!.length);
  });

  it('builds no pieces when not asked', () => {
    expect(buildTopicDataset([long('Nordtel')]).pieces).toBeUndefined();
  });
});
