import { describe, expect, it } from 'vitest';
import { makeMention } from '../testing/fixtures.js';
import { CSV_COLUMNS, csvCell, csvLine, mentionRow } from './mention-row.js';

describe('CSV export rows', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', "'+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-2+3', "'-2+3"],
  ])('encodes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('keeps numbers as numbers and leaves missing values empty', () => {
    expect(csvLine([-0.6, undefined, true])).toBe('-0.6,,true\r\n');
  });

  it('flattens a mention into the documented columns, those added later at the end', () => {
    const row = mentionRow(
      makeMention({
        id: 'x',
        lang: 'he',
        sentiment: 'negative',
        title: 'כותרת',
        text: 'טקסט',
        topics: [
          ['price', 'negative'],
          ['service', 'neutral'],
        ],
        warning: true,
        publishedAt: '2026-11-23T08:00:00.000Z',
      }),
    );
    expect(Object.keys(row)).toEqual([...CSV_COLUMNS]);
    expect(row).toMatchObject({
      id: 'x',
      time: '2026-11-23T08:00:00.000Z',
      lang: 'he',
      sentiment: 'negative',
      topics: 'price;service',
      warning: true,
      title: 'כותרת',
      topicSentiment: 'price:negative;service:neutral',
      matchedBy: 'query', // recorded or not (matchedByOf)
      brandAccount: undefined,
      shortened: undefined,
      readChars: undefined,
    });
    const marked = mentionRow(
      makeMention({
        id: 'y',
        lang: 'en',
        sentiment: 'neutral',
        title: 't',
        text: 'x',
        publishedAt: '2026-11-23T08:00:00.000Z',
        matchedBy: 'handle',
        brandAccount: 'by-brand',
        shortened: 'text',
        readChars: 100_000,
      }),
    );
    expect(marked).toMatchObject({ topicSentiment: '', matchedBy: 'handle', brandAccount: 'by-brand', shortened: 'text', readChars: 100_000 });
  });
});
