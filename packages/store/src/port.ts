// The store ports, split by concept and by writer: MentionIndex (mentions; the indexer writes),
// AlertStore (alerts, silences, stories; the alerter writes) and StateStore (a stage's own
// bookkeeping). Two adapters implement all three (SQLite with FTS5, Elasticsearch) as MentionStore;
// each port has a contract suite both must pass. Consumers depend on the narrowest port they use.
import type { Alert, BrandAccountRole, EnrichedMention, MatchedBy, SentimentLabel, Shortened, Silence, Story } from '@earshot/schema';

export interface MentionFilter {
  brandId?: string | string[];
  sentiment?: SentimentLabel | SentimentLabel[];
  lang?: string | string[];
  topic?: string | string[];
  sourceId?: string | string[];
  author?: string | string[];
  /** Only mentions that warn others ("don't buy") or recommend. */
  signal?: 'warning' | 'recommendation';
  /** How mentions were matched to their brand; mentions written before this was recorded count as `query`. */
  matchedBy?: MatchedBy | MatchedBy[];
  /** Only posts by the brand's own accounts, or addressed to them. */
  brandAccount?: BrandAccountRole | BrandAccountRole[];
  /** Leaves out mentions with one of these roles (mentions with no role stay): the alerter's rules leave out the brand's own posts. */
  excludeBrandAccount?: BrandAccountRole | BrandAccountRole[];
  /** Only mentions the collector cut to fit a message: its markup dropped (`markup`) or its text shortened (`text`). */
  shortened?: Shortened | Shortened[];
  /** Inclusive lower bound on the mention's time (publishedAt, else collectedAt), ISO or epoch ms. */
  from?: string | number;
  /** Exclusive upper bound. */
  to?: string | number;
}

export interface SearchQuery extends MentionFilter {
  /** Full-text query: words must all occur (AND); "quoted phrases" are phrases. Plain text, never a query DSL. */
  text?: string;
  sort?: 'time' | 'relevance';
  limit?: number;
  offset?: number;
}

export interface SearchResult {
  total: number;
  mentions: EnrichedMention[];
  /** The search stopped early at its time or document budget (Elasticsearch): total and hits may be incomplete. */
  partial?: boolean;
}

export type GroupField = 'brandId' | 'sentiment' | 'topic' | 'sourceId' | 'lang' | 'author';

export interface AggregateQuery {
  filter: MentionFilter;
  /** Up to two fields; a mention with several topics counts once per topic when grouping by topic. */
  groupBy: GroupField[];
  /** Bucket width in milliseconds for a time histogram (buckets aligned to the epoch, or to local time with `timeZone`). */
  interval?: number;
  /**
   * IANA time zone for the histogram (`Europe/Tallinn`): buckets start on local multiples of the
   * interval from local midnight (1 d = local days, 23 or 25 h long when clocks change; 7 d = weeks
   * from Monday). Without it buckets are aligned to the epoch (UTC).
   */
  timeZone?: string;
  /** Most buckets returned, by count (default 100). */
  size?: number;
}

export interface AggregateBucket {
  /** Start of the time bucket (epoch ms) when `interval` was given. */
  time?: number;
  keys: Partial<Record<GroupField, string>>;
  count: number;
}

export interface WriteResult {
  written: number;
  /** Documents the store refused, with its reason; the caller sends them to the DLQ. */
  rejected: { id: string; reason: string }[];
}

export interface AlertQuery {
  brandId?: string;
  state?: Alert['state'];
  limit?: number;
}

/** Stories (groups of mentions telling the same thing) by brand, text, time, sentiment and language. */
export interface StoryQuery {
  brandId?: string | string[];
  /** Words in the title or key terms (all must occur, prefix match); plain text, never query syntax. */
  text?: string;
  /** Only stories with a mention at or after this time (lastSeen ≥ from), ISO or epoch ms. */
  from?: string | number;
  /** Only stories that began before this time (firstSeen < to). */
  to?: string | number;
  /** The story's dominant sentiment. */
  sentiment?: SentimentLabel | SentimentLabel[];
  /** Stories with at least one mention in one of these languages. */
  lang?: string | string[];
  minSize?: number;
  /** recent: last mention newest first (default); size: largest first. */
  sort?: 'recent' | 'size';
  limit?: number;
  offset?: number;
}

export interface StorySearchResult {
  total: number;
  stories: Story[];
}

