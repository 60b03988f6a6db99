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
