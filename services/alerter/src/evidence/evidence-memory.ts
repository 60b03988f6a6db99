// The alerter's short memory of each brand's recent mentions, kept for one purpose: explaining an
// alert (explain-alert.ts) by its window against the baseline before it. It holds what rules saw
// (mention facts with their key terms) for `span`, at most `maxPerBrand` per brand (the oldest go
// first), and says from when it has been watching, so an explanation never claims a baseline it
// did not see.
import type { MentionFact } from '../mention-fact.js';
import { keyTerms, nameWords } from './key-terms.js';

export interface EvidenceFact {
  fact: MentionFact;
  terms: string[];
}

export interface EvidenceMemoryOptions {
  span: number;
  brandName(brandId: string): string;
  maxPerBrand?: number;
}

export interface EvidenceMemory {
  /** The memory of `brandId` starts at `from` (a warm start replays from there), unless it started earlier. */
  watchFrom(brandId: string, from: number): void;
  add(fact: MentionFact, now: number): void;
  /** Facts with from <= time < to (to inclusive when `toInclusive`). */
  between(brandId: string, from: number, to: number, toInclusive?: boolean): EvidenceFact[];
  /** Forgets what has aged out of `span` (the engine calls it on each tick). */
  prune(now: number): void;
  /** The earliest time the memory of this brand is complete from. */
  coveredFrom(brandId: string): number | undefined;
  forget(brandId: string): void;
}

interface BrandMemory {
  facts: EvidenceFact[];
  from: number;
  ignore: Set<string>;
}

export function createEvidenceMemory(options: EvidenceMemoryOptions): EvidenceMemory {
  const maxPerBrand = options.maxPerBrand ?? 20_000;
  const brands = new Map<string, BrandMemory>();
  const memoryOf = (brandId: string, from: number) => {
    let m = brands.get(brandId);
    if (!m) brands.set(brandId, (m = { facts: [], from, ignore: nameWords(options.brandName(brandId)) }));
    return m;
  };

  function prune(m: BrandMemory, now: number) {
    const cutoff = now - options.span;
    if (m.facts.length > maxPerBrand) {
      m.facts.sort((a, b) => a.fact.time - b.fact.time);
      const dropped = m.facts.splice(0, m.facts.length - maxPerBrand);
      m.from = Math.max(m.from, dropped[dropped.length - 1]!.fact.time + 1);
    }
    if (m.facts.some((f) => f.fact.time < cutoff)) m.facts = m.facts.filter((f) => f.fact.time >= cutoff);
    m.from = Math.max(m.from, cutoff);
  }

  return {
    watchFrom(brandId, from) {
      const m = memoryOf(brandId, from);
      m.from = Math.min(m.from, from);
    },
    add(fact, now) {
      const m = memoryOf(fact.brandId, now);
      if (fact.time < now - options.span) return;
      m.facts.push({ fact, terms: keyTerms({ title: fact.sample.title, text: fact.sample.text, phrases: fact.phrases }, m.ignore) });
      if (m.facts.length > maxPerBrand * 1.1) prune(m, now);
    },
    between(brandId, from, to, toInclusive = false) {
      const m = brands.get(brandId);
      if (!m) return [];
      prune(m, to);
      return m.facts.filter((f) => f.fact.time >= from && (toInclusive ? f.fact.time <= to : f.fact.time < to));
    },
    prune(now) {
      for (const m of brands.values()) prune(m, now);
    },
    coveredFrom(brandId) {
      return brands.get(brandId)?.from;
    },
    forget(brandId) {
      brands.delete(brandId);
    },
  };
}
