// Does a three-class model find its neutral texts better by its score than by its most likely class?
// A neutral zone reads the score (P(positive) − P(negative)): negative at or below `lo`, positive at or
// above `hi`, neutral between. Measured by nested cross-validation: in each outer fold, an inner 5-fold
// CV over the training part gives every training text an out-of-fold score; the zone with the best
// macro-F1 there is applied to the outer model's scores on the held-out fold. Both columns apply the
// language's no-opinion-words band after (sentiment-scorer.ts); the question and announcement rules are
// left out of both. Last, the zone chosen on all out-of-fold scores of each seed: what would ship.
// Run: npx tsx packages/nlp/scripts/measure-neutral-zone.ts [lang …] [--seeds=7,11,13] (ROUNDS.md: issue 10, round 34)

import { classificationReport } from '../src/eval/metrics.js';
import { stratifiedFolds } from '../src/eval/stratified-folds.js';
import { LANGUAGE_SETTINGS } from '../src/sentiment/language-features.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { outOfFoldScores, readDev, type ScoredText } from './out-of-fold-scores.js';
import { numberListOption, positional } from './script-options.js';

type Zone = readonly [lo: number, hi: number];

const langs = positional();
const seeds = numberListOption('seeds', [7, 11, 13]);
const wink = createWinkSentiment();
const STEPS = Array.from({ length: 20 }, (_, i) => i * 0.05);
const ZONES: Zone[] = STEPS.flatMap((lo) => STEPS.map((hi): Zone => [-lo, hi]));

for (const lang of langs.length > 0 ? langs : ['ru', 'kk', 'et']) {
  const dev = readDev(lang);
  const opinionBand = LANGUAGE_SETTINGS[lang]?.neutral?.opinionBand ?? 0;
  const label = (s: ScoredText, zone?: Zone): string => {
    if (s.positive === 0 && s.negative === 0 && Math.abs(s.score) < opinionBand) return 'neutral';
    if (!zone) return s.label;
    return s.score <= zone[0] ? 'negative' : s.score >= zone[1] ? 'positive' : 'neutral';
  };
  const macroF1 = (rows: readonly ScoredText[], zone?: Zone): number =>
    classificationReport(rows.map((s) => ({ gold: s.gold, predicted: label(s, zone) }))).macroF1;
  const bestZone = (rows: readonly ScoredText[]): Zone => {
    let best: { zone: Zone; f1: number } = { zone: [0, 0], f1: -1 };
    for (const zone of ZONES) {
      const f1 = macroF1(rows, zone);
      if (f1 > best.f1) best = { zone, f1 };
    }
    return best.zone;
  };
  const chosenOnAll: ScoredText[] = [];
  for (const seed of seeds) {
    const started = Date.now();
    const folds = stratifiedFolds(
      dev.map((e) => e.label),
      5,
      seed,
    );
    const zones = [0, 1, 2, 3, 4].map((f) =>
      bestZone(
        outOfFoldScores(
          lang,
          dev.filter((_, i) => folds[i] !== f),
          wink,
          seed + 1000,
        ),
      ),
    );
    // outOfFoldScores gives the folds' texts fold by fold, as `folds` numbers them.
    const outer = outOfFoldScores(lang, dev, wink, seed);
    const foldOf = [0, 1, 2, 3, 4].flatMap((f) => folds.filter((g) => g === f));
    const zoned = outer.map((s, k) => label(s, zones[foldOf[k]!]));
    const picks = zones.map((zone) => `${zone[0].toFixed(2)}…${zone[1].toFixed(2)}`);
    chosenOnAll.push(...outer);
    const nested = classificationReport(outer.map((s, i) => ({ gold: s.gold, predicted: zoned[i]! })));
    console.log(
      `${lang} seed ${seed}: most likely class ${macroF1(outer).toFixed(4)}, neutral zone (nested) ${nested.macroF1.toFixed(4)}; zones ${picks.join(', ')}; ${Math.round((Date.now() - started) / 1000)} s`,
    );
  }
  const zone = bestZone(chosenOnAll);
  console.log(`${lang}: the zone chosen on every seed's out-of-fold scores: ${zone[0].toFixed(2)}…${zone[1].toFixed(2)}`);
}
