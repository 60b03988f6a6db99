// Chooses a language's model settings (features, class weights, epochs) honestly, by nested
// cross-validation on shared/data/sentiment/dev/<lang>.jsonl: for each of 5 outer folds (seed 7,
// the benchmark's folds) every candidate in GRID is scored by 4-fold CV (seed 11) on the outer
// training part only, the best is trained there and scored on the outer test fold. The pooled
// outer scores estimate how well "pick the best of GRID" generalises; the final pick is the same
// inner procedure run on all the data. The analyzer is told the language (sentiment only).
// With --grid=reg the candidates are regularisation strength and the character n-gram range on top of the
// language's LANGUAGE_SETTINGS, and the language's shared train rows (trainingAdditions: trainData, trainWeight, trainBalance) are
// added to every training part, inner and outer, and never scored.
// With --grid=nb the candidates are naive Bayes weights, the same way; --grid=nbTrain counts it from the polar train rows.
// With --grid=neutral the candidates are weights of the neutral class (classBoost); with --grid=epochs, training epochs;
// with --grid=keep, how many feature buckets the model keeps.
// Run: npx tsx packages/nlp/scripts/select-settings.ts [lang] [--grid=reg|nb|nbTrain|neutral|epochs|keep]   (several minutes; et by default)

import { createAnalyzer } from '../src/analyzer.js';
import { classificationReport } from '../src/eval/metrics.js';
import { readLabeledFile, type LabeledExample } from '../src/eval/read-labeled.js';
import { sentimentDevFile } from '../src/eval/shared-dir.js';
import { stratifiedFolds } from '../src/eval/stratified-folds.js';
import { estonianStem } from '../src/sentiment/estonian-stem.js';
import { LANGUAGE_SETTINGS, type LanguageSettings } from '../src/sentiment/language-features.js';
import { trainingAdditions } from '../src/sentiment/training-set.js';
import { trainSentimentModel } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { options, positional } from './script-options.js';

const GRID: Record<string, LanguageSettings> = {
  base: {},
  stem: { stem: estonianStem },
  neutral13: { classBoost: { neutral: 1.3 } },
  epochs10: { epochs: 10 },
  neutral16Epochs10: { classBoost: { neutral: 1.6 }, epochs: 10 },
  binary: { binary: true },
  binaryStem: { binary: true, stem: estonianStem },
  binaryNeutral13: { binary: true, classBoost: { neutral: 1.3 } },
  binaryNeutral16Epochs10: { binary: true, classBoost: { neutral: 1.6 }, epochs: 10 },
  binaryNeutral20Epochs10: { binary: true, classBoost: { neutral: 2 }, epochs: 10 },
  binaryNeutral16Epochs5: { binary: true, classBoost: { neutral: 1.6 }, epochs: 5 },
  binaryStemNeutral16Epochs10: { binary: true, stem: estonianStem, classBoost: { neutral: 1.6 }, epochs: 10 },
};

// Regularisation and character n-gram range, for the languages with train rows (ROUNDS.md: issue 10, round 2).
const REG_GRID: Record<string, LanguageSettings> = {
  base: {},
  l2e5: { l2: 1e-5 },
  l2e4: { l2: 1e-4 },
  chars24: { ngrams: { min: 2, max: 4 } },
};

// How much of a naive Bayes model to multiply in (train-linear-model.ts nbWeight; ROUNDS.md: issue 10, round 5).
const NB_GRID: Record<string, LanguageSettings> = {
  base: {},
  nb01: { nbWeight: 0.1 },
  nb03: { nbWeight: 0.3 },
  nb1: { nbWeight: 1 },
};

// Naive Bayes counted from the polar train rows instead (nbData; for Kazakh, whose train rows hurt the regression).
const NB_TRAIN_GRID: Record<string, LanguageSettings> = {
  base: {},
  nbTrain01: { nbData: 'polar', nbWeight: 0.1 },
  nbTrain03: { nbData: 'polar', nbWeight: 0.3 },
};

// The neutral class's weight in the loss beyond class balance (classBoost; ROUNDS.md: issue 10, round 6).
const NEUTRAL_GRID: Record<string, LanguageSettings> = {
  base: {},
  neutral13: { classBoost: { neutral: 1.3 } },
  neutral16: { classBoost: { neutral: 1.6 } },
};

// Training epochs (AdaGrad passes over the rows; 20 by default; ROUNDS.md: issue 10, round 10).
const EPOCHS_GRID: Record<string, LanguageSettings> = {
  base: {},
  epochs30: { epochs: 30 },
  epochs40: { epochs: 40 },
};

// How many feature buckets the model keeps (keep; 30,000 by default; ROUNDS.md round 23).
const KEEP_GRID: Record<string, LanguageSettings> = {
  base: {},
  keep50k: { keep: 50_000 },
  keep70k: { keep: 70_000 },
  keep100k: { keep: 100_000 },
};

