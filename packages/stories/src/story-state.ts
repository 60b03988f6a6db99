// One story while it is being grouped: its counters, its profile (how many members carry each
// feature) and its members, and how it becomes the stored Story record — or is rebuilt from one on a
// warm start.
import { createHash } from 'node:crypto';
import type { EnrichedMention, SentimentLabel, Story, StorySample } from '@earshot/schema';
import type { Features } from './features.js';
import { idf, kindWeight, type FeatureStats } from './similarity.js';

export const MAX_MEMBERS = 1000;
export const MAX_PROFILE = 120;
const SAMPLE_COUNT = 5;
const KEY_TERMS = 8;
const HOUR = 3_600_000;

export interface StoryState {
  id: string;
  brandId: string;
  title: string;
  size: number;
  firstSeen: number;
  lastSeen: number;
  sentiment: Record<SentimentLabel, number>;
  languages: Map<string, number>;
  sources: Map<string, number>;
  topics: Map<string, number>;
  profile: Map<string, number>;
  /** A readable form of each profile feature (the word as first written). */
  surface: Map<string, string>;
  members: string[];
  /** Member → time, for the velocity (members replayed after a restore get theirs back). */
  times: Map<string, number>;
  samples: StorySample[];
}

/** Stable: the same first mention always starts the same story id. */
export function storyId(brandId: string, seedMentionId: string): string {
  return `st-${createHash('sha1').update(`${brandId}\n${seedMentionId}`).digest('hex').slice(0, 16)}`;
}

const bump = (map: Map<string, number>, key: string, n = 1) => map.set(key, (map.get(key) ?? 0) + n);

export function newStoryState(m: EnrichedMention, time: number): StoryState {
  return {
    id: storyId(m.brandId, m.id),
    brandId: m.brandId,
    title: m.title.trim() || (m.text.length > 100 ? `${m.text.slice(0, 99)}…` : m.text),
    size: 0,
    firstSeen: time,
    lastSeen: time,
    sentiment: { positive: 0, neutral: 0, negative: 0 },
    languages: new Map(),
    sources: new Map(),
    topics: new Map(),
    profile: new Map(),
    surface: new Map(),
    members: [],
    times: new Map(),
    samples: [],
  };
}

export function addMember(s: StoryState, m: EnrichedMention, time: number, features: Features, surfaces: Map<string, string>): void {
  s.size++;
  s.firstSeen = Math.min(s.firstSeen, time);
  s.lastSeen = Math.max(s.lastSeen, time);
  s.sentiment[m.nlp.sentiment.label]++;
  bump(s.languages, m.nlp.lang);
  bump(s.sources, m.sourceId);
  for (const t of new Set(m.nlp.topics.map((x) => x.topic))) bump(s.topics, t);
  for (const feature of features.keys()) {
    bump(s.profile, feature);
    const word = surfaces.get(feature);
    if (word && !s.surface.has(feature)) s.surface.set(feature, word);
  }
  if (s.profile.size > MAX_PROFILE * 2) trimProfile(s);
  s.members.push(m.id);
  s.times.set(m.id, time);
  if (s.members.length > MAX_MEMBERS) for (const gone of s.members.splice(0, s.members.length - MAX_MEMBERS)) s.times.delete(gone);
  const sample: StorySample = {
    id: m.id,
    title: m.title,
    url: m.url,
    sourceId: m.sourceId,
    lang: m.nlp.lang,
    sentiment: m.nlp.sentiment.label,
    time: new Date(time).toISOString(),
  };
  s.samples = [sample, ...s.samples.filter((x) => x.id !== m.id)].sort((a, b) => b.time.localeCompare(a.time)).slice(0, SAMPLE_COUNT);
}

/** Keeps the features most members share (ties: the rarer kind first). */
function trimProfile(s: StoryState): void {
  const kept = [...s.profile].sort((a, b) => b[1] * kindWeight(b[0]) - a[1] * kindWeight(a[0]) || a[0].localeCompare(b[0])).slice(0, MAX_PROFILE);
  s.profile = new Map(kept);
  for (const key of s.surface.keys()) if (!s.profile.has(key)) s.surface.delete(key);
}

export function velocity(s: StoryState): number {
  let n = 0;
  for (const t of s.times.values()) if (t > s.lastSeen - HOUR) n++;
  return n;
}

function dominant(counts: Record<SentimentLabel, number>): SentimentLabel {
  if (counts.negative > 0 && counts.negative >= counts.positive && counts.negative >= counts.neutral) return 'negative';
  return counts.positive > counts.neutral ? 'positive' : 'neutral';
}

export function toStory(s: StoryState, stats: FeatureStats, updatedAt: number): Story {
  if (s.profile.size > MAX_PROFILE) trimProfile(s);
  const ranked = [...s.profile]
    .filter(([, count]) => count >= Math.min(2, s.size))
    .sort((a, b) => b[1] * kindWeight(b[0]) * idf(stats, b[0]) - a[1] * kindWeight(a[0]) * idf(stats, a[0]) || a[0].localeCompare(b[0]));
  const keyTerms: string[] = [];
  for (const [feature] of ranked) {
    const term = s.surface.get(feature);
    if (term && !keyTerms.includes(term)) keyTerms.push(term);
    if (keyTerms.length >= KEY_TERMS) break;
  }
  const byCount = (m: Map<string, number>) => Object.fromEntries([...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return {
    id: s.id,
    brandId: s.brandId,
    title: s.title,
    size: s.size,
    firstSeen: new Date(s.firstSeen).toISOString(),
    lastSeen: new Date(s.lastSeen).toISOString(),
    velocity: velocity(s),
    sentiment: { ...s.sentiment },
    dominantSentiment: dominant(s.sentiment),
    languages: byCount(s.languages),
    sources: byCount(s.sources),
    topics: [...s.topics].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t),
    keyTerms,
    mentionIds: [...s.members],
    samples: s.samples,
    profile: Object.fromEntries(s.profile),
    updatedAt: new Date(updatedAt).toISOString(),
  };
}

/** A stored story back into grouping state (its member times return as its mentions are replayed). */
export function fromStory(story: Story): StoryState {
  const surface = new Map<string, string>();
  return {
    id: story.id,
    brandId: story.brandId,
    title: story.title,
    size: story.size,
    firstSeen: Date.parse(story.firstSeen),
    lastSeen: Date.parse(story.lastSeen),
    sentiment: { ...story.sentiment },
    languages: new Map(Object.entries(story.languages)),
    sources: new Map(Object.entries(story.sources)),
    topics: new Map(story.topics.map((t, i) => [t, story.topics.length - i])),
    profile: new Map(Object.entries(story.profile)),
    surface,
    members: [...story.mentionIds],
    times: new Map(),
    samples: [...story.samples],
  };
}
