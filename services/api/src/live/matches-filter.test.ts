import { describe, expect, it } from 'vitest';
import { makeMention } from '../testing/fixtures.js';
import type { MentionFilter, SearchQuery } from '@earshot/store';
import { CONTRACT_MENTIONS, sampleMention, T0 } from '@earshot/store/contract';
import { createSqliteStore } from '@earshot/store/sqlite';
import { matchesBrand, matchesFilter } from './matches-filter.js';

const mention = makeMention({
  id: 'm1',
  lang: 'ru',
  sentiment: 'negative',
  title: 'Нордтел снова поднял цены',
  text: 'Поддержка отвечает через неделю',
  author: 'Айгерим',
  topics: [['price', 'negative']],
  warning: true,
  publishedAt: '2026-11-23T09:00:00.000Z',
});

describe('live stream filters', () => {
  it.each<[SearchQuery, boolean]>([
    [{}, true],
    [
      { brandId: ['nordtel'], sentiment: ['negative'], lang: ['ru', 'kk'], topic: ['price'], sourceId: ['demo-ru'], author: ['Айгерим'], signal: 'warning' },
      true,
    ],
    [{ brandId: ['tundra'] }, false],
    [{ sentiment: ['positive'] }, false],
    [{ topic: ['delivery'] }, false],
    [{ signal: 'recommendation' }, false],
    [{ from: '2026-11-23T09:00:00.000Z', to: '2026-11-23T09:00:01.000Z' }, true],
    [{ to: '2026-11-23T09:00:00.000Z' }, false],
    [{ text: 'поднял цен' }, true],
    [{ text: '"снова поднял"' }, true],
    [{ text: '"поднял снова"' }, false],
    [{ text: 'delivery' }, false],
  ])('%j → %s', (query, expected) => {
    expect(matchesFilter(mention, query)).toBe(expected);
  });

  it('filters alerts by brand only', () => {
    expect(matchesBrand('nordtel', { brandId: ['nordtel'], sentiment: ['positive'] })).toBe(true);
    expect(matchesBrand('tundra', { brandId: ['nordtel'] })).toBe(false);
    expect(matchesBrand('tundra', {})).toBe(true);
  });

  // Filters a stream and a search are given alike (the API's filter parameters) must keep the same
  // mentions. One or more values for every field of the store's filter: a field added there does
  // not compile here until it has examples, and a field the live filter ignores fails below.
  const examples: { [K in keyof Required<MentionFilter>]: MentionFilter[K][] } = {
    brandId: ['acme', ['nordtel', 'acme'], 'tundra'],
    sentiment: ['negative', ['positive', 'neutral']],
    lang: ['ru', ['kk', 'he']],
    topic: ['price', ['delivery', 'service']],
    sourceId: ['src-b', ['acme-reviews', 'src-a']],
    author: ['dana', ['anna', 'dana']],
    signal: ['warning', 'recommendation'],
    matchedBy: ['query', 'owned-source', ['handle', 'owned-source']],
    brandAccount: ['to-brand', ['by-brand', 'to-brand']],
    excludeBrandAccount: ['by-brand', ['by-brand', 'to-brand']],
    shortened: ['markup', 'text', ['markup', 'text']],
    from: [new Date(T0 + 3 * 60_000).toISOString(), T0 + 71 * 60_000],
    to: [new Date(T0 + 3 * 60_000).toISOString(), T0 + 71 * 60_000],
  };
  const mentions = [
    ...CONTRACT_MENTIONS,
    sampleMention(73, { brandId: 'acme', matchedBy: 'handle', brandAccount: 'by-brand' }),
    sampleMention(74, { brandId: 'acme', shortened: 'text' }),
    sampleMention(90, { title: 'שָׁלוֹם', text: 'नमस्ते हिन्दी', lang: 'und' }),
  ];

  async function expectSameAsSearch(query: SearchQuery): Promise<void> {
    const store = createSqliteStore({ path: ':memory:' });
    try {
      await store.init();
      await store.upsertMentions(mentions);
      const found = (await store.search({ ...query, limit: 100 })).mentions.map((m) => m.id).sort();
      expect(mentions.filter((m) => matchesFilter(m, query)).map((m) => m.id)).toEqual(found);
    } finally {
      await store.close();
    }
  }

  it.each(Object.entries(examples).flatMap(([field, values]) => values.map((value) => ({ [field]: value }) as MentionFilter)))(
    'keeps what a search keeps for %j',
    expectSameAsSearch,
  );

  // The search text too: words as prefixes from three letters, shorter ones whole, phrases within one
  // field, case, Latin diacritics and Hebrew points aside.
  it.each([
    'tousid',
    'TÕUSID',
    'expénsive',
    '"tousid jalle"',
    '"hinnad hinnad"',
    'ei',
    'va',
    'vas',
    'wh',
    'nordtel цены',
    '"поднял цены"',
    'пришёл',
    'מצוין',
    'dana',
    'zzz',
    'שָׁלוֹם',
    'שלום',
    'מְצוּיָּן',
    'हिन्दी',
    '"नमस्ते हिन्दी"',
  ])('keeps what a search keeps for the text %j', (text) => expectSameAsSearch({ text }));
});
