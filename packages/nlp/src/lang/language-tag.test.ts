import { describe, expect, it } from 'vitest';
import { languageOfTag } from './language-tag.js';

describe('languageOfTag', () => {
  it.each([
    ['en', 'en'],
    ['en-gb', 'en'],
    ['en-US', 'en'],
    ['ru-RU', 'ru'],
    ['et_EE', 'et'],
    [' he-IL ', 'he'],
    ['iw', 'he'], // Hebrew's retired code, still in old feeds
    ['kaz', 'kk'],
    ['rus', 'ru'],
    ['de-AT', 'de'],
  ])('%s → %s', (tag, lang) => {
    expect(languageOfTag(tag)).toBe(lang);
  });

  it.each(['', 'x-default', 'zz', 'und', 'english', '12', 'en--gb'])('%j names no language', (tag) => {
    expect(languageOfTag(tag)).toBeUndefined();
  });
});
