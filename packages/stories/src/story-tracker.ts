// Groups a brand's mentions into stories as they arrive. Each mention joins the open story it is
// most like (similarity.ts) when that is at least `threshold`, else starts a new one; a
// near-duplicate joins the story of the mention it copies. A story stays open while mentions keep
// coming within `gap` of its last one. Pure state, no I/O and no clock: the alerter feeds it in
// arrival order, drains the stories that changed and writes them; a warm start restores the open
// stories from the store and replays recent mentions (members it already knows are not counted again).
import { mentionTime, type EnrichedMention, type Story } from '@earshot/schema';
import { fold } from '@earshot/nlp';
import { createFeatureExtractor, type FeatureExtractor } from './features.js';
import { featureWeights, profileNorms, similarity, type FeatureStats, type ProfileNorms } from './similarity.js';
import { addMember, fromStory, newStoryState, toStory, type StoryState } from './story-state.js';
import { createStopwords } from './stopwords.js';

export interface StoryTrackerOptions {
  /** Brand id → the words that name it (name and query terms), left out of the features. */
  brandTerms: Record<string, string[]>;
  /** Least similarity for a mention to join a story (default 0.3). */
  threshold?: number;
  /** A story takes no new mentions once this long has passed since its last one (default 72 h). */
  gapMs?: number;
}

export interface Assignment {
  storyId: string;
  /** The story's title (its first mention's), for alerts. */
  title: string;
  /** False when the mention was already a member (a redelivery or a replay). */
  added: boolean;
  /** The similarity that decided (1 for a near-duplicate, 0 for a new story). */
  score: number;
}

export interface StoryTracker {
  add(mention: EnrichedMention): Assignment;
  /** Stories changed since the last call, as stored records. */
  drainChanged(now: number): Story[];
  /** Brings stored stories of a brand back (warm start). */
  restore(stories: Story[]): void;
  /** Forgets a brand (before a fresh warm start of it). */
  forget(brandId: string): void;
  /** The stories currently open for a brand, as records. */
  open(brandId: string, now: number): Story[];
  readonly gapMs: number;
}

interface BrandState {
  stories: Map<string, StoryState>;
  byMember: Map<string, string>;
  /** Feature → the open stories whose profile has (or had) it: only those can be like a mention. */
  byFeature: Map<string, Set<StoryState>>;
  stats: FeatureStats;
  newest: number;
}

/** A story's norms are recomputed when it changed or the brand's mentions grew by this factor since (IDF drifts slowly). */
const NORM_REFRESH = 1.1;

/** The mention's features (by weight) used to find candidate stories, and the most stories compared. */
const LOOKUP_FEATURES = 8;
const MAX_CANDIDATES = 200;

export const DEFAULT_THRESHOLD = 0.3;
export const DEFAULT_GAP_MS = 72 * 3_600_000;

