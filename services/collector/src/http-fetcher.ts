// Fetches a URL the way a polite, careful feed reader should: only http(s), an honest User-Agent,
// timeouts on connect and on the whole body, a body size cap, bounded redirects, compression, and no
// private-network addresses unless allowed — checked on the address actually connected to, so DNS
// rebinding cannot slip past.
import { interceptors, type Dispatcher } from 'undici';
import { createGuardedAgent } from '@earshot/net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { EarshotError } from '@earshot/pipeline';

export interface HttpFetcherOptions {
  userAgent: string;
  /** Time allowed for the whole request, headers and body included (default 30 s). */
  timeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
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

  function makeAgent(allowPrivate: boolean): Dispatcher {
    const agent = createGuardedAgent({
      timeoutMs: timeout,
      connectTimeoutMs: Math.min(timeout, 10_000),
      allowPrivateNetwork: allowPrivate,
      refused: (host, address) => new EarshotError(`refused: ${host} is a private or loopback address (${address}); allowPrivateNetwork is off`),
    });
    return agent.compose(interceptors.redirect({ maxRedirections: options.maxRedirects ?? 5 }));
  }

  const strict = makeAgent(false);
  const permissive = makeAgent(true);

  return {
    async get(url, opts = {}) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new EarshotError(`refused: ${parsed.protocol} is not http(s)`);
      const dispatcher = opts.allowPrivateNetwork ? permissive : strict;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new EarshotError(`timed out after ${timeout} ms`, { retriable: true })), timeout);
      const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
      try {
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
      await Promise.all([strict.destroy(), permissive.destroy()]);
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
