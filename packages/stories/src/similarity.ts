// How alike a mention and a story are: the cosine of their feature vectors, each feature weighted
// by its kind and by how rare it is among the brand's recent mentions (IDF), so a word every
// complaint uses ("support") counts for little and a shared link, number or unusual word for much.
import { KIND_WEIGHT, type Features } from './features.js';

const KIND_OF_PREFIX: Record<string, number> = {
  u: KIND_WEIGHT.url, h: KIND_WEIGHT.hashtag, n: KIND_WEIGHT.number, w: KIND_WEIGHT.word, s: KIND_WEIGHT.name, t: KIND_WEIGHT.topic,
};

export function kindWeight(feature: string): number {
  return KIND_OF_PREFIX[feature.slice(0, feature.indexOf(':'))] ?? 1;
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
export const isAnchor = (feature: string) => /^[uhns]:/.test(feature);
/** Anchors two mentions must share before the anchor view may decide alone (one shared number is chance). */
export const MIN_SHARED_ANCHORS = 2;

function cosine(mention: Features, profile: ReadonlyMap<string, number>, size: number, stats: FeatureStats, view: (feature: string) => boolean): { score: number; shared: number } {
  let dot = 0;
  let shared = 0;
  let mentionNorm = 0;
  for (const [feature, weight] of mention) {
    if (!view(feature)) continue;
    const w = weight * idf(stats, feature);
    mentionNorm += w * w;
    const count = profile.get(feature);
    if (count === undefined) continue;
    dot += w * (count / size) * kindWeight(feature) * idf(stats, feature);
    shared++;
  }
  let storyNorm = 0;
  for (const [feature, count] of profile) {
    if (!view(feature)) continue;
    const w = (count / size) * kindWeight(feature) * idf(stats, feature);
    storyNorm += w * w;
  }
  return { score: dot === 0 ? 0 : dot / Math.sqrt(mentionNorm * storyNorm), shared };
}

/**
 * How alike a mention and a story's profile (feature → how many of its `size` members have it) are:
 * the IDF-weighted cosine over every feature, or — when they share at least MIN_SHARED_ANCHORS — over
 * the anchors alone, whichever is higher. The anchor view is what lets a Russian and an English
 * post about the same incident meet: their words differ, so over all features the few things they
 * share (the incident number, the link, the town's name) drown in words that cannot match.
 */
export function similarity(mention: Features, profile: ReadonlyMap<string, number>, size: number, stats: FeatureStats): number {
  if (size <= 0 || mention.size === 0 || profile.size === 0) return 0;
  const all = cosine(mention, profile, size, stats, () => true).score;
  const anchors = cosine(mention, profile, size, stats, isAnchor);
  return anchors.shared >= MIN_SHARED_ANCHORS ? Math.max(all, anchors.score) : all;
}
