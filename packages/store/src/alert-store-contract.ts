// The AlertStore contract (port.ts): alerts by key, silences in force, stories that only grow and
// are found by brand, text, time, sentiment, language and size. Every adapter runs it.
import { describe, expect, it } from 'vitest';
import { CONTRACT_STORIES } from './contract-fixtures.js';
import type { AlertStore, StoreLifecycle } from './port.js';

export interface AlertStoreContractOptions {
  /** A fresh, empty store (unique index prefix / file per call); the suite inits and closes it. */
  create(): Promise<AlertStore & StoreLifecycle>;
  /** Makes written documents visible to search (Elasticsearch refresh); a no-op for SQLite. */
  refresh?(store: AlertStore): Promise<void>;
}

export function alertStoreContract(name: string, options: AlertStoreContractOptions): void {
  const refresh = (store: AlertStore) => options.refresh?.(store) ?? Promise.resolve();

  describe(`alert store contract: ${name}`, () => {
    it('keeps alerts by key (the newest revision) and silences in force', async () => {
      const store = await options.create();
      await store.init();
      const alert = {
        key: 'neg:nordtel:1',
        ruleId: 'neg',
        ruleType: 'threshold',
        brandId: 'nordtel',
        severity: 'warning' as const,
        state: 'open' as const,
        revision: 1,
        title: 't',
        summary: 's',
        windowStart: '2026-11-20T10:00:00.000Z',
        windowEnd: '2026-11-20T10:15:00.000Z',
        openedAt: '2026-11-20T10:15:00.000Z',
        updatedAt: '2026-11-20T10:15:00.000Z',
        count: 5,
        samples: [],
      };
      await store.upsertAlert(alert);
      await store.upsertAlert({ ...alert, revision: 2, state: 'resolved', updatedAt: '2026-11-20T10:30:00.000Z' });
      await refresh(store);
      expect(await store.getAlert('neg:nordtel:1')).toMatchObject({ revision: 2, state: 'resolved' });
      expect(await store.listAlerts({ brandId: 'nordtel', state: 'open' })).toEqual([]);
      expect(await store.listAlerts({ brandId: 'nordtel' })).toHaveLength(1);

      await store.addSilence({ id: 's1', ruleId: 'neg', until: '2026-11-21T00:00:00.000Z' });
      await refresh(store);
      expect(await store.listSilences('2026-11-20T12:00:00.000Z')).toHaveLength(1);
      expect(await store.listSilences('2026-11-22T00:00:00.000Z')).toHaveLength(0);

      await store.close();
    });

    it('writes stories by id and finds them by brand, text, time, sentiment, language and size', async () => {
      const store = await options.create();
      await store.init();
      await store.upsertStories(CONTRACT_STORIES);
      await store.upsertStories([{ ...CONTRACT_STORIES[0]!, size: 8, velocity: 5 }]);
      await store.upsertStories([{ ...CONTRACT_STORIES[0]!, size: 6, title: 'a stale copy' }]); // stories only grow
      await refresh(store);
      expect(await store.getStory('st-outage')).toEqual({ ...CONTRACT_STORIES[0]!, size: 8, velocity: 5 });
      expect(await store.getStory('nope')).toBeUndefined();
      const ids = async (q: Parameters<AlertStore['searchStories']>[0]) => (await store.searchStories(q)).stories.map((s) => s.id);
      expect(await ids({})).toEqual(['st-prices', 'st-acme', 'st-outage', 'st-praise']); // newest last mention first, then id
      expect(await ids({ brandId: 'nordtel', sort: 'size' })).toEqual(['st-outage', 'st-prices', 'st-praise']);
      expect(await ids({ text: 'outage' })).toEqual(['st-acme', 'st-outage']);
      expect(await ids({ text: 'nordteldown' })).toEqual(['st-outage']);
      expect(await ids({ text: 'цены' })).toEqual(['st-prices']);
      expect(await ids({ text: 'מהיר' })).toEqual(['st-praise']);
      expect(await ids({ text: 'vorgutorge' })).toEqual(['st-outage']); // Latin diacritics fold, as for mentions
      expect(await ids({ text: '") OR ("' })).toEqual([]);
      expect(await ids({ from: '2026-11-20T00:00:00.000Z', brandId: 'nordtel' })).toEqual(['st-prices', 'st-outage']);
      expect(await ids({ to: '2026-11-20T00:00:00.000Z' })).toEqual(['st-praise']);
      expect(await ids({ sentiment: 'positive' })).toEqual(['st-praise']);
      expect(await ids({ lang: ['kk', 'et'] })).toEqual(['st-prices', 'st-outage']);
      expect(await ids({ minSize: 8 })).toEqual(['st-acme', 'st-outage']);
      const page = await store.searchStories({ limit: 1, offset: 1 });
      expect(page).toEqual({ total: 4, stories: [expect.objectContaining({ id: 'st-acme' })] });
      await store.close();
    });
  });
}
