// Measures, per language, whether adding shared/data/sentiment/train rows helps: 5-fold stratified
// cross-validation on dev (seed 7, the benchmark's folds), the train rows added to every training
// fold and never scored, each option beside dev alone: all rows, polar rows, rows from dev's own
// sources, and those at lower weights, and (suffix "=dev") subsampled to dev's class shares. The
// whole analyzer scores (language not told).
// Run: npx tsx packages/nlp/scripts/compare-train-data.ts [lang …] [--only=sameSources×0.1,all×1=dev]

import { createAnalyzer } from '../src/analyzer.js';
import { classificationReport } from '../src/eval/metrics.js';
import { readLabeledFile } from '../src/eval/read-labeled.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { stratifiedFolds } from '../src/eval/stratified-folds.js';
import { LANGUAGE_SETTINGS } from '../src/sentiment/language-features.js';
import { extraTrainingRows, type ExtraData } from '../src/sentiment/training-set.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { option, positional } from './script-options.js';

const only = option('only')?.split(',');
const langs = positional().length > 0 ? positional() : ['en', 'ru', 'kk', 'he'];
const OPTIONS: { extra: ExtraData | undefined; weight: number; balance?: 'dev' }[] = [
  { extra: undefined, weight: 1 },
  { extra: 'polar', weight: 1 },
  { extra: 'all', weight: 1 },
  { extra: 'sameSources', weight: 1 },
  { extra: 'all', weight: 0.3 },
  { extra: 'sameSources', weight: 0.3 },
  { extra: 'sameSources', weight: 0.1 },
  { extra: 'all', weight: 1, balance: 'dev' },
  { extra: 'all', weight: 0.3, balance: 'dev' },
  { extra: 'sameSources', weight: 1, balance: 'dev' },
];
const wink = createWinkSentiment();
// --only=all×0.5=dev also runs options that are not in OPTIONS.
const parsed = only?.map((o) => {
  const [head, balance] = o.split('=');
  const [extra, weight] = head!.split('×');
  return { extra: extra === 'none' ? undefined : (extra as ExtraData), weight: Number(weight ?? 1), ...(balance === 'dev' ? { balance: 'dev' as const } : {}) };
});
for (const lang of langs) {
  const dev = readLabeledFile(sharedDataFile(process.env, 'sentiment/dev', lang)!).examples.filter((e) => e.lang === lang);
  const folds = stratifiedFolds(
    dev.map((e) => e.label),
    5,
    7,
  );
  for (const { extra, weight, balance } of parsed ?? OPTIONS) {
    const name = `${extra ?? 'none'}×${weight}${balance ? `=${balance}` : ''}`;
    const added = extraTrainingRows({ env: process.env, lang, extra, weight, ...(balance ? { balance } : {}) });
    if (extra !== undefined && added.length === 0) continue;
    if (extra === 'all' && !balance && !added.some((e) => e.label === 'neutral')) continue;
    const { trainData: _ignored, trainWeight: _w, trainBalance: _b, ...settings } = LANGUAGE_SETTINGS[lang] ?? {};
    const started = performance.now();
    const pairs = [];
    for (let f = 0; f < 5; f++) {
      const model = trainSentimentModel({ lang, examples: [...dev.filter((_, i) => folds[i] !== f), ...added], wink, settings });
      const analyzer = createAnalyzer({ models: { [lang]: model }, topicModel: null });
      for (const e of dev.filter((_, i) => folds[i] === f)) pairs.push({ gold: e.label, predicted: analyzer.analyze(e.text).sentiment.label });
    }
    const r = classificationReport(pairs);
    console.log(
      `${lang} ${name} (+${added.length}): macro-F1 ${r.macroF1} accuracy ${r.accuracy} f1 ${JSON.stringify(r.f1)} ${Math.round((performance.now() - started) / 1000)} s`,
    );
  }
}
