// A source type turns one configured source into items: it says what to fetch, and reads what came
// back. The collector does the fetching (conditional GET, politeness, safety, back-off), so a new
// type is one file implementing this interface, registered in source-types.ts (see the README).
import type { SourceConfig } from '@earshot/config';

export interface SourceItem {
  /** The source's own id for the item (RSS guid, Atom id, review id), when it has one. */
  itemId?: string;
  url: string;
  title: string;
  /** Clean text for the pipeline. */
  text: string;
  /** The original markup, when the item had any. */
  html?: string;
  author?: string;
  publishedAt?: string;
  /** Star rating normalised to 1–5 (reviews). */
  rating?: number;
  reach?: number;
  lang?: string;
}

export interface SourceRequest {
  url: string;
  /** Sent with the request (Accept, for instance). */
  headers?: Record<string, string>;
}

export interface FetchedDocument {
  /** The URL asked for. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Items a source type could not return, by reason (see @earshot/feeds DroppedItems). */
export interface DroppedItems {
  truncated?: number;
  malformed?: number;
}

/** What `parse` returns when it has something to say about items it dropped. */
export interface ParsedItems {
  items: SourceItem[];
  dropped: DroppedItems;
}

export interface SourceType {
  readonly type: string;
  /**
   * Reviews of one business (an app listing, a company's review page): with a single brand, a
   * source of this type is about that brand unless it says otherwise (see source-brands.ts).
   */
  readonly reviews?: boolean;
  /** What to fetch for a source; by default its `url`. */
  request?(source: SourceConfig): SourceRequest;
  /**
   * Reads a successful (2xx) response. Throws an EarshotError (retriable: false) when the document
   * is not what this type reads; the collector reports that and keeps polling.
   */
  parse(document: FetchedDocument, source: SourceConfig): SourceItem[] | ParsedItems;
}
