import { describe, expect, it } from 'vitest';
import { buildTopicDataset, type TopicExample } from './topic-dataset.js';
import { fitTopicModel, fitTopicModelGroups, ownModelLanguages, predictTopicMasks, TOPIC_TRAIN_SETTINGS } from './train-topic-model.js';
import { TOPIC_IDS } from './topic-cues.js';
import { ungatedMasks } from './topic-model.js';
import { SUPPORTED_LANGUAGES } from '../types.js';

// A small synthetic set written by us: "delivery" is said with words that are no cue ("parcel" is,
// "slowpoke" is not), "privacy" has too few examples to learn and keeps its cue rule.
function dataset(): TopicExample[] {
  const rows: TopicExample[] = [];
  const fillers = ['today', 'again', 'this week', 'as usual', 'for once', 'honestly', 'my friend said', 'at last'];
  for (let i = 0; i < 40; i++) {
    const f = fillers[i % fillers.length]!;
    rows.push({ text: `the slowpoke van came ${f} number ${i}`, lang: 'en', topics: ['delivery'], aspects: { delivery: 'negative' } });
    rows.push({ text: `we watched a film ${f} number ${i}`, lang: 'en', topics: [], aspects: {} });
    rows.push({ text: `the soup tasted bland ${f} number ${i}`, lang: 'en', topics: ['quality'], aspects: { quality: 'negative' } });
  }
  for (let i = 0; i < 4; i++) rows.push({ text: `my account was hacked ${fillers[i]}`, lang: 'en', topics: ['privacy'], aspects: { privacy: 'negative' } });
  return rows;
}

