import { describe, expect, it } from 'vitest';
import { storyId } from '@earshot/stories';
import { createAlertEngine } from '../engine.js';
import { run, type Step } from '../testing/collect.js';
import { useHarness } from '../testing/harness.js';
import { mention, MIN, T0, testConfig, type MentionSpec } from '../testing/mentions.js';

const H = 60 * MIN;
/** Our own texts: one outage told in three languages, and mentions about other things. */
const OUTAGE: Omit<MentionSpec, 'id' | 'at'>[] = [
  {
    title: 'Is Nordtel down? #NordtelDown',
    text: 'No internet since 6am in Tartu. Status page https://status.nordtel.example/incidents/4411 says investigating.',
  },
  { title: '#NordtelDown again', text: 'Fibre dead here too. Incident 4411 on their status page, no ETA. #NordtelDown', sourceId: 'forum' },
  { title: 'Нордтел лежит #NordtelDown', text: 'Интернета нет с 6 утра. На https://status.nordtel.example/incidents/4411 пишут, что разбираются.', lang: 'ru' },
  { title: 'Nordteli internet maas', text: 'Tartus pole alates kella 6 internetti. #NordtelDown, intsident 4411.', lang: 'et' },
];
const PRICES: Omit<MentionSpec, 'id' | 'at'> = {
  title: 'Invoice layout is confusing',
  text: 'The new invoice PDF is hard to read; I cannot find the VAT line.',
};
const outage = (i: number, at: number, over: Partial<MentionSpec> = {}) => mention({ id: `o${i}`, at, ...OUTAGE[(i - 1) % OUTAGE.length]!, ...over });
const engineFor = (rule: string) => {
  const config = testConfig([rule]);
  return createAlertEngine({ rules: config.rules, brands: config.brands, sources: config.sources });
};
const STORY = storyId('nordtel', 'o1');

describe('story rule', () => {
  it('fires when a negative story reaches its size, across languages and sources, and resolves when it goes quiet', () => {
    const engine = engineFor('{ id: story, type: story, brand: all, window: 6h, size: 3 }');
    const steps: Step[] = [
      { at: T0, mention: outage(1, T0) },
      { at: T0 + 40 * MIN, mention: outage(2, T0 + 40 * MIN) },
      { at: T0 + 50 * MIN, mention: mention({ id: 'other', at: T0 + 50 * MIN, ...PRICES }) }, // negative, another story
      { at: T0 + 80 * MIN, mention: outage(3, T0 + 80 * MIN) },
      { at: T0 + 90 * MIN, mention: outage(4, T0 + 90 * MIN) },
      { at: T0 + 6 * H + 45 * MIN, tick: true }, // o1 and o2 have left the window: 2 left
    ];
    expect(run(engine, steps)).toEqual([
      `opened story:nordtel:${STORY}:2026-11-20T10:00:00.000Z r1 n=3`,
      `resolved story:nordtel:${STORY}:2026-11-20T10:00:00.000Z r2 n=2`,
    ]);
  });

  it('says which story, how negative, in which languages and from how many sources', () => {
    const engine = engineFor('{ id: story, type: story, brand: all, window: 6h, size: 3 }');
    const [change] =
      run(
        engine,
        [1, 2, 3].map((i) => ({ at: T0 + i * MIN, mention: outage(i, T0 + i * MIN) })),
      ) && engine.openAlerts();
    expect(change).toMatchObject({
      subject: STORY,
      title: 'Nordtel: negative story "Is Nordtel down? #NordtelDown", 3 mentions in 6h',
      summary: 'A story about Nordtel is spreading: 3 of its 3 mentions in the last 6h are negative (3 in the last 1h), in en, ru from 2 sources.',
    });
    expect(change!.samples.map((s) => s.id)).toEqual(['o3', 'o2', 'o1']);
  });

  it.each([
    [
      'a fast story fires on its rate before its size',
      '{ id: story, type: story, brand: all, size: 10, rate: 3, rateWindow: 30m }',
      [0, 10, 20],
      'positive',
      1,
    ],
    ['a slow one does not', '{ id: story, type: story, brand: all, size: 10, rate: 3, rateWindow: 30m }', [0, 40, 80], 'positive', 0],
    ['a story mostly positive does not, however large', '{ id: story, type: story, brand: all, size: 3 }', [10, 20, 30], 'positive-majority', 0],
    ['near-duplicates do not count', '{ id: story, type: story, brand: all, size: 3 }', [0, 10, 20], 'duplicates', 0],
  ])('%s', (_name, rule, minutes, extra, opened) => {
    const engine = engineFor(rule);
    const steps: Step[] = minutes.map((m, i) => ({
      at: T0 + m * MIN,
      mention: outage(i + 1, T0 + m * MIN, extra === 'duplicates' && i > 0 ? { duplicateOf: 'o1' } : {}),
    }));
    if (extra === 'positive-majority')
      for (let i = 3; i >= 0; i--) steps.unshift({ at: T0 + i * MIN, mention: outage(i + 1, T0 + i * MIN, { id: `pos${i}`, sentiment: 'positive' }) }); // 4 positive, then 3 negative: 43 %
    expect(run(engine, steps).filter((c) => c.startsWith('opened'))).toHaveLength(opened);
  });
});

describe('story rule and stories in the store', () => {
  const harness = useHarness();

  it('stores each story, and a restart mid-story keeps growing the same one and fires once', async () => {
    const h = await harness(testConfig(['{ id: story, type: story, brand: all, window: 6h, size: 3 }']), T0);
    await h.send(outage(1, T0));
    h.clock.now = T0 + 5 * MIN;
    await h.send(outage(2, h.clock.now), mention({ id: 'other', at: h.clock.now, ...PRICES }));
    expect(await h.store.getStory(STORY)).toMatchObject({ size: 2, mentionIds: ['o1', 'o2'], languages: { en: 2 } });
    h.clock.now = T0 + 10 * MIN;
    await h.restart();
    await h.send(outage(3, h.clock.now));
    expect(await h.published()).toEqual([`open story:nordtel:${STORY}:2026-11-20T10:00:00.000Z r1 n=3`]);
    h.clock.now = T0 + 20 * MIN;
    await h.restart();
    await h.send(outage(4, h.clock.now));
    await h.alerter.tick();
    expect(await h.published()).toEqual([`open story:nordtel:${STORY}:2026-11-20T10:00:00.000Z r1 n=3`]);
    const found = await h.store.searchStories({ brandId: 'nordtel', text: 'nordteldown' });
    expect(found.stories).toEqual([
      expect.objectContaining({ id: STORY, size: 4, mentionIds: ['o1', 'o2', 'o3', 'o4'], languages: { en: 2, ru: 1, et: 1 }, dominantSentiment: 'negative' }),
    ]);
    expect(found.total).toBe(1);
  });
});
