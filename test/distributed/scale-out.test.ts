// Many machines, proven: two processes each of `earshot collector`, `enricher`, `indexer`, `alerter`
// and `notifier` on Kafka + Elasticsearch, one instance of every stage SIGKILLed mid-stream and a
// replacement started later. Afterwards every mention is in Elasticsearch exactly once, every
// expected alert reached the webhook exactly once (one idempotency key per alert; a repeat POST
// with the same key is what the notifier's at-least-once delivery allows, and the receiver drops
// it) and no forbidden alert was sent.
//
// What is exercised, honestly: the 20,000 mentions are published by the test straight to
// mentions.raw (keyed by mention id, as the collector does) — feeding them through RSS would spend
// the CI budget on XML. The two collectors still run for real, sharing the poll schedule of eight
// loopback RSS sources (pollInterval 5 s) through collector.jobs; their items are stored too, and
// each source is polled about once per slot, not once per collector (a few repeats where the group
// rebalanced are allowed). The alerters split
// the brands of mentions.by-brand; the kill moves the dead one's brands to the survivor (warm
// start from Elasticsearch), the replacement takes some back. One Kafka client (the default) only.
//
// Cost: 170 s on a 2-core machine shared with other jobs (load ~8), about 7 minutes at load ~13;
// most of it is ten processes loading the language models and the alerters catching up (story
// grouping per mention, batches redelivered after each rebalance).
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus } from '@earshot/bus';
import { createKafkaClientBus } from '@earshot/bus/kafka';
import { IDEMPOTENCY_HEADER } from '@earshot/notifier';
import { encodeMessage, mentionId, TOPICS, type Alert, type RawMention } from '@earshot/schema';
import { rssFeed } from '../support/feed-server.js';
import {
  dropPrefix,
  esCount,
  groupReport,
  servers,
  sleep,
  startStage,
  stopStage,
  uniquePrefix,
  waitFor,
  writeDistributedConfig,
  type StageProcess,
} from './support.js';

const found = servers();
const MENTIONS = 20_000;
/** Brands with a burst of negative mentions: each must alert exactly once. */
const HOT = ['h0', 'h1', 'h2'];
/** Brands with only praise: an alert for one of them is forbidden. */
const CALM = ['c0', 'c1', 'c2', 'c3', 'c4'];
const BRANDS = [...HOT, ...CALM];
const THRESHOLD = 25;
const SOURCES = Array.from({ length: 8 }, (_, i) => `feed-${i}`);
const ITEMS_PER_SOURCE = 5;
const POLL_MS = 5_000;
/** Ten processes loading language models on a loaded 2-core runner start slowly. */
const STARTUP_MS = 180_000;
const STAGES = ['collector', 'enricher', 'indexer', 'alerter', 'notifier'];
/** The consuming stages' groups and what they read: all must reach lag 0 (and are reported when they do not). */
const GROUPS = [
  ['earshot-enricher', TOPICS.raw],
  ['earshot-indexer', TOPICS.enriched],
  ['earshot-alerter', TOPICS.byBrand],
] as const;
const PRAISE = ['Great service today, the engineer was quick and friendly.', 'Love the new plan, fast internet and friendly staff. Excellent!'];
const COMPLAINT = 'Terrible service, the router broke again and support never answered. Awful.';

interface Delivery {
  key: string;
  alert: Alert;
}

function rawMention(i: number, at: number): RawMention {
  // Every 50th mention of a hot brand is a complaint (40 per hot brand over 20,000), the rest praise.
  const brandId = BRANDS[i % BRANDS.length]!;
  const negative = HOT.includes(brandId) && Math.floor(i / BRANDS.length) % 50 === 7;
  const iso = new Date(at - (i % 600) * 1000).toISOString();
  return {
    id: mentionId({ brandId, sourceId: 'scale-feed', itemId: `scale-${i}` }),
    brandId,
    sourceId: 'scale-feed',
    sourceType: 'rss',
    url: `https://scale.example.org/items/${i}`,
    title: `Report ${i}`,
    text: `${negative ? COMPLAINT : PRAISE[i % PRAISE.length]} (#${i})`,
    publishedAt: iso,
    collectedAt: iso,
  };
}

async function publishRange(bus: Bus, from: number, to: number, at: number): Promise<void> {
  const messages = [];
  for (let i = from; i < to; i++) {
    const m = rawMention(i, at);
    messages.push({ key: m.id, value: encodeMessage('mention.raw', m) });
  }
  await bus.publish(TOPICS.raw, messages);
}

