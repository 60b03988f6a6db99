import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetcher } from './http-fetcher.js';

describe('http fetcher on loopback', () => {
  let server: Server;
  let base: string;
  const agents: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      agents.push(req.headers['user-agent'] ?? '');
      if (req.url === '/feed') res.writeHead(200, { 'content-type': 'text/xml' }).end('<rss/>');
      else if (req.url === '/gz') res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('compressed'));
      else if (req.url === '/big') res.writeHead(200).end(Buffer.alloc(5000, 'x'));
      else if (req.url?.startsWith('/loop')) res.writeHead(302, { location: `/loop${Number(req.url.slice(5) || 0) + 1}` }).end();
      else if (req.url === '/redirect') res.writeHead(301, { location: '/feed' }).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  const fetcher = () => createHttpFetcher({ userAgent: 'Earshot-test/1', maxBodyBytes: 1000, maxRedirects: 3, timeoutMs: 5000 });

  it('refuses a loopback address unless the source allows private networks', async () => {
    const http = fetcher();
    await expect(http.get(`${base}/feed`)).rejects.toThrow(/private or loopback address/);
    const res = await http.get(`${base}/feed`, { allowPrivateNetwork: true });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('<rss/>');
    expect(agents.at(-1)).toBe('Earshot-test/1');
    await http.close();
  });

  it('decompresses, follows a few redirects, caps body size and redirect count, refuses other schemes', async () => {
    const http = fetcher();
    const opts = { allowPrivateNetwork: true };
    expect((await http.get(`${base}/gz`, opts)).body.toString()).toBe('compressed');
    expect((await http.get(`${base}/redirect`, opts)).body.toString()).toBe('<rss/>');
    await expect(http.get(`${base}/big`, opts)).rejects.toThrow(/larger than 1000 bytes/);
    await expect(http.get(`${base}/loop0`, opts)).rejects.toThrow(/redirect/i);
    await expect(http.get('file:///etc/passwd')).rejects.toThrow(/not http\(s\)/);
    await http.close();
  });
});
