// The Elasticsearch store: mentions in monthly indices behind one alias (see mapping.ts), bulk
// writes by id (bulk-write.ts), searches and aggregations as structured queries (es-query.ts,
// es-aggregate.ts), alerts, silences, delivery claims and state in small indices of their own.
// Every client error is translated at this edge (es-errors.ts); every search, count and
// aggregation runs under the query timeout (es-read-budget.ts; gets by id need none). Reads see
// this instance's own writes, as with SQLite: a read after a write refreshes the written indices
// first (searches are otherwise near real time, up to the 1 s refresh interval behind).
import { Client, type estypes } from '@elastic/elasticsearch';
import { silentLogger, type Logger } from '@earshot/observability';
import { EarshotError, retry } from '@earshot/core';
import type { Alert, EnrichedMention, Story } from '@earshot/schema';
import type { AlertQuery, MentionStore, SearchQuery, Silence } from '../port.js';
import { aggregateMentions } from './es-aggregate.js';
import { describeEsError, isRetriableStatus, statusOf, translateEsError } from './es-errors.js';
import { readDeadline, searchWithin, type ReadDeadline } from './es-read-budget.js';
import { mentionQuery, textClauses, totalHits } from './es-query.js';
import { bulkWriteMentions } from './bulk-write.js';
import { expiredMentionIndices, retentionCutoff, type Retention } from './retention.js';
import { esFingerprints } from './es-fingerprints.js';
import {
  indexNames,
  LANGUAGE_ANALYZERS,
  ADDED_FIELDS,
  ADDED_STORY_FIELDS,
  MENTION_SEARCHED_TEXT,
  mentionIndexTemplate,
  REFRESH_INTERVAL_MS,
  smallIndices,
  STORY_SEARCHED_TEXT,
} from './mapping.js';
import { refoldSearchText, type RefoldOptions, type RefoldProgress } from './es-refold.js';
import { storyDocument, storySearch } from './es-stories.js';

export type ElasticsearchAuth = { username: string; password: string } | { apiKey: string };

export interface ElasticsearchTls {
  /** PEM text of the CA that signed the cluster's certificate (a private CA). */
  ca?: string;
  /** Or: the SHA-256 fingerprint of the CA certificate, as Elasticsearch prints it at first start. */
  caFingerprint?: string;
  /** Default true. */
  rejectUnauthorized?: boolean;
}

export interface ElasticsearchStoreOptions {
  /** The cluster's URL; optional when cloudId is given. */
  url?: string;
  /** Elastic Cloud deployment id (instead of url). */
  cloudId?: string;
  tls?: ElasticsearchTls;
  /** Names every index, alias and template of this deployment (`<prefix>-mentions`, …). */
  indexPrefix: string;
  auth?: ElasticsearchAuth;
  logger?: Logger;
  /** Per-request timeout (default 30 s). */
  requestTimeoutMs?: number;
  /**
   * Time budget of every read (default 5 s): a search returns what it found by then, marked partial;
   * a count, aggregation or other read fails with a QueryLimitError (see es-read-budget.ts).
   */
  queryTimeoutMs?: number;
  /** Documents a text search examines per shard at most before it stops, marked partial (default 1,000,000). */
  searchTerminateAfter?: number;
}

export interface ElasticsearchStore extends MentionStore {
  readonly kind: 'elasticsearch';
  /** Makes everything written so far visible to search (tests and tools; the pipeline never needs it). */
  refresh(): Promise<void>;
  /** Deletes (or with dryRun only lists) the monthly mention indices past the retention. */
  pruneMentions(options: { retention: Retention; now?: Date; dryRun?: boolean }): Promise<PrunedIndex[]>;
  /** Gives the mentions and stories indexed before the store folded their search text their folded copies (es-refold.ts). */
  refoldSearchText(options?: RefoldOptions): Promise<RefoldProgress[]>;
}

export interface PrunedIndex {
  index: string;
  /** YYYY.MM */
  month: string;
  documents: number;
}

/** The client's connection options for our url / cloud id and TLS settings. */
export function elasticsearchConnection(options: Pick<ElasticsearchStoreOptions, 'url' | 'cloudId' | 'tls'>) {
  if (!options.url && !options.cloudId) throw new RangeError('elasticsearch store: give url or cloudId');
  const { ca, caFingerprint, rejectUnauthorized } = options.tls ?? {};
  return {
    ...(options.cloudId ? { cloud: { id: options.cloudId } } : { node: options.url }),
    ...(caFingerprint ? { caFingerprint } : {}),
    ...(ca || rejectUnauthorized === false ? { tls: { ...(ca ? { ca } : {}), rejectUnauthorized: rejectUnauthorized ?? true } } : {}),
  };
}

