import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzedPart, createAnalyzer, MAX_ANALYZED_CHARS } from './analyzer.js';
import { defaultModelsDir, readModelFile } from './sentiment/load-model-file.js';
import type { AnalyzeInput } from './types.js';

describe('createAnalyzer', () => {
  const analyzer = createAnalyzer();
  const cases: [text: string, lang: string, label: string][] = [
    ['I love this phone, the camera is amazing', 'en', 'positive'],
    ['Terrible service, I want my money back', 'en', 'negative'],
    ['Отличный банк, всё быстро и удобно', 'ru', 'positive'],
    ['Ужасный сервис, деньги так и не вернули', 'ru', 'negative'],
    ['Өте жақсы, маған ұнады', 'kk', 'positive'],
    ['Сапасы нашар, ұнамады', 'kk', 'negative'],
    ['תודה רבה, אתה נשיא מדהים', 'he', 'positive'],
    ['בושה וחרפה, תתבייש', 'he', 'negative'],
    ['Väga hea ja kiire teenindus, aitäh', 'et', 'positive'],
  ];
  it.each(cases)('%s → %s %s', (text, lang, label) => {
    const a = analyzer.analyze(text);
    expect(a.lang).toBe(lang);
    expect(a.sentiment.label).toBe(label);
    expect(a.sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(a.sentiment.score).toBeLessThanOrEqual(1);
  });

  it('reads Kazakh typed with a Latin i for і as Kazakh', () => {
    // Keyboards without і type the Latin letter; text/fold.ts reads such a word in Cyrillic.
    const typed = analyzer.analyze('Бiрiншi рет алдым, сапасы жақсы екен, бәрiне ұсынамын');
    const written = analyzer.analyze('Бірінші рет алдым, сапасы жақсы екен, бәріне ұсынамын');
    expect(typed.lang).toBe('kk');
    expect(typed.sentiment).toEqual(written.sentiment);
    expect(typed.topics).toEqual(written.topics);
  });

  it('uses the language hint when the text does not decide', () => {
    expect(analyzer.analyze('ok', { langHint: 'et' }).lang).toBe('et');
    expect(analyzer.analyze('המוצר הגיע שבור', { langHint: 'en' }).lang).toBe('he');
  });

  it('reads a hint given as a feed states it: with a region, as a locale, or by an older code', () => {
    // Short texts the cue words cannot place: the hint decides, whatever its form.
    expect(analyzer.analyze('ok', { langHint: 'et-EE' }).lang).toBe('et');
    expect(analyzer.analyze('ok', { langHint: 'et_EE' }).lang).toBe('et');
    // Cyrillic the cue words cannot place and the Russian-or-Kazakh classifier is unsure of.
    expect(analyzer.analyze('Нордтел тариф', { langHint: 'kk-KZ' }).lang).toBe('kk');
    expect(analyzer.analyze('ok', { langHint: 'x-default' }).lang).toBe(analyzer.analyze('ok').lang);
  });

  it('ignores a hint in another writing system: many feeds say en-US whatever they carry', () => {
    // Our own sentence, Russian the cue words are unsure of (confidence under the hint's 0.8).
    expect(analyzer.analyze('Связь пропала').langConfidence).toBeLessThan(0.8);
    expect(analyzer.analyze('Связь пропала', { langHint: 'en-US' }).lang).toBe('ru');
    expect(analyzer.analyze('ok', { langHint: 'ru-RU' }).lang).toBe(analyzer.analyze('ok').lang);
  });

  it('says a mention in a language it has no models for is that language, and judges nothing', () => {
    // Our own sentences: negative in German, Portuguese and Ukrainian; the English, Kazakh or Russian
    // model must not read them.
    for (const [text, lang] of [
      ['Der Kundenservice von Nordtel ist eine Katastrophe und die Rechnung ist falsch', 'de'],
      ['O atendimento da Nordtel é péssimo, não resolveram nada e a fatura veio errada', 'pt'],
      ['Nordtel досі не повернув мені гроші, це дуже погано', 'uk'],
    ] as const) {
      expect(analyzer.analyze(text)).toMatchObject({ lang, sentiment: { label: 'neutral', score: 0 }, topics: [] });
    }
    // A German feed's hint decides a text the cue words cannot place; a clear English text keeps English.
    expect(analyzer.analyze('Nordtel Tarif 5G', { langHint: 'de-DE' }).lang).toBe('de');
    expect(analyzer.analyze('The Nordtel app keeps crashing and support never answers', { langHint: 'de' }).lang).toBe('en');
  });

  it('refuses a models directory that does not exist, naming it, instead of running on lexicons alone', () => {
    const missing = join(tmpdir(), `earshot-no-models-${process.pid}`);
    expect(() => createAnalyzer({ modelsDir: missing })).toThrow(`models directory ${missing} does not exist`);
    // Every model given in memory: the directory is never read, so its absence is no error.
    expect(() =>
      createAnalyzer({ modelsDir: missing, languages: ['et'], models: { et: readModelFile(defaultModelsDir(), 'et')! }, topicModel: null, cyrillic: null }),
    ).not.toThrow();
  });

  it('answers und and neutral for text it cannot read', () => {
    const a = analyzer.analyze('12345');
    expect(a).toMatchObject({ lang: 'und', sentiment: { label: 'neutral', score: 0 }, topics: [] });
  });

  it('a warning to others is negative', () => {
    expect(analyzer.analyze('Ärge ostke seda').sentiment.label).toBe('negative');
  });

  it('a warning keeps a complaint negative although it names a time like an announcement', () => {
    // Our own sentence (the demo's): "three hours" and no first person made the announcement rule
    // call it neutral at score -0.48; the warning "don't buy" decides the label.
    const a = analyzer.analyze("Nordtel internet has been down for three hours and support just hangs up. Don't buy Nordtel.");
    expect(a.signals.warning).toBe(true);
    expect(a.sentiment.label).toBe('negative');
    expect(a.sentiment.score).toBeLessThanOrEqual(-0.3);
  });

  // Our own feed items (title, then text, as the enricher joins them). Each reads as a feed item to the
  // feed-item classifier and took a side the model was unsure of; the rule makes it neutral
  // (sentiment/feed-item-neutral.ts). A customer's complaint stays negative.
  const unsureSides = [
    'City council approves new budget for the harbour district\nThe plan, which passed by seven votes to four, funds two new bridges and a ferry terminal.',
    'Photos of the week: lanterns, marathons and a very large pumpkin\nOur picture editors bring you a selection of images from around the world.',
  ];
  it.each(unsureSides)('reads a feed item that takes no side as neutral: %j', (text) => {
    expect(analyzer.analyze(text).sentiment.label).toBe('neutral');
    expect(createAnalyzer({ feedItemNeutral: false }).analyze(text).sentiment.label).not.toBe('neutral');
  });

  // Before round 17's naive Bayes part the English model took a side on the sports report (-0.39),
  // before round 31's longer word lists on the blog post, and the feed-item rule made them neutral;
  // now the model itself calls them neutral.
  it.each([
    'Chess club results: round five\nThe home team drew three games and lost one against the visitors from the north.',
    'Testing with a new framework: a short guide\nIn this post we walk through writing your first tests and running them on every commit.',
  ])('reads a report that takes no side as neutral: %j', (text) => {
    expect(analyzer.analyze(text).sentiment.label).toBe('neutral');
    expect(createAnalyzer({ feedItemNeutral: false }).analyze(text).sentiment.label).toBe('neutral');
  });

  it("keeps a customer's complaint negative", () => {
    expect(analyzer.analyze('The courier was late again and nobody answered my calls.').sentiment.label).toBe('negative');
    expect(analyzer.analyze('Worst update ever, the app crashes every time I open it').sentiment.label).toBe('negative');
  });

  it('analyzes a batch of mixed languages as it analyzes each text, in the order given', () => {
    const inputs: AnalyzeInput[] = [
      ...cases.map(([text]) => ({ text })),
      { text: 'ok', langHint: 'et' },
      { text: 'המוצר הגיע שבור', langHint: 'en' },
      { text: '12345' },
      { text: "Nordtel internet has been down for three hours and support just hangs up. Don't buy Nordtel." },
    ].reverse();
    const batch = analyzer.analyzeBatch(inputs);
    expect(batch).toEqual(inputs.map(({ text, langHint }) => analyzer.analyze(text, langHint ? { langHint } : {})));
    expect(batch.map((a) => a.lang)).toEqual(['en', 'und', 'he', 'et', ...cases.map(([, lang]) => lang).reverse()]);
    expect(analyzer.analyzeBatch([])).toEqual([]);
  });

  // A mention carrying a blob (a pasted image, a tracking link, a word repeated without spaces) once
  // held its partition for minutes to hours: wink-nlp's tokenizer and our noise pattern's e-mail
  // part backtracked over the run from each of its positions (text/long-runs.ts). Of the million
  // characters the analyzer reads the first 100,000, which took 1 s (tags) to ~45 s (letters and
  // digits) before and take ~0.1 s now; the timeout catches a return of the slowest.
  it.each([
    ['letters and digits (wink-nlp)', 'a1', 'en'],
    ['tags (the noise spans)', '#a', 'en'],
    ['at signs (the e-mail pattern)', 'a@', 'en'],
    ['placeholders', '{link}', 'ru'],
  ])(
    'analyzes a mention with a run of a million %s without a space',
    (_, unit, lang) => {
      const opening = lang === 'ru' ? 'Ужасный сервис, деньги так и не вернули.' : 'Terrible service, I want my money back.';
      const a = analyzer.analyze(`${opening} ${unit.repeat(1_000_000 / unit.length)}`);
      expect(a.lang).toBe(lang);
      expect(a.sentiment.label).toBe('negative');
    },
    30_000,
  );

  it('judges a mention by its first MAX_ANALYZED_CHARS characters, in a batch too', () => {
    const opening = 'Terrible service, I want my money back. ';
    const long = opening + 'Great, I love it! '.repeat(MAX_ANALYZED_CHARS / 10);
    const read = long.slice(0, MAX_ANALYZED_CHARS);
    expect(analyzer.analyze(long)).toEqual({ ...analyzer.analyze(read), readChars: MAX_ANALYZED_CHARS });
    expect(analyzer.analyzeBatch([{ text: long }, { text: read }])).toEqual([
      { ...analyzer.analyze(read), readChars: MAX_ANALYZED_CHARS },
      analyzer.analyze(read),
    ]);
    expect(analyzer.analyze(read).readChars).toBeUndefined(); // all of it was read
    // No surrogate pair is cut in two.
    const emoji = `${'a'.repeat(MAX_ANALYZED_CHARS - 1)}😡 bad`;
    expect(analyzedPart(emoji)).toBe('a'.repeat(MAX_ANALYZED_CHARS - 1));
    expect(analyzedPart(opening)).toBe(opening);
  });

  it('asks the Russian-or-Kazakh classifier where the cue words are unsure, over a hint only when it is sure', () => {
    // Our own sentences: Kazakh typed without its own letters and with no cue word ("the app won't
    // update"), which the cue words alone guess is Russian; and a Russian one they are unsure of.
    // ("Колданба ашылмай тур", "won't open", served here until round 31: the Kazakh word list's
    // "ашылмай" now tells the cue words it is Kazakh.)
    const cuesOnly = createAnalyzer({ cyrillic: null, topicModel: null });
    expect(cuesOnly.analyze('Колданба жанартылмай тур').lang).toBe('ru');
    expect(analyzer.analyze('Колданба жанартылмай тур')).toMatchObject({ lang: 'kk' });
    expect(analyzer.analyze('Колданба жанартылмай тур').langConfidence).toBeLessThan(0.8);
    expect(analyzer.analyze('Банк приложение тормозит').lang).toBe('ru');
    // Kazakh sites often say ru, and a Russian text may come with kk: a sure classifier overrules the hint.
    expect(analyzer.analyze('Колданба жанартылмай тур', { langHint: 'ru' }).lang).toBe('kk');
    expect(analyzer.analyze('Банк приложение тормозит', { langHint: 'kk-KZ' }).lang).toBe('ru');
    expect(analyzer.analyze('Связь пропала', { langHint: 'kk' }).lang).toBe('ru');
    // A brand name and a word both languages use: the classifier is unsure (0.46), the hint decides.
    expect(analyzer.analyze('Нордтел тариф', { langHint: 'kk' }).lang).toBe('kk');
    expect(analyzer.analyze('Нордтел тариф', { langHint: 'ru' }).lang).toBe('ru');
  });
});
