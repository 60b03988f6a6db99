import { describe, expect, it } from 'vitest';
import { defaultModelsDir, readTopicModelFile } from '../sentiment/load-model-file.js';
import { createLanguageFeatures } from '../sentiment/language-features.js';
import { FeatureBuffer } from '../sentiment/feature-buffer.js';
import { prepareText } from '../text/prepare-text.js';
import { SUPPORTED_LANGUAGES } from '../types.js';
import { createWordOfMouthDetector } from '../signals/detect-word-of-mouth.js';
import { createTopicCueFinder, topicCueMask } from './topic-cue-finder.js';
import { buildTopicDataset } from './topic-dataset.js';
import { loadTopicModel } from './topic-model.js';
import { predictTopicMasks, topicLogits } from './train-topic-model.js';
import { createAnalyzer } from '../analyzer.js';
import { maskTopics } from '../eval/topic-cv.js';
import { createWinkSentiment } from '../sentiment/wink-sentiment.js';

// The tagger computes a language's topic logits in one pass, with the text-domain probabilities and
// cue features folded in (topic-model.ts languageScorer); training and cross-validation score the
// features laid out by topic-dataset.ts. The shipped model must give the same logits both ways, or
// what the benchmark measures is not what the analyzer does. Sentences written by us.
describe('the shipped topic model at prediction time', () => {
  const file = readTopicModelFile(defaultModelsDir())!;
  const model = loadTopicModel(file);
  const texts: Record<string, string[]> = {
    en: ['The courier came a week late and nobody answered the phone', 'Great film, the cast was wonderful', 'Prices went up again at the corner shop'],
    ru: ['Списали деньги за смс, верните', 'Интернет снова не работает второй день', 'Спасибо банку за быстрый ответ'],
    kk: ['Тауар сапасы нашар, жеткізу кешікті', 'Кітап өте қызықты екен', 'Қосымша жиі қатып қалады'],
    he: ['המשלוח הגיע באיחור של שבוע', 'השירות בסניף היה מצוין'],
    et: ['Pakk jõudis kohale nädal hiljem', 'Teenindus oli väga sõbralik'],
  };

  it.each(SUPPORTED_LANGUAGES.map((lang) => [lang]))('%s: gives the logits training computes for the same text', (lang) => {
    const langIndex = SUPPORTED_LANGUAGES.indexOf(lang);
    const examples = texts[lang]!.map((text) => ({ text, lang, topics: [], aspects: {} }));
    const data = buildTopicDataset(examples, { ...(file.domains ? { domains: file.domains } : {}), ...(file.feedItems ? { feedItems: file.feedItems } : {}) });
    const expected = topicLogits(
      model,
      data,
      examples.map((_, i) => i),
    );
    const { extractor } = createLanguageFeatures({ lang });
    const finder = createTopicCueFinder(lang);
    const wom = createWordOfMouthDetector();
    const buffer = new FeatureBuffer();
    const decided = file.modes[langIndex]!.flatMap((m, t) => (m === 'model' ? [t] : []));
    examples.forEach((e, i) => {
      const prepared = prepareText(e.text);
      extractor.extractInto(prepared, buffer);
      const got = new Float64Array(file.topics.length);
      model.languageLogitsInto(langIndex, buffer, buffer.length, topicCueMask(finder.find(prepared.words), wom.detect(prepared)), got);
      const feedItem = model.feedItemProbability(langIndex, buffer, buffer.length);
      // 6 digits: the dataset keeps feature values as 32-bit floats.
      for (const t of decided) expect(got[t]).toBeCloseTo(expected[i]![t]!, 6);
      // The feed-item probability the gate reads, as training and cross-validation read it (0 without a classifier).
      expect(feedItem).toBeCloseTo(data.feedItemProbability?.[i] ?? 0, 6);
    });
  });

  // A long mention is judged in pieces (mention-pieces.ts): the analyzer's topics must be the ones
  // cross-validation predicts for the same text from a dataset with its pieces.
  const analyzer = createAnalyzer();
  const wink = createWinkSentiment();
  it.each([
    [
      'en',
      'Refund still missing after three weeks\nI returned the router in October and the refund has not reached my card. The shop stopped answering my emails and the phone line is always busy. The new plan costs twice as much as the old one.',
    ],
    [
      'ru',
      'Третий день не работает мобильный интернет, оператор обещает починить завтра. В офисе очередь на час, сотрудники грубят. Тариф подорожал, хотя связь стала хуже, буду менять оператора.',
    ],
    [
      'kk',
      'Тапсырыс екі аптадан кейін ғана келді, курьер телефон көтермеді. Тауар сапасы нашар, бір күннен кейін сынып қалды. Бағасы тым қымбат, ақшамды қайтарыңыздар. Қолдау қызметіне үш рет жаздым, бірақ ешкім жауап бермеді, мұндай дүкеннен ешқашан сатып алмаңыздар.',
    ],
    // A release note reads as a feed item: judged whole, both ways.
    [
      'en',
      'Nordbase 4.2.1 has been released\nThis release fixes a regression in the query planner and updates the documentation. The new version also speeds up backups and adds two options to the command line tool.',
    ],
  ])('%s: tags a long mention as cross-validation does, by its pieces', (lang, text) => {
    const examples = [{ text, lang, topics: [], aspects: {} }];
    const data = buildTopicDataset(examples, {
      wink,
      pieces: true,
      ...(file.domains ? { domains: file.domains } : {}),
      ...(file.feedItems ? { feedItems: file.feedItems } : {}),
    });
    expect(data.pieces?.of[0]?.length).toBeGreaterThan(1);
    const analysis = analyzer.analyze(text);
    expect(analysis.lang).toBe(lang);
    expect(analysis.topics.map((t) => t.topic)).toEqual(maskTopics(predictTopicMasks(file, data, [0])[0]!));
  });

  it('reads English mentions for whether they are feed items: a release note is, a complaint to a shop is not', () => {
    expect(file.feedItems?.map((d) => d.lang)).toEqual(['en']);
    const en = SUPPORTED_LANGUAGES.indexOf('en');
    const { extractor } = createLanguageFeatures({ lang: 'en' });
    const buffer = new FeatureBuffer();
    const feedItem = (text: string): number => {
      extractor.extractInto(prepareText(text), buffer);
      return model.feedItemProbability(en, buffer, buffer.length);
    };
    expect(feedItem('Nordbase 4.2.1 has been released | This release fixes a regression in the query planner and updates the documentation.')).toBeGreaterThan(
      0.5,
    );
    expect(feedItem('The courier came a week late and nobody answered the phone')).toBeLessThan(0.5);
  });

  it('gives Kazakh and Russian weights of their own, which their logits use; the others share one set', () => {
    expect(file.languageWeights?.map((w) => w.lang).sort()).toEqual(['kk', 'ru']);
    const { languageWeights: _, ...sharedOnly } = file;
    const shared = loadTopicModel(sharedOnly);
    const logits = (m: typeof model, lang: string, text: string): Float64Array => {
      const { extractor } = createLanguageFeatures({ lang });
      const buffer = new FeatureBuffer();
      extractor.extractInto(prepareText(text), buffer);
      const out = new Float64Array(file.topics.length);
      m.languageLogitsInto(SUPPORTED_LANGUAGES.indexOf(lang as (typeof SUPPORTED_LANGUAGES)[number]), buffer, buffer.length, 0, out);
      return out;
    };
    const gate = file.topics.length - 1;
    for (const [lang, text] of [
      ['kk', texts.kk![0]!],
      ['ru', texts.ru![1]!],
    ] as const)
      expect(Math.abs(logits(model, lang, text)[gate]! - logits(shared, lang, text)[gate]!), lang).toBeGreaterThan(0.01);
    expect(logits(model, 'en', texts.en![0]!)).toEqual(logits(shared, 'en', texts.en![0]!));
  });

  it('uses its text-domain classifiers: the same words read as a different kind of text move the logits', () => {
    expect(file.domains?.map((d) => d.lang).sort()).toEqual(['en', 'kk', 'ru']);
    const en = SUPPORTED_LANGUAGES.indexOf('en');
    const withDomains = new Float64Array(file.topics.length);
    const withoutDomains = new Float64Array(file.topics.length);
    const { domains: _, ...bare } = file;
    const { extractor } = createLanguageFeatures({ lang: 'en' });
    const buffer = new FeatureBuffer();
    extractor.extractInto(prepareText('Great film, the cast was wonderful'), buffer);
    model.languageLogitsInto(en, buffer, buffer.length, 0, withDomains);
    loadTopicModel(bare).languageLogitsInto(en, buffer, buffer.length, 0, withoutDomains);
    const decided = file.modes[en]!.flatMap((m, t) => (m === 'model' ? [t] : []));
    expect(decided.some((t) => Math.abs(withDomains[t]! - withoutDomains[t]!) > 0.01)).toBe(true);
  });
});