const NOT_FOUND = { ignore_unavailable: true, allow_no_indices: true } as const;

export function createElasticsearchStore(options: ElasticsearchStoreOptions): ElasticsearchStore {
  const prefix = options.indexPrefix;
  const names = indexNames(prefix);
  const logger = (options.logger ?? silentLogger()).child({ component: 'elasticsearch-store' });
  const client = new Client({
    ...elasticsearchConnection(options),
    auth: options.auth,
    maxRetries: 2,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
  });

  /** Runs a client call, translating whatever it throws. */
  async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw translateEsError(err, what);
    }
  }

  /** The built-in language analyzers this cluster has (a cluster without analysis-common has none). */
  async function availableAnalyzers(): Promise<string[]> {
    const wanted = [...new Set(Object.values(LANGUAGE_ANALYZERS).filter((a): a is string => a !== undefined))];
    const available: string[] = [];
    for (const analyzer of wanted) {
      try {
        await client.indices.analyze({ analyzer, text: 'checks' });
        available.push(analyzer);
      } catch (err) {
        if (statusOf(err) !== 400) throw err;
      }
    }
    return available;
  }

  async function createIfMissing(index: string, body: { settings: Record<string, unknown>; mappings: Record<string, unknown> }): Promise<void> {
    try {
      await client.indices.create({ index, settings: body.settings, mappings: body.mappings });
    } catch (err) {
      const type = (err as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type;
      if (statusOf(err) === 400 && type === 'resource_already_exists_exception') return;
      throw err;
    }
  }

  // When this instance last wrote to each index. A read soon after such a write refreshes first;
  // writes older than two refresh intervals are visible already and cost reads no forced refresh.
  const lastWrite = new Map<string, number>();
  const refreshing = new Map<string, Promise<unknown>>();
  const wrote = (index: string) => lastWrite.set(index, Date.now());
  async function readOwnWrites(index: string): Promise<void> {
    const at = lastWrite.get(index);
    if (at !== undefined) {
      lastWrite.delete(index);
      if (Date.now() - at < 2 * REFRESH_INTERVAL_MS) {
        const done: Promise<unknown> = client.indices.refresh({ index, ...NOT_FOUND }).finally(() => {
          if (refreshing.get(index) === done) refreshing.delete(index);
        });
        refreshing.set(index, done);
      }
    }
    // A read that arrives while another's refresh is under way waits for it too.
    await refreshing.get(index);
  }

  const queryTimeoutMs = options.queryTimeoutMs ?? 5000;
  readDeadline(queryTimeoutMs); // refuses a bad budget now rather than at the first read
  /** A read under the query timeout that first makes this instance's writes to `index` visible. */
  function read<T>(what: string, index: string, fn: (deadline: ReadDeadline) => Promise<T>): Promise<T> {
    return call(what, async () => {
      await readOwnWrites(index);
      const deadline = readDeadline(queryTimeoutMs);
      return fn(deadline).catch((err: unknown) => {
        throw deadline.translate(err);
      });
    });
  }
  const wholeSearch = (deadline: ReadDeadline, request: estypes.SearchRequest) => searchWithin(client, deadline, { ...request, ...NOT_FOUND });

  const sourceOf = <T>(hit: { _source?: unknown }) => (hit._source as { doc: T }).doc;

  return {
    kind: 'elasticsearch',
    ...esFingerprints({ client, index: names.fingerprints, call, queryTimeoutMs }),
    async init() {
      // A cluster that is restarting answers within seconds: wait that long before giving up.
      await retry(
        () =>
          call('init', async () => {
            const languageAnalyzers = await availableAnalyzers();
            await client.indices.putIndexTemplate({ name: `${prefix}-mentions`, ...mentionIndexTemplate(prefix, { languageAnalyzers }) });
            // Monthly indices created before a field was added get it too (adding a field is always allowed).
            await client.indices.putMapping({ index: `${prefix}-mentions-*`, allow_no_indices: true, ignore_unavailable: true, properties: ADDED_FIELDS });
            for (const [index, body] of Object.entries(smallIndices(prefix))) await createIfMissing(index, body);
            await client.indices.putMapping({ index: names.stories, properties: ADDED_STORY_FIELDS });
            logger.debug({ prefix, languageAnalyzers }, 'indices ready');
          }),
        {
          retries: 6,
          initialDelayMs: 500,
          maxDelayMs: 5000,
          onRetry: (err, attempt, delayMs) => logger.warn({ err, attempt, delayMs }, 'elasticsearch not ready, retrying init'),
        },
      );
    },
    async upsertMentions(mentions) {
      const result = await call('bulk write', () => bulkWriteMentions({ client, prefix, alias: names.mentions }, mentions));
      wrote(names.mentions);
      return result;
    },
    async getMention(id) {
      const response = await read('get mention', names.mentions, (deadline) =>
        wholeSearch(deadline, { index: names.mentions, size: 1, query: { ids: { values: [id] } }, _source: ['doc'] }),
      );
      const hit = response.hits.hits[0];
      return hit ? sourceOf<EnrichedMention>(hit) : undefined;
    },
    async search(query: SearchQuery) {
      const text = query.text ? textClauses(query.text) : undefined;
      if (query.text && !text) return { total: 0, mentions: [] };
      const size = Math.min(Math.max(query.limit ?? 20, 0), 1000);
      const from = Math.max(query.offset ?? 0, 0);
      const sort: estypes.Sort = query.sort === 'relevance' && text ? ['_score', { '@timestamp': 'desc' }] : [{ '@timestamp': 'desc' }, { id: 'asc' }];
      const response = await read('search', names.mentions, (deadline) => {
        // The one read that may come back cut short: at the time budget or, for text, the document budget.
        const { body, transport } = deadline.next();
        return client.search(
          {
            index: names.mentions,
            query: mentionQuery(query, text),
            size,
            from,
            sort,
            track_total_hits: true,
            _source: ['doc'],
            ...body,
            ...(text ? { terminate_after: options.searchTerminateAfter ?? 1_000_000 } : {}),
            ...NOT_FOUND,
          },
          transport,
        );
      });
      const total = totalHits(response.hits.total);
      const partial = response.timed_out || response.terminated_early === true;
      return { total, mentions: response.hits.hits.map((h) => sourceOf<EnrichedMention>(h)), ...(partial ? { partial: true } : {}) };
    },
    async count(filter) {
      // A search of no hits rather than _count, which takes no time budget.
      const response = await read('count', names.mentions, (deadline) =>
        wholeSearch(deadline, { index: names.mentions, size: 0, track_total_hits: true, query: mentionQuery(filter) }),
      );
      return totalHits(response.hits.total);
    },
    async aggregate(query) {
      return read('aggregate', names.mentions, (deadline) =>
        aggregateMentions((request) => wholeSearch(deadline, { index: names.mentions, ...request }), query),
      );
    },

    async upsertAlert(alert: Alert) {
      await call('write alert', () =>
        client.index({
          index: names.alerts,
          id: alert.key,
          document: {
            key: alert.key,
            brandId: alert.brandId,
            ruleId: alert.ruleId,
            state: alert.state,
            severity: alert.severity,
            updatedAt: alert.updatedAt,
            doc: alert,
          },
        }),
      );
      wrote(names.alerts);
    },
    async getAlert(key) {
      const response = await call('get alert', () => client.get({ index: names.alerts, id: key }, { ignore: [404] }));
      return response.found ? sourceOf<Alert>(response) : undefined;
    },
    async listAlerts(query: AlertQuery) {
      const filter = [...(query.brandId ? [{ term: { brandId: query.brandId } }] : []), ...(query.state ? [{ term: { state: query.state } }] : [])];
      const response = await read('list alerts', names.alerts, (deadline) =>
        wholeSearch(deadline, {
          index: names.alerts,
          query: { bool: { filter } },
          sort: [{ updatedAt: 'desc' }],
          size: Math.min(query.limit ?? 100, 1000),
        }),
      );
      return response.hits.hits.map((h) => sourceOf<Alert>(h));
    },

    async upsertStories(stories: Story[]) {
      if (!stories.length) return;
      // A story only grows: its size is the document's external version, so an older copy (a writer
      // that had not seen the latest members) is refused with a version conflict, which is fine.
      const operations = stories.flatMap((story) => [
        { index: { _index: names.stories, _id: story.id, version: story.size, version_type: 'external_gte' as const } },
        storyDocument(story),
      ]);
      const response = await call('write stories', () => client.bulk({ operations }));
      if (response.errors) {
        const failed = response.items.map((i) => i.index).find((i) => i?.error && i.status !== 409);
        if (failed) throw new EarshotError(`elasticsearch: write stories: ${describeEsError(failed.error)}`, { retriable: isRetriableStatus(failed.status) });
      }
      wrote(names.stories);
    },
    async getStory(id) {
      const response = await call('get story', () => client.get({ index: names.stories, id }, { ignore: [404] }));
      return response.found ? sourceOf<Story>(response) : undefined;
    },
    async searchStories(query) {
      const request = storySearch(query);
      if (!request) return { total: 0, stories: [] };
      const response = await read('search stories', names.stories, (deadline) =>
        wholeSearch(deadline, { index: names.stories, ...request, track_total_hits: true, _source: ['doc'] }),
      );
      return { total: totalHits(response.hits.total), stories: response.hits.hits.map((h) => sourceOf<Story>(h)) };
    },

    async addSilence(silence: Silence) {
      await call('write silence', () =>
        client.index({
          index: names.silences,
          id: silence.id,
          document: { ruleId: silence.ruleId, brandId: silence.brandId, until: silence.until, doc: silence },
        }),
      );
      wrote(names.silences);
    },
    async listSilences(activeAt) {
      const query = activeAt ? { range: { until: { gt: activeAt } } } : { match_all: {} };
      const response = await read('list silences', names.silences, (deadline) =>
        wholeSearch(deadline, { index: names.silences, query, sort: [{ until: 'asc' }], size: 1000 }),
      );
      return response.hits.hits.map((h) => sourceOf<Silence>(h));
    },

    async claimDelivery(key, claimOptions = {}) {
      const document = { at: new Date().toISOString(), state: 'sending' };
      if (claimOptions.takeOver) {
        const found = await call('claim delivery', () => client.get<DeliveryDoc>({ index: names.deliveries, id: key }, { ignore: [404] }));
        if (found.found && isDelivered(found._source)) return false;
        await call('claim delivery', () => client.index({ index: names.deliveries, id: key, document }));
        return true;
      }
      try {
        await client.create({ index: names.deliveries, id: key, document });
        return true;
      } catch (err) {
        if (statusOf(err) === 409) return false;
        throw translateEsError(err, 'claim delivery');
      }
    },
    async completeDelivery(key) {
      await call('complete delivery', () => client.index({ index: names.deliveries, id: key, document: { at: new Date().toISOString(), state: 'delivered' } }));
    },
    async releaseDelivery(key) {
      const found = await call('release delivery', () => client.get<DeliveryDoc>({ index: names.deliveries, id: key }, { ignore: [404] }));
      if (!found.found || isDelivered(found._source)) return;
      await call('release delivery', () =>
        client.delete({ index: names.deliveries, id: key, if_seq_no: found._seq_no, if_primary_term: found._primary_term }, { ignore: [404, 409] }),
      );
    },

    async getState<T>(namespace: string, key: string) {
      const response = await call('get state', () => client.get<{ value: string }>({ index: names.state, id: stateId(namespace, key) }, { ignore: [404] }));
      return response.found && response._source ? (JSON.parse(response._source.value) as T) : undefined;
    },
    async setState<T>(namespace: string, key: string, value: T) {
      await call('set state', () =>
        client.index({ index: names.state, id: stateId(namespace, key), document: { namespace, key, value: JSON.stringify(value) } }),
      );
    },

    async refresh() {
      await call('refresh', () => client.indices.refresh({ index: `${prefix}-*`, ...NOT_FOUND }));
    },
    async pruneMentions({ retention, now = new Date(), dryRun = false }) {
      return call('pruning mention indices', async () => {
        const listed = await client.cat.indices({ index: `${prefix}-mentions-*`, format: 'json', h: ['index', 'docs.count'], expand_wildcards: 'open' });
        const counts = new Map(listed.map((row) => [String(row.index), Number(row['docs.count'] ?? 0)]));
        const expired = expiredMentionIndices([...counts.keys()], prefix, retentionCutoff(retention, now));
        const pruned = expired.map((e) => ({ ...e, documents: counts.get(e.index) ?? 0 }));
        if (!dryRun) {
          for (const p of pruned) {
            await client.indices.delete({ index: p.index });
            logger.info({ index: p.index, documents: p.documents }, 'mention index past retention deleted');
          }
        }
        return pruned;
      });
    },
    async refoldSearchText(options) {
      const targets = [
        { index: `${prefix}-mentions-*`, searched: MENTION_SEARCHED_TEXT },
        { index: names.stories, searched: STORY_SEARCHED_TEXT },
      ];
      const done = await call('folding search text', () => refoldSearchText(client, targets, options));
      for (const d of done) if (d.refolded > 0) logger.info({ index: d.index, refolded: d.refolded }, 'search text folded');
      return done;
    },
    async close() {
      await client.close();
    },
  };
}

interface DeliveryDoc {
  at: string;
  state?: 'sending' | 'delivered';
}

/** Claims written before deliveries had a state were made as they were sent: they count as delivered. */
const isDelivered = (doc: DeliveryDoc | undefined) => doc?.state !== 'sending';

const stateId = (namespace: string, key: string) => `${encodeURIComponent(namespace)}/${encodeURIComponent(key)}`;
