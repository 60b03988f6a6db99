// What Elasticsearch (and Kibana) sees of Earshot's data: the composable index template behind the
// `<prefix>-mentions` alias (monthly indices `<prefix>-mentions-YYYY.MM`, so old months can be
// dropped whole), the document shape written for each mention, and the small indices for alerts,
// silences, delivery claims and state. Kibana saved objects are built on these field names.
import { matchedByOf, mentionTime, type EnrichedMention } from '@earshot/schema';
import { searchText } from '../fts-query.js';
import { FINGERPRINT_PROPERTIES } from './es-fingerprints.js';

/**
 * Languages with a full-text subfield `text.<lang>` (and `title.<lang>`). Where Elasticsearch has a
 * built-in language analyzer it is used (stemming, stop words); Hebrew and Kazakh have none, so they
 * get `standard` (Unicode word breaks, lower-casing, no stemming) — as does every language whose
 * analyzer the cluster lacks (the integ-test-zip node of infra/local has no analysis-common module).
 */
export const LANGUAGE_ANALYZERS: Record<string, string | undefined> = {
  en: 'english',
  ru: 'russian',
  et: 'estonian',
  he: undefined,
  kk: undefined,
};

export interface MappingOptions {
  /** The built-in language analyzers this cluster has (detected by init()); others fall back to standard. */
  languageAnalyzers: string[];
}

const keyword = { type: 'keyword' } as const;

/**
 * The text fields a search reads, each by the document field it copies, and the field the query
 * asks (a mention's `author` is a keyword, searched through its `author.text` subfield). Each has a
 * copy folded (searchText: Latin diacritics, Hebrew points, a word of two scripts in one, Kazakh
 * letters and ё as Russian ones, links glued to words split off) under `folded.<field>`, for searches
 * to find "tõusid" by "tousid" and שָׁלוֹם by שלום as the SQLite store does: `asciifolding` would do
 * the Latin part in the analyzer, but it lives in the analysis-common module, which not every node
 * has (the integ-test-zip node of infra/local does not), and nothing built in takes Hebrew points
 * off. These tables are the one list behind the mapping, the document and the query (es-query.ts
 * textClauses).
 */
export type SearchedText = Readonly<Record<string, string>>;
export const MENTION_SEARCHED_TEXT: SearchedText = { title: 'title', text: 'text', author: 'author.text' };
export const STORY_SEARCHED_TEXT: SearchedText = { title: 'title', keyTerms: 'keyTerms' };

const foldedCopies = (searched: SearchedText) => ({
  type: 'object' as const,
  properties: Object.fromEntries(Object.keys(searched).map((field) => [field, { type: 'text' as const }])),
});

/**
 * A document with its `folded` copies of the searched text fields, written only where folding
 * changes the field (none at all when it changes none).
 */
export function withFoldedCopies<D extends Record<string, unknown>>(document: D, searched: SearchedText): D & { folded?: Record<string, string> } {
  const changed = Object.keys(searched).flatMap((field): [string, string][] => {
    const value = document[field];
    if (typeof value !== 'string') return [];
    const folded = searchText(value);
    return folded !== value ? [[field, folded]] : [];
  });
  return changed.length ? { ...document, folded: Object.fromEntries(changed) } : document;
}

/**
 * Fields added after the first monthly indices were made, which init() adds to existing ones: how a
 * mention was matched to its brand, whether the brand's own account posted it or was addressed, what
 * the collector cut from an item too large for one bus message, and the folded copies of its text.
 */
export const ADDED_FIELDS = { matchedBy: keyword, brandAccount: keyword, shortened: keyword, folded: foldedCopies(MENTION_SEARCHED_TEXT) } as const;

/** Fields added to the stories index after it was first made, which init() adds to an existing one. */
export const ADDED_STORY_FIELDS = { folded: foldedCopies(STORY_SEARCHED_TEXT) } as const;
const unindexedObject = { type: 'object', enabled: false } as const;

function languageSubfields(options: MappingOptions): Record<string, { type: 'text'; analyzer: string }> {
  return Object.fromEntries(
    Object.entries(LANGUAGE_ANALYZERS).map(([lang, analyzer]) => [
      lang,
      { type: 'text', analyzer: analyzer && options.languageAnalyzers.includes(analyzer) ? analyzer : 'standard' },
    ]),
  );
}

export function mentionMappings(options: MappingOptions) {
  return {
    dynamic: false,
    properties: {
      '@timestamp': { type: 'date' },
      id: keyword,
      brandId: keyword,
      sourceId: keyword,
      sourceType: keyword,
      lang: keyword,
      sentiment: keyword,
      sentimentScore: { type: 'float' },
      topics: keyword,
      /** Each topic's own (aspect) sentiment: `topicSentiment.price: negative`. */
      topicSentiment: { type: 'flattened' },
      author: { type: 'keyword', ignore_above: 512, fields: { text: { type: 'text' } } },
      title: { type: 'text', fields: languageSubfields(options) },
      text: { type: 'text', fields: languageSubfields(options) },
      url: { type: 'keyword', ignore_above: 4096 },
      warning: { type: 'boolean' },
      recommendation: { type: 'boolean' },
      rating: { type: 'float' },
      reach: { type: 'double' },
      duplicateOf: keyword,
      ...ADDED_FIELDS,
      publishedAt: { type: 'date' },
      collectedAt: { type: 'date' },
      enrichedAt: { type: 'date' },
      /** The whole mention as the pipeline wrote it, returned by getMention/search; not indexed. */
      doc: unindexedObject,
    },
  };
}

