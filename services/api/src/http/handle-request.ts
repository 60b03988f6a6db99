// The request pipeline every route goes through: find the route, authenticate, check the role,
// take from the caller's rate-limit bucket (and, for costly routes, a concurrent-search slot), run
// the handler, and turn its reply or its error into JSON. Search text over the store's caps is a
// 400 naming the limit; a query stopped at its deadline or refused as busy is a 503 with a
// Retry-After. Unexpected errors are logged and answered with a generic 500 (no internals leak out).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@earshot/observability';
import { QueryLimitError, TextQueryError } from '@earshot/store';
import type { Authenticator } from '../auth/authenticator.js';
import type { ConcurrencyLimiter } from '../auth/concurrency-limiter.js';
import { mayAccess } from '../auth/principal.js';
import type { RateLimiter } from '../auth/rate-limiter.js';
import { HttpError } from './http-error.js';
import type { Reply, Router } from './router.js';

export interface RequestHandlerOptions {
  router: Router;
  auth: Authenticator;
  limiter: RateLimiter;
  /** Concurrent costly requests per token. */
  searches: ConcurrencyLimiter;
  logger: Logger;
  /** Failed authentications allowed per client address per minute before it gets 429s. */
  failedAuthPerMinute?: number;
}

const BASE_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { ...BASE_HEADERS, 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

function errorBody(err: HttpError) {
  return { error: { code: err.code, message: err.message, ...(err.details !== undefined ? { problems: err.details } : {}) } };
}

/** The store's refusals for cost, as HTTP errors; anything else unchanged. */
function translateStoreError(err: unknown): unknown {
  if (err instanceof TextQueryError) return new HttpError(400, 'bad_request', `invalid query: ${err.message}`);
  if (err instanceof QueryLimitError) {
    return new HttpError(503, err.reason === 'timeout' ? 'query_timeout' : 'busy', err.message, { 'retry-after': err.reason === 'timeout' ? '5' : '1' });
  }
  return err;
}

export function createRequestHandler(options: RequestHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { router, auth, limiter, searches, logger } = options;
  const failedPerMinute = options.failedAuthPerMinute ?? 30;

  async function run(req: IncomingMessage, res: ServerResponse, url: URL): Promise<{ status: number; who?: string }> {
    const found = router.match(req.method ?? 'GET', url.pathname);
    if (!found) throw new HttpError(404, 'not_found', `no such endpoint: ${url.pathname} (see /api/v1/openapi.json)`);
    if ('allowed' in found)
      throw new HttpError(405, 'method_not_allowed', `use ${found.allowed.join(' or ')} for ${url.pathname}`, { allow: found.allowed.join(', ') });
    const { route, params } = found;
    let principal;
    if (route.access !== 'public') {
      principal = auth.authenticate(req, url, route.acceptsTicket ?? false);
      if (!principal) {
        const address = req.socket.remoteAddress ?? 'unknown';
        const limited = limiter.take(`failed-auth:${address}`, failedPerMinute);
        if (!limited.ok)
          throw new HttpError(429, 'rate_limited', 'too many failed authentications; wait', { 'retry-after': String(limited.retryAfterSeconds) });
        throw new HttpError(401, 'unauthorized', principal === null ? 'the token (or ticket) is not valid' : 'send a token: Authorization: Bearer <token>', {
          'www-authenticate': 'Bearer realm="earshot"',
        });
      }
      if (!mayAccess(principal, route.access))
        throw new HttpError(403, 'forbidden', `token "${principal.name}" has role ${principal.role}; this needs ${route.access}`);
      const taken = limiter.take(`token:${principal.name}`, principal.rateLimit);
      if (!taken.ok) {
        throw new HttpError(429, 'rate_limited', `rate limit of ${principal.rateLimit} requests per minute reached; retry in ${taken.retryAfterSeconds} s`, {
          'retry-after': String(taken.retryAfterSeconds),
        });
      }
    }
    const release = route.costly && principal ? searches.acquire(`token:${principal.name}`) : undefined;
    if (route.costly && principal && !release) {
      throw new HttpError(429, 'too_many_searches', `token "${principal.name}" already has its most searches running at once; retry when one has finished`, {
        'retry-after': '1',
      });
    }
    try {
      const reply: Reply | void = await route.handle({ req, res, url, params, principal });
      if (reply) sendJson(res, reply.status ?? 200, reply.body, reply.headers);
      return { status: reply?.status ?? res.statusCode, ...(principal ? { who: principal.name } : {}) };
    } catch (err) {
      throw translateStoreError(err);
    } finally {
      release?.();
    }
  }

  return (req, res) => {
    const started = performance.now();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return sendJson(res, 400, { error: { code: 'bad_request', message: 'malformed request URL' } });
    }
    run(req, res, url).then(
      ({ status, who }) => logger.debug({ method: req.method, path: url.pathname, status, who, ms: Math.round(performance.now() - started) }, 'request'),
      (err: unknown) => {
        if (err instanceof HttpError) {
          sendJson(res, err.status, errorBody(err), err.headers);
          logger.debug({ method: req.method, path: url.pathname, status: err.status, code: err.code }, 'request refused');
        } else if (err instanceof URIError) {
          sendJson(res, 400, { error: { code: 'bad_request', message: 'malformed percent-encoding in the path' } });
        } else {
          logger.error({ err, method: req.method, path: url.pathname }, 'request failed');
          sendJson(res, 500, { error: { code: 'internal', message: 'internal error; the server log has the details' } });
        }
      },
    );
  };
}
