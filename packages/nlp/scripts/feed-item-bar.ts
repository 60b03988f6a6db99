// How sure the feed-item classifier (src/topics/feed-items.ts) must be before the tagger withholds
// topics (decide-topics.ts FEED_ITEM_BAR), chosen on the classifier's own training texts only: 5-fold
// out-of-fold probabilities of its customer texts (sentiment rows that are not topic texts) and of the
// feed items (whole feeds held out). The bar is the lowest at which no customer source has more than
// 1% of its texts read as feed items; the topic texts and the feed items' topic labels play no part.
// Run: npx tsx packages/nlp/scripts/feed-item-bar.ts
import { readLabeledFile } from '../src/eval/read-labeled.js';
import { readTopicFile } from '../src/eval/read-topics.js';
import { readFeedTopicExamples } from '../src/eval/feed-topics.js';
import { feedFolds } from '../src/eval/feed-topic-cv.js';
import { sharedDataFile } from '../src/eval/shared-dir.js';
import { createLanguageFeatures, HASH_BITS } from '../src/sentiment/language-features.js';
import { loadLinearModel } from '../src/sentiment/linear-model.js';
import { trainLinearModel } from '../src/sentiment/train-linear-model.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { FEED_ITEM_CLASSES, FEED_ITEM_LANGUAGES, FEED_ITEM_MAX_FEATURES } from '../src/topics/feed-items.js';

const K = 5;
const BARS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
const wink = createWinkSentiment();
for (const lang of FEED_ITEM_LANGUAGES) {
  const { extractor, denseCount } = createLanguageFeatures({ lang, wink });
  const topicFile = sharedDataFile(process.env, 'topics/dev', lang);
  const exclude = new Set(topicFile ? readTopicFile(topicFile).examples.map((e) => e.text) : []);
  const customer = (['sentiment/dev', 'sentiment/train'] as const).flatMap((set) => {
    const path = sharedDataFile(process.env, set, lang);
    return path ? readLabeledFile(path).examples.flatMap((r) => (exclude.has(r.text) ? [] : [{ x: extractor.extract(r.text), source: r.source ?? set }])) : [];
  });
  const feeds = readFeedTopicExamples(process.env).filter((f) => f.lang === lang);
  const feedX = feeds.map((f) => extractor.extract(f.text));
  const feedFold = feedFolds(feeds, K);
  const customerP = new Array<number>(customer.length).fill(0);
  const feedP = new Array<number>(feeds.length).fill(0);
  const p = new Float64Array(2);
  for (let f = 0; f < K; f++) {
    const examples = [
      ...customer.flatMap((c, i) => (i % K !== f ? [{ x: c.x, label: 'customer' }] : [])),
      ...feedX.flatMap((x, i) => (feedFold[i] !== f ? [{ x, label: 'feed' }] : [])),
    ];
    const model = loadLinearModel(
      trainLinearModel<string>({ lang, examples, classOrder: FEED_ITEM_CLASSES, hashBits: HASH_BITS, denseCount, maxFeatures: FEED_ITEM_MAX_FEATURES }),
    );
    customer.forEach((c, i) => {
      if (i % K !== f) return;
      model.predictInto(c.x, c.x.indices.length, p);
      customerP[i] = p[1]!;
    });
    feedX.forEach((x, i) => {
      if (feedFold[i] !== f) return;
      model.predictInto(x, x.indices.length, p);
      feedP[i] = p[1]!;
    });
  }
  const sources = [...new Set(customer.map((c) => c.source))];
  let chosen: number | undefined;
  console.log(`${lang}: ${customer.length} customer texts, ${feeds.length} feed items; texts read as feed items out-of-fold, by bar`);
  for (const bar of BARS) {
    const shares = sources.map((s) => {
      const own = customer.flatMap((c, i) => (c.source === s ? [customerP[i]!] : []));
      return { s, read: own.filter((v) => v >= bar).length, n: own.length };
    });
    const worst = Math.max(...shares.map((x) => x.read / x.n));
    if (chosen === undefined && worst <= 0.01) chosen = bar;
    console.log(
      `  ${bar.toFixed(2)}: feed items ${feedP.filter((v) => v >= bar).length}/${feeds.length}; customer ${shares.map((x) => `${x.s.split(':').pop()} ${x.read}/${x.n}`).join(', ')}`,
    );
  }
  console.log(`  lowest bar with no customer source above 1%: ${chosen ?? 'none'}`);
}