export function createStoryTracker(options: StoryTrackerOptions): StoryTracker {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const gapMs = options.gapMs ?? DEFAULT_GAP_MS;
  const stopwords = createStopwords(fold);
  const extractors = new Map<string, FeatureExtractor>();
  const brands = new Map<string, BrandState>();
  const changed = new Set<StoryState>();
  /** Cached profile norms: valid while the story is unchanged and the brand's document count has not grown much. */
  const norms = new WeakMap<StoryState, ProfileNorms & { size: number; docs: number; features: number }>();
  function normsOf(b: BrandState, s: StoryState, weights: ReturnType<typeof featureWeights>): ProfileNorms {
    const cached = norms.get(s);
    if (cached && cached.size === s.size && cached.features === s.profile.size && b.stats.docs <= cached.docs * NORM_REFRESH) return cached;
    const fresh = { ...profileNorms(s.profile, s.size, weights), size: s.size, docs: b.stats.docs, features: s.profile.size };
    norms.set(s, fresh);
    return fresh;
  }

  const extractorOf = (brandId: string) => {
    let e = extractors.get(brandId);
    if (!e) extractors.set(brandId, (e = createFeatureExtractor({ brandTerms: options.brandTerms[brandId] ?? [brandId], stopwords })));
    return e;
  };
  const brandOf = (brandId: string) => {
    let b = brands.get(brandId);
    if (!b) brands.set(brandId, (b = { stories: new Map(), byMember: new Map(), byFeature: new Map(), stats: { docs: 0, df: new Map() }, newest: 0 }));
    return b;
  };

  /** Drops stories that can take no more mentions (they stay in the store). */
  function prune(b: BrandState) {
    for (const [id, s] of b.stories) {
      if (s.lastSeen >= b.newest - gapMs) continue;
      b.stories.delete(id);
      for (const member of s.members) if (b.byMember.get(member) === id) b.byMember.delete(member);
      for (const feature of s.profile.keys()) unindex(b, feature, s);
    }
  }

  function index(b: BrandState, s: StoryState, features: Iterable<string>) {
    for (const feature of features) {
      let set = b.byFeature.get(feature);
      if (!set) b.byFeature.set(feature, (set = new Set()));
      set.add(s);
    }
  }
  function unindex(b: BrandState, feature: string, s: StoryState) {
    const set = b.byFeature.get(feature);
    if (set?.delete(s) && set.size === 0) b.byFeature.delete(feature);
  }

  function join(b: BrandState, s: StoryState, m: EnrichedMention, time: number, extracted: ReturnType<FeatureExtractor['extract']>) {
    addMember(s, m, time, extracted.features, extracted.surfaces);
    index(b, s, extracted.features.keys());
    b.byMember.set(m.id, s.id);
    changed.add(s);
  }

  return {
    gapMs,
    add(m) {
      const b = brandOf(m.brandId);
      const time = mentionTime(m);
      const known = b.byMember.get(m.id);
      const knownStory = known ? b.stories.get(known) : undefined;
      if (knownStory) {
        if (!knownStory.times.has(m.id)) knownStory.times.set(m.id, time);
        return { storyId: knownStory.id, title: knownStory.title, added: false, score: 1 };
      }
      b.newest = Math.max(b.newest, time);
      const extracted = extractorOf(m.brandId).extract({
        title: m.title,
        text: m.text,
        topics: m.nlp.topics.map((t) => ({ topic: t.topic, sentiment: t.sentiment.label })),
        phrases: m.nlp.signals.phrases,
      });
      b.stats.docs++;
      for (const feature of extracted.features.keys()) b.stats.df.set(feature, (b.stats.df.get(feature) ?? 0) + 1);

      const original = m.duplicateOf ? b.stories.get(b.byMember.get(m.duplicateOf) ?? '') : undefined;
      let best: StoryState | undefined = original;
      let score = original ? 1 : 0;
      if (!best) {
        const weights = featureWeights(b.stats);
        // Candidates: the stories sharing one of the mention's most telling features (a story that
        // shares only words half the brand's mentions use cannot reach the threshold), at most
        // MAX_CANDIDATES of them, most recent first — so a mention costs the same however many are open.
        const telling = [...extracted.features.keys()].sort((x, y) => weights.weight(y) - weights.weight(x)).slice(0, LOOKUP_FEATURES);
        const candidates = new Set<StoryState>();
        for (const feature of telling) for (const s of b.byFeature.get(feature) ?? []) candidates.add(s);
        if (candidates.size > MAX_CANDIDATES) {
          const recent = [...candidates].sort((x, y) => y.lastSeen - x.lastSeen || (x.id < y.id ? -1 : 1)).slice(0, MAX_CANDIDATES);
          candidates.clear();
          for (const s of recent) candidates.add(s);
        }
        for (const s of candidates) {
          if (!b.stories.has(s.id) || time > s.lastSeen + gapMs || time < s.firstSeen - gapMs) continue;
          const sim = similarity(extracted.features, s.profile, s.size, weights, normsOf(b, s, weights));
          if (sim > score || (sim === score && best && s.id < best.id)) {
            score = sim;
            best = s;
          }
        }
      }
      if (!best || score < threshold) {
        best = newStoryState(m, time);
        b.stories.set(best.id, best);
        score = 0;
      }
      join(b, best, m, time, extracted);
      prune(b);
      return { storyId: best.id, title: best.title, added: true, score };
    },
    drainChanged(now) {
      const out = [...changed].map((s) => toStory(s, brandOf(s.brandId).stats, now));
      changed.clear();
      return out;
    },
    restore(stories) {
      for (const story of stories) {
        const b = brandOf(story.brandId);
        const s = fromStory(story);
        const extractor = extractorOf(story.brandId);
        for (const term of story.keyTerms)
          for (const feature of extractor.extract({ title: term, text: '', topics: [] }).features.keys())
            if (s.profile.has(feature)) s.surface.set(feature, term);
        b.stories.set(s.id, s);
        index(b, s, s.profile.keys());
        for (const member of s.members) b.byMember.set(member, s.id);
        b.newest = Math.max(b.newest, s.lastSeen);
      }
    },
    forget(brandId) {
      brands.delete(brandId);
      for (const s of changed) if (s.brandId === brandId) changed.delete(s);
    },
    open(brandId, now) {
      const b = brands.get(brandId);
      return b ? [...b.stories.values()].map((s) => toStory(s, b.stats, now)) : [];
    },
  };
}
