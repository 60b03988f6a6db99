import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/http-error.js';
import { toFilter, toSearch } from './mention-filter.js';
import { FILTER_PARAMS, readParams } from './query-params.js';
import { SEARCH_PARAMS } from '../routes/mentions.js';

const NOW = new Date('2026-11-24T12:00:00Z');
const search = (qs: string) => toSearch(readParams(new URLSearchParams(qs), SEARCH_PARAMS), NOW);

function refusal(qs: string): string {
  try {
    search(qs);
  } catch (err) {
    if (err instanceof HttpError && err.status === 400) return err.message;
    throw err;
  }
  throw new Error(`accepted: ${qs}`);
}

describe('query parameters', () => {
  it('turns a valid query string into a store query', () => {
    expect(
      search(
        'q=raised+prices&brand=nordtel,tundra&sentiment=negative&topic=price&lang=ru&lang=kk&source=demo-ru&author=Jane+Roe&signal=warning&from=2026-11-20T00:00:00Z&to=2026-11-24&sort=relevance&limit=50&offset=100',
      ),
    ).toEqual({
      text: 'raised prices',
      brandId: ['nordtel', 'tundra'],
      sentiment: ['negative'],
      topic: ['price'],
      lang: ['ru', 'kk'],
      sourceId: ['demo-ru'],
      author: ['Jane Roe'],
      signal: 'warning',
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-24T00:00:00.000Z',
      sort: 'relevance',
      limit: 50,
      offset: 100,
    });
  });

  it('defaults to newest first, 20 a page; since counts back from now', () => {
    expect(search('since=24h')).toEqual({ from: '2026-11-23T12:00:00.000Z', sort: 'time', limit: 20, offset: 0 });
    expect(search('sort=relevance')).toMatchObject({ sort: 'time' });
  });

  it('keeps search text plain: query syntax is just words to the store', () => {
    expect(search('q=' + encodeURIComponent('title:x OR _exists_:y')).text).toBe('title:x OR _exists_:y');
  });

  it.each([
    ['an unknown parameter', 'query={"match_all":{}}', /query: unknown parameter \(this endpoint takes: .*q.*\)/],
    ['a Lucene-style brand', 'brand=nordtel%20OR%20*', /brand: "nordtel OR \*" is not a brand id/],
    ['a JSON object as a filter', 'sentiment={"$ne":null}', /sentiment: "\{\\"\$ne\\":null\}" is not positive \| neutral \| negative/],
    ['a script in a topic', 'topic=<script>', /topic: "<script>" is not a topic id/],
    ['a repeated single parameter', 'sort=time&sort=relevance', /sort: given more than once/],
    ['a control character in text', 'q=a%00b', /q: .* no control characters/],
    ['overlong text', `q=${'a'.repeat(501)}`, /q: .*1–500 characters/],
    ['a non-date', 'from=yesterday', /from: "yesterday" is not an ISO 8601 time/],
    ['a page too deep', 'limit=200&offset=9900', /limit \+ offset may not exceed 10000/],
    ['a limit too large', 'limit=500', /limit: 500 is not a whole number from 1 to 200/],
    ['from after to', 'from=2026-11-24&to=2026-11-20', /from must be before to/],
    ['since and from together', 'since=1h&from=2026-11-20', /either since or from/],
  ])('refuses %s with a 400 that names the problem', (_name, qs, message) => {
    expect(refusal(qs)).toMatch(message);
  });

  it('lists every problem at once', () => {
    expect(refusal('brand=A&lang=english&bogus=1')).toMatch(/brand: .*; lang: .*; bogus: unknown parameter/);
  });

  it("filters by how mentions were matched and by the brand's own accounts", () => {
    expect(toFilter(readParams(new URLSearchParams('matchedBy=owned-source,handle&brandAccount=to-brand'), FILTER_PARAMS), NOW)).toEqual({
      matchedBy: ['owned-source', 'handle'],
      brandAccount: ['to-brand'],
    });
    expect(refusal('matchedBy=guess')).toMatch(/matchedBy: .*query \| owned-source \| handle/);
    expect(toFilter(readParams(new URLSearchParams('excludeBrandAccount=by-brand'), FILTER_PARAMS), NOW)).toEqual({ excludeBrandAccount: ['by-brand'] });
    expect(refusal('excludeBrandAccount=brand')).toMatch(/excludeBrandAccount: "brand" is not by-brand \| to-brand/);
  });

  it('filters by what the collector cut', () => {
    expect(toFilter(readParams(new URLSearchParams('shortened=markup&shortened=text'), FILTER_PARAMS), NOW)).toEqual({ shortened: ['markup', 'text'] });
    expect(refusal('shortened=yes')).toMatch(/shortened: "yes" is not markup \| text/);
  });

  it('builds filters without paging for aggregations', () => {
    expect(toFilter(readParams(new URLSearchParams('brand=nordtel&signal=recommendation'), ['brand', 'signal']), NOW)).toEqual({
      brandId: ['nordtel'],
      signal: 'recommendation',
    });
  });
});
