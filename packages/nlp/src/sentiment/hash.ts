// 32-bit FNV-1a: the feature hash shared by training and prediction, so a committed model's bucket
// numbers mean the same thing at run time. Changing it invalidates every model file. Feature
// extraction continues a prefix's state over a word's characters instead of building key strings.

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The raw (un-finalised) FNV state after `prefix`, to continue with fnv1aMore / fnv1aCode. */
export function fnv1aSeed(prefix: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < prefix.length; i++) {
    h ^= prefix.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The raw FNV state after continuing `h` over all of `s` (finalise with `>>> 0`). */
export function fnv1aMore(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The raw FNV state after continuing `h` over one UTF-16 code unit. */
export function fnv1aCode(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}
