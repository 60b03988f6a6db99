// Every source type against a recorded-style response (our own invented content in fixtures/),
// served on loopback and collected through the real fetcher, parser and collector: what comes out
// is the raw mentions on the bus.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness } from '../testing/collector-harness.js';
import { serve, startRouteServer, type RouteServer } from '../testing/route-server.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

async function collect(server: RouteServer, type: string, path: string, extra: Record<string, unknown> = {}) {
  const harness = await createHarness({ sources: [{ id: `${type}-1`, type, url: `${server.url}${path}`, allowPrivateNetwork: true, ...extra }] });
  const report = await harness.collector.collectOnce();
  const mentions = harness.published();
  const status = harness.collector.status()[0]!;
  await harness.close();
  return { report, mentions, status };
}

describe('source types on loopback', () => {
  let server: RouteServer;
  beforeAll(async () => {
    server = await startRouteServer();
    server.route('/reddit.rss', serve(fixture('reddit-search.atom'), 'application/atom+xml; charset=UTF-8'));
    server.route('/tags/nordtel.rss', serve(fixture('mastodon-tag.rss'), 'application/rss+xml; charset=utf-8'));
    server.route('/feeds/videos.xml', serve(fixture('youtube-channel.atom'), 'text/xml; charset=UTF-8'));
    server.route('/rss/search', serve(fixture('google-news-search.rss'), 'application/xml; charset=utf-8'));
    server.route('/alerts/feeds/1/2', serve(fixture('google-alerts.atom'), 'application/atom+xml'));
    server.route('/us/rss/customerreviews/id=900000001/sortBy=mostRecent/json', serve(fixture('app-store-reviews.json'), 'application/json; charset=utf-8'));
    server.route('/api/v1/search_by_date', serve(fixture('hn-search.json'), 'application/json; charset=utf-8'));
    server.route('/product/x2', serve(fixture('product-page.html'), 'text/html; charset=utf-8'));
    server.route('/review/nordtel.example', serve(fixture('trustpilot-page.html'), 'text/html; charset=utf-8'));
    server.route('/feed.json', serve(fixture('json-feed.json'), 'application/feed+json'));
    server.route('/blog/feed/', serve(fixture('wordpress-feed.rss'), 'application/rss+xml; charset=UTF-8'));
  });
  afterAll(() => server.close());

  it('reddit: only matching posts, author without /u/, no "submitted by" footer', async () => {
    const { report, mentions } = await collect(server, 'reddit', '/reddit.rss');
    expect(report).toMatchObject({ sources: 1, failed: 0, items: 2, mentions: 1 });
    expect(mentions[0]).toMatchObject({
      brandId: 'nordtel',
      sourceType: 'reddit',
      title: 'Nordtel bill went up again?',
      author: 'quiet_fjord_42',
      url: 'https://www.reddit.com/r/telecom/comments/1abcde/nordtel_bill/',
      publishedAt: '2026-11-20T08:59:41.000Z',
    });
    expect(mentions[0]!.text).toBe('Switched to Nordtel last month. Coverage in the valley is finally decent, but the bill went up twice already.');
    expect(mentions[0]!.html).toContain('<div class="md">');
  });

  it('feed: the "continue reading" and "appeared first on" lines are not part of the text; the HTML keeps them', async () => {
    const { mentions } = await collect(server, 'feed', '/blog/feed/');
    expect(mentions.map((m) => m.text)).toEqual([
      'Nordtel will charge 3 euros more for fibre from January.',
      "The new Nordtel store on Rüütli street opens on Friday. I'd love to read more about it.",
      'С декабря Nordtel меняет линейку тарифов.',
    ]);
    expect(mentions[1]!.html).toContain('appeared first on');
  });

  it('mastodon: untitled toots are titled by their text, the author comes from the link', async () => {
    const { mentions } = await collect(server, 'mastodon', '/tags/nordtel.rss');
    expect(mentions).toHaveLength(2);
    expect(mentions[0]).toMatchObject({ author: '@birchbark@social.example', url: 'https://social.example/@birchbark/113500000000000001' });
    expect(mentions[0]!.text).toBe(
      'Day three without mobile data from #Nordtel. Support keeps saying "engineers are aware". Don\'t sign a two-year contract with them.',
    );
    expect(mentions[0]!.title.startsWith('Day three without mobile data')).toBe(true);
  });

  it('youtube: text from media:description, views as reach', async () => {
    const { mentions } = await collect(server, 'youtube', '/feeds/videos.xml');
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({
      title: 'Nordtel 5G router: one month later',
      reach: 48213,
      url: 'https://www.youtube.com/watch?v=AbCdEfGh001',
      author: 'Gadget Bench',
    });
    expect(mentions[0]!.text).toMatch(/^Speeds held up/);
  });

  it('google news: headline without the publisher suffix, publisher as author', async () => {
    const { mentions } = await collect(server, 'google-news', '/rss/search');
    expect(mentions.map((m) => [m.title, m.author])).toEqual([
      ['Nordtel raises prices for the second time this year', 'Northern Ledger'],
      ['Regulator opens review of Nordtel billing', 'Fjord Times'],
    ]);
  });

  it('google alerts: the redirect is unwrapped to the article, <b> highlighting dropped', async () => {
    const { mentions } = await collect(server, 'google-alerts', '/alerts/feeds/1/2');
    expect(mentions[0]).toMatchObject({ url: 'https://coastnews.example/2026/11/20/nordtel-outage', title: 'Nordtel outage leaves thousands offline' });
  });

  it('app store: one mention per review with its star rating, version and author', async () => {
    const { mentions } = await collect(server, 'app-store', '/us/rss/customerreviews/id=900000001/sortBy=mostRecent/json');
    expect(mentions.map((m) => [m.rating, m.author, m.title])).toEqual([
      [1, 'moss_and_tea', 'Logs me out every day'],
      [5, 'harbor.light', 'Finally a usable bill view'],
    ]);
    expect(mentions[0]!.text).toContain('(app version 4.12.0)');
    expect(mentions[0]!.publishedAt).toBe('2026-11-19T21:22:10.000Z');
  });

  it('hacker news (Algolia): stories and comments, comments titled by their story, points as reach', async () => {
    const { mentions } = await collect(server, 'hn-search', '/api/v1/search_by_date', {
      url: `${server.url}/api/v1/search_by_date?query=Nordtel&tags=(story,comment)`,
    });
    expect(mentions.map((m) => m.url)).toEqual(['https://news.ycombinator.com/item?id=41000001', 'https://news.ycombinator.com/item?id=41000005']);
    expect(mentions[0]).toMatchObject({ reach: 87, author: 'pinecone' });
    expect(mentions[1]).toMatchObject({ title: 'Comment on: Nordtel open-sources its router firmware', author: 'quartzite' });
    expect(mentions[1]!.text).toBe(
      "I ran the old Nordtel firmware for years & the update path was awful.\nGlad to see the source, but I'll wait for the build instructions.",
    );
  });

  it('json-ld reviews: each schema.org Review with its rating normalised to 1–5; a broken block is skipped', async () => {
    const { mentions } = await collect(server, 'json-ld-reviews', '/product/x2', { brand: 'all', about: false });
    // Only the first review names the brand; the second is about the product without naming it.
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({
      title: 'Fast, but the fan hums',
      author: 'Ilse K.',
      rating: 4,
      publishedAt: '2026-11-12T00:00:00.000Z',
      matchedBy: 'query',
    });
    expect(mentions[0]!.url).toMatch(/\/product\/x2#review-/);
  });

  it('a review page with a single brand is about that brand: every review is a mention, named or not', async () => {
    const { mentions } = await collect(server, 'json-ld-reviews', '/product/x2');
    expect(mentions.map((m) => [m.brandId, m.matchedBy])).toEqual([
      ['nordtel', 'owned-source'],
      ['nordtel', 'owned-source'],
    ]);
  });

  it('trustpilot-style page: reviews from the @graph, in their languages, newest first asked for', async () => {
    const { mentions } = await collect(server, 'trustpilot', '/review/nordtel.example');
    expect(mentions.map((m) => [m.title, m.rating, m.langHint])).toEqual([
      ['Charged twice, refunded fast', 4, 'en'],
      ['Не берите Нордтел', 1, 'ru'],
    ]);
    expect(server.requests.some((r) => r.path === '/review/nordtel.example?sort=recency&languages=all')).toBe(true);
  });

  it('json feed 1.1: numeric ids become strings, titles trimmed', async () => {
    const { mentions } = await collect(server, 'feed', '/feed.json');
    expect(mentions[0]).toMatchObject({
      title: "What Nordtel's new pricing means for families",
      url: 'https://telecomblog.example/2026/11/nordtel-pricing',
      publishedAt: '2026-11-19T09:00:00.000Z',
      langHint: 'en',
    });
    expect(mentions[0]!.text).toBe('Three plans became two. The cheapest one lost its data rollover.');
  });

  it.each([
    ['en-US', 'is dropped: the items whose language is clear contradict it', undefined],
    ['et-EE', 'is every item’s hint', 'et-EE'],
  ])("a feed's <language> %s on Estonian items %s", async (tag, _what, hint) => {
    // Our own sentences. The last headline is Estonian the analyzer reads as English under an en-US hint.
    const items = [
      ['Nordteli hinnad tõusevad', 'Nordtel tõstis jaanuarist kiudvõrgu hinda kolm eurot kuus.'],
      ['Rike Tartus', 'Nordteli mobiilne internet oli eile terve õhtu maas, aga keegi ei teavitanud meid sellest.'],
      ['Uus pood', 'Nordteli uus pood avatakse reedel Tartus ning seal saab ka telefone parandada.'],
      ['Nordteli teenus on aeglane', ''],
    ];
    const xml = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Uudised</title><language>${tag}</language>${items
      .map(([title, text], i) => `<item><title>${title}</title><link>https://uudised.example/${i}</link><description>${text}</description></item>`)
      .join('')}</channel></rss>`;
    server.route(`/lang/${tag}`, serve(Buffer.from(xml), 'application/rss+xml'));
    const { mentions } = await collect(server, 'feed', `/lang/${tag}`);
    expect(mentions).toHaveLength(items.length);
    expect(mentions.map((m) => m.langHint)).toEqual(items.map(() => hint));
  });

  it.each([
    ['windows-1251', 'application/rss+xml', 'windows-1251'],
    ['koi8-r', 'text/xml', 'koi8-r'],
    ['utf-16le', 'application/xml', 'UTF-16'],
  ])('decodes a %s feed declared only in the document', async (encoding, contentType, declared) => {
    const xml = `<?xml version="1.0" encoding="${declared}"?><rss version="2.0"><channel><title>Новости</title><item><title>Нордтел снова поднял цены</title><link>https://news.example/1</link><description>Абоненты Нордтела недовольны.</description></item></channel></rss>`;
    const bom = encoding === 'utf-16le' ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0);
    server.route(`/enc/${encoding}`, serve(Buffer.concat([bom, iconv.encode(xml, encoding)]), contentType));
    const { mentions } = await collect(server, 'rss', `/enc/${encoding}`);
    expect(mentions[0]).toMatchObject({ title: 'Нордтел снова поднял цены', text: 'Абоненты Нордтела недовольны.' });
  });

  it.each([
    ['feed', 'json-feed.json', 'application/feed+json'],
    ['reddit', 'reddit-search.atom', 'application/atom+xml'],
    ['mastodon', 'mastodon-tag.rss', 'application/rss+xml'],
    ['youtube', 'youtube-channel.atom', 'text/xml'],
    ['google-news', 'google-news-search.rss', 'application/xml'],
    ['google-alerts', 'google-alerts.atom', 'application/atom+xml'],
    ['app-store', 'app-store-reviews.json', 'application/json'],
    ['hn-search', 'hn-search.json', 'application/json'],
    ['json-ld-reviews', 'product-page.html', 'text/html'],
    ['trustpilot', 'trustpilot-page.html', 'text/html'],
  ])('%s: conditional GET gives a 304, then a 429 with Retry-After backs the source off', async (type, file, contentType) => {
    let mode: 'ok' | 'busy' = 'ok';
    server.route(`/cycle/${type}`, (req, res) => {
      if (mode === 'busy') return void res.writeHead(429, { 'retry-after': '600' }).end();
      if (req.headers['if-none-match'] === '"r1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': contentType, etag: '"r1"' }).end(fixture(file));
    });
    const now = new Date('2026-11-20T12:00:00Z');
    const harness = await createHarness({
      sources: [{ id: `${type}-cycle`, type, url: `${server.url}/cycle/${type}`, allowPrivateNetwork: true }],
      now: () => now,
    });
    expect(await harness.collector.collectOnce()).toMatchObject({ failed: 0, notModified: 0 });
    expect(harness.published().length).toBeGreaterThan(0);
    expect(await harness.collector.collectOnce()).toMatchObject({ failed: 0, notModified: 1, mentions: 0 });
    mode = 'busy';
    expect(await harness.collector.collectOnce()).toMatchObject({ failed: 1 });
    expect(harness.collector.status()[0]).toMatchObject({ lastStatus: 429, consecutiveFailures: 1, nextPollAt: '2026-11-20T12:10:00.000Z' });
    await harness.close();
  });
});
