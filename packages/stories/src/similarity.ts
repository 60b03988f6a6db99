// How alike a mention and a story are: the cosine of their feature vectors, each feature weighted
// by its kind and by how rare it is among the brand's recent mentions (IDF), so a word every
// complaint uses ("support") counts for little and a shared link, number or unusual word for much.
import { KIND_WEIGHT, type Features } from './features.js';

const KIND_OF_PREFIX: Record<string, number> = {
  u: KIND_WEIGHT.url,
  h: KIND_WEIGHT.hashtag,
  n: KIND_WEIGHT.number,
  w: KIND_WEIGHT.word,
  s: KIND_WEIGHT.name,
  t: KIND_WEIGHT.topic,
};

export function kindWeight(feature: string): number {
  return KIND_OF_PREFIX[feature[0]!] ?? 1;
}

/** Document frequencies of one brand's features. */
export interface FeatureStats {
  docs: number;
  df: Map<string, number>;
}

export function idf(stats: FeatureStats, feature: string): number {
  return Math.log((stats.docs + 1) / ((stats.df.get(feature) ?? 0) + 1)) + 1;
}

/** Features any language shares: links, hashtags, numbers and the Latin consonant skeletons of words. */
export const isAnchor = (feature: string) => {
  const c = feature.charCodeAt(0);
  return feature.charCodeAt(1) === 58 && (c === 117 || c === 104 || c === 110 || c === 115); // u: h: n: s:
};
/** Anchors two mentions must share before the anchor view may decide alone (one shared number is chance). */
export const MIN_SHARED_ANCHORS = 2;

/**
 * How alike a mention and a story's profile (feature → how many of its `size` members have it) are:
 * the IDF-weighted cosine over every feature, or — when they share at least MIN_SHARED_ANCHORS — over
 * the anchors alone, whichever is higher. The anchor view is what lets a Russian and an English
 * post about the same incident meet: their words differ, so over all features the few things they
 * share (the incident number, the link, the town's name) drown in words that cannot match.
 */
/** A story's vector lengths for both views. */
export interface ProfileNorms {
  all: number;
  anchors: number;
}

export function profileNorms(profile: ReadonlyMap<string, number>, size: number, weights: FeatureWeights): ProfileNorms {
  let all = 0;
  let anchors = 0;
  for (const [feature, count] of profile) {
    const w = (count / size) * weights.weight(feature);
    all += w * w;
    if (isAnchor(feature)) anchors += w * w;
  }
  return { all, anchors };
}

export function similarity(mention: Features, profile: ReadonlyMap<string, number>, size: number, weights: FeatureWeights, norms?: ProfileNorms): number {
  if (size <= 0 || mention.size === 0 || profile.size === 0) return 0;
  // Both views in one pass over each side: [all features, anchors only].
  let dotAll = 0,
    dotAnchors = 0,
    sharedAnchors = 0,
    mAll = 0,
    mAnchors = 0;
  for (const [feature, weight] of mention) {
    const idfOf = weights.idf(feature);
    const w = weight * idfOf;
    const anchor = isAnchor(feature);
    mAll += w * w;
    if (anchor) mAnchors += w * w;
    const count = profile.get(feature);
    if (count === undefined) continue;
    const d = w * (count / size) * kindWeight(feature) * idfOf;
    dotAll += d;
    if (anchor) {
      dotAnchors += d;
      sharedAnchors++;
    }
  }
  if (dotAll === 0) return 0;
  const { all: sAll, anchors: sAnchors } = norms ?? profileNorms(profile, size, weights);
  const all = dotAll / Math.sqrt(mAll * sAll);
  const anchors = sharedAnchors >= MIN_SHARED_ANCHORS ? dotAnchors / Math.sqrt(mAnchors * sAnchors) : 0;
  return Math.max(all, anchors);
}

/** IDF and kind × IDF of features, remembered for one mention's comparisons (the counts do not change meanwhile). */
export interface FeatureWeights {
  idf(feature: string): number;
  weight(feature: string): number;
}

export function featureWeights(stats: FeatureStats): FeatureWeights {
  const idfs = new Map<string, number>();
  const weights = new Map<string, number>();
  const idfOf = (feature: string) => {
    let v = idfs.get(feature);
    if (v === undefined) idfs.set(feature, (v = idf(stats, feature)));
    return v;
  };
  return {
    idf: idfOf,
    weight(feature) {
      let v = weights.get(feature);
      if (v === undefined) weights.set(feature, (v = kindWeight(feature) * idfOf(feature)));
      return v;
    },
  };
}
