import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyzer.js';
import { SUPPORTED_LANGUAGES } from '../types.js';
import { announcementCuesFor } from './announcement-cues.js';
import { questionCuesFor } from './question-cues.js';
import { createModelScorer } from './sentiment-scorer.js';
import { createLanguageFeatures } from './language-features.js';
import { loadLinearModel } from './linear-model.js';
import { prepareText } from '../text/prepare-text.js';

// testdata/neutral.jsonl: sentences we wrote (announcements, questions, adverts, plain news).
const path = fileURLToPath(new URL('../../testdata/neutral.jsonl', import.meta.url));
const rows = readFileSync(path, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { lang?: string; kind?: string; text?: string })
  .filter((r): r is { lang: string; kind: string; text: string } => typeof r.text === 'string');

describe('neutral mentions', () => {
  const analyzer = createAnalyzer();

  it('has our own neutral sentences of every kind in every language', () => {
    for (const lang of SUPPORTED_LANGUAGES) {
      expect(new Set(rows.filter((r) => r.lang === lang).map((r) => r.kind))).toEqual(new Set(['announcement', 'question', 'advert', 'news']));
    }
  });

  // The demo items the issue names, as the enricher analyzes them (title + "\n" + text). The
  // Hebrew one scored 0.44-0.58 positive before the announcement rule ("הבא" reads positive in
  // comments to the president, the only Hebrew data).
  it.each([
    ['en', 'Nordtel store opening hours change in December\nNordtel stores will open at 10:00 on weekdays from 1 December.'],
    ['kk', 'Нордтел жаңа қосымшасы\nНордтел жаңа мобильді қосымшасын шығарды, онда шотты төлеуге болады.'],
    ['he', 'נורדטל פותחת סניף חדש\nנורדטל פותחת סניף חדש במרכז העיר בחודש הבא.'],
    ['en', 'Nordtel store opening hours change in December'],
  ])('the %s demo announcement is neutral', (lang, text) => {
    const a = analyzer.analyze(text);
    expect(a.lang).toBe(lang);
    expect(a.sentiment.label).toBe('neutral');
  });

  // A regression guard, not a target: the share of our neutral sentences called neutral (63% when
  // written, 80% with the announcement rule, 97% with the question rule; per language in ROUNDS.md). Negative answers are the costly error for a brand.
  it('calls most of our neutral sentences neutral and few of them negative', () => {
    const labels = rows.map((r) => analyzer.analyze(r.text).sentiment.label);
    const neutral = labels.filter((l) => l === 'neutral').length / labels.length;
    const negative = labels.filter((l) => l === 'negative').length / labels.length;
    expect(neutral).toBeGreaterThanOrEqual(0.75);
    expect(negative).toBeLessThanOrEqual(0.25);
  });

  // Hebrew and Russian questions took a side before the question rule (ROUNDS.md round 7): "where is the
  // nearest ATM?" read -0.45 in Hebrew, "what time does the office close on Saturday?" -0.50 in Russian.
  it.each(SUPPORTED_LANGUAGES)('our %s information questions are neutral', (lang) => {
    const questions = rows.filter((r) => r.lang === lang && r.kind === 'question');
    expect(questions.map((r) => [r.text, analyzer.analyze(r.text).sentiment.label])).toEqual(questions.map((r) => [r.text, 'neutral']));
  });

  // Our adverts send the reader to the details on the website (the offer rule, ROUNDS.md round 46). The
  // Kazakh one is left to its model: "қолжетімді" (affordable) is a polar word there, praise in reviews.
  it.each(['en', 'ru', 'he', 'et'])('our %s advert is neutral', (lang) => {
    const advert = rows.find((r) => r.lang === lang && r.kind === 'advert')!;
    expect(analyzer.analyze(advert.text).sentiment.label).toBe('neutral');
  });

  it('every language model can answer neutral (en is three-class now; he by its neutral rule)', () => {
    expect(analyzer.analyze('Nordtel stores will open at 10:00 on weekdays from 1 December.').sentiment.label).toBe('neutral');
    expect(analyzer.analyze('שעות הפתיחה של החנות ישתנו בחודש דצמבר.').sentiment.label).toBe('neutral');
    expect(analyzer.analyze('Оператор переносит плановые работы на сети на следующую неделю.').sentiment.label).toBe('neutral');
    expect(analyzer.analyze('Компания үшінші тоқсандағы есебін жариялады.').sentiment.label).toBe('neutral');
    expect(analyzer.analyze('Alates detsembrist on kauplus avatud kella kümnest.').sentiment.label).toBe('neutral');
  });
});

