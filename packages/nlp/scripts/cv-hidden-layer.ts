// Does a hidden layer learn sentiment better than the linear model, over the same features? For each
// language: 5-fold stratified CV on shared/data/sentiment/dev (the language's shared train rows added
// to every training fold, never scored), the language's feature extractor without a prior model,
// and three learners on the same rows: the linear model with the language's settings
// (trainLinearModel, pruned as shipped), a network with one ReLU hidden layer over the hashed features
// (trained here, AdaGrad, classes balanced), and the mean of the two's probabilities. Scores are the
// models' own argmax (no neutral rules), macro-F1 over the labels dev uses.
// The network's first layer starts at zero (--init=s: drawn at random with that spread).
// Run: npx tsx packages/nlp/scripts/cv-hidden-layer.ts [lang …] [--seeds=7,11] [--hidden=32] [--epochs=8] [--lr=0.05] [--dropout=0] [--init=0]
// (ROUNDS.md: issue 10, round 30: the network lost in every language; not adopted)

import { classificationReport } from '../src/eval/metrics.js';
import { readLabeledFile } from '../src/eval/read-labeled.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { stratifiedFolds } from '../src/eval/stratified-folds.js';
import type { SparseVector } from '../src/sentiment/extract-features.js';
import { createLanguageFeatures, HASH_BITS, LANGUAGE_SETTINGS } from '../src/sentiment/language-features.js';
import { loadLinearModel } from '../src/sentiment/linear-model.js';
import { mulberry32, shuffle, trainLinearModel } from '../src/sentiment/train-linear-model.js';
import { trainingAdditions } from '../src/sentiment/training-set.js';
import { trainHyperparameters } from '../src/sentiment/train-sentiment-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import type { SentimentLabel } from '../src/types.js';
import { numberListOption, numberOption, positional } from './script-options.js';

const langs = positional().length > 0 ? positional() : ['en', 'ru', 'kk', 'he', 'et'];
const seeds = numberListOption('seeds', [7, 11]);
const hidden = numberOption('hidden', 32);
const epochs = numberOption('epochs', 8);
const learningRate = numberOption('lr', 0.05);
const dropout = numberOption('dropout', 0);
// Random first-layer weights give features never trained on (those only a scored text has) random effects.
const initScale = numberOption('init', 0);
const wink = createWinkSentiment();
const LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];

interface Row {
  x: SparseVector;
  label: SentimentLabel;
  weight?: number;
}

for (const lang of langs) {
  const settings = LANGUAGE_SETTINGS[lang] ?? {};
  const { extractor, denseCount } = createLanguageFeatures({ lang, settings, wink });
  const dev = readLabeledFile(sharedDataFile(process.env, 'sentiment/dev', lang)!).examples.filter((e) => e.lang === lang);
  const { added, nbExamples } = trainingAdditions({ env: process.env, lang, settings });
  const devRows: Row[] = dev.map((e) => ({ x: extractor.extract(e.text), label: e.label }));
  const addedRows: Row[] = added.map((e) => ({ x: extractor.extract(e.text), label: e.label, ...(e.weight !== undefined ? { weight: e.weight } : {}) }));
  const nbRows = nbExamples?.map((e) => ({ x: extractor.extract(e.text), label: e.label }));
  const size = (1 << HASH_BITS) + denseCount;
  const sums = { linear: [] as number[], hidden: [] as number[], mean: [] as number[] };
  for (const seed of seeds) {
    const folds = stratifiedFolds(
      dev.map((e) => e.label),
      5,
      seed,
    );
    const pairs = { linear: [] as Pair[], hidden: [] as Pair[], mean: [] as Pair[] };
    for (let f = 0; f < 5; f++) {
      const train = [...devRows.filter((_, i) => folds[i] !== f), ...addedRows];
      const linear = loadLinearModel(
        trainLinearModel({
          lang,
          examples: train,
          hashBits: HASH_BITS,
          denseCount,
          seed: 42,
          ...trainHyperparameters(settings),
          ...(nbRows ? { nbExamples: nbRows } : {}),
        }),
      );
      const net = trainNetwork(train, size, 42, settings.classBoost ?? {});
      devRows.forEach((row, i) => {
        if (folds[i] !== f) return;
        const pl = linear.predict(row.x);
        const pn = net.predict(row.x);
        const lp = Object.fromEntries(linear.classes.map((c, j) => [c, pl[j]!]));
        const np = Object.fromEntries(net.classes.map((c, j) => [c, pn[j]!]));
        const argmax = (p: Record<string, number>): string => Object.entries(p).sort((a, b) => b[1] - a[1])[0]![0];
        const mp = Object.fromEntries(net.classes.map((c) => [c, ((lp[c] ?? 0) + (np[c] ?? 0)) / 2]));
        pairs.linear.push({ gold: row.label, predicted: argmax(lp) });
        pairs.hidden.push({ gold: row.label, predicted: argmax(np) });
        pairs.mean.push({ gold: row.label, predicted: argmax(mp) });
      });
    }
    const line = Object.entries(pairs).map(([name, p]) => {
      const f1 = classificationReport(p).macroF1;
      sums[name as keyof typeof sums].push(f1);
      return `${name} ${f1.toFixed(4)}`;
    });
    console.log(`${lang} seed ${seed}: ${line.join('  ')}`);
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `${lang} mean: linear ${mean(sums.linear).toFixed(4)}  hidden ${mean(sums.hidden).toFixed(4)} (Δ ${(mean(sums.hidden) - mean(sums.linear)).toFixed(4)})  mean ${mean(sums.mean).toFixed(4)} (Δ ${(mean(sums.mean) - mean(sums.linear)).toFixed(4)})`,
  );
}

