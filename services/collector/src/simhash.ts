// SimHash (Charikar 2002) over words: similar texts get fingerprints a few bits apart, so a story
// syndicated with a different headline suffix or footer is still recognised. Single words, not
// longer shingles: mentions are short, and on short texts shingles make small edits cost too many
// bits. 64 bits, kept as two unsigned 32-bit halves to stay out of BigInt.

export interface Fingerprint {
  hi: number;
  lo: number;
}

/** Words in any script, lower-cased; numbers count as words. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so neighbouring shingles do not share high bits.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export function simhash(text: string, shingle = 1): Fingerprint {
  const tokens = words(text);
  const weights = new Int32Array(64);
  const count = Math.max(1, tokens.length - shingle + 1);
  for (let i = 0; i < count; i++) {
    const gram = tokens.slice(i, i + shingle).join(' ');
    const halves = [fnv1a(gram, 0x811c9dc5), fnv1a(gram, 0x9747b28c)];
    for (let h = 0; h < 2; h++) {
      const value = halves[h]!;
      for (let bit = 0; bit < 32; bit++) weights[h * 32 + bit]! += (value >>> bit) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit]! > 0) hi |= 1 << bit;
    if (weights[32 + bit]! > 0) lo |= 1 << bit;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

function popcount(n: number): number {
  let x = n - ((n >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function hammingDistance(a: Fingerprint, b: Fingerprint): number {
  return popcount((a.hi ^ b.hi) >>> 0) + popcount((a.lo ^ b.lo) >>> 0);
}

/**
 * A fingerprint cut into `count` disjoint bands covering all 64 bits: two fingerprints within
 * `count - 1` bits of each other agree exactly on at least one band (pigeonhole).
 */
export function bands(f: Fingerprint, count: number): number[] {
  const out: number[] = [];
  const width = Math.floor(64 / count);
  for (let b = 0; b < count; b++) {
    const from = b * width;
    const to = b === count - 1 ? 64 : from + width;
    let value = 0;
    for (let bit = from; bit < to; bit++) {
      const set = bit < 32 ? (f.hi >>> bit) & 1 : (f.lo >>> (bit - 32)) & 1;
      value = value * 2 + set;
    }
    out.push(value);
  }
  return out;
}