/** Silences are written by the alerter only, from `alert.command` messages (packages/schema alert-command.ts). */
export type { Silence };

/** One near-duplicate fingerprint the collector remembers across restarts (see services/collector/src/near-duplicates.ts). */
export interface FingerprintRecord {
  brandId: string;
  /** The mention's id. */
  id: string;
  /** The 64-bit SimHash as two unsigned 32-bit halves. */
  hi: number;
  lo: number;
  /** The first copy, when this mention was itself a near-duplicate. */
  duplicateOf?: string;
  /** When the mention was first seen (ISO). */
  seenAt: string;
}

export type StoreKind = 'sqlite' | 'elasticsearch';

/**
 * Enriched mentions and the questions asked of them. Written by the indexer only; read by the
 * alerter (warm start), the API, the report and the CLI.
 */
export interface MentionIndex {
  readonly kind: StoreKind;
  /** Writes by mention id: a replay overwrites, never duplicates. */
  upsertMentions(mentions: EnrichedMention[]): Promise<WriteResult>;
  getMention(id: string): Promise<EnrichedMention | undefined>;
  search(query: SearchQuery): Promise<SearchResult>;
  count(filter: MentionFilter): Promise<number>;
  aggregate(query: AggregateQuery): Promise<AggregateBucket[]>;
}

/**
 * What the alerter concludes: alerts, silences and stories. The alerter is their one writer (the API
 * sends it acknowledge / silence commands, issue 14); the API, the report and the CLI read them.
 */
export interface AlertStore {
  readonly kind: StoreKind;
  upsertAlert(alert: Alert): Promise<void>;
  getAlert(key: string): Promise<Alert | undefined>;
  listAlerts(query: AlertQuery): Promise<Alert[]>;

  addSilence(silence: Silence): Promise<void>;
  listSilences(activeAt?: string): Promise<Silence[]>;

  /** Writes stories by id (a replay overwrites); a copy smaller than the stored one is ignored (stories only grow). */
  upsertStories(stories: Story[]): Promise<void>;
  getStory(id: string): Promise<Story | undefined>;
  searchStories(query: StoryQuery): Promise<StorySearchResult>;
}

/**
 * A stage's own bookkeeping, read back only by the stage that wrote it: the notifier's delivery
 * claims, pending deliveries, digests and report schedule; the collector's near-duplicate
 * fingerprints, validators, source health and fetch-job leases.
 */
export interface StateStore {
  readonly kind: StoreKind;
  /**
   * Claims a delivery before sending it (keyed by subscriber + alert key + revision). Returns false
   * when it was already delivered, or — unless `takeOver` — when an unfinished claim exists (another
   * attempt is sending it). `takeOver` is for resuming a delivery recorded as pending: a claim left
   * behind by a crash does not block it, only a completed delivery does.
   */
  claimDelivery(deliveryKey: string, options?: { takeOver?: boolean }): Promise<boolean>;
  /** Records that the receiver accepted the delivery (a 2xx): from now on every claim returns false. */
  completeDelivery(deliveryKey: string): Promise<void>;
  /** Forgets an unfinished claim whose delivery finally failed, so a later attempt may retry it. */
  releaseDelivery(deliveryKey: string): Promise<void>;

  /** Remembers near-duplicate fingerprints, keyed by brand + mention id (a replay overwrites). */
  saveFingerprints(records: FingerprintRecord[]): Promise<void>;
  /** Fingerprints seen at or after `since`, newest first, at most `limit`. */
  recentFingerprints(query: { since: string; limit: number }): Promise<FingerprintRecord[]>;
  /** Forgets fingerprints seen before `before` and all but the newest `keep`; resolves to how many went. */
  pruneFingerprints(query: { before: string; keep: number }): Promise<number>;

  /** Small named state, by namespace and key. */
  getState<T>(namespace: string, key: string): Promise<T | undefined>;
  setState<T>(namespace: string, key: string, value: T): Promise<void>;
}

/** Opening and closing a store: the composition root's business, never a stage's. */
export interface StoreLifecycle {
  readonly kind: StoreKind;
  /** Creates tables / index templates when missing. Idempotent. */
  init(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One adapter (one connection) serving all three ports: what the composition root creates and
 * hands out, each consumer taking only the port(s) it uses.
 */
export interface MentionStore extends MentionIndex, AlertStore, StateStore, StoreLifecycle {}
