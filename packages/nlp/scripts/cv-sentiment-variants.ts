// Compares sentiment feature and training variants side by side: for each language and variant
// (settings merged over LANGUAGE_SETTINGS), 5-fold stratified CV on shared/data/sentiment/dev with
// several fold seeds (7 is the benchmark's), the language's shared train rows added to every
// training fold and never scored; the whole analyzer scores (language not told, topics off).
// Prints macro-F1 per seed and the mean, and the mean difference to the first variant with the
// spread of the per-seed differences, so a gain can be told from the noise between fold splits.
// Run: npx tsx packages/nlp/scripts/cv-sentiment-variants.ts [lang …] [--seeds=7,11,13] [--only=name,…] (ROUNDS.md: issue 10, round 5)

import { readLabeledFile } from '../src/eval/read-labeled.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { LANGUAGE_SETTINGS, type LanguageSettings } from '../src/sentiment/language-features.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { fold } from '../src/text/fold.js';
import { DEFAULT_NEUTRAL_RULE } from '../src/sentiment/sentiment-scorer.js';
import { crossValidatedMacroF1 } from './sentiment-cv.js';
import { numberListOption, option, positional } from './script-options.js';

const VARIANTS: Record<string, LanguageSettings> = {
  shipped: {},
  noOffers: {},
  nb01: { nbWeight: 0.1 },
  nb03: { nbWeight: 0.3 },
  nb1: { nbWeight: 1 },
  nb2: { nbWeight: 2 },
  nb03a1: { nbWeight: 0.3, nbAlpha: 1 },
  noNb: { nbWeight: 0 },
  unpruned: { keep: 1 << 21 },
  keep15k: { keep: 15_000 },
  keep20k: { keep: 20_000 },
  keep40k: { keep: 40_000 },
  keep50k: { keep: 50_000 },
  keep60k: { keep: 60_000 },
  keep70k: { keep: 70_000 },
  keep80k: { keep: 80_000 },
  keep100k: { keep: 100_000 },
  keep120k: { keep: 120_000 },
  prior60k: { priorKeep: 60_000 },
  prior120k: { priorKeep: 120_000 },
  prior15k: { priorKeep: 15_000 },
  keep60kPrior60k: { keep: 60_000, priorKeep: 60_000 },
  keep60kNb03: { keep: 60_000, nbWeight: 0.3 },
  nbAlpha05: { nbAlpha: 0.5 },
  nbAlpha2: { nbAlpha: 2 },
  nbAlpha003: { nbAlpha: 0.03 },
  keep100kNb03: { keep: 100_000, nbWeight: 0.3 },
  noWink: { wink: false },
  devOnly: { trainData: undefined },
  devOnlyNb03: { trainData: undefined, nbWeight: 0.3 },
  devOnlyNb1: { trainData: undefined, nbWeight: 1 },
  polarNb03: { trainData: 'polar', nbWeight: 0.3 },
  nbTrainPolar01: { nbData: 'polar', nbWeight: 0.1 },
  nbTrainPolar03: { nbData: 'polar', nbWeight: 0.3 },
  nbTrainPolar1: { nbData: 'polar', nbWeight: 1 },
  nbTrainAll03: { nbData: 'all', nbWeight: 0.3 },
  positive13: { classBoost: { positive: 1.3 } },
  neutral08: { classBoost: { neutral: 0.8 } },
  neutral13: { classBoost: { neutral: 1.3 } },
  neutral16: { classBoost: { neutral: 1.6 } },
  l2e5: { l2: 1e-5 },
  l2e4: { l2: 1e-4 },
  chars24: { ngrams: { min: 2, max: 4 } },
  chars26: { ngrams: { min: 2, max: 6 } },
  chars34: { ngrams: { min: 3, max: 4 } },
  chars25: { ngrams: { min: 2, max: 5 } },
  chars36: { ngrams: { min: 3, max: 6 } },
  epochs10: { epochs: 10 },
  epochs20: { epochs: 20 },
  epochs30: { epochs: 30 },
  epochs40: { epochs: 40 },
  epochs60: { epochs: 60 },
  lr01: { learningRate: 0.1 },
  lr003e40: { learningRate: 0.03, epochs: 40 },
  e30neutral13: { epochs: 30, classBoost: { neutral: 1.3 } },
  e30positive13: { epochs: 30, classBoost: { positive: 1.3 } },
  e30chars26: { epochs: 30, ngrams: { min: 2, max: 6 } },
  links: { links: 'links' },
  linksHandles: { links: 'links-and-handles' },
  handles: { links: 'handles' },
  priorAll: { priorData: 'all' },
  priorPolar: { priorData: 'polar' },
  noPrior: { priorData: undefined },
  binary: { binary: true },
  heStem1: { stem: hebrewPrefixStem(1) },
  heStem3: { stem: hebrewPrefixStem(3) },
  kkStem: { stem: kazakhSuffixStem },
  // What Hebrew's neutral rules cost on its dev data, which has no neutral class (round 23).
  heNoNeutral: { neutral: { band: 0, opinionBand: 0 } },
  heNoTie: { neutral: { band: 0, opinionBand: 0.4, announcementBand: 0.9, questions: true } },
  heNoAnnouncement: { neutral: { band: 0.1, opinionBand: 0.4, announcementBand: 0, questions: true } },
  heAnnouncement07: { neutral: { band: 0.1, opinionBand: 0.4, announcementBand: 0.7, questions: true } },
  heAnnouncement101: { neutral: { band: 0.1, opinionBand: 0.4, announcementBand: 1.01, questions: true } },
  heNoQuestions: { neutral: { band: 0.1, opinionBand: 0.4, announcementBand: 0.9 } },
  heNoOpinion: { neutral: { band: 0.1, opinionBand: 0, announcementBand: 0.9, questions: true } },
};

