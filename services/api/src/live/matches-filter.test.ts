import { describe, expect, it } from 'vitest';
import { makeMention } from '../testing/fixtures.js';
import type { SearchQuery } from '@earshot/store';
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
});
