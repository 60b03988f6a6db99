// A source type turns one configured source into items. Adding a source type is one file that
// implements this interface, registered in source-types.ts.
import type { SourceConfig } from '@earshot/config';
import type { Logger } from '@earshot/observability';
import type { HttpFetcher } from './http-fetcher.js';

export interface SourceItem {
  /** The source's own id for the item (RSS guid, Atom id), when it has one. */
  itemId?: string;
  url: string;
  title: string;
  text: string;
  html?: string;
  author?: string;
  publishedAt?: string;
  rating?: number;
  reach?: number;
  lang?: string;
}

export interface FetchContext {
  http: HttpFetcher;
  logger: Logger;
  signal?: AbortSignal;
}

export interface SourceType {
  readonly type: string;
  fetch(source: SourceConfig, context: FetchContext): Promise<SourceItem[]>;
}
