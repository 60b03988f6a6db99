import { describe, expect, it } from 'vitest';
import { sampleMention } from '../contract.js';
import { createSqliteStore } from '../sqlite/sqlite-store.js';
import { brandOverview } from './brand-overview.js';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const HOUR = 3_600_000;

describe('brand overview', () => {
  it('gives volume, negative share, net sentiment, change against the previous period and share of voice', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    let n = 0;
    const at = (minutes: number, brandId: string, sentiment: 'negative' | 'neutral' | 'positive') => {
      const iso = new Date(T0 + minutes * 60_000).toISOString();
      return sampleMention(++n, { brandId, sentiment, publishedAt: iso, collectedAt: iso });
    };
    await store.upsertMentions([
      at(1, 'nordtel', 'negative'),
      at(2, 'nordtel', 'negative'),
      at(3, 'nordtel', 'negative'),
      at(4, 'nordtel', 'positive'),
      at(5, 'nordtel', 'neutral'),
      at(-30, 'nordtel', 'negative'),
      at(-20, 'nordtel', 'positive'),
      ...[10, 11, 12, 13, 14].map((m) => at(m, 'acme', 'positive')),
      at(60, 'nordtel', 'negative'), // the next period: not counted
      at(5, 'other', 'negative'), // not a compared brand
    ]);
    const overview = await brandOverview(store, { brandIds: ['nordtel', 'acme'], from: T0, to: T0 + HOUR });
    expect(overview.period).toEqual({ from: '2026-11-20T10:00:00.000Z', to: '2026-11-20T11:00:00.000Z' });
    expect(overview.previousPeriod).toEqual({ from: '2026-11-20T09:00:00.000Z', to: '2026-11-20T10:00:00.000Z' });
    expect(overview.brands[0]).toEqual({
      brandId: 'nordtel',
      volume: 5,
      negative: 3,
      neutral: 1,
      positive: 1,
      negativeShare: 60,
      netSentiment: -50,
      previous: { volume: 2, negative: 1, neutral: 0, positive: 1, negativeShare: 50, netSentiment: 0 },
      change: { volume: 150, negativeShare: 10, netSentiment: -50 },
    });
    expect(overview.brands[1]).toMatchObject({
      brandId: 'acme',
      volume: 5,
      negativeShare: 0,
      netSentiment: 100,
      change: { volume: null, negativeShare: null, netSentiment: null },
    });
    expect(overview.shareOfVoice).toEqual([
      { brandId: 'nordtel', count: 5, share: 50, previousShare: 100 },
      { brandId: 'acme', count: 5, share: 50, previousShare: 0 },
    ]);
    const quiet = await brandOverview(store, { brandIds: ['nordtel'], from: T0 + 10 * HOUR, to: T0 + 11 * HOUR });
    expect(quiet.brands[0]).toMatchObject({ volume: 0, negativeShare: null, netSentiment: null });
    expect(quiet.shareOfVoice[0]!.share).toBeNull();
    await store.close();
  });
});
