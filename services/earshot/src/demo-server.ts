// Serves the bundled demo feeds (demo/feeds in the repo, written by us) on loopback, so `npm start`
// exercises the real HTTP collector path without any network.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import { readCappedBody } from '@earshot/net';
import { DEMO_DIR } from './demo-dir.js';
import { createLiveFeed } from './live-feed.js';

/** Largest webhook body the demo receiver reads (an alert or a digest is far smaller). */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  port: number;
  dir?: string;
  /** The live feed (/feeds/live.xml) releases one more item every this many ms. */
  liveIntervalMs?: number;
  now?: () => number;
  /** Called with each JSON body POSTed to /hooks/demo (the demo config's webhook channel). */
  onWebhook?: (body: unknown) => void;
}

export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const root = resolve(options.dir ?? join(DEMO_DIR, 'feeds'));
  const live = createLiveFeed({ intervalMs: options.liveIntervalMs ?? 20_000, now: options.now ?? Date.now });
  const server = createServer((req, res) => {
    if (req.method === 'POST' && (req.url ?? '').split('?')[0] === '/hooks/demo') {
      // Anyone on this machine can post here: read a bounded body, drop the rest.
      void readCappedBody(req, MAX_WEBHOOK_BYTES).then(
        ({ text, truncated }) => {
          if (truncated) return void res.destroy(); // the connection is already closed
          try {
            options.onWebhook?.(JSON.parse(text));
            res.writeHead(204).end();
          } catch {
            res.writeHead(400).end('not JSON');
          }
        },
        () => res.destroy(),
      );
      return;
    }
    if ((req.url ?? '').split('?')[0] === '/feeds/live.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(live.render());
      return;
    }
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.replace(/^\/feeds\//, '/'));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const type = file.endsWith('.json') ? 'application/feed+json' : file.endsWith('.atom') ? 'application/atom+xml' : 'application/rss+xml';
    res.writeHead(200, { 'content-type': type, 'last-modified': statSync(file).mtime.toUTCString() });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'EADDRINUSE' ? new Error(`demo feed server: port ${options.port} is in use (set demo.port in the config)`) : err),
    );
    server.listen(options.port, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
