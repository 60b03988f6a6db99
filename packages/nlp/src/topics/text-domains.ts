// What kind of text a mention is — a movie review, a bank tweet, a book review — as the labelled
// data's sources tell it. The topic labels follow conventions that depend on the kind of text
// (shared/data/topics/GUIDELINES.md: movie reviews get no topic; goods and their condition are
// quality, waiting is delivery), and a few hundred topic texts per language teach little about
// the kind; the sentiment data's other texts, thousands of them with their source named, teach it
// well. So each language with texts from several kinds of source gets a small classifier of the
// kind (multinomial logistic regression over the sentiment features, trained on the sentiment
// texts that are NOT topic texts: cross-validation of the topic tagger never scores a text the
// classifier saw), and its probabilities are features of the topic model (topic-features.ts).
// Hebrew and Estonian data each come from one source: no classifier. ROUNDS.md, issue 10 round 8.

import { readLabeledFile } from '../eval/read-labeled.js';
import { sharedDataFile } from '../eval/shared-dir.js';
import { createLanguageFeatures, HASH_BITS } from '../sentiment/language-features.js';
import type { LinearModelFile } from '../sentiment/linear-model.js';
import { trainLinearModel } from '../sentiment/train-linear-model.js';
import type { WinkSentiment } from '../sentiment/wink-sentiment.js';
import { MAX_DOMAINS } from './topic-features.js';

/** Per language, each kind of text and the shared-data sources (the rows' `source`) it is learned from. */
export const TEXT_DOMAINS: Readonly<Record<string, readonly { id: string; sources: RegExp }[]>> = {
  en: [
    { id: 'movie', sources: /imdb_labelled/ },
    { id: 'restaurant', sources: /yelp_labelled/ },
    { id: 'product', sources: /amazon_cells_labelled/ },
  ],
  ru: [
    { id: 'bank', sources: /bank/ },
    { id: 'telecom', sources: /tkk|ttk/ },
  ],
  // KazSAnDRA's mixed pc_/sc_ archives name no site: left out.
  kk: [
    { id: 'goods', sources: /source_kaspi|source_flip/ },
    { id: 'books', sources: /source_kitap/ },
    { id: 'places', sources: /source_2gis|source_maps/ },
  ],
};

/** Buckets each domain classifier keeps (the strongest; a topic model file stays small). */
const MAX_FEATURES = 10_000;

/**
 * One classifier per language of TEXT_DOMAINS, trained on shared/data/sentiment/{dev,train} rows of
 * those sources whose text is not in `exclude` (the topic texts). Deterministic.
 */
export function trainTextDomains(options: {
  env: Record<string, string | undefined>;
  exclude: ReadonlySet<string>;
  wink?: WinkSentiment;
}): LinearModelFile<string>[] {
  return Object.entries(TEXT_DOMAINS).flatMap(([lang, domains]) => {
    // The topic model has room for MAX_DOMAINS probabilities per language (topic-features.ts).
    if (domains.length > MAX_DOMAINS) throw new Error(`TEXT_DOMAINS.${lang} names ${domains.length} kinds of text; the topic features hold ${MAX_DOMAINS}`);
    const files = (['sentiment/dev', 'sentiment/train'] as const).flatMap((set) => sharedDataFile(options.env, set, lang) ?? []);
    const { extractor, denseCount } = createLanguageFeatures({ lang, ...(options.wink ? { wink: options.wink } : {}) });
    const examples = files.flatMap((path) =>
      readLabeledFile(path).examples.flatMap((row) => {
        if (row.lang !== lang || options.exclude.has(row.text)) return [];
        const domain = domains.find((d) => d.sources.test(row.source ?? ''));
        return domain ? [{ x: extractor.extract(row.text), label: domain.id }] : [];
      }),
    );
    if (examples.length === 0) return [];
    return [trainLinearModel({ lang, examples, classOrder: domains.map((d) => d.id), hashBits: HASH_BITS, denseCount, maxFeatures: MAX_FEATURES })];
  });
}
