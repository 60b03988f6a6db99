import { describe, expect, it } from 'vitest';
import type { EnrichedMention, SentimentLabel } from '@earshot/schema';
import { consonantSkeleton, createFeatureExtractor } from './features.js';
import { fold } from '@earshot/nlp';
import { createStopwords } from './stopwords.js';
import { createStoryTracker } from './story-tracker.js';

const T0 = Date.parse('2026-11-24T06:00:00.000Z');
const MIN = 60_000;
const BRANDS = { nordtel: ['Nordtel', 'Нордтел', 'נורדטל'] };

function m(
  id: string,
  minutes: number,
  title: string,
  text: string,
  over: { lang?: string; sentiment?: SentimentLabel; source?: string; duplicateOf?: string; topics?: [string, SentimentLabel][] } = {},
): EnrichedMention {
  const at = new Date(T0 + minutes * MIN).toISOString();
  const label = over.sentiment ?? 'negative';
  return {
    id,
    brandId: 'nordtel',
    sourceId: over.source ?? 'forum',
    sourceType: 'rss',
    url: `https://example.org/${id}`,
    title,
    text,
    publishedAt: at,
    collectedAt: at,
    ...(over.duplicateOf ? { duplicateOf: over.duplicateOf } : {}),
    nlp: {
      lang: over.lang ?? 'en',
      sentiment: { label, score: 0 },
      topics: (over.topics ?? []).map(([topic, s]) => ({ topic, sentiment: { label: s, score: 0 } })),
      signals: { warning: false, recommendation: false, phrases: [] },
      enrichedAt: at,
    },
  };
}

describe('consonant skeletons meet across scripts', () => {
  it.each([
    ['Nordtel', 'nrdtl'],
    ['Нордтел', 'nrdtl'],
    ['נורדטל', 'nrdtl'],
    ['Нордтелдің', 'nrdtldn'],
    ['интернет', 'ntrnt'],
    ['internet', 'ntrnt'],
    ['Нарва', 'nrv'],
  ])('%s → %s', (word, skeleton) => {
    expect(consonantSkeleton(fold(word))).toBe(skeleton);
  });
});

describe('features', () => {
  const extractor = createFeatureExtractor({ brandTerms: BRANDS.nordtel, stopwords: createStopwords(fold) });
  const keys = (title: string, text = '') => [...extractor.extract({ title, text, topics: [] }).features.keys()].sort();

  it.each([
    [
      'links, without www, query or trailing slash',
      'Look: https://www.status.nordtel.example/incidents/4411/?x=1.',
      ['n:4411', 'u:status.nordtel.example/incidents/4411', 'w:look'].sort(),
    ],
    ['hashtags, numbers and alphanumerics', '#NordtelDown 5G at 900 Mbps', ['h:nordteldown', 'n:5g', 'n:900', 'w:mbps', 's:mbps'].sort()],
    ['the brand in any script and case ending is left out', 'Нордтела נורדטל Nordteli', []],
    ['stop words are left out', 'the and for это и', []],
  ])('%s', (_name, text, expected) => {
    expect(keys(text)).toEqual(expected);
  });
});

