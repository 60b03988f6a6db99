// Sentiment on real feed items (eval/feed-sentiment.ts, our labels), and the feed-item neutral rule
// (sentiment/feed-item-neutral.ts): an English mention the feed-item classifier reads as a feed item,
// at the tagger's own bar, is neutral unless the sentiment model is surer than a band. Each item's
// feed-item probability comes from a classifier that never saw its feed; the band is chosen by nested
// cross-validation over whole feeds (chosen on four fifths of the feeds, scored on the fifth). What
// the rule costs the customer texts: the English sentiment dev texts the classifier reads as feed
// items out of fold, with their out-of-fold sentiment scores.
// --bars=0.5,0.6,…: the rule's own bar chosen with the band by the same nested CV, and what each bar
// costs the English dev texts (measured, not adopted).
// Run: npx tsx packages/nlp/scripts/feed-sentiment.ts [--bars=0.5,0.6,0.65,0.7,0.75] (ROUNDS.md: issue 10, round 14)

import { classificationReport } from '../src/eval/metrics.js';
import { feedItemLabel, scoreFeedItems } from '../src/eval/feed-sentiment.js';
import { feedFolds } from '../src/eval/feed-topic-cv.js';
import { FEED_ITEM_BAR } from '../src/topics/decide-topics.js';
import { FEED_ITEM_NEUTRAL_BAND } from '../src/sentiment/feed-item-neutral.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { outOfFoldScores, readDev } from './out-of-fold-scores.js';
import { option } from './script-options.js';

const BANDS = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01];
const env = process.env;
const wink = createWinkSentiment();
const scored = scoreFeedItems(env, wink);
const { items } = scored;
const all = items.map((_, i) => i);
const report = (band: number, rows: number[]) => classificationReport(rows.map((i) => ({ gold: items[i]!.label, predicted: feedItemLabel(scored, i, band) })));

console.log(
  `${items.length} feed items: gold ${count(items.map((e) => e.label))}; read as feed items (out of fold, ≥ ${FEED_ITEM_BAR}): ${scored.probability.filter((p) => p >= FEED_ITEM_BAR).length}`,
);
for (const band of BANDS) {
  const r = report(band, all);
  const labels = all.map((i) => feedItemLabel(scored, i, band));
  const changed = all.filter((i) => labels[i] !== scored.sentiment[i]!.label).length;
  console.log(
    `  band ${band.toFixed(2)}: macro-F1 ${r.macroF1.toFixed(3)}, accuracy ${r.accuracy.toFixed(3)}, predicted ${count(labels)}, ${changed} made neutral`,
  );
}

// Nested: the band chosen on the other feeds' items.
const fold = feedFolds(items, 5);
const chosen = new Array<number>(items.length).fill(0);
for (let f = 0; f < 5; f++) {
  const train = all.filter((i) => fold[i] !== f);
  const best = BANDS.reduce((b, band) => (report(band, train).macroF1 > report(b, train).macroF1 ? band : b), BANDS[0]!);
  console.log(`  fold ${f}: band ${best} chosen on ${train.length} items of the other feeds`);
  for (const i of all) if (fold[i] === f) chosen[i] = best;
}
const nested = classificationReport(all.map((i) => ({ gold: items[i]!.label, predicted: feedItemLabel(scored, i, chosen[i]!) })));
const before = report(0, all);
console.log(
  `nested by feed: macro-F1 ${before.macroF1.toFixed(3)} → ${nested.macroF1.toFixed(3)}; F1 ${JSON.stringify(before.f1)} → ${JSON.stringify(nested.f1)}`,
);
console.log(`  confusion before ${JSON.stringify(before.confusion)}\n  after ${JSON.stringify(nested.confusion)}`);

// The cost on customer texts: English dev texts read as feed items out of fold, scored out of fold.
const devP = scored.customer;
const dev = outOfFoldScores('en', readDev('en'), wink);
const flagged = dev.filter((s) => (devP.get(s.text) ?? 0) >= FEED_ITEM_BAR);
console.log(`English sentiment dev: ${flagged.length} of ${dev.length} texts read as feed items out of fold`);
for (const band of BANDS.slice(1)) {
  const turned = flagged.filter((s) => s.label !== 'neutral' && Math.abs(s.score) < band);
  console.log(`  band ${band.toFixed(2)}: ${turned.length} made neutral, ${turned.filter((s) => s.label === s.gold).length} of them right before`);
}

const bars = option('bars')?.split(',').map(Number);
if (bars) {
  const joint = new Array<string>(items.length);
  for (let f = 0; f < 5; f++) {
    const train = all.filter((i) => fold[i] !== f);
    let best = { bar: FEED_ITEM_BAR, band: 0, f1: -1 };
    for (const bar of bars)
      for (const band of BANDS) {
        const f1 = classificationReport(train.map((i) => ({ gold: items[i]!.label, predicted: feedItemLabel(scored, i, band, bar) }))).macroF1;
        if (f1 > best.f1) best = { bar, band, f1 };
      }
    console.log(`  fold ${f}: bar ${best.bar}, band ${best.band}`);
    for (const i of all) if (fold[i] === f) joint[i] = feedItemLabel(scored, i, best.band, best.bar);
  }
  console.log(
    `bar and band nested by feed: macro-F1 ${classificationReport(all.map((i) => ({ gold: items[i]!.label, predicted: joint[i]! }))).macroF1.toFixed(3)}`,
  );
  for (const bar of bars) {
    const turned = dev.filter((s) => (devP.get(s.text) ?? 0) >= bar && s.label !== 'neutral' && Math.abs(s.score) < FEED_ITEM_NEUTRAL_BAND);
    console.log(
      `  English dev at bar ${bar}, band ${FEED_ITEM_NEUTRAL_BAND}: ${turned.length} made neutral, ${turned.filter((s) => s.label === s.gold).length} of them right before`,
    );
  }
}

function count(labels: string[]): string {
  const c: Record<string, number> = {};
  for (const l of labels) c[l] = (c[l] ?? 0) + 1;
  return Object.entries(c)
    .map(([l, n]) => `${l} ${n}`)
    .join(', ');
}
