// Routes as data: method, path pattern, who may call it, and a handler returning a reply. Keeping
// them as a table lets one place do auth, rate limits and errors, and lets the OpenAPI test check
// that every route is documented.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.js';

/** public: anyone; read: any token; admin: admin tokens only. */
export type Access = 'public' | 'read' | 'admin';
export type Method = 'GET' | 'POST';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** Set on every route but public ones. */
  principal: Principal | undefined;
}

export interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** What the OpenAPI document says about a route. */
export interface RouteDoc {
  /** Unique, stable name of the operation (generated clients name their methods after it). */
  operationId: string;
  summary: string;
  tag: string;
  /** Query parameters, by name (described once in query-params.ts). */
  params?: readonly string[];
  body?: z.ZodType;
  /** The success body (responses.ts); for `produces` routes, what each content type carries. */
  response: z.ZodType;
  /** Content types of a 200 other than JSON (CSV, NDJSON, an event stream). */
  produces?: string[];
  /** The success status when not 200 (201 for creations, 202 for commands another service applies). */
  status?: number;
  /** Further statuses replying with the same body schema, and what they mean (a 503 health). */
  sameBodyStatuses?: Record<number, string>;
}

export interface Route {
  method: Method;
  /** `/api/v1/alerts/:key/acknowledge`: `:name` matches one path segment (URL-decoded). */
  path: string;
  access: Access;
  /** Also accept a short-lived stream ticket in `?ticket=` (for EventSource and download links). */
  acceptsTicket?: boolean;
  /** Runs store searches or aggregations: counted against the token's concurrent-search cap. */
  costly?: boolean;
  /** Resolves to a JSON reply, or to nothing when the handler wrote the response itself (streams). */
  handle(ctx: RequestContext): Promise<Reply | void>;
  /** Every /api route has one; the OpenAPI document is built from them. */
  doc?: RouteDoc;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export interface Router {
  /** The matching route, or the methods the path allows (for 405), or nothing (404). */
  match(method: string, pathname: string): RouteMatch | { allowed: Method[] } | undefined;
  readonly routes: readonly Route[];
}

export function createRouter(options: { routes: Route[] }): Router {
  const compiled = options.routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .split('/')
      .map((part) => {
        if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(part.slice(1));
        return '([^/]+)';
      })
      .join('/');
    return { route, names, pattern: new RegExp(`^${source}$`) };
  });
  return {
    routes: options.routes,
    match(method, pathname) {
      const allowed: Method[] = [];
      for (const { route, names, pattern } of compiled) {
        const m = pattern.exec(pathname);
        if (!m) continue;
        if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) {
          allowed.push(route.method);
          continue;
        }
        const params: Record<string, string> = {};
        names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1]!);
        });
        return { route, params };
      }
      return allowed.length ? { allowed } : undefined;
    },
  };
}
