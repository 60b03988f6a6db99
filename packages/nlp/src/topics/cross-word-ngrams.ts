// Character n-grams across word boundaries ("courier came" → "er c", "r ca" …) as topic features:
// they catch phrases whose words inflect ("списали 50" / "списание"), which single-word n-grams and
// bigrams of whole words miss. An experiment of issue 10, round 4 (scripts/cv-topics.ts --cross=W).

import { fnv1aCode, fnv1aSeed } from '../sentiment/hash.js';
import { HASH_BITS } from '../sentiment/language-features.js';

const MASK = (1 << HASH_BITS) - 1;
const SEED = fnv1aSeed('x:');
const SPACE = 32;
/** Characters kept on each side of the boundary; n-grams are 3..2*SIDE+1 long and contain the space. */
const SIDE = 3;

/** Calls `add(bucket, value)` for each cross-boundary n-gram of `words`, L2-normalised times `weight`. */
export function crossWordNgrams(words: readonly string[], weight: number, add: (bucket: number, value: number) => void): void {
  const buckets: number[] = [];
  const codes: number[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!; const b = words[i + 1]!;
    codes.length = 0;
    for (let k = Math.max(0, a.length - SIDE); k < a.length; k++) codes.push(a.charCodeAt(k));
    const space = codes.length;
    codes.push(SPACE);
    for (let k = 0; k < Math.min(SIDE, b.length); k++) codes.push(b.charCodeAt(k));
    for (let start = Math.max(0, space - 2); start <= space; start++) {
      let h = SEED;
      for (let j = start; j < codes.length; j++) {
        h = fnv1aCode(h, codes[j]!);
        if (j > space && j - start + 1 >= 4) buckets.push((h >>> 0) & MASK);
      }
    }
  }
  if (buckets.length === 0) return;
  const value = weight / Math.sqrt(buckets.length);
  for (const b of buckets) add(b, value);
}
