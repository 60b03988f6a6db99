// Word classes learned from unlabeled text (an experiment, measured and not shipped: ROUNDS.md, round 6): words that occur among the same neighbours end up in the
// same class ("доставка", "курьер", "посылка"), so a labeled example teaches the model about the
// words of its class it never saw. Each word of the vocabulary gets a vector of its neighbours within
// a window (positive pointwise mutual information over the most frequent context words), randomly
// projected to a few dozen dimensions and grouped by spherical k-means, once per granularity. Seeded,
// so the same texts give the same classes.

import { mulberry32 } from '../src/sentiment/train-linear-model.js';

export interface WordClusterOptions {
  /** Numbers of classes, one clustering each (coarse to fine). */
  granularities: readonly number[];
  /** Words seen fewer times get no class. */
  minCount?: number;
  /** Largest vocabulary clustered (the most frequent words). */
  maxWords?: number;
  /** Context words: the most frequent ones. */
  contexts?: number;
  /** Neighbours on each side. */
  window?: number;
  dims?: number;
  iterations?: number;
  seed?: number;
}

/** For each granularity, word → class number. */
export type WordClusters = ReadonlyMap<string, readonly number[]>;

export function buildWordClusters(documents: readonly (readonly string[])[], options: WordClusterOptions): WordClusters {
  const minCount = options.minCount ?? 3;
  const maxWords = options.maxWords ?? 20_000;
  const contextCount = options.contexts ?? 2_000;
  const window = options.window ?? 3;
  const dims = options.dims ?? 64;
  const iterations = options.iterations ?? 12;
  const rand = mulberry32(options.seed ?? 7);

  const counts = new Map<string, number>();
  for (const doc of documents) for (const w of doc) if (isWord(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ranked = [...counts].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = ranked.slice(0, maxWords).map(([w]) => w);
  const wordIndex = new Map(vocab.map((w, i) => [w, i]));
  const contexts = Math.min(contextCount, vocab.length);

  // Co-occurrence counts word × context word, sparse per word.
  const rows = vocab.map(() => new Map<number, number>());
  for (const doc of documents) {
    const ids = doc.map((w) => wordIndex.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const wi = ids[i]!;
      if (wi < 0) continue;
      for (let j = Math.max(0, i - window); j <= Math.min(ids.length - 1, i + window); j++) {
        const cj = ids[j]!;
        if (j === i || cj < 0 || cj >= contexts) continue;
        rows[wi]!.set(cj, (rows[wi]!.get(cj) ?? 0) + 1);
      }
    }
  }
  const contextTotals = new Float64Array(contexts);
  let total = 0;
  for (const row of rows)
    for (const [c, n] of row) {
      contextTotals[c] = contextTotals[c]! + n;
      total += n;
    }

  // PPMI rows projected onto random Gaussian directions, then unit length.
  const projection = new Float64Array(contexts * dims);
  for (let i = 0; i < projection.length; i++) projection[i] = gaussian(rand);
  const vectors = new Float64Array(vocab.length * dims);
  for (let w = 0; w < vocab.length; w++) {
    let rowTotal = 0;
    for (const n of rows[w]!.values()) rowTotal += n;
    const base = w * dims;
    for (const [c, n] of rows[w]!) {
      const pmi = Math.log((n * total) / (rowTotal * contextTotals[c]!));
      if (pmi <= 0) continue;
      for (let d = 0; d < dims; d++) vectors[base + d] = vectors[base + d]! + pmi * projection[c * dims + d]!;
    }
    normalize(vectors, base, dims);
  }

  const classes = vocab.map(() => [] as number[]);
  for (const k of options.granularities) {
    const assignment = sphericalKMeans(vectors, vocab.length, dims, Math.min(k, vocab.length), iterations, rand);
    for (let w = 0; w < vocab.length; w++) classes[w]!.push(assignment[w]!);
  }
  return new Map(vocab.map((w, i) => [w, classes[i]!]));
}

function sphericalKMeans(vectors: Float64Array, n: number, dims: number, k: number, iterations: number, rand: () => number): Int32Array {
  const centroids = new Float64Array(k * dims);
  // Seeds: k distinct words drawn at random (frequent and rare alike).
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let c = 0; c < k; c++) centroids.set(vectors.subarray(order[c]! * dims, order[c]! * dims + dims), c * dims);
  const assignment = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let w = 0; w < n; w++) {
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += vectors[w * dims + d]! * centroids[c * dims + d]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      assignment[w] = best;
    }
    centroids.fill(0);
    for (let w = 0; w < n; w++) {
      const base = assignment[w]! * dims;
      for (let d = 0; d < dims; d++) centroids[base + d] = centroids[base + d]! + vectors[w * dims + d]!;
    }
    for (let c = 0; c < k; c++) normalize(centroids, c * dims, dims);
  }
  return assignment;
}

function normalize(v: Float64Array, base: number, dims: number): void {
  let sum = 0;
  for (let d = 0; d < dims; d++) sum += v[base + d]! ** 2;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let d = 0; d < dims; d++) v[base + d] = v[base + d]! / norm;
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Tokens with a letter: numbers and punctuation carry no word class. */
function isWord(w: string): boolean {
  return /\p{L}/u.test(w);
}
