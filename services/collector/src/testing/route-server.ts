// Test helper: a loopback HTTP server whose routes are functions, so a test can answer with
// recorded bodies, 304s, 429 + Retry-After, redirects, slow or oversized bodies, and see what
// the collector sent (conditional headers, User-Agent).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface RouteServer {
  url: string;
  route(path: string, handler: Route): void;
  /** Requests seen, in order: path and headers. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startRouteServer(): Promise<RouteServer> {
  const routes = new Map<string, Route>();
  const requests: RouteServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path: req.url ?? '/', headers: req.headers });
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    route: (path, handler) => routes.set(path, handler),
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Serves a body with a content type (and any extra headers). */
export function serve(body: string | Buffer, contentType: string, headers: Record<string, string> = {}): Route {
  return (_req, res) => res.writeHead(200, { 'content-type': contentType, ...headers }).end(body);
}
