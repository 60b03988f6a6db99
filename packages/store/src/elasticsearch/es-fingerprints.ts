// The collector's near-duplicate fingerprints in Elasticsearch: one small index, a document per
// brand + mention id. Reads page with search_after (more than 10,000 may be remembered); the prune
// deletes by age, then the oldest beyond the count kept. Each read request has the store's query
// timeout (es-read-budget.ts) to itself: a page of bookkeeping, not one user question, so a long
// list of fingerprints is not refused for being long.
import type { Client, estypes } from '@elastic/elasticsearch';
import type { FingerprintRecord, StateStore } from '../port.js';
import { readDeadline, searchWithin } from './es-read-budget.js';
import { totalHits } from './es-query.js';

type FingerprintMethods = Pick<StateStore, 'saveFingerprints' | 'recentFingerprints' | 'pruneFingerprints'>;

export const FINGERPRINT_PROPERTIES = {
  brandId: { type: 'keyword' },
  id: { type: 'keyword' },
  hi: { type: 'long', index: false },
  lo: { type: 'long', index: false },
  duplicateOf: { type: 'keyword', index: false },
  seenAt: { type: 'date' },
} as const;

const PAGE = 5_000;
const NOT_FOUND = { ignore_unavailable: true, allow_no_indices: true } as const;

export interface EsFingerprintOptions {
  client: Client;
  index: string;
  /** Runs a client call, translating what it throws (the store's `call`). */
  call: <T>(what: string, fn: () => Promise<T>) => Promise<T>;
  /** Time budget of each read request (ms). */
  queryTimeoutMs: number;
}

export function esFingerprints({ client, index, call, queryTimeoutMs }: EsFingerprintOptions): FingerprintMethods {
  /** One search under the budget, refused when Elasticsearch stopped it there. */
  const search = <T>(what: string, request: estypes.SearchRequest) =>
    call(what, () => searchWithin<T>(client, readDeadline(queryTimeoutMs), { index, ...request, ...NOT_FOUND }));
  const docId = (r: Pick<FingerprintRecord, 'brandId' | 'id'>) => `${encodeURIComponent(r.brandId)}/${encodeURIComponent(r.id)}`;
  const refresh = () => client.indices.refresh({ index, ...NOT_FOUND });
  return {
    async saveFingerprints(records) {
      if (records.length === 0) return;
      const operations = records.flatMap((r) => [{ index: { _index: index, _id: docId(r) } }, r]);
      const response = await call('save fingerprints', () => client.bulk({ operations }));
      if (response.errors) {
        const failed = response.items.find((item) => item.index?.error);
        throw new Error(`save fingerprints: ${failed?.index?.error?.reason ?? 'bulk errors'}`);
      }
    },
    async recentFingerprints({ since, limit }) {
      await call('refresh fingerprints', refresh);
      const out: FingerprintRecord[] = [];
      let after: estypes.SortResults | undefined;
      while (out.length < limit) {
        const size = Math.min(PAGE, limit - out.length);
        const response = await search<FingerprintRecord>('read fingerprints', {
          query: { range: { seenAt: { gte: since } } },
          sort: [{ seenAt: 'desc' }, { id: 'desc' }, { brandId: 'desc' }],
          size,
          ...(after ? { search_after: after } : {}),
        });
        const hits = response.hits.hits;
        for (const hit of hits) if (hit._source) out.push(hit._source);
        if (hits.length < size) break;
        after = hits[hits.length - 1]!.sort;
      }
      return out;
    },
    async pruneFingerprints({ before, keep }) {
      // By search and bulk delete, not _delete_by_query (a node without the reindex module lacks it);
      // at most a page of each per prune, the next prune takes the rest.
      const oldest = async (query: estypes.QueryDslQueryContainer, size: number) => {
        if (size <= 0) return [];
        await call('refresh fingerprints', refresh);
        const response = await search('find old fingerprints', { query, sort: [{ seenAt: 'asc' }], size: Math.min(size, PAGE), _source: false });
        return response.hits.hits.map((h) => h._id).filter((id): id is string => typeof id === 'string');
      };
      const remove = async (ids: string[]) => {
        if (ids.length === 0) return 0;
        const response = await call('prune fingerprints', () =>
          client.bulk({ operations: ids.map((id) => ({ delete: { _index: index, _id: id } })), refresh: true }),
        );
        return response.items.filter((i) => i.delete?.result === 'deleted').length;
      };
      let removed = await remove(await oldest({ range: { seenAt: { lt: before } } }, PAGE));
      const count = totalHits((await search('count fingerprints', { size: 0, track_total_hits: true })).hits.total);
      removed += await remove(await oldest({ match_all: {} }, count - Math.max(0, keep)));
      return removed;
    },
  };
}
