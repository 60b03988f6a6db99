// 32-bit FNV-1a: the feature hash shared by training and prediction, so a committed model's bucket
// numbers mean the same thing at run time. Changing it invalidates every model file.

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** fnv1a(prefix + s.slice(start, end)) without building the string; `seed` is fnv1a(prefix). */
export function fnv1aRange(seed: number, s: string, start: number, end: number): number {
  let h = seed;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The raw (un-finalised) FNV state after `prefix`, to continue with fnv1aRange. */
export function fnv1aSeed(prefix: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < prefix.length; i++) {
    h ^= prefix.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}