type Pair = { gold: string; predicted: string };

/** One ReLU hidden layer over the sparse features, softmax out, classes balanced, AdaGrad. */
function trainNetwork(
  rows: Row[],
  size: number,
  seed: number,
  boost: Partial<Record<SentimentLabel, number>>,
): { classes: SentimentLabel[]; predict(x: SparseVector): number[] } {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + (r.weight ?? 1));
  const classes = LABELS.filter((l) => counts.has(l));
  const k = classes.length;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const classWeight = classes.map((c) => (total / (k * counts.get(c)!)) * (boost[c] ?? 1));
  const h = hidden;
  const rand = mulberry32(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const w1 = new Float32Array(size * h);
  if (initScale > 0) for (let i = 0; i < w1.length; i++) w1[i] = gauss() * initScale;
  const g1 = new Float32Array(size * h);
  // From zero first weights, a small positive bias keeps every unit active, and the random second
  // layer gives each unit its own gradient, so the units still learn apart.
  const b1 = new Float64Array(h).fill(initScale > 0 ? 0 : 0.1);
  const gb1 = new Float64Array(h);
  const w2 = new Float64Array(h * k);
  for (let i = 0; i < w2.length; i++) w2[i] = gauss() / Math.sqrt(h);
  const g2 = new Float64Array(h * k);
  const b2 = new Float64Array(k);
  const gb2 = new Float64Array(k);
  const pre = new Float64Array(h);
  const act = new Float64Array(h);
  const mask = new Float64Array(h);
  const z = new Float64Array(k);
  const dh = new Float64Array(h);
  const forward = (x: SparseVector, train: boolean): void => {
    pre.set(b1);
    for (let i = 0; i < x.indices.length; i++) {
      const base = x.indices[i]! * h;
      const v = x.values[i]!;
      for (let j = 0; j < h; j++) pre[j]! += w1[base + j]! * v;
    }
    for (let j = 0; j < h; j++) {
      mask[j] = train && dropout > 0 ? (rand() < dropout ? 0 : 1 / (1 - dropout)) : 1;
      act[j] = pre[j]! > 0 ? pre[j]! * mask[j]! : 0;
    }
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      let s = b2[c]!;
      for (let j = 0; j < h; j++) s += w2[j * k + c]! * act[j]!;
      z[c] = s;
      max = Math.max(max, s);
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c]! - max);
    for (let c = 0; c < k; c++) z[c]! /= sum;
  };
  const order = rows.map((_, i) => i);
  const lr = learningRate;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, rand);
    for (const idx of order) {
      const { x, label, weight } = rows[idx]!;
      forward(x, true);
      const y = classes.indexOf(label);
      const cw = classWeight[y]! * (weight ?? 1);
      dh.fill(0);
      for (let c = 0; c < k; c++) {
        const g = cw * (z[c]! - (c === y ? 1 : 0));
        gb2[c]! += g * g;
        b2[c]! -= (lr * g) / Math.sqrt(gb2[c]! + 1e-8);
        for (let j = 0; j < h; j++) {
          if (act[j] === 0) continue;
          dh[j]! += w2[j * k + c]! * g;
          const gw = g * act[j]!;
          g2[j * k + c]! += gw * gw;
          w2[j * k + c]! -= (lr * gw) / Math.sqrt(g2[j * k + c]! + 1e-8);
        }
      }
      for (let j = 0; j < h; j++) {
        if (act[j] === 0) {
          dh[j] = 0;
          continue;
        }
        dh[j]! *= mask[j]!;
        gb1[j]! += dh[j]! * dh[j]!;
        b1[j]! -= (lr * dh[j]!) / Math.sqrt(gb1[j]! + 1e-8);
      }
      for (let i = 0; i < x.indices.length; i++) {
        const base = x.indices[i]! * h;
        const v = x.values[i]!;
        for (let j = 0; j < h; j++) {
          const d = dh[j]!;
          if (d === 0) continue;
          const g = d * v;
          g1[base + j]! += g * g;
          w1[base + j]! -= (lr * g) / Math.sqrt(g1[base + j]! + 1e-8);
        }
      }
    }
  }
  return {
    classes,
    predict(x) {
      forward(x, false);
      return Array.from(z);
    },
  };
}
