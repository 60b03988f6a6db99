// The same story syndicated across sources should reach alerting once. Each mention's text gets a
// SimHash; one seen within `maxDistance` bits of an earlier mention of the same brand (with a
// different id) is marked `duplicateOf` that first copy — marked, not dropped, so it is still
// searchable. The index lives in memory and is bounded (oldest forgotten first); it is not
// persisted: after a restart a story's first re-seen copy becomes the new "first", which at worst
// lets one syndicated copy count again. Lookup is by bands (pigeonhole), not a full scan.
import { bands, hammingDistance, simhash, words, type Fingerprint } from './simhash.js';

export interface NearDuplicateOptions {
  /** Fingerprints remembered, over all brands (default 50,000). */
  maxEntries?: number;
  /** Bits that may differ (default 7: syndicated copies of short texts measured ≤ 6, unrelated texts ≥ 20). */
  maxDistance?: number;
  /** Texts shorter than this many words are never matched: too little to tell (default 8). */
  minWords?: number;
}

export interface NearDuplicateIndex {
  /** The id of an earlier near-identical mention of the brand, remembering this one either way. */
  check(mention: { id: string; brandId: string; title: string; text: string }): string | undefined;
  size(): number;
}

interface Entry {
  id: string;
  brandId: string;
  fingerprint: Fingerprint;
  /** The first copy, when this one was itself a near-duplicate. */
  duplicateOf?: string;
}

export function createNearDuplicateIndex(options: NearDuplicateOptions = {}): NearDuplicateIndex {
  const maxEntries = options.maxEntries ?? 50_000;
  const maxDistance = Math.max(0, Math.min(15, options.maxDistance ?? 7));
  const minWords = options.minWords ?? 8;
  const entries = new Map<string, Entry>();
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
      entries.set(key, { id: mention.id, brandId: mention.brandId, fingerprint, ...(duplicateOf ? { duplicateOf } : {}) });
      for (const band of bandKeys(mention.brandId, fingerprint)) {
        let set = byBand.get(band);
        if (!set) byBand.set(band, (set = new Set()));
        set.add(key);
      }
      while (entries.size > maxEntries) forget(entries.keys().next().value!);
      return duplicateOf;
    },
    size: () => entries.size,
  };
}
