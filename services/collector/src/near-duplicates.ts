// The same story syndicated across sources should reach alerting once. Each mention's text gets a
// SimHash; one seen within `maxDistance` bits of an earlier mention of the same brand (with a
// different id) is marked `duplicateOf` that first copy — marked, not dropped, so it is still
// searchable. The index lives in memory and is bounded (oldest forgotten first); what it learns is
// handed out (`takeNew`) and read back (`restore`) so it survives a restart through the store
// (near-duplicate-memory.ts). Lookup is by bands (pigeonhole), not a full scan.
import type { FingerprintRecord } from '@earshot/store';
import { bands, hammingDistance, simhash, words, type Fingerprint } from './simhash.js';

export interface NearDuplicateOptions {
  /** Fingerprints remembered, over all brands (default 50,000). */
  maxEntries?: number;
  /** Bits that may differ (default 7: syndicated copies of short texts measured ≤ 6, unrelated texts ≥ 20). */
  maxDistance?: number;
  /** Texts shorter than this many words are never matched: too little to tell (default 8). */
  minWords?: number;
  /** The clock that stamps when a fingerprint was first seen. */
  now?: () => Date;
}

export interface NearDuplicateIndex {
  /** The id of an earlier near-identical mention of the brand, remembering this one either way. */
  check(mention: { id: string; brandId: string; title: string; text: string }): string | undefined;
  size(): number;
  /** Fingerprints remembered since the last call, to be saved. */
  takeNew(): FingerprintRecord[];
  /** Remembers saved fingerprints again, oldest first (after a restart); known ones are kept as they are. */
  restore(records: FingerprintRecord[]): void;
}

interface Entry {
  id: string;
  brandId: string;
  fingerprint: Fingerprint;
  /** The first copy, when this one was itself a near-duplicate. */
  duplicateOf?: string;
  seenAt: string;
}

export function createNearDuplicateIndex(options: NearDuplicateOptions = {}): NearDuplicateIndex {
  const maxEntries = options.maxEntries ?? 50_000;
  const maxDistance = Math.max(0, Math.min(15, options.maxDistance ?? 7));
  const minWords = options.minWords ?? 8;
  const now = options.now ?? (() => new Date());
  const entries = new Map<string, Entry>();
  let fresh: Entry[] = [];
  const byBand = new Map<string, Set<string>>();
  const bandKeys = (brandId: string, f: Fingerprint) => bands(f, maxDistance + 1).map((value, i) => `${brandId}\u0000${i}:${value}`);
  const entryKey = (brandId: string, id: string) => `${brandId}\u0000${id}`;

  function forget(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    for (const band of bandKeys(entry.brandId, entry.fingerprint)) {
      const set = byBand.get(band);
      set?.delete(key);
      if (set?.size === 0) byBand.delete(band);
    }
  }

  function remember(key: string, entry: Entry): void {
    entries.set(key, entry);
    for (const band of bandKeys(entry.brandId, entry.fingerprint)) {
      let set = byBand.get(band);
      if (!set) byBand.set(band, (set = new Set()));
      set.add(key);
    }
    while (entries.size > maxEntries) forget(entries.keys().next().value!);
  }

  return {
    check(mention) {
      const key = entryKey(mention.brandId, mention.id);
      // The same item seen again keeps the verdict it got the first time.
      const known = entries.get(key);
      if (known) return known.duplicateOf;
      const text = `${mention.title}\n${mention.text}`;
      if (words(text).length < minWords) return undefined;
      const fingerprint = simhash(text);
      let duplicateOf: string | undefined;
      search: for (const band of bandKeys(mention.brandId, fingerprint)) {
        for (const candidate of byBand.get(band) ?? []) {
          const entry = entries.get(candidate);
          if (entry && hammingDistance(entry.fingerprint, fingerprint) <= maxDistance) {
            duplicateOf = entry.duplicateOf ?? entry.id;
            break search;
          }
        }
      }
      const entry: Entry = { id: mention.id, brandId: mention.brandId, fingerprint, ...(duplicateOf ? { duplicateOf } : {}), seenAt: now().toISOString() };
      remember(key, entry);
      fresh.push(entry);
      if (fresh.length > maxEntries) fresh = fresh.slice(-maxEntries);
      return duplicateOf;
    },
    size: () => entries.size,
    takeNew() {
      const taken = fresh.map((e) => ({
        brandId: e.brandId,
        id: e.id,
        hi: e.fingerprint.hi,
        lo: e.fingerprint.lo,
        ...(e.duplicateOf ? { duplicateOf: e.duplicateOf } : {}),
        seenAt: e.seenAt,
      }));
      fresh = [];
      return taken;
    },
    restore(records) {
      for (const r of records) {
        const key = entryKey(r.brandId, r.id);
        if (entries.has(key)) continue;
        remember(key, {
          id: r.id,
          brandId: r.brandId,
          fingerprint: { hi: r.hi, lo: r.lo },
          ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
          seenAt: r.seenAt,
        });
      }
    },
  };
}
