// Fetches a URL the way a polite, careful feed reader should: only http(s), an honest User-Agent,
// timeouts on connect and on the whole body, a body size cap, bounded redirects, compression, and no
// private-network addresses unless allowed — every hop resolved, checked and connected to the
// address checked (@earshot/net). A source allowed onto a private network may be redirected only to
// public addresses and to the class of address it resolved to itself (a 10.x source never reaches
// 169.254.169.254 or loopback through a redirect).
import { interceptors, type Dispatcher } from 'undici';
import { createAddressPolicy, createGuardedAgent, resolveHost, systemResolver, type AddressClass, type Resolver } from '@earshot/net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { EarshotError } from '@earshot/core';

export interface HttpFetcherOptions {
  userAgent: string;
  /** Time allowed for the whole request, headers and body included (default 30 s). */
  timeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** Name resolution (default: the system resolver). */
  resolve?: Resolver;
  /** Extra trusted CA certificates (PEM). */
  ca?: string;
}

export interface FetchResponse {
  status: number;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface HttpFetcher {
  get(url: string, options?: { allowPrivateNetwork?: boolean; headers?: Record<string, string>; signal?: AbortSignal }): Promise<FetchResponse>;
  close(): Promise<void>;
}

export function createHttpFetcher(options: HttpFetcherOptions): HttpFetcher {
  const timeout = options.timeoutMs ?? 30_000;
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;

  const resolve = options.resolve ?? systemResolver;
  const policy = createAddressPolicy();
  // One agent per set of reachable address classes, so a pooled connection is only ever reused
  // under the rule it was checked against.
  const agents = new Map<string, { agent: Dispatcher; close(): Promise<void> }>();

  function agentFor(allowed: AddressClass[], allowPrivate: boolean): Dispatcher {
    const key = allowed.join(',');
    const existing = agents.get(key);
    if (existing) return existing.agent;
    const base = createGuardedAgent({
      timeoutMs: timeout,
      connectTimeoutMs: Math.min(timeout, 10_000),
      allowed,
      resolve,
      ...(options.ca ? { ca: options.ca } : {}),
      refused: (host, address) =>
        new EarshotError(
          allowPrivate
            ? `refused: ${host} is ${address} (${policy.classify(address)}); this source may reach ${allowed.join(' and ')} addresses only`
            : `refused: ${host} is a private or loopback address (${address}); allowPrivateNetwork is off`,
        ),
    });
    const agent = base.compose(interceptors.redirect({ maxRedirections: options.maxRedirects ?? 5 }));
    agents.set(key, { agent, close: () => base.destroy() });
    return agent;
  }

  /** Public addresses, plus (when allowed) the classes the source's own host resolves to now. */
  async function allowedClasses(hostname: string, allowPrivate: boolean): Promise<AddressClass[]> {
    if (!allowPrivate) return ['public'];
    const own = (await resolveHost(hostname, resolve)).map((a) => policy.classify(a.address));
    return [...new Set<AddressClass>(['public', ...own])].sort();
  }

  return {
    async get(url, opts = {}) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new EarshotError(`refused: ${parsed.protocol} is not http(s)`);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new EarshotError(`timed out after ${timeout} ms`, { code: 'timeout', retriable: true })), timeout);
      const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
      try {
        const allowPrivate = opts.allowPrivateNetwork ?? false;
        const dispatcher = agentFor(await allowedClasses(parsed.hostname, allowPrivate), allowPrivate);
        const res = await dispatcher.request({
          origin: parsed.origin,
          path: parsed.pathname + parsed.search,
          method: 'GET',
          headers: { 'user-agent': options.userAgent, 'accept-encoding': 'gzip, deflate, br', accept: '*/*', ...opts.headers },
          signal,
        });
        if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
          discard(res.body);
          throw new EarshotError(`too many redirects (more than ${options.maxRedirects ?? 5})`);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of res.body) {
          size += (chunk as Buffer).length;
          if (size > maxBody) {
            discard(res.body);
            throw new EarshotError(`response larger than ${maxBody} bytes`);
          }
          chunks.push(chunk as Buffer);
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        const body = decompress(Buffer.concat(chunks), headers['content-encoding'], maxBody);
        delete headers['content-encoding'];
        return { status: res.statusCode, url, headers, body };
      } catch (err) {
        if (err instanceof EarshotError) throw err;
        const reason = signal.aborted && signal.reason instanceof EarshotError ? signal.reason : undefined;
        throw reason ?? new EarshotError(`fetch ${parsed.host} failed: ${(err as Error).message}`, { retriable: true, cause: err });
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await Promise.all([...agents.values()].map((a) => a.close()));
      agents.clear();
    },
  };
}

/** Stops reading a response body without leaving an unhandled stream error behind. */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on('error', () => {});
  body.destroy();
}

/** gzip, deflate and brotli, with the decompressed size capped too (no zip bombs). */
function decompress(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  const coding = encoding?.trim().toLowerCase();
  try {
    if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(body, { maxOutputLength: maxBytes });
    if (coding === 'deflate') return inflateSync(body, { maxOutputLength: maxBytes });
    if (coding === 'br') return brotliDecompressSync(body, { maxOutputLength: maxBytes });
  } catch (err) {
    throw new EarshotError(`cannot decompress ${coding} body (corrupt, or larger than ${maxBytes} bytes): ${(err as Error).message}`);
  }
  return body;
}