/** A Hebrew word without up to `n` of its one-letter prefixes (ו ה ב ל מ ש כ), at least three letters kept. */
function hebrewPrefixStem(n: number): (w: string) => string {
  return (w) => {
    let i = 0;
    while (i < n && w.length - i > 3 && 'והבלמשכ'.includes(w[i]!)) i++;
    return i ? w.slice(i) : w;
  };
}

/**
 * A Kazakh word without its common case, plural and possessive endings, at least three letters kept.
 * The stem setting is given folded words (ң → н, ғ → г, қ → к, і → и …), so the endings are folded too.
 */
const KK_ENDINGS = [
  'лардың',
  'лердің',
  'дардың',
  'дердің',
  'тардың',
  'тердің',
  'ларға',
  'лерге',
  'ларда',
  'лерде',
  'лардан',
  'лерден',
  'ларды',
  'лерді',
  'лары',
  'лері',
  'дары',
  'дері',
  'тары',
  'тері',
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  'ның',
  'нің',
  'дың',
  'дің',
  'тың',
  'тің',
  'дан',
  'ден',
  'тан',
  'тен',
  'нан',
  'нен',
  'мен',
  'бен',
  'пен',
  'ға',
  'ге',
  'қа',
  'ке',
  'на',
  'не',
  'да',
  'де',
  'та',
  'те',
  'ды',
  'ді',
  'ты',
  'ті',
  'ны',
  'ні',
  'сы',
  'сі',
  'ым',
  'ім',
  'ың',
  'ің',
]
  .map(fold)
  .filter((end, i, all) => all.indexOf(end) === i)
  .sort((a, b) => b.length - a.length);
function kazakhSuffixStem(w: string): string {
  let s = w;
  for (let round = 0; round < 2; round++) {
    const e = KK_ENDINGS.find((end) => s.endsWith(end) && s.length - end.length >= 3);
    if (!e) break;
    s = s.slice(0, -e.length);
  }
  return s;
}

const langs = positional().length > 0 ? positional() : ['en', 'ru', 'kk', 'he', 'et'];
const seeds = numberListOption('seeds', [7, 11, 13]);
const only = option('only')?.split(',');
const variants = Object.entries(VARIANTS).filter(([name]) => !only || name === 'shipped' || only.includes(name));
const wink = createWinkSentiment();

for (const lang of langs) {
  const dev = readLabeledFile(sharedDataFile(process.env, 'sentiment/dev', lang)!).examples.filter((e) => e.lang === lang);
  const shipped = LANGUAGE_SETTINGS[lang] ?? {};
  const baseline: number[] = [];
  for (const [name, change] of variants) {
    const settings = { ...shipped, ...change };
    // noOffers: the language's own neutral rule without the offer rule (NeutralRule.offers; round 46).
    if (name === 'noOffers') settings.neutral = { ...(shipped.neutral ?? DEFAULT_NEUTRAL_RULE), offers: false };
    const started = performance.now();
    const scores = crossValidatedMacroF1({ lang, dev, settings, seeds, wink });
    if (baseline.length === 0) baseline.push(...scores);
    const diffs = scores.map((s, i) => s - baseline[i]!);
    console.log(
      `${lang} ${name.padEnd(20)} mean ${mean(scores).toFixed(4)} [${scores.map((s) => s.toFixed(3)).join(' ')}]  Δ ${mean(diffs) >= 0 ? '+' : ''}${mean(diffs).toFixed(4)} (min ${Math.min(...diffs).toFixed(3)}, max ${Math.max(...diffs).toFixed(3)})  ${Math.round((performance.now() - started) / 1000)} s`,
    );
  }
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
