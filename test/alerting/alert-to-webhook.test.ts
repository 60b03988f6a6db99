// End to end on the embedded backend: negative mentions on mentions.by-brand → the alerter opens a
// threshold alert → the notifier POSTs it, signed, to a webhook on loopback, exactly once.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAlerter } from '@earshot/alerter';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { parseConfig } from '@earshot/config';
import { createNotifier, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '@earshot/notifier';
import { createMetrics, silentLogger } from '@earshot/observability';
import { encodeMessage, TOPICS, type Alert, type EnrichedMention } from '@earshot/schema';
import { createSqliteStore } from '@earshot/store/sqlite';
import { expect, it, vi } from 'vitest';

function negative(id: string, at: Date): EnrichedMention {
  const iso = at.toISOString();
  return {
    id,
    brandId: 'nordtel',
    sourceId: 'reviews',
    sourceType: 'rss',
    url: `https://reviews.example.org/${id}`,
    title: `Nordtel review ${id}`,
    text: "Don't buy Nordtel, support never answers.",
    publishedAt: iso,
    collectedAt: iso,
    nlp: {
      lang: 'en',
      sentiment: { label: 'negative', score: -0.8 },
      topics: [],
      signals: { warning: true, recommendation: false, phrases: ["don't buy"] },
      enrichedAt: iso,
    },
  };
}

it('a negative burst reaches the webhook once, signed', async () => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const dir = mkdtempSync(join(tmpdir(), 'earshot-e2e-alert-'));
  const config = parseConfig(
    `
brands: [{ id: nordtel, name: Nordtel }]
rules: [{ id: neg, type: threshold, brand: nordtel, count: 3, window: 10m }]
channels: [{ id: hook, type: webhook, url: "${url}", secret: s3cret-s3cret, allowPrivateNetwork: true }]
subscriptions: [{ channel: hook }]
`,
    join(dir, 'earshot.yaml'),
  );
  const bus = createEmbeddedBus({ path: join(dir, 'bus.db'), pollIntervalMs: 20 });
  const store = createSqliteStore({ path: join(dir, 'store.db') });
  const deps = { config, bus, store, logger: silentLogger(), metrics: createMetrics() };
  const alerter = createAlerter(deps);
  const notifier = createNotifier(deps);
  await alerter.start();
  await notifier.start();
  try {
    const now = Date.now();
    const mentions = [1, 2, 3, 4].map((i) => negative(`m${i}`, new Date(now - (5 - i) * 1000)));
    for (const m of mentions) await bus.publish(TOPICS.byBrand, [{ key: m.brandId, value: encodeMessage('mention.enriched', m) }]);
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 5000, interval: 10 });
    const [hit] = received;
    expect(
      verifySignature({
        secret: 's3cret-s3cret',
        timestamp: String(hit!.headers[TIMESTAMP_HEADER]),
        body: hit!.body,
        signature: String(hit!.headers[SIGNATURE_HEADER]),
      }),
    ).toBe(true);
    const body = JSON.parse(hit!.body) as { alert: Alert };
    expect(body.alert).toMatchObject({ ruleId: 'neg', state: 'open', count: 3 });
    expect(body.alert.samples.map((s) => s.id)).toEqual(['m3', 'm2', 'm1']);
    // Explained by the alerter, carried by the bus, delivered as sent and stored alike.
    const evidence = body.alert.evidence!;
    expect(evidence).toMatchObject({
      volume: { count: 3 },
      languages: [{ key: 'en', count: 3 }],
      sources: [{ key: 'reviews', count: 3 }],
      sentiment: { negative: 3, neutral: 0, positive: 0 },
    });
    expect(evidence.phrases.map((p) => p.term)).toContain("don't buy");
    expect(evidence.mentions.map((m) => [m.id, m.score, m.url])).toEqual([1, 2, 3].map((i) => [`m${i}`, -0.8, `https://reviews.example.org/m${i}`]));
    await vi.waitFor(async () => expect((await store.getAlert(body.alert.key))?.evidence).toEqual(evidence));
    await vi.waitFor(async () => expect(await bus.lag('earshot-notifier', TOPICS.alerts)).toBe(0));
    await notifier.idle();
    expect(received).toHaveLength(1); // the fourth mention did not re-notify
  } finally {
    await alerter.stop();
    await notifier.stop();
    await bus.close();
    await store.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