const lang = positional()[0] ?? 'et';
const grids = options('grid');
const nbTrainGrid = grids.includes('nbTrain');
const nbGrid = grids.includes('nb');
const neutralGrid = grids.includes('neutral');
const epochsGrid = grids.includes('epochs');
const keepGrid = grids.includes('keep');
const regGrid = grids.includes('reg') || nbGrid || nbTrainGrid || neutralGrid || epochsGrid || keepGrid;
// The default grid keeps the language's neutral rule (Kazakh's opinion band) and offers the Estonian stemmer to Estonian only.
const neutralRule = LANGUAGE_SETTINGS[lang]?.neutral;
const grid: Record<string, LanguageSettings> = regGrid
  ? Object.fromEntries(
      Object.entries(
        keepGrid ? KEEP_GRID : epochsGrid ? EPOCHS_GRID : neutralGrid ? NEUTRAL_GRID : nbTrainGrid ? NB_TRAIN_GRID : nbGrid ? NB_GRID : REG_GRID,
      ).map(([name, c]) => [name, { ...(LANGUAGE_SETTINGS[lang] ?? {}), ...c }]),
    )
  : Object.fromEntries(
      Object.entries(GRID)
        .filter(([, c]) => lang === 'et' || !c.stem)
        .map(([name, c]) => [name, neutralRule ? { ...c, neutral: neutralRule } : c]),
    );
const file = sentimentDevFile(process.env, lang);
if (!file) throw new Error(`no data for ${lang} (set EARSHOT_SHARED or put shared/ beside the repo)`);
const examples = readLabeledFile(file).examples.filter((e) => e.lang === lang);
const wink = lang === 'en' ? createWinkSentiment() : undefined;
const added = regGrid ? trainingAdditions({ env: process.env, lang }).added : [];
console.log(`${lang}: ${examples.length} dev rows, ${added.length} train rows added to every training part; candidates ${Object.keys(grid).join(', ')}`);

// The naive Bayes and prior rows of each candidate's nbData / priorData, read once.
const extraRows = new Map<string, Pick<ReturnType<typeof trainingAdditions>, 'nbExamples' | 'priorExamples'>>();
function predict(train: LabeledExample[], test: LabeledExample[], settings: LanguageSettings): { gold: string; predicted: string }[] {
  const key = `${settings.nbData ?? ''}/${settings.priorData ?? ''}`;
  let rows = extraRows.get(key);
  if (!rows) {
    const { nbExamples, priorExamples } = trainingAdditions({ env: process.env, lang, settings });
    extraRows.set(key, (rows = { nbExamples, priorExamples }));
  }
  const model = trainSentimentModel({ lang, examples: [...train, ...added], settings, ...(wink ? { wink } : {}), ...rows });
  const analyzer = createAnalyzer({ languages: [lang], models: { [lang]: model }, settings: { [lang]: settings } });
  return test.map((e) => ({ gold: e.label, predicted: analyzer.analyze(e.text, { langHint: lang }).sentiment.label }));
}

function crossValidate(data: LabeledExample[], settings: LanguageSettings, k: number, seed: number): number {
  const folds = stratifiedFolds(
    data.map((e) => e.label),
    k,
    seed,
  );
  const pairs = [];
  for (let f = 0; f < k; f++)
    pairs.push(
      ...predict(
        data.filter((_, i) => folds[i] !== f),
        data.filter((_, i) => folds[i] === f),
        settings,
      ),
    );
  return classificationReport(pairs).macroF1;
}

function pick(data: LabeledExample[]): [string, number][] {
  return Object.entries(grid)
    .map(([name, s]): [string, number] => [name, crossValidate(data, s, 4, 11)])
    .sort((a, b) => b[1] - a[1]);
}

const outer = stratifiedFolds(
  examples.map((e) => e.label),
  5,
  7,
);
const pooled = [];
for (let f = 0; f < 5; f++) {
  const train = examples.filter((_, i) => outer[i] !== f);
  const ranked = pick(train);
  console.log(`outer fold ${f}: ${ranked.map(([n, v]) => `${n} ${v.toFixed(3)}`).join(', ')}`);
  pooled.push(
    ...predict(
      train,
      examples.filter((_, i) => outer[i] === f),
      grid[ranked[0]![0]]!,
    ),
  );
}
const nested = classificationReport(pooled);
console.log(`nested CV estimate of the selection: macro-F1 ${nested.macroF1}, accuracy ${nested.accuracy}, f1 ${JSON.stringify(nested.f1)}`);
const final = pick(examples);
console.log(`final pick on all data: ${final.map(([n, v]) => `${n} ${v.toFixed(3)}`).join(', ')}`);
