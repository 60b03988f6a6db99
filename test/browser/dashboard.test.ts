// The dashboard in a real browser (Debian's chromium driven by playwright-core), on the embedded
// backend and on Elasticsearch: sign in by link, see mentions in four scripts rendered as text,
// filter, watch a new mention arrive live, acknowledge an alert, see why an alert fired, read the
// stories panel, and keep screenshots in test/artifacts/ (dashboard-<backend>.png,
// alert-evidence-<backend>.png, dashboard-stories-<backend>.png).
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createAlerter, type Alerter } from '@earshot/alerter';
import { createMetrics, silentLogger } from '@earshot/observability';
import { encodeMessage, TOPICS } from '@earshot/schema';
import type { MentionStore } from '@earshot/store';
import { createElasticsearchStore, dropElasticsearchPrefix, type ElasticsearchStore } from '@earshot/store/elasticsearch';
import { makeMention, SCRIPT_TEXT, seedAlert, seedMentions } from '../../services/api/src/testing/fixtures.js';
import { explainedAlert } from '../../services/api/src/testing/explained-alert.js';
import { ADMIN_TOKEN, startTestApi, type TestApi } from '../../services/api/src/testing/start-test-api.js';
import { seedStories } from '../../services/api/src/testing/story-fixtures.js';
import { testConfig } from '../../services/alerter/src/testing/mentions.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const CI = process.env.CI === 'true';

interface Backend {
  name: 'embedded' | 'elasticsearch';
  /** Why this backend cannot run here; CI turns that into a failure instead of a skip. */
  unavailable?: string;
  store?: () => Promise<{ store: MentionStore; refresh: () => Promise<void>; cleanup: () => Promise<void> }>;
}

const esUrl = process.env.ELASTICSEARCH_URL || inject('elasticsearchUrl');
const backends: Backend[] = [
  { name: 'embedded' },
  {
    name: 'elasticsearch',
    ...(esUrl
      ? {
          store: async () => {
            const prefix = `dash${Date.now().toString(36)}`;
            const store: ElasticsearchStore = createElasticsearchStore({ url: esUrl, indexPrefix: prefix });
            return {
              store,
              refresh: () => store.refresh(),
              cleanup: () => dropElasticsearchPrefix({ url: esUrl, indexPrefix: prefix }),
            };
          },
        }
      : { unavailable: inject('serversUnavailable') || 'ELASTICSEARCH_URL is not set' }),
  },
];

