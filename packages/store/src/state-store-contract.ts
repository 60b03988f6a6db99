// The StateStore contract (port.ts): delivery claims (at-least-once, never twice once delivered),
// near-duplicate fingerprints, small named state. Every adapter runs it.
import { describe, expect, it } from 'vitest';
import { T0 } from './contract-fixtures.js';
import type { StateStore, StoreLifecycle } from './port.js';

export interface StateStoreContractOptions {
  /** A fresh, empty store (unique index prefix / file per call); the suite inits and closes it. */
  create(): Promise<StateStore & StoreLifecycle>;
}

export function stateStoreContract(name: string, options: StateStoreContractOptions): void {
  describe(`state store contract: ${name}`, () => {
    it('claims each delivery once, lets a resumed one take over an unfinished claim, and keeps small named state', async () => {
      const store = await options.create();
      await store.init();
      expect(await store.claimDelivery('hook:neg:nordtel:1:2')).toBe(true);
      expect(await store.claimDelivery('hook:neg:nordtel:1:2')).toBe(false);
      await store.releaseDelivery('hook:neg:nordtel:1:2');
      expect(await store.claimDelivery('hook:neg:nordtel:1:2')).toBe(true);
      // A claim left unfinished (a crash mid-delivery) blocks a second sender but not a resumed one.
      expect(await store.claimDelivery('hook:neg:nordtel:1:2', { takeOver: true })).toBe(true);
      await store.completeDelivery('hook:neg:nordtel:1:2');
      expect(await store.claimDelivery('hook:neg:nordtel:1:2', { takeOver: true })).toBe(false);
      await store.releaseDelivery('hook:neg:nordtel:1:2'); // a completed delivery stays completed
      expect(await store.claimDelivery('hook:neg:nordtel:1:2')).toBe(false);

      await store.setState('collector', 'src-a', { etag: '"x"' });
      expect(await store.getState('collector', 'src-a')).toEqual({ etag: '"x"' });
      expect(await store.getState('collector', 'missing')).toBeUndefined();
      await store.close();
    });

    it('remembers near-duplicate fingerprints, newest first, bounded by age and count', async () => {
      const store = await options.create();
      await store.init();
      const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString();
      const records = Array.from({ length: 6 }, (_, i) => ({
        brandId: i % 2 ? 'acme' : 'nordtel',
        id: `m${i}`,
        hi: 0xffffffff - i,
        lo: i,
        seenAt: at(i),
        ...(i === 5 ? { duplicateOf: 'm3' } : {}),
      }));
      await store.saveFingerprints(records);
      await store.saveFingerprints([{ ...records[0]!, hi: 7 }]); // a replay overwrites
      expect((await store.recentFingerprints({ since: at(0), limit: 100 })).map((r) => r.id)).toEqual(['m5', 'm4', 'm3', 'm2', 'm1', 'm0']);
      expect(await store.recentFingerprints({ since: at(4), limit: 1 })).toEqual([
        { brandId: 'acme', id: 'm5', hi: 0xffffffff - 5, lo: 5, duplicateOf: 'm3', seenAt: at(5) },
      ]);
      expect((await store.recentFingerprints({ since: at(0), limit: 100 })).find((r) => r.id === 'm0')?.hi).toBe(7);
      expect(await store.pruneFingerprints({ before: at(1), keep: 3 })).toBe(3);
      expect((await store.recentFingerprints({ since: at(0), limit: 100 })).map((r) => r.id)).toEqual(['m5', 'm4', 'm3']);
      await store.close();
    });
  });
}
