import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isParseError, parseFeed } from './index.js';

const parse = (text: string | Buffer, contentType?: string) => parseFeed(Buffer.isBuffer(text) ? text : Buffer.from(text), { contentType });

describe('parseFeed', () => {
  it('reads RSS 2.0 with Dublin Core and content:encoded', () => {
    const result =
      parse(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><link>https://x.example/</link><language>ru</language>
      <item><title>A &amp; B</title><link>https://x.example/1</link><guid>g1</guid><dc:creator>Ann</dc:creator><pubDate>Fri, 20 Nov 2026 10:00:00 +0300</pubDate>
      <description>&lt;p&gt;short&lt;/p&gt;</description><content:encoded><![CDATA[<p>long &amp; full</p>]]></content:encoded><category>one</category></item></channel></rss>`);
    expect(result).toMatchObject({
      format: 'rss20',
      encoding: 'utf-8',
      feed: { title: 'T', link: 'https://x.example/', language: 'ru' },
      items: [
        {
          title: 'A & B',
          guid: 'g1',
          author: 'Ann',
          pubDate: '2026-11-20T07:00:00.000Z',
          summary: '<p>short</p>',
          content: '<p>long &amp; full</p>',
          categories: ['one'],
        },
      ],
    });
  });

  it('reads RSS 1.0 (RDF) items beside the channel, ids from rdf:about', () => {
    const result =
      parse(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://x.example/"><title>R</title></channel>
      <item rdf:about="https://x.example/a"><title>A</title><link>https://x.example/a</link><dc:date>2026-11-20T10:00:00Z</dc:date></item></rdf:RDF>`);
    expect(result).toMatchObject({
      format: 'rss10',
      feed: { title: 'R' },
      items: [{ guid: 'https://x.example/a', updated: '2026-11-20T10:00:00.000Z', pubDate: '2026-11-20T10:00:00.000Z' }],
    });
  });

  it('reads Atom 1.0 text constructs: html stays HTML, xhtml is the markup inside the div', () => {
    const result =
      parse(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="et"><title type="html">A &amp;lt;b&amp;gt;</title><entry><id>e1</id><title>E</title><link rel="alternate" href="https://x.example/e1"/><link rel="enclosure" href="https://x.example/a.mp3" type="audio/mpeg" length="10"/>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b></p></div></content><author><name>Mari</name></author><updated>2026-11-20T10:00:00+02:00</updated></entry></feed>`);
    expect(result).toMatchObject({
      format: 'atom10',
      feed: { title: 'A &lt;b&gt;', language: 'et' },
      items: [
        {
          guid: 'e1',
          link: 'https://x.example/e1',
          content: '<p>Hi <b>there</b></p>',
          author: 'Mari',
          updated: '2026-11-20T08:00:00.000Z',
          enclosures: [{ url: 'https://x.example/a.mp3', type: 'audio/mpeg', length: '10' }],
        },
      ],
    });
  });

  it('decodes by header, then BOM, then declaration, then the bytes', () => {
    const doc = (enc: string) => `<?xml version="1.0" encoding="${enc}"?><rss version="2.0"><channel><title>Привет</title></channel></rss>`;
    const title = (r: ReturnType<typeof parse>) => (isParseError(r) ? r.error : r.feed.title);
    expect(title(parse(iconv.encode(doc('windows-1251'), 'windows-1251')))).toBe('Привет');
    expect(title(parse(iconv.encode(doc('koi8-r'), 'koi8-r'), 'text/xml; charset="KOI8-R"'))).toBe('Привет');
    // The header wins over a wrong declaration.
    expect(title(parse(iconv.encode(doc('iso-8859-1'), 'windows-1251'), 'application/rss+xml; charset=windows-1251'))).toBe('Привет');
    expect(parse(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(doc('utf-16'), 'utf-16be')]))).toMatchObject({
      encoding: 'utf-16be',
      feed: { title: 'Привет' },
    });
    // Valid UTF-8 under a legacy declaration is UTF-8 (a wrong prolog, not legacy text).
    expect(parse(doc('windows-1252'))).toMatchObject({ encoding: 'utf-8', feed: { title: 'Привет' } });
  });

  it('reads JSON Feed, ignoring values of the wrong type', () => {
    const result = parse(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1',
        title: 5,
        home_page_url: ' https://j.example/ ',
        items: [{ id: 7, content_text: 'plain', date_published: '2026-11-20T10:00:00Z' }, { id: [1] }],
      }),
    );
    expect(result).toMatchObject({ format: 'json1', feed: { link: 'https://j.example/' }, items: [{ guid: '7', content: 'plain' }] });
    expect(isParseError(result) ? undefined : result.feed.title).toBeUndefined();
    expect(isParseError(result) ? 0 : result.items.length).toBe(1);
  });

  it('rejects what is not a feed with a clear error, and reads ill-formed feeds as far as they go', () => {
    expect(parse('<html><body>Moved</body></html>')).toMatchObject({ error: 'not a feed: the document is <html>' });
    expect(parse('{"version": ')).toMatchObject({ error: expect.stringMatching(/^not a JSON Feed: not valid JSON: /) });
    expect(parse('')).toMatchObject({ error: 'not a feed: the document is empty' });
    expect(parse('just words')).toMatchObject({ error: 'not a feed: no XML element found' });
    expect(parse('<rss><channel><title>testing &aring; &doesnotexist; entity</title><item><title>unclosed')).toMatchObject({
      feed: { title: 'testing å &doesnotexist; entity' },
      items: [{ title: 'unclosed' }],
    });
  });

  it('stops at the depth limit instead of spending time on hostile nesting', () => {
    const started = performance.now();
    const result = parse(`<rss><channel><title>T</title>${'<x>'.repeat(200_000)}</channel></rss>`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ feed: { title: 'T' }, warnings: [expect.stringMatching(/limits/)] });
  });
});