const noBrowser = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (apt-get install chromium)`;

for (const backend of backends) {
  const reason = noBrowser ?? backend.unavailable;
  if (reason) {
    if (CI) it(`dashboard on ${backend.name}`, () => expect.fail(`cannot run under CI=true: ${reason}`));
    else it.skip(`dashboard on ${backend.name} (pending: ${reason})`, () => {});
    continue;
  }

  describe(`dashboard on ${backend.name}`, () => {
    let t: TestApi;
    /** Applies the dashboard's acknowledgments (the alerter is the one writer of alerts). */
    let alerter: Alerter | undefined;
    let browser: Browser;
    let page: Page;
    let cleanup = async () => {};
    let refresh = async () => {};
    const pageErrors: string[] = [];

    beforeAll(async () => {
      const custom = await backend.store?.();
      if (custom) ({ cleanup, refresh } = custom);
      t = await startTestApi({
        ...(custom ? { store: custom.store } : {}),
        before: async ({ store }) => {
          await store.upsertMentions(seedMentions());
          await store.upsertAlert(seedAlert());
          await store.upsertAlert(explainedAlert());
          await store.upsertStories(seedStories());
          await custom?.refresh();
        },
      });
      alerter = createAlerter({
        config: testConfig([]),
        bus: t.bus,
        store: t.store,
        logger: silentLogger(),
        metrics: createMetrics(),
        tickIntervalMs: 3_600_000,
      });
      await alerter.start();
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB', timezoneId: 'UTC' });
      page.on('pageerror', (err) => pageErrors.push(err.message));
      page.on('console', (msg) => msg.type() === 'error' && pageErrors.push(msg.text()));
    });

    afterAll(async () => {
      await browser?.close();
      await alerter?.stop();
      await t?.stop();
      await cleanup();
    });

    it('signs in from the link, shows every script as text, filters, updates live and acknowledges', async () => {
      await page.goto(`${t.url}/#token=${ADMIN_TOKEN}`);
      await expect.poll(() => page.url()).toBe(`${t.url}/`); // the token left the address bar
      await page.getByTestId('total').filter({ hasText: '7 found' }).waitFor();
      expect(await page.getByTestId('mention').count()).toBe(7);

      // Hebrew right-to-left, Cyrillic and Kazakh letters as written, markup as text.
      const text = (id: string) => page.locator(`[data-id="${id}"] [data-testid=mention-text]`);
      expect(await text('m-he-1').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      expect(await text('m-en-1').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      expect(await text('m-kk-1').textContent()).toBe('Нордтелдің қолдау қызметі тез жауап берді, рақмет! Әдемі әрі ыңғайлы қосымша.');
      expect(await text('m-ru-1').textContent()).toBe('Нордтел снова поднял цены, а поддержка отвечает через неделю. Не берите их тариф.');
      expect(await text('m-en-3').textContent()).toBe(SCRIPT_TEXT);
      expect(await page.locator('[data-id="m-en-3"] [data-testid=mention-title]').textContent()).toBe('Nordtel <b>announces</b> a new plan');
      expect(await page.locator('[data-testid=feed] script, [data-testid=feed] img, [data-testid=feed] b').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();

      // Stories: newest first, with size, sentiment mix, velocity and languages; titles as text.
      await page.getByTestId('stories-total').filter({ hasText: '4 stories' }).waitFor();
      expect(await page.getByTestId('story-title').allTextContents()).toEqual([
        'Nordtel outage in Tartu #NordtelDown',
        'Tundra Coffee oat latte',
        'Нордтел снова поднял цены',
        '<img src=x onerror="window.__pwned = true"> new plan',
      ]);
      const outage = page.locator('[data-testid=story][data-id="st-outage"]');
      expect(await outage.getByTestId('story-size').textContent()).toBe('6');
      expect(await outage.getByTestId('story-negative').textContent()).toBe('83% negative');
      expect(await outage.getByTestId('story-velocity').textContent()).toBe('3/h');
      expect(await outage.getByTestId('story-langs').textContent()).toBe('en · ru · he');
      expect(await outage.locator('.story-mix span').count()).toBe(2); // negative and neutral, no positive
      expect(await page.locator('[data-testid=stories] img').count()).toBe(0);
      expect(await page.locator('[data-id="st-prices"] [data-testid=story-title]').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');

      // Filter: brand, then sentiment.
      await page.getByTestId('brand-picker').selectOption('nordtel');
      await page.getByTestId('total').filter({ hasText: '6 found' }).waitFor();
      await page.getByTestId('stories-total').filter({ hasText: '3 stories' }).waitFor();
      expect(await page.locator('[data-testid=story][data-id="st-latte"]').count()).toBe(0);
      await page.getByTestId('sentiment-filter').selectOption('negative');
      await page.getByTestId('total').filter({ hasText: '3 found' }).waitFor();
      expect(await page.getByTestId('sentiment').allTextContents()).toEqual(['negative', 'negative', 'negative']);
      await page.getByTestId('stories-total').filter({ hasText: '2 stories' }).waitFor(); // the neutral one is filtered out
      expect(await page.locator('[data-testid=story][data-id="st-markup"]').count()).toBe(0);
      expect(new URL(page.url()).search).toBe('?brand=nordtel&sentiment=negative');

      // A mention collected now shows up without a reload; one outside the filter does not.
      await page.locator('[data-testid=live-state][data-state=live]').waitFor();
      const now = new Date().toISOString();
      const positive = makeMention({ id: 'live-positive', lang: 'en', sentiment: 'positive', title: 'Nordtel is fine', text: 'All good', publishedAt: now });
      const negative = makeMention({
        id: 'live-negative',
        lang: 'he',
        sentiment: 'negative',
        title: 'נורדטל שוב לא עובד',
        text: 'האינטרנט של נורדטל נפל שוב הערב. אל תקנו.',
        topics: [['quality', 'negative']],
        warning: true,
        publishedAt: now,
      });
      await t.bus.publish(
        TOPICS.enriched,
        [positive, negative].map((m) => ({ key: m.brandId, value: encodeMessage('mention.enriched', m) })),
      );
      const arrived = page.locator('[data-id="live-negative"]');
      await arrived.waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('mention').first().getAttribute('data-id')).toBe('live-negative');
      expect(await arrived.getAttribute('class')).toContain('fresh');
      expect(await arrived.locator('[data-testid=mention-text]').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      await page.getByTestId('total').filter({ hasText: '4 found' }).waitFor();
      expect(await page.locator('[data-id="live-positive"]').count()).toBe(0);

      // Acknowledge the open alert.
      const alert = page.locator(`[data-testid=alert][data-key="${seedAlert().key}"]`);
      await alert.getByTestId('acknowledge').click();
      await alert.getByTestId('acknowledged').filter({ hasText: 'Acknowledged by ops' }).waitFor();
      // The alerter applies the command and stores the alert.
      await vi.waitFor(
        async () => {
          await refresh();
          const stored = await (
            await fetch(`${t.url}/api/v1/alerts/${encodeURIComponent(seedAlert().key)}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
          ).json();
          expect(stored).toMatchObject({ acknowledgedBy: 'ops', state: 'open' });
        },
        { timeout: 15_000, interval: 100 },
      );

      await page.waitForTimeout(300); // let the charts settle for the picture
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}dashboard-${backend.name}.png`, fullPage: true });
      await page.getByLabel('Stories').screenshot({ path: `${ARTIFACTS}dashboard-stories-${backend.name}.png` });
      expect(pageErrors).toEqual([]);
    });

    it('shows why an alert fired: volume, phrases, topics, languages, sources and the driving mentions, as text', async () => {
      const alert = page.locator(`[data-testid=alert][data-key="${explainedAlert().key}"]`);
      const evidence = alert.getByTestId('evidence');
      await evidence.waitFor();
      expect(await evidence.getByTestId('evidence-volume').textContent()).toBe('4 in the window, 24× the usual 0.17');
      expect(await evidence.getByTestId('evidence-phrases').textContent()).toBe('network outage 4 (new) · tallinn 2 (×3.5)');
      expect(await evidence.getByTestId('evidence-topics').textContent()).toBe('network 4 (new)');
      expect(await evidence.getByTestId('evidence-languages').textContent()).toBe('et 3 · en 1');
      expect(await evidence.getByTestId('evidence-sources').textContent()).toBe('forum 3 · reviews 1');
      const mentions = evidence.getByTestId('evidence-mention');
      expect(await mentions.count()).toBe(2);
      const first = mentions.nth(0);
      expect(await first.locator('a').getAttribute('href')).toBe('https://forum.example.org/t/1');
      expect(await first.locator('a').textContent()).toBe('Nordtel <img src=x onerror="window.__pwned=true"> down');
      expect(await first.locator('q').textContent()).toBe('No mobile data in Tallinn <script>window.__pwned=true</script>');
      expect(await mentions.nth(1).locator('a').count()).toBe(0); // a javascript: URL is not a link
      expect(await evidence.locator('img, script').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
      // The seeded alert without evidence shows none.
      expect(await page.locator(`[data-testid=alert][data-key="${seedAlert().key}"] [data-testid=evidence]`).count()).toBe(0);
      await evidence.screenshot({ path: `${ARTIFACTS}alert-evidence-${backend.name}.png` });
      expect(pageErrors).toEqual([]);
    });

    it("narrows to posts addressed to the brand, the brand's own, or all but its own, by how mentions were matched, by what the collector cut (and a card says what the analysis read), and by a panel's author, source or language", async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB', timezoneId: 'UTC' });
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (err) => errors.push(err.message));
      const seededDay = 'from=2026-11-23T08:00:00Z&to=2026-11-23T11:00:00Z'; // without the live test's mentions
      const found = (n: number) =>
        tab
          .getByTestId('total')
          .filter({ hasText: `${n} found` })
          .waitFor();
      const param = (name: string) => new URL(tab.url()).searchParams.get(name);
      await tab.goto(`${t.url}/?brand=nordtel&${seededDay}#token=${ADMIN_TOKEN}`);
      await found(6);

      await tab.getByTestId('account-filter').selectOption('not-own');
      await found(5);
      expect(await tab.locator('[data-id="m-en-3"]').count()).toBe(0); // the brand's own announcement
      expect(param('excludeBrandAccount')).toBe('by-brand');
      await tab.getByTestId('account-filter').selectOption('by-brand');
      await found(1);
      expect(await tab.locator('[data-id="m-en-3"] [data-testid=account]').textContent()).toBe("brand's own post");
      expect([param('brandAccount'), param('excludeBrandAccount')]).toEqual(['by-brand', null]);

      await tab.getByTestId('account-filter').selectOption('');
      await tab.getByTestId('matched-by-filter').selectOption('handle');
      await found(2);
      expect(await tab.getByTestId('account').allTextContents()).toEqual(["brand's own post", 'to the brand']); // newest first
      expect([param('brandAccount'), param('matchedBy')]).toEqual([null, 'handle']);

      // A link with these filters opens with them chosen.
      await tab.goto(`${t.url}/?brand=nordtel&${seededDay}&brandAccount=to-brand&matchedBy=handle`);
      await found(1);
      expect(await tab.getByTestId('account-filter').inputValue()).toBe('to-brand');
      expect(await tab.getByTestId('matched-by-filter').inputValue()).toBe('handle');
      expect(await tab.locator('[data-id="m-en-1"]').count()).toBe(1);

      // Whether the collector cut a mention: a cut text shows on its card, and either cut can be picked.
      await tab.goto(`${t.url}/?brand=nordtel&${seededDay}`);
      await found(6);
      expect(await tab.getByTestId('shortened').count()).toBe(1);
      expect(await tab.locator('[data-id="m-he-1"] [data-testid=shortened]').textContent()).toBe('cut short');
      // And where the analysis read only the start of a mention, the card says so.
      expect(await tab.getByTestId('read-chars').count()).toBe(1);
      expect(await tab.locator('[data-id="m-he-1"] [data-testid=read-chars]').getAttribute('title')).toContain('first 100,000 characters');
      await tab.getByTestId('shortened-filter').selectOption('text');
      await found(1);
      expect(param('shortened')).toBe('text');
      await tab.getByTestId('shortened-filter').selectOption('markup');
      await tab.locator('[data-id="m-kk-1"]').waitFor(); // "1 found" was already on the page
      await found(1);
      expect(await tab.getByTestId('mention').count()).toBe(1);
      expect(await tab.getByTestId('shortened').count()).toBe(0); // markup dropped is not called cut short
      await tab.goto(`${t.url}/?brand=nordtel&${seededDay}&shortened=text`);
      await found(1);
      expect(await tab.getByTestId('shortened-filter').inputValue()).toBe('text');

      // A top author, a source or a language picked in its panel filters by it; picked again, it stops.
      await tab.goto(`${t.url}/?brand=nordtel&${seededDay}`);
      await found(6);
      const authors = tab.getByTestId('authors');
      await authors.getByTestId('breakdown-key').filter({ hasText: 'Jane Roe' }).click();
      await found(1);
      expect(param('author')).toBe('Jane Roe');
      expect(await tab.getByTestId('author-filter').textContent()).toContain('Jane Roe');
      await authors.getByTestId('breakdown-key').filter({ hasText: 'Jane Roe' }).click();
      await found(6);
      await tab.getByTestId('languages').getByTestId('breakdown-key').filter({ hasText: 'Russian' }).click();
      await found(1);
      expect(await tab.getByTestId('lang-filter').inputValue()).toBe('ru');
      await tab.getByTestId('lang-filter').selectOption('');
      await found(6);
      await authors.getByTestId('breakdown-key').filter({ hasText: 'Jane Roe' }).click();
      await found(1);
      await tab.getByTestId('author-filter').click(); // the chip clears it
      await found(6);
      expect(param('author')).toBeNull();
      expect(errors).toEqual([]);
      await context.close();
    });

    it("shows headline figures, share of voice, names instead of codes, in the reader's time zone", async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, locale: 'en-GB', timezoneId: 'Asia/Tokyo' });
      const tokyo = await context.newPage();
      const errors: string[] = [];
      tokyo.on('pageerror', (err) => errors.push(err.message));
      const requests: string[] = [];
      tokyo.on('request', (r) => requests.push(r.url()));
      // The seeded day, 08:00–11:00 UTC, against the three hours before.
      await tokyo.goto(`${t.url}/?from=2026-11-23T08:00:00Z&to=2026-11-23T11:00:00Z#token=${ADMIN_TOKEN}`);
      await tokyo.getByTestId('total').filter({ hasText: '7 found' }).waitFor();

      const nordtel = tokyo.locator('[data-testid=headline][data-brand=nordtel]');
      await nordtel.waitFor();
      expect(await nordtel.getByTestId('volume').textContent()).toBe('6');
      expect(await nordtel.getByTestId('negative-share').textContent()).toBe('50%');
      expect(await nordtel.getByTestId('net-sentiment').textContent()).toBe('-20');
      expect(await nordtel.getByTestId('volume-change').textContent()).toBe('no earlier data');
      expect(await tokyo.getByTestId('period').textContent()).toMatch(/^23 Nov 2026, 17:00 – 23 Nov 2026, 20:00/); // 08:00–11:00 UTC in Tokyo
      const sov = async (brand: string) => tokyo.locator(`[data-testid=sov][data-brand=${brand}] [data-testid=sov-share]`).textContent();
      expect(await sov('nordtel')).toBe('85.7%');
      expect(await sov('tundra')).toBe('14.3%');

      // Names, not codes: languages in the reader's language, source titles, topic names.
      const card = (id: string) => tokyo.locator(`[data-id="${id}"]`);
      expect(await card('m-ru-1').getByTestId('lang').textContent()).toBe('Russian');
      expect(await card('m-kk-1').getByTestId('lang').textContent()).toBe('Kazakh');
      expect(await card('m-he-1').getByTestId('lang').textContent()).toBe('Hebrew');
      expect(await card('m-en-1').getByTestId('source').textContent()).toBe('Telecom Talk forum');
      expect(await card('m-en-1').getByTestId('topic').allTextContents()).toEqual(['Price and fairness', 'Customer service']);
      expect(await tokyo.getByTestId('languages').textContent()).toContain('Russian');
      expect(await tokyo.getByTestId('sources').textContent()).toContain('Otzyvy reviews');
      expect(await tokyo.getByTestId('lang-filter').locator('option', { hasText: 'Hebrew' }).count()).toBe(1);

      // Times and chart buckets in the reader's zone: 08:00 UTC is 17:00 in Tokyo.
      expect(await tokyo.getByTestId('time-zone').textContent()).toBe('Asia/Tokyo');
      expect(await card('m-en-1').locator('time').textContent()).toBe('23 Nov 2026, 17:00');
      expect(requests.some((u) => u.includes('/api/v1/aggregations?') && new URL(u).searchParams.get('timeZone') === 'Asia/Tokyo')).toBe(true);

      // A period with one before it: 09:15–10:45 against 07:45–09:15 (3 Nordtel mentions each).
      await tokyo.goto(`${t.url}/?brand=nordtel&from=2026-11-23T09:15:00Z&to=2026-11-23T10:45:00Z`);
      await tokyo.getByTestId('period').filter({ hasText: '23 Nov 2026, 18:15 – 23 Nov 2026, 19:45' }).waitFor();
      const card2 = tokyo.locator('[data-testid=headline][data-brand=nordtel]');
      expect(await tokyo.getByTestId('headline').count()).toBe(1); // the brand picked
      expect(await card2.getByTestId('negative-share').textContent()).toBe('33.3%');
      expect(await card2.getByTestId('negative-share-change').textContent()).toBe('▼ -33.3 pts');
      expect(await card2.getByTestId('negative-share-change').getAttribute('class')).toBe('change good'); // less negative is good news
      expect(await card2.getByTestId('net-sentiment-change').textContent()).toBe('▲ +33.3 pts');
      expect(await card2.getByTestId('volume-change').textContent()).toBe('± 0%');
      expect(await tokyo.getByTestId('sov').count()).toBe(2); // share of voice still compares every brand
      expect(await tokyo.getByTestId('range-filter').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('The period in the link');

      await tokyo.waitForTimeout(300);
      mkdirSync(ARTIFACTS, { recursive: true });
      await tokyo.screenshot({ path: `${ARTIFACTS}dashboard-insights-${backend.name}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    });
  });
}
