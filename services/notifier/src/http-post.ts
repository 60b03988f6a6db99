// POSTs a body for the HTTP channels (webhook, Slack) with undici: a timeout, no redirects (a
// webhook that moves is misconfigured), and no private-network targets unless allowed — the host is
// resolved, checked and the checked address connected to (@earshot/net), so no handshake happens
// with a refused peer and DNS rebinding cannot slip past. Failures become
// DeliveryErrors that say whether to retry; the URL never appears in them (it may hold a secret).
// The receiver's answer is read up to a small cap (64 KiB) and the rest dropped unread, so a
// receiver answering with a huge or endless body cannot fill memory.
import { createGuardedAgent, DEFAULT_BODY_CAP_BYTES, readCappedBody, type Resolver } from '@earshot/net';
import type { Dispatcher } from 'undici';
import { DeliveryError, isRetriableStatus } from './delivery-error.js';

export interface HttpPostOptions {
  timeoutMs: number;
  allowPrivateNetwork: boolean;
  /** Name resolution (default: the system resolver). */
  resolve?: Resolver;
  /** Most bytes of a response body read (default 64 KiB); the rest is dropped unread. */
  maxResponseBytes?: number;
}

export interface PostResult {
  status: number;
  /** The start of the receiver's answer (at most maxResponseBytes). */
  body: string;
  /** The answer went on past maxResponseBytes; the rest was not read. */
  truncated: boolean;
}

export interface HttpPoster {
  post(url: string, body: string, headers: Record<string, string>, signal?: AbortSignal): Promise<PostResult>;
  close(): Promise<void>;
}

export function createHttpPoster(options: HttpPostOptions): HttpPoster {
  const agent: Dispatcher = createGuardedAgent({
    timeoutMs: options.timeoutMs,
    allowed: options.allowPrivateNetwork ? 'any' : ['public'],
    ...(options.resolve ? { resolve: options.resolve } : {}),
    refused: () => new DeliveryError('refused: the target is a private or loopback address; allowPrivateNetwork is off', { retriable: false }),
  });

  const cap = options.maxResponseBytes ?? DEFAULT_BODY_CAP_BYTES;

  return {
    async post(url, body, headers, signal) {
      const parsed = new URL(url);
      const timeout = AbortSignal.timeout(options.timeoutMs);
      try {
        const res = await agent.request({
          origin: parsed.origin,
          path: parsed.pathname + parsed.search,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'Earshot-Notifier/0.1', ...headers },
          body,
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        const answer = await readCappedBody(res.body, cap);
        if (res.statusCode >= 200 && res.statusCode < 300) return { status: res.statusCode, body: answer.text, truncated: answer.truncated };
        const cut = answer.truncated ? ` (response body cut at ${cap} bytes)` : '';
        throw new DeliveryError(`HTTP ${res.statusCode} from ${parsed.host}${cut}`, { retriable: isRetriableStatus(res.statusCode) });
      } catch (err) {
        if (err instanceof DeliveryError) throw err;
        const e = err as Error & { code?: string };
        // Network errors and timeouts: the endpoint may come back.
        throw new DeliveryError(`POST to ${parsed.host} failed: ${e.code ?? e.name}`, { retriable: true, cause: err });
      }
    },
    close: () => agent.close(),
  };
}
