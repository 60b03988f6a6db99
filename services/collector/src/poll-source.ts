// One poll of one source, as a value: items (with the validators to save once they are published),
// not-modified (a 304), or failed (with whether retrying can help and how long the server asked us
// to wait). Fetching goes through the host limiter; parsing through the source's type.
import type { SourceConfig } from '@earshot/config';
import { EarshotError } from '@earshot/core';
import type { HostLimiter } from './host-limiter.js';
import type { HttpFetcher } from './http-fetcher.js';
import { keepHttpLinks } from './http-links.js';
import { parseRetryAfter } from './retry-after.js';
import type { DroppedItems, SourceItem, SourceType } from './source-type.js';
import { conditionalHeaders, type ValidatorStore, type Validators } from './validators.js';

export type PollOutcome =
  | { kind: 'items'; items: SourceItem[]; status: number; validators: Validators; dropped: DroppedItems; linksDropped: number }
  | { kind: 'not-modified'; status: 304 }
  | { kind: 'failed'; error: string; retriable: boolean; status?: number; retryAfterMs?: number };

export interface SourcePollerOptions {
  http: HttpFetcher;
  limiter: HostLimiter;
  sourceTypes: Map<string, SourceType>;
  validators: ValidatorStore;
  /** config.collector.allowPrivateNetworks: every source may reach private addresses. */
  allowPrivateNetworks: boolean;
  now: () => Date;
}

export interface SourcePoller {
  poll(source: SourceConfig, signal?: AbortSignal): Promise<PollOutcome>;
}

export function createSourcePoller(options: SourcePollerOptions): SourcePoller {
  return {
    async poll(source, signal) {
      const type = options.sourceTypes.get(source.type);
      if (!type) return { kind: 'failed', error: `unknown source type "${source.type}"`, retriable: false };
      const request = type.request?.(source) ?? { url: source.url };
      const saved = await options.validators.get(source.id, request.url);
      let host: string;
      try {
        host = new URL(request.url).host;
      } catch {
        return { kind: 'failed', error: `not a URL: ${request.url}`, retriable: false };
      }
      let res;
      try {
        res = await options.limiter.run(host, () =>
          options.http.get(request.url, {
            allowPrivateNetwork: source.allowPrivateNetwork || options.allowPrivateNetworks,
            headers: { ...request.headers, ...conditionalHeaders(saved) },
            signal,
          }),
        );
      } catch (err) {
        const retriable = err instanceof EarshotError ? err.retriable : false;
        return { kind: 'failed', error: (err as Error).message, retriable };
      }
      if (res.status === 304) return { kind: 'not-modified', status: 304 };
      if (res.status === 429 || res.status === 503) {
        const retryAfterMs = parseRetryAfter(res.headers['retry-after'], options.now());
        return {
          kind: 'failed',
          error: `HTTP ${res.status} from ${host}${retryAfterMs !== undefined ? ` (retry after ${Math.round(retryAfterMs / 1000)} s)` : ''}`,
          retriable: true,
          status: res.status,
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        };
      }
      if (res.status < 200 || res.status >= 300) {
        return { kind: 'failed', error: `HTTP ${res.status} from ${host}`, retriable: res.status >= 500 || res.status === 408, status: res.status };
      }
      try {
        const parsed = type.parse({ url: request.url, status: res.status, headers: res.headers, body: res.body }, source);
        const { items, dropped: linksDropped } = keepHttpLinks(Array.isArray(parsed) ? parsed : parsed.items);
        const dropped = Array.isArray(parsed) ? {} : parsed.dropped;
        const validators: Validators = {
          url: request.url,
          ...(res.headers.etag ? { etag: res.headers.etag } : {}),
          ...(res.headers['last-modified'] ? { lastModified: res.headers['last-modified'] } : {}),
        };
        return { kind: 'items', items, status: res.status, validators, dropped, linksDropped };
      } catch (err) {
        return { kind: 'failed', error: (err as Error).message, retriable: false, status: res.status };
      }
    },
  };
}