const SMALL_INDEX_SETTINGS = { number_of_shards: 1, auto_expand_replicas: '0-1' };
/** How far behind the writes searches may be (Elasticsearch's refresh interval, also the default). */
export const REFRESH_INTERVAL_MS = 1000;

/** The composable index template for the monthly mention indices. */
export function mentionIndexTemplate(prefix: string, options: MappingOptions) {
  return {
    index_patterns: [`${prefix}-mentions-*`],
    priority: 200,
    _meta: { managedBy: 'earshot', languageAnalyzers: options.languageAnalyzers },
    template: {
      settings: { ...SMALL_INDEX_SETTINGS, refresh_interval: `${REFRESH_INTERVAL_MS}ms` },
      aliases: { [`${prefix}-mentions`]: {} },
      mappings: mentionMappings(options),
    },
  };
}

export interface IndexNames {
  /** The alias every search and count goes through. */
  mentions: string;
  alerts: string;
  silences: string;
  deliveries: string;
  state: string;
  fingerprints: string;
  stories: string;
}

export function indexNames(prefix: string): IndexNames {
  return {
    mentions: `${prefix}-mentions`,
    alerts: `${prefix}-alerts`,
    silences: `${prefix}-silences`,
    deliveries: `${prefix}-deliveries`,
    state: `${prefix}-state`,
    fingerprints: `${prefix}-fingerprints`,
    stories: `${prefix}-stories`,
  };
}

/** The monthly index a mention lives in, by its own time (UTC), which does not change on replay. */
export function mentionIndexFor(prefix: string, mention: Pick<EnrichedMention, 'publishedAt' | 'collectedAt'>): string {
  const at = new Date(mentionTime(mention));
  return `${prefix}-mentions-${at.getUTCFullYear()}.${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Mappings of the small indices, created by init(). */
export function smallIndices(prefix: string) {
  const names = indexNames(prefix);
  const mappings = (properties: Record<string, unknown>) => ({ settings: SMALL_INDEX_SETTINGS, mappings: { dynamic: false, properties } });
  return {
    [names.alerts]: mappings({
      key: keyword,
      brandId: keyword,
      ruleId: keyword,
      state: keyword,
      severity: keyword,
      updatedAt: { type: 'date' },
      doc: unindexedObject,
    }),
    [names.silences]: mappings({ ruleId: keyword, brandId: keyword, until: { type: 'date' }, doc: unindexedObject }),
    [names.deliveries]: mappings({ at: { type: 'date' } }),
    [names.state]: mappings({ namespace: keyword, key: keyword, value: { type: 'keyword', index: false, doc_values: false } }),
    [names.fingerprints]: mappings(FINGERPRINT_PROPERTIES),
    [names.stories]: mappings({
      id: keyword,
      brandId: keyword,
      title: { type: 'text' },
      keyTerms: { type: 'text' },
      ...ADDED_STORY_FIELDS,
      size: { type: 'integer' },
      firstSeen: { type: 'date' },
      lastSeen: { type: 'date' },
      sentiment: keyword,
      languages: keyword,
      sources: keyword,
      topics: keyword,
      doc: unindexedObject,
    }),
  };
}

export interface MentionDocument {
  '@timestamp': string;
  id: string;
  doc: EnrichedMention;
  [field: string]: unknown;
}

export function toMentionDocument(m: EnrichedMention): MentionDocument {
  const topicSentiment: Record<string, string> = {};
  for (const t of m.nlp.topics) topicSentiment[t.topic] ??= t.sentiment.label;
  return withFoldedCopies(
    {
      '@timestamp': new Date(mentionTime(m)).toISOString(),
      id: m.id,
      brandId: m.brandId,
      sourceId: m.sourceId,
      sourceType: m.sourceType,
      lang: m.nlp.lang,
      sentiment: m.nlp.sentiment.label,
      sentimentScore: m.nlp.sentiment.score,
      topics: [...new Set(m.nlp.topics.map((t) => t.topic))],
      topicSentiment,
      author: m.author,
      title: m.title,
      text: m.text,
      url: m.url,
      warning: m.nlp.signals.warning,
      recommendation: m.nlp.signals.recommendation,
      rating: m.rating,
      reach: m.reach,
      duplicateOf: m.duplicateOf,
      matchedBy: matchedByOf(m),
      brandAccount: m.brandAccount,
      shortened: m.shortened,
      publishedAt: m.publishedAt,
      collectedAt: m.collectedAt,
      enrichedAt: m.nlp.enrichedAt,
      doc: m,
    },
    MENTION_SEARCHED_TEXT,
  );
}