describe('fitTopicModel', () => {
  const examples = dataset();
  const data = buildTopicDataset(examples);
  const rows = examples.map((_, i) => i);
  const settings = { ...TOPIC_TRAIN_SETTINGS, maxFeatures: 2000 };
  const file = fitTopicModel(data, rows, settings);
  const en = 0;
  const t = (id: string): number => TOPIC_IDS.indexOf(id as (typeof TOPIC_IDS)[number]);
  // Ours: six Russian rows beside the English ones, so that a fit of the other languages has rows of its own.
  const withRussianRows = (): TopicExample[] => [
    ...examples,
    ...Array.from({ length: 6 }, (_, i) => ({ text: `посылка опять задержалась ${i}`, lang: 'ru', topics: ['delivery'], aspects: { delivery: 'negative' } })),
  ];

  it('learns a topic from words that are not cues, and keeps cue rules for a thin topic', () => {
    expect(file.modes[en]![t('delivery')]).toBe('model');
    expect(file.modes[en]![t('privacy')]).toBe('cues');
    const probe = buildTopicDataset([
      { text: 'the slowpoke van came yesterday', lang: 'en', topics: [], aspects: {} },
      { text: 'we watched a film yesterday', lang: 'en', topics: [], aspects: {} },
      { text: 'someone hacked my password', lang: 'en', topics: [], aspects: {} },
    ]);
    const masks = predictTopicMasks(file, probe, [0, 1, 2]);
    expect(masks[0]! & (1 << t('delivery'))).not.toBe(0);
    expect(masks[1]).toBe(0);
    expect(masks[2]! & (1 << t('privacy'))).not.toBe(0);
  });

  it('trains on extra rows but chooses thresholds and rules on the scored rows alone', () => {
    // Every delivery example only as an extra row: the model learns "slowpoke", but no scored row
    // shows the topic, so it is not decided by the model (as it is when those rows are scored: above).
    const isDelivery = (i: number): boolean => examples[i]!.topics.includes('delivery');
    const fitted = fitTopicModel(
      data,
      rows.filter((i) => !isDelivery(i)),
      settings,
      rows.filter(isDelivery),
    );
    expect(fitted.trainedOn.examples).toBe(examples.length);
    expect(fitted.trainedOn.positives.delivery).toBe(40);
    expect(fitted.modes[en]![t('delivery')]).not.toBe('model');
    expect(fitted.modes[en]![t('quality')]).toBe('model');
  });

  it('fits a language with enough rows on its own and the others together, thin topics judged by all rows', () => {
    // From 50 rows a language has a model of its own: English here, Russian's six not.
    const rows = withRussianRows();
    const more = buildTopicDataset(rows);
    const fitted = fitTopicModelGroups(
      more,
      rows.map((_, i) => i),
      { ...settings, ownModelRows: 50 },
    );
    expect(fitted.languageWeights?.map((w) => w.lang)).toEqual(['en']);
    expect(fitted.trainedOn.examples).toBe(rows.length);
    expect(fitted.modes[en]![t('delivery')]).toBe('model');
    // Privacy, with 4 examples in all, is thin in every language and ungated there. Delivery has 46
    // in all: thin in Russian, whose (shared) fit sees 6, yet gated, as the gate learned from the 46.
    const ungated = (lang: number, id: string): number => (ungatedMasks(fitted)[lang]! >> t(id)) & 1;
    expect(SUPPORTED_LANGUAGES.map((_, l) => ungated(l, 'privacy'))).toEqual(SUPPORTED_LANGUAGES.map(() => 1));
    expect(SUPPORTED_LANGUAGES.map((_, l) => ungated(l, 'delivery'))).toEqual(SUPPORTED_LANGUAGES.map(() => 0));
    // With 4 examples enough to learn from, privacy is learned in English and gated there; in Russian,
    // which has none, its cue rule stays ungated.
    const learned = fitTopicModelGroups(
      more,
      rows.map((_, i) => i),
      { ...settings, ownModelRows: 50, minPositives: 4, minLanguagePositives: 4 },
    );
    expect(learned.modes[en]![t('privacy')]).not.toBe('cues');
    expect((ungatedMasks(learned)[en]! >> t('privacy')) & 1).toBe(0);
    expect((ungatedMasks(learned)[SUPPORTED_LANGUAGES.indexOf('ru')]! >> t('privacy')) & 1).toBe(1);
    // One shared model when no language has enough rows: the file of fitTopicModel.
    expect(
      fitTopicModelGroups(
        more,
        rows.map((_, i) => i),
        { ...settings, ownModelRows: 1000 },
      ),
    ).toEqual(
      fitTopicModel(
        more,
        rows.map((_, i) => i),
        { ...settings, ownModelRows: 1000 },
      ),
    );
  });

  it("keeps ownMaxFeatures buckets of a language's own weights and maxFeatures of the shared ones", () => {
    const rows = withRussianRows();
    const fitted = fitTopicModelGroups(
      buildTopicDataset(rows),
      rows.map((_, i) => i),
      { ...settings, ownModelRows: 50, maxFeatures: 30, ownMaxFeatures: 60 },
    );
    expect(fitted.buckets).toHaveLength(30);
    expect(fitted.languageWeights?.map((w) => [w.lang, w.buckets.length])).toEqual([['en', 60]]);
  });

  it('fits alone the languages it is given, as a cross-validation decides them on all its rows', () => {
    // 124 English rows: over a bar of 100 on all of them, under it in a training part of 4/5 (99).
    const part = rows.filter((i) => i % 5 !== 0);
    const bar = { ...settings, ownModelRows: 100 };
    expect(ownModelLanguages(data, rows, bar)).toEqual(['en']);
    expect(ownModelLanguages(data, part, bar)).toEqual([]);
    expect(fitTopicModelGroups(data, part, bar).languageWeights).toBeUndefined();
    expect(fitTopicModelGroups(data, part, bar, [], ownModelLanguages(data, rows, bar)).languageWeights?.map((w) => w.lang)).toEqual(['en']);
  });

  it('turns off a thin topic whose cues misfire in a language, and gives a language with enough examples its own threshold', () => {
    // Ours: Russian texts where the price cue "цена" occurs in sayings about no price at all.
    const rows = [...examples];
    for (let i = 0; i < 6; i++) rows.push({ text: `цена вопроса ясна, смотрим матч ${i}`, lang: 'ru', topics: [], aspects: {} });
    const more = buildTopicDataset(rows);
    const fitted = fitTopicModel(
      more,
      rows.map((_, i) => i),
      { ...settings, minPositives: 200, minCueFires: 3, minCuePrecision: 0.3, languageThresholdPositives: 20 },
    );
    const ru = 1;
    expect(fitted.modes[ru]![t('price')]).toBe('off');
    expect(fitted.modes[en]![t('privacy')]).toBe('cues');
    expect(fitted.languageThresholds).toHaveLength(fitted.modes.length);
    for (const row of fitted.languageThresholds!)
      for (const p of row) {
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThan(1);
      }
  });

  it('turns off a learnable topic whose rule is right less often than half the micro F1 of all topics', () => {
    // Ours: 70 rows of one text, 20 of them labeled trust: nothing tells them apart, so the best a rule
    // can do is tag all 70, right 2 times in 7. That F1 (0.44) passes minF1, but every such tag lowers
    // the micro F1 of delivery, quality and trust together.
    const rows = [...examples];
    for (let i = 0; i < 70; i++) {
      const trust = i % 7 < 2;
      rows.push({ text: 'we talked about the bank today', lang: 'en', topics: trust ? ['trust'] : [], aspects: trust ? { trust: 'negative' } : {} });
    }
    const more = buildTopicDataset(rows);
    const fit = (micro: number) =>
      fitTopicModel(
        more,
        rows.map((_, i) => i),
        { ...settings, micro },
      );
    expect(fit(0).modes[en]![t('trust')]).toBe('model');
    const micro = fit(1);
    expect(micro.modes[en]![t('trust')]).toBe('off');
    expect(micro.modes[en]![t('delivery')]).toBe('model');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(fitTopicModel(data, rows, settings))).toBe(JSON.stringify(file));
  });
});
