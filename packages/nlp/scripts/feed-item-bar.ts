// How sure the feed-item classifier (src/topics/feed-items.ts) must be before the tagger withholds
// topics (decide-topics.ts FEED_ITEM_BAR), chosen on the classifier's own training texts only: 5-fold
// out-of-fold probabilities of its customer texts (sentiment rows that are not topic texts) and of the
// feed items (whole feeds held out). The bar is the lowest at which no customer source has more than
// 1% of its texts read as feed items; the topic texts and the feed items' topic labels play no part.
// Run: npx tsx packages/nlp/scripts/feed-item-bar.ts
import { readFeedTopicExamples } from '../src/eval/feed-topics.js';
import { outOfFoldFeedItemProbabilities } from '../src/eval/feed-item-oof.js';
import { createWinkSentiment } from '../src/sentiment/wink-sentiment.js';
import { FEED_ITEM_LANGUAGES } from '../src/topics/feed-items.js';

const BARS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
const wink = createWinkSentiment();
for (const lang of FEED_ITEM_LANGUAGES) {
  const feeds = readFeedTopicExamples(process.env).filter((f) => f.lang === lang);
  const oof = outOfFoldFeedItemProbabilities({ env: process.env, lang, feeds, wink });
  const customer = oof.customer;
  const customerP = customer.map((c) => c.probability);
  const feedP = oof.feed;
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