describe('announcements in languages without neutral data (en, he)', () => {
  const analyzer = createAnalyzer({ languages: ['en', 'he'] });
  it.each([
    ['en', 'The bank will move its head office to Tallinn next spring.', 'neutral'],
    ['he', 'הבנק יעביר את הסניף הראשי לרחוב הרצל בחודש הבא.', 'neutral'],
    // An opinion word, an exclamation or someone speaking for themselves is not an announcement.
    ['en', 'The bank will move its awful head office to Tallinn next spring.', 'negative'],
    ['en', 'I hate that the shop closes at 6 on Saturdays', 'negative'],
    ['he', 'תודה רבה, אתה הנשיא הכי טוב שהיה לנו בשנה האחרונה!', 'positive'],
  ])('%s: %s -> %s', (lang, text, label) => {
    const a = analyzer.analyze(text);
    expect(a.lang).toBe(lang);
    expect(a.sentiment.label).toBe(label);
  });
});

describe('the neutral rule of the model scorer', () => {
  // A tiny binary model written by hand: "good" positive, "bad" negative, "meh" slightly positive.
  const { extractor } = createLanguageFeatures({ lang: 'en', settings: { wink: false } });
  const file = {
    format: 'earshot-linear-v1' as const,
    lang: 'en',
    classes: ['negative' as const, 'positive' as const],
    hashBits: 20,
    denseCount: 4,
    scale: 1,
    bias: [0, 0],
    buckets: [],
    weights: [],
    trainedOn: { examples: 0, counts: {}, seed: 1 },
  };
  const model = loadLinearModel(file);
  it('says neutral inside the tie band of a binary model, and for no opinion words inside the opinion band', () => {
    const plain = createModelScorer({ model, extractor, neutral: { band: 0.1, opinionBand: 0 } });
    expect(plain.score(prepareText('the shop opens at ten')).label).toBe('neutral');
    // A biased model: positive 0.6 vs 0.4 everywhere (score 0.2).
    const biased = loadLinearModel({ ...file, bias: [0, Math.log(1.5)] });
    const withoutRule = createModelScorer({ model: biased, extractor, neutral: { band: 0.1, opinionBand: 0 } });
    const withRule = createModelScorer({ model: biased, extractor, neutral: { band: 0.1, opinionBand: 0.3 } });
    expect(withoutRule.score(prepareText('the shop opens at ten')).label).toBe('positive');
    expect(withRule.score(prepareText('the shop opens at ten')).label).toBe('neutral');
    expect(withRule.score(prepareText('the shop is wonderful')).label).toBe('positive'); // an opinion word
  });
  it('says neutral for an announcement inside the announcement band, and not for a person speaking', () => {
    // A biased model: positive 0.75 vs 0.25 everywhere (score 0.5).
    const biased = loadLinearModel({ ...file, bias: [0, Math.log(3)] });
    const scorer = createModelScorer({
      model: biased,
      extractor,
      neutral: { band: 0.1, opinionBand: 0, announcementBand: 0.7 },
      announcement: announcementCuesFor('en'),
    });
    expect(scorer.score(prepareText('the shop opens at ten next month')).label).toBe('neutral');
    expect(scorer.score(prepareText('the shop opens at 10:00')).label).toBe('neutral');
    expect(scorer.score(prepareText('the shop opens at ten')).label).toBe('positive'); // names no time
    expect(scorer.score(prepareText('my shop opens next month')).label).toBe('positive'); // first person
    expect(scorer.score(prepareText('the shop opens next month!')).label).toBe('positive');
    expect(scorer.score(prepareText('the wonderful shop opens next month')).label).toBe('positive');
  });
  it('reads a three-class model by its score inside a neutral zone, where one is set', () => {
    const threeClass = (p: [number, number, number]) =>
      loadLinearModel({ ...file, classes: ['negative' as const, 'neutral' as const, 'positive' as const], bias: p.map(Math.log) });
    const zone = { band: 0.1, opinionBand: 0, zone: [-0.5, 0.4] as const };
    const text = prepareText('the shop is wonderful');
    // Positive the most likely (0.45) but score 0.45 − 0.15 = 0.3: positive by class, neutral in the zone.
    const leaning = threeClass([0.15, 0.4, 0.45]);
    expect(createModelScorer({ model: leaning, extractor, neutral: { band: 0.1, opinionBand: 0 } }).score(text).label).toBe('positive');
    expect(createModelScorer({ model: leaning, extractor, neutral: zone }).score(text).label).toBe('neutral');
    // Neutral the most likely (0.5) but score 0.49 − 0.01 = 0.48, above the zone: positive.
    expect(createModelScorer({ model: threeClass([0.01, 0.5, 0.49]), extractor, neutral: zone }).score(text).label).toBe('positive');
    expect(createModelScorer({ model: threeClass([0.5, 0.45, 0.05]), extractor, neutral: zone }).score(text).label).toBe('neutral');
    expect(createModelScorer({ model: threeClass([0.6, 0.35, 0.05]), extractor, neutral: zone }).score(text).label).toBe('negative');
    // A binary model has no neutral class to read a zone for: the tie band decides.
    const binary = loadLinearModel({ ...file, bias: [0, Math.log(3)] });
    expect(createModelScorer({ model: binary, extractor, neutral: zone }).score(text).label).toBe('positive');
  });
  it('says neutral for a short information question without opinion words, and not for a complaint', () => {
    // A biased model: negative 0.95 vs 0.05 everywhere (score -0.9): the question rule has no band.
    const biased = loadLinearModel({ ...file, bias: [Math.log(19), 0] });
    const scorer = createModelScorer({ model: biased, extractor, neutral: { band: 0.1, opinionBand: 0, questions: true }, question: questionCuesFor('en') });
    expect(scorer.score(prepareText('Where is the nearest ATM?')).label).toBe('neutral');
    expect(scorer.score(prepareText('Does anyone know when the shop opens on Sunday? ')).label).toBe('neutral');
    expect(scorer.score(prepareText('Why is the shop closed?')).label).toBe('negative'); // "why" complains
    expect(scorer.score(prepareText('Where is my parcel?')).label).toBe('negative'); // first person
    expect(scorer.score(prepareText('The shop was closed again. Where is the manager?')).label).toBe('negative'); // a story first
    expect(scorer.score(prepareText('Where is the awful manager?')).label).toBe('negative'); // an opinion word
    expect(scorer.score(prepareText('Where is the nearest ATM')).label).toBe('negative'); // no question mark
    const off = createModelScorer({ model: biased, extractor, neutral: { band: 0.1, opinionBand: 0 }, question: questionCuesFor('en') });
    expect(off.score(prepareText('Where is the nearest ATM?')).label).toBe('negative');
  });
  it('says neutral for an offer that sends its reader to the details, however sure the model is, and not for a customer', () => {
    // A biased model: positive 0.95 vs 0.05 everywhere (score 0.9): the offer rule has no band.
    const biased = loadLinearModel({ ...file, bias: [0, Math.log(19)] });
    const scorer = createModelScorer({
      model: biased,
      extractor,
      neutral: { band: 0.1, opinionBand: 0, offers: true },
      announcement: announcementCuesFor('en'),
    });
    expect(scorer.score(prepareText('New tariff plans from Monday, details on the website.')).label).toBe('neutral');
    expect(scorer.score(prepareText('New tariff plans from Monday')).label).toBe('positive'); // no pointer to details
    expect(scorer.score(prepareText('My new tariff plan, details on the website.')).label).toBe('positive'); // first person
    expect(scorer.score(prepareText('New tariff plans from Monday, details on the website!')).label).toBe('positive');
    expect(scorer.score(prepareText('Wonderful new tariff plans, details on the website.')).label).toBe('positive'); // an opinion word
    const off = createModelScorer({ model: biased, extractor, neutral: { band: 0.1, opinionBand: 0 }, announcement: announcementCuesFor('en') });
    expect(off.score(prepareText('New tariff plans from Monday, details on the website.')).label).toBe('positive');
  });
});
