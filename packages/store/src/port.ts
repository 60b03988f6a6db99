// The store port: where enriched mentions and alerts end up, and the queries the alerter, the API
// and the CLI ask of them. Two adapters implement it (SQLite with FTS5, Elasticsearch); one contract
// test suite keeps them honest.
import type { Alert, EnrichedMention, SentimentLabel } from '@earshot/schema';

export interface MentionFilter {
  brandId?: string | string[];
  sentiment?: SentimentLabel | SentimentLabel[];
  lang?: string | string[];
  topic?: string | string[];
  sourceId?: string | string[];
  author?: string | string[];
  /** Only mentions that warn others ("don't buy") or recommend. */
  signal?: 'warning' | 'recommendation';
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
  /** Bucket width in milliseconds for a time histogram (buckets aligned to the epoch). */
  interval?: number;
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

export interface Silence {
  id: string;
  ruleId?: string;
  brandId?: string;
  until: string;
  reason?: string;
  createdBy?: string;
}

export interface MentionStore {
  readonly kind: 'sqlite' | 'elasticsearch';
  /** Creates tables / index templates when missing. Idempotent. */
  init(): Promise<void>;
  /** Writes by mention id: a replay overwrites, never duplicates. */
  upsertMentions(mentions: EnrichedMention[]): Promise<WriteResult>;
  getMention(id: string): Promise<EnrichedMention | undefined>;
  search(query: SearchQuery): Promise<SearchResult>;
  count(filter: MentionFilter): Promise<number>;
  aggregate(query: AggregateQuery): Promise<AggregateBucket[]>;

  upsertAlert(alert: Alert): Promise<void>;
  getAlert(key: string): Promise<Alert | undefined>;
  listAlerts(query: AlertQuery): Promise<Alert[]>;

  addSilence(silence: Silence): Promise<void>;
  listSilences(activeAt?: string): Promise<Silence[]>;

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

  /** Small named state (collector validators, source health, alerter checkpoints). */
  getState<T>(namespace: string, key: string): Promise<T | undefined>;
  setState<T>(namespace: string, key: string, value: T): Promise<void>;

  close(): Promise<void>;
}
