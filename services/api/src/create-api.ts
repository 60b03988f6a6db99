// The API service: an HTTP server on config.api.host:port serving the REST API, the live stream and
// the dashboard, fed live by its own bus subscriptions. A Service like every stage: start, stop,
// health. `url` is known once it listens (port 0 picks a free port).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { combineHealth, type Health, type Service } from '@earshot/observability';
import type { StageDeps } from '@earshot/pipeline';
import type { AlertStore, MentionIndex } from '@earshot/store';
import type { ApiContext } from './api-context.js';
import { createAlertCommandSender } from './alert-commands.js';
import { createAuthenticator } from './auth/authenticator.js';
import { createConcurrencyLimiter } from './auth/concurrency-limiter.js';
import { createRateLimiter } from './auth/rate-limiter.js';
import { createTicketIssuer } from './auth/stream-ticket.js';
import { createRequestHandler } from './http/handle-request.js';
import { createRouter, type Route } from './http/router.js';
import { createLiveHub } from './live/live-hub.js';
import { buildOpenApi, type OpenApiDocument } from './openapi.js';
import { aggregationRoutes } from './routes/aggregations.js';
import { alertRoutes } from './routes/alerts.js';
import { insightRoutes } from './routes/insights.js';
import { mentionRoutes } from './routes/mentions.js';
import { metaRoutes } from './routes/meta.js';
import { staticRoutes } from './routes/static.js';
import { storyRoutes } from './routes/stories.js';
import { streamRoutes } from './routes/stream.js';
import { loadDashboardAssets } from './static/dashboard-assets.js';

export interface Api extends Service {
  /** `http://host:port` once started. */
  readonly url: string | undefined;
  /** The dashboard (sign in with a token from api.tokens). */
  readonly dashboardUrl: string | undefined;
  /**
   * The dashboard with the token generated at start in the fragment (`/#token=…`), for the person
   * who ran `npm start`. Only for a generated token on a loopback address: a configured token is
   * never printed, and a generated one never handed out on a reachable address.
   */
  readonly tokenLink: string | undefined;
}

export interface ApiOptions extends StageDeps<MentionIndex & AlertStore> {
  /** Searches, exports and aggregations one token may have running at once (default 4). */
  maxConcurrentSearches?: number;
}

const VERSION = '1.0.0';

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function createApi(deps: ApiOptions): Api {
  const now = deps.now ?? (() => new Date());
  const api = deps.config.api;
  const logger = deps.logger.child({ component: 'api' });
  const tickets = createTicketIssuer({ now: () => now().getTime(), secret: api.ticketSecret });
  const auth = createAuthenticator({ tokens: api.tokens, tickets });
  const hub = createLiveHub({ bus: deps.bus, logger });
  const ctx: ApiContext = {
    api,
    brands: deps.config.brands,
    sources: deps.config.sources,
    store: deps.store,
    commands: createAlertCommandSender({ bus: deps.bus, now }),
    hub,
    auth,
    tickets,
    logger,
    now,
  };
  const streams = streamRoutes(ctx);
  const routes: Route[] = [];
  let openApi: OpenApiDocument | undefined;
  routes.push(
    ...metaRoutes(ctx, { health: () => health(), openApi: () => (openApi ??= buildOpenApi({ routes, version: VERSION })) }),
    ...mentionRoutes(ctx),
    ...aggregationRoutes(ctx),
    ...insightRoutes(ctx),
    ...alertRoutes(ctx),
    ...storyRoutes(ctx),
    ...streams.routes,
    ...(api.dashboard ? staticRoutes(loadDashboardAssets()) : []),
  );
  const handler = createRequestHandler({
    router: createRouter({ routes }),
    auth,
    limiter: createRateLimiter(),
    searches: createConcurrencyLimiter({ max: deps.maxConcurrentSearches ?? 4 }),
    logger,
  });
  let server: Server | undefined;
  let url: string | undefined;

  const loopback = isLoopbackHost(api.host);
  const tokenLink = () => (url && api.dashboard && auth.generated && loopback ? `${url}/#token=${encodeURIComponent(auth.generated.token)}` : undefined);

  async function health(): Promise<Health> {
    const listening: Health = server?.listening
      ? { status: 'ok', details: { url, streams: streams.open } }
      : { status: 'error', details: { reason: 'not listening' } };
    return combineHealth({ http: listening, live: hub.health() });
  }

  return {
    id: 'api',
    get url() {
      return url;
    },
    get dashboardUrl() {
      return url && api.dashboard ? `${url}/` : undefined;
    },
    get tokenLink() {
      return tokenLink();
    },
    async start() {
      if (server) return;
      if (auth.generated && !loopback) {
        throw new Error(
          `api: listening on ${api.host} needs api.tokens (a token generated at start is only handed out on a loopback address); set e.g. { name: admin, token: "\${EARSHOT_ADMIN_TOKEN}", role: admin }`,
        );
      }
      await hub.start();
      const s = createServer(handler);
      s.keepAliveTimeout = 5000;
      s.headersTimeout = 10_000;
      s.requestTimeout = 30_000;
      await new Promise<void>((resolve, reject) => {
        s.once('error', (err: NodeJS.ErrnoException) =>
          reject(err.code === 'EADDRINUSE' ? new Error(`api: ${api.host}:${api.port} is in use (set api.port in the config)`) : err),
        );
        s.listen(api.port, api.host, () => resolve());
      });
      server = s;
      const { port } = s.address() as AddressInfo;
      const host = api.host === '0.0.0.0' || api.host === '::' ? '127.0.0.1' : api.host.includes(':') ? `[${api.host}]` : api.host;
      url = `http://${host}:${port}`;
      logger.info({ url, store: deps.store.kind, bus: deps.bus.kind }, 'api listening');
      if (auth.generated) {
        logger.warn({ tokenName: auth.generated.name, dashboardUrl: tokenLink() }, 'no api.tokens configured: generated an admin token for this run');
      }
    },
    async stop() {
      const s = server;
      server = undefined;
      streams.closeAll();
      await hub.stop();
      if (s) {
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeIdleConnections();
          // Requests still running after a grace period (a slow export) are cut off.
          setTimeout(() => s.closeAllConnections(), 2000).unref();
        });
      }
      url = undefined;
    },
    health,
  };
}
