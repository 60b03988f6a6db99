// The closed lists some mention fields take their values from, apart from the zod schemas in
// mention.ts, so that a command line can offer them as choices without loading zod (`earshot --help`
// loads nothing but commander; services/earshot/README.md).
export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export const MATCHED_BY = ['query', 'owned-source', 'handle'] as const;
export type MatchedBy = (typeof MATCHED_BY)[number];
/** How a mention without `matchedBy` was matched: it was written before the field existed, when every mention was matched by query. */
export const UNRECORDED_MATCHED_BY = 'query' satisfies MatchedBy;
/** How a mention was matched to its brand, recorded or not: the one reading of `matchedBy` for stores and filters. */
export const matchedByOf = (m: { matchedBy?: MatchedBy }): MatchedBy => m.matchedBy ?? UNRECORDED_MATCHED_BY;
export const BRAND_ACCOUNT_ROLES = ['by-brand', 'to-brand'] as const;
export type BrandAccountRole = (typeof BRAND_ACCOUNT_ROLES)[number];
/** What the collector cut from an item too large for one bus message: its markup only, or its text (or title) too. */
export const SHORTENED = ['markup', 'text'] as const;
export type Shortened = (typeof SHORTENED)[number];