describe('story tracker', () => {
  const outage = [
    m(
      'o1',
      0,
      'Is Nordtel down? #NordtelDown',
      'No internet since 6am in Tartu. Status page https://status.nordtel.example/incidents/4411 says investigating.',
    ),
    m('o2', 4, '#NordtelDown again', 'Fibre dead here too. Incident 4411 on their status page, no ETA. #NordtelDown', { source: 'social' }),
    m('o3', 7, 'Нордтел лежит #NordtelDown', 'Интернета нет с 6 утра. На https://status.nordtel.example/incidents/4411 пишут, что разбираются.', {
      lang: 'ru',
      source: 'social',
    }),
  ];
  const other = m('p1', 10, 'Great new 5G in Narva', 'Got 640 Mbps in Narva centre, impressive.', { sentiment: 'positive' });

  it.each([
    ['the same incident in two languages joins one story; an unrelated mention starts its own', [...outage, other], [['o1', 'o2', 'o3'], ['p1']]],
    [
      'a near-duplicate joins the story of the mention it copies',
      [outage[0]!, other, m('d1', 20, 'Totally different words', 'nothing shared at all', { duplicateOf: 'o1' })],
      [['o1', 'd1'], ['p1']],
    ],
    [
      'a mention long after the gap starts a new story',
      [outage[0]!, { ...outage[1]!, publishedAt: new Date(T0 + 100 * 3_600_000).toISOString() }],
      [['o1'], ['o2']],
    ],
  ])('%s', (_name, mentions, expected) => {
    const tracker = createStoryTracker({ brandTerms: BRANDS });
    const groups = new Map<string, string[]>();
    for (const mention of mentions) {
      const { storyId } = tracker.add(mention);
      groups.set(storyId, [...(groups.get(storyId) ?? []), mention.id]);
    }
    expect([...groups.values()]).toEqual(expected);
  });

  it('describes a story: title, size, velocity, sentiment mix, languages, sources, key terms', () => {
    const tracker = createStoryTracker({ brandTerms: BRANDS });
    for (const mention of outage) tracker.add(mention);
    const [story] = tracker.drainChanged(T0 + 10 * MIN);
    expect(story).toMatchObject({
      title: 'Is Nordtel down? #NordtelDown',
      size: 3,
      velocity: 3,
      firstSeen: '2026-11-24T06:00:00.000Z',
      lastSeen: '2026-11-24T06:07:00.000Z',
      sentiment: { positive: 0, neutral: 0, negative: 3 },
      dominantSentiment: 'negative',
      languages: { en: 2, ru: 1 },
      sources: { social: 2, forum: 1 },
      mentionIds: ['o1', 'o2', 'o3'],
    });
    expect(story!.keyTerms).toEqual(expect.arrayContaining(['#NordtelDown', '4411', 'status.nordtel.example/incidents/4411']));
    expect(story!.samples.map((s) => s.id)).toEqual(['o3', 'o2', 'o1']);
    expect(tracker.drainChanged(T0)).toEqual([]);
  });

  it('is idempotent: a redelivered mention is not counted twice', () => {
    const tracker = createStoryTracker({ brandTerms: BRANDS });
    const first = tracker.add(outage[0]!);
    expect(tracker.add(outage[0]!)).toEqual({ ...first, added: false, score: 1 });
    expect(tracker.drainChanged(T0)[0]!.size).toBe(1);
  });

  it('after a restore from the stored record, replayed members are not recounted and new ones join', () => {
    const before = createStoryTracker({ brandTerms: BRANDS });
    for (const mention of outage.slice(0, 2)) before.add(mention);
    const stored = before.drainChanged(T0 + 5 * MIN);
    const after = createStoryTracker({ brandTerms: BRANDS });
    after.restore(stored);
    for (const mention of outage.slice(0, 2)) expect(after.add(mention).added).toBe(false);
    const joined = after.add(outage[2]!);
    expect(joined).toMatchObject({ storyId: stored[0]!.id, added: true });
    const [story] = after.drainChanged(T0 + 10 * MIN);
    expect(story).toMatchObject({ id: stored[0]!.id, size: 3, velocity: 3, mentionIds: ['o1', 'o2', 'o3'] });
    expect(story!.keyTerms).toContain('#NordtelDown');
  });

  it('gives the same story id for the same first mention, whatever the run', () => {
    const a = createStoryTracker({ brandTerms: BRANDS }).add(outage[0]!);
    const b = createStoryTracker({ brandTerms: BRANDS }).add(outage[0]!);
    expect(a.storyId).toBe(b.storyId);
    expect(a.storyId).toMatch(/^st-[0-9a-f]{16}$/);
  });
});
