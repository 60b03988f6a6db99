// Character n-grams across word boundaries ("courier came" → "er c", "r ca" …) as topic features:
// they catch phrases whose words inflect ("списали 50" / "списание"), which single-word n-grams and
// bigrams of whole words miss. An experiment of issue 10, round 4 (scripts/cv-topics.ts --cross=W).

import { fnv1aCode, fnv1aSeed } from '../sentiment/hash.js';
import { HASH_BITS } from '../sentiment/language-features.js';

const MASK = (1 << HASH_BITS) - 1;
const SEED = fnv1aSeed('x:');
const SPACE = 32;
/** Letters kept after the boundary; n-grams start at most two letters before it and are 4–6 long. */
const SIDE = 3;

/** Calls `add(bucket, value)` for each cross-boundary n-gram of `words`, L2-normalised times `weight`. */
export function crossWordNgrams(words: readonly string[], weight: number, add: (bucket: number, value: number) => void): void {
  const buckets: number[] = [];
  const codes: number[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    codes.length = 0;
    for (let k = Math.max(0, a.length - 2); k < a.length; k++) codes.push(a.charCodeAt(k));
    const space = codes.length;
    codes.push(SPACE);
    for (let k = 0; k < Math.min(SIDE, b.length); k++) codes.push(b.charCodeAt(k));
    for (let start = 0; start <= space; start++) {
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