/** How many of these ids have a document under the prefix. */
async function esCountIds(url: string, prefix: string, ids: string[]): Promise<number> {
  const res = await fetch(`${url}/${prefix}-mentions/_count`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: { ids: { values: ids } } }),
  });
  return ((await res.json()) as { count: number }).count;
}

describe.skipIf('skip' in found)(`scale-out on Kafka + Elasticsearch${'skip' in found ? ` (skipped: ${found.skip})` : ''}`, () => {
  const prefix = uniquePrefix('scale');
  const s = found as Exclude<typeof found, { skip: string }>;
  let bus: Bus;
  let config: string;
  let feeds: Server;
  let hook: Server;
  const deliveries: Delivery[] = [];
  /** When each source's feed was requested. */
  const polls = new Map<string, number[]>();
  const stages: StageProcess[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-scale-'));
    const now = new Date().toUTCString();
    const bodies = new Map(
      SOURCES.map((source, n) => [
        `/${source}.xml`,
        rssFeed(
          Array.from({ length: ITEMS_PER_SOURCE }, (_, j) => ({
            guid: `${source}-${j}`,
            title: `${source} item ${j}`,
            text: `${PRAISE[j % 2]} Source ${n}, item ${j}.`,
            link: `https://scale.example.org/${source}/${j}`,
            date: now,
          })),
        ),
      ]),
    );
    // The feeds, noting when each is requested.
    feeds = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      polls.set(path, [...(polls.get(path) ?? []), Date.now()]);
      const body = bodies.get(path);
      if (body) res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
    const feedUrl = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        deliveries.push({ key: String(req.headers[IDEMPOTENCY_HEADER.toLowerCase()]), alert: (JSON.parse(body) as { alert: Alert }).alert });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;

    config = writeDistributedConfig(dir, {
      prefix,
      client: 'platformatic',
      servers: s,
      partitions: 4,
      body: [
        'logLevel: warn',
        'brands:',
        ...BRANDS.map((b) => `  - { id: ${b}, name: Brand ${b} }`),
        'sources:',
        ...SOURCES.map(
          (id, n) => `  - { id: ${id}, type: rss, url: "${feedUrl}/${id}.xml", about: ${CALM[n % CALM.length]}, pollInterval: 5s, allowPrivateNetwork: true }`,
        ),
        `rules: [{ id: neg, type: threshold, count: ${THRESHOLD}, window: 6h }]`,
        `channels: [{ id: hook, type: webhook, url: "${hookUrl}", secret: scale-s3cret-s3cret, allowPrivateNetwork: true }]`,
        'subscriptions: [{ channel: hook }]',
      ].join('\n'),
    });
    bus = createKafkaClientBus('platformatic', { brokers: s.brokers.split(','), clientId: 'scale-out-test', topicPrefix: `${prefix}.` });
    await bus.ensureTopics(Object.values(TOPICS).map((name) => ({ name, partitions: 4 })));
  });

  afterAll(async () => {
    for (const stage of stages) await stopStage(stage, 'SIGKILL');
    await bus?.close();
    feeds?.close();
    hook?.close();
    await dropPrefix(s, prefix);
  });

  it(`two of every stage, one of each SIGKILLed and replaced: ${MENTIONS} mentions stored once, each expected alert delivered once, none forbidden`, async () => {
    const at = Date.now();
    const feedItems = SOURCES.length * ITEMS_PER_SOURCE;
    const total = MENTIONS + feedItems;
    // Downstream first, so the collectors' first polls have somewhere to go.
    // Two at a time: ten processes loading the language models at once starve a 2-core runner.
    const first: StageProcess[] = [];
    for (const name of STAGES) {
      const pair = await Promise.allSettled([startStage(name, config, {}, STARTUP_MS), startStage(name, config, {}, STARTUP_MS)]);
      for (const p of pair) if (p.status === 'fulfilled') first.push(p.value);
      stages.push(...first.slice(stages.length));
      for (const p of pair) if (p.status === 'rejected') throw p.reason;
    }
    const victims = first.filter((_, i) => i % 2 === 0);

    const streaming = (async () => {
      for (let i = 0; i < MENTIONS; i += 500) {
        await publishRange(bus, i, Math.min(i + 500, MENTIONS), at);
        await sleep(150);
      }
    })();

    const before = await waitFor(
      'a third of the mentions in Elasticsearch',
      180_000,
      async () => {
        const n = await esCount(s.esUrl, prefix);
        return n >= total / 3 ? n : undefined;
      },
      200,
    );
    for (const stage of victims) expect(await stopStage(stage, 'SIGKILL')).toBeNull();
    const atKill = await esCount(s.esUrl, prefix);
    expect(atKill, 'the kill came after everything was stored: it proves nothing').toBeLessThan(total);
    await streaming;

    // The survivors carry on alone for a while; then the replacements join and take partitions back.
    await waitFor('two thirds stored by the survivors', 180_000, async () => (await esCount(s.esUrl, prefix)) >= (2 * total) / 3, 500);
    const replacements = await Promise.allSettled(STAGES.map((name) => startStage(name, config, {}, STARTUP_MS)));
    for (const r of replacements) if (r.status === 'fulfilled') stages.push(r.value);
    for (const r of replacements) if (r.status === 'rejected') throw r.reason;

    const live = stages.filter((st) => !victims.includes(st));
    let seen = '';
    await waitFor(
      `all ${total} mentions stored (${before} before the kill)`,
      420_000,
      async () => {
        const [n, lags] = await Promise.all([esCount(s.esUrl, prefix), Promise.all(GROUPS.map(([group, topic]) => bus.lag(group, topic)))]);
        seen = `last seen: ${n} stored, lag ${GROUPS.map(([group], i) => `${group} ${lags[i]}`).join(', ')}`;
        return n >= total && lags.every((lag) => lag === 0);
      },
      1000,
    ).catch(async (err: Error) => {
      const groups = await Promise.all(GROUPS.map(([group, topic]) => groupReport(s, prefix, group, topic)));
      const health = await Promise.all(
        live.map((st) =>
          fetch(`${st.healthUrl}/health`).then(
            (r) => r.text(),
            (e: Error) => e.message,
          ),
        ),
      );
      throw new Error(
        [err.message, seen, ...groups, ...live.map((st, i) => `--- ${st.name} (pid ${st.child.pid}) health ${health[i]}\n${st.output()}`)].join('\n'),
      );
    });

    // Exactly once in Elasticsearch.
    expect(await esCount(s.esUrl, prefix)).toBe(total);
    let found = 0;
    for (let i = 0; i < MENTIONS; i += 2000)
      found += await esCountIds(
        s.esUrl,
        prefix,
        Array.from({ length: 2000 }, (_, j) => rawMention(i + j, at).id),
      );
    expect(found, 'published mentions found by id').toBe(MENTIONS);

    // Every hot brand alerted, through the webhook, once; no calm brand did.
    await waitFor('an alert for every hot brand', 120_000, async () => HOT.every((b) => deliveries.some((d) => d.alert.brandId === b)), 500);
    await sleep(3 * 5_000); // a few alerter ticks and notifier polls: time for a repeat or a stray alert to show
    const opened = deliveries.filter((d) => d.alert.state === 'open');
    expect([...new Set(opened.map((d) => d.alert.brandId))].sort()).toEqual(HOT);
    for (const brand of HOT) {
      const keys = new Set(opened.filter((d) => d.alert.brandId === brand).map((d) => d.key));
      expect(keys.size, `distinct deliveries of ${brand}'s alert`).toBe(1);
    }
    expect(deliveries.filter((d) => CALM.includes(d.alert.brandId))).toEqual([]);

    // The shared schedule: each source polled about once per slot by the pair of collectors, not
    // once per collector — a few extra polls allowed where the group rebalanced (the second
    // collector joining, the kill, the replacement joining) and the new owner repeated a slot.
    expect(polls.size).toBe(SOURCES.length);
    for (const [source, times] of polls) {
      const slots = Math.floor((times.at(-1)! - times[0]!) / POLL_MS) + 1;
      expect(times.length, `${source}: ${times.length} polls over ${slots} slots`).toBeLessThanOrEqual(slots + 4);
      expect(times.length, `${source}: ${times.length} polls over ${slots} slots`).toBeGreaterThanOrEqual(Math.min(6, slots / 2));
    }

    for (const stage of live) expect(await stopStage(stage, 'SIGTERM'), `${stage.name}: ${stage.output()}`).toBe(0);
  }, 1_200_000);
});
