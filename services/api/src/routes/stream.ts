// The live stream: new mentions (matching the same filters as search) and alert changes, as
// Server-Sent Events. Browsers' EventSource cannot send headers, so a client may first trade its
// token for a one-minute ticket (POST /api/v1/stream/ticket) and connect with `?ticket=`.
import type { ApiContext } from '../api-context.js';
import { HttpError } from '../http/http-error.js';
import type { Route } from '../http/router.js';
import { matchesBrand, matchesFilter } from '../live/matches-filter.js';
import { openSse, type SseConnection } from '../live/sse-connection.js';
import { toSearch } from '../query/mention-filter.js';
import { FILTER_PARAMS, readParams } from '../query/query-params.js';
import { defineRoute } from '../http/define-route.js';
import { streamResponse, streamTicketResponse } from '../responses.js';

export const STREAM_PARAMS = [...FILTER_PARAMS, 'q', 'ticket'] as const;

export interface StreamRoutes {
  routes: Route[];
  /** Ends every open stream (on stop, so the server can close). */
  closeAll(): void;
  readonly open: number;
}

export function streamRoutes(ctx: ApiContext): StreamRoutes {
  const connections = new Set<SseConnection>();
  const perToken = new Map<string, number>();
  const routes: Route[] = [
    defineRoute({
      method: 'POST',
      path: '/api/v1/stream/ticket',
      access: 'read',
      doc: {
        operationId: 'createStreamTicket',
        response: streamTicketResponse,
        summary: 'A one-minute ticket for connecting to the stream (or an export link) without an Authorization header.',
        tag: 'stream',
        status: 201,
      },
      async handle({ url, principal }) {
        readParams(url.searchParams, []);
        return { status: 201, body: ctx.tickets.issue(principal!.name) };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/stream',
      access: 'read',
      acceptsTicket: true,
      doc: {
        operationId: 'streamEvents',
        response: streamResponse,
        summary: 'Live Server-Sent Events: `mention` (new mentions matching the filters), `alert` (alert changes), `ready`.',
        tag: 'stream',
        params: STREAM_PARAMS,
        produces: ['text/event-stream'],
      },
      async handle({ url, res, principal }) {
        const { limit: _l, offset: _o, sort: _s, ...filter } = toSearch(readParams(url.searchParams, STREAM_PARAMS), ctx.now());
        const name = principal!.name;
        const count = perToken.get(name) ?? 0;
        if (count >= ctx.api.maxStreamsPerToken) {
          throw new HttpError(429, 'too_many_streams', `at most ${ctx.api.maxStreamsPerToken} open streams per token`, { 'retry-after': '30' });
        }
        perToken.set(name, count + 1);
        let unlisten = () => {};
        const connection = openSse({
          res,
          onClose: () => {
            unlisten();
            connections.delete(connection);
            perToken.set(name, (perToken.get(name) ?? 1) - 1);
          },
        });
        connections.add(connection);
        unlisten = ctx.hub.listen((event) => {
          if (event.type === 'mention' && matchesFilter(event.mention, filter)) connection.send('mention', event.mention, event.mention.id);
          if (event.type === 'alert' && matchesBrand(event.alert.brandId, filter)) connection.send('alert', event.alert);
        });
        connection.send('ready', { at: ctx.now().toISOString() });
      },
    }),
  ];
  return {
    routes,
    get open() {
      return connections.size;
    },
    closeAll() {
      for (const c of [...connections]) c.close();
    },
  };
}
