// The SSRF guard on real loopback servers, names mapped by a fake resolver: resolve → check →
// connect (no handshake with a refused peer), redirects re-checked hop by hop for sources allowed
// onto private networks, and TLS keeping the hostname for SNI and the certificate check. Every
// connection made here goes to this machine (0.0.0.0 reaches the local listener on Linux).
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fakeResolver, testTls } from '@earshot/net/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetcher } from './http-fetcher.js';

describe('http fetcher SSRF guard (loopback servers)', () => {
  let server: Server;
  let tls: HttpsServer;
  let port: number;
  let tlsPort: number;
  let connections = 0;
  const hosts: string[] = [];
  const sni: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hosts.push(req.headers.host ?? '');
      if (req.url === '/feed') res.writeHead(200).end('<rss/>');
      else if (req.url === '/to-zero') res.writeHead(302, { location: `http://0.0.0.0:${port}/feed` }).end();
      else if (req.url === '/to-metadata') res.writeHead(302, { location: 'http://metadata.test/latest/meta-data/' }).end();
      else if (req.url === '/to-intranet') res.writeHead(302, { location: `http://intranet.test:${port}/feed` }).end();
      else res.writeHead(404).end();
    });
    server.on('connection', () => connections++);
    const { cert, key } = testTls();
    tls = createTlsServer({ cert, key }, (req, res) => res.writeHead(200).end('<rss version="2.0"/>'));
    tls.on('secureConnection', (socket) => sni.push((socket as unknown as { servername?: string }).servername ?? ''));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    await new Promise<void>((ok) => tls.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
    tlsPort = (tls.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    tls.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
    await new Promise<void>((ok) => tls.close(() => ok()));
  });

  const names = { 'feed.test': '127.0.0.1', 'other.test': '127.0.0.1', 'intranet.test': '127.0.0.1', 'metadata.test': '169.254.169.254' };

  it('refuses a private peer before connecting: no TCP handshake, IP literal or name', async () => {
    const dns = fakeResolver(names);
    const http = createHttpFetcher({ userAgent: 'Earshot-test/1', resolve: dns.resolve, timeoutMs: 5000 });
    const before = connections;
    await expect(http.get(`http://127.0.0.1:${port}/feed`)).rejects.toThrow(/private or loopback address \(127\.0\.0\.1\)/);
    await expect(http.get(`http://feed.test:${port}/feed`)).rejects.toThrow(/feed\.test is a private or loopback address \(127\.0\.0\.1\)/);
    await expect(http.get(`http://[::ffff:127.0.0.1]:${port}/feed`)).rejects.toThrow(/private or loopback/);
    expect(connections).toBe(before);
    await http.close();
  });

  it('connects to the address it resolved and checked, with the name in the Host header', async () => {
    const dns = fakeResolver(names);
    const http = createHttpFetcher({ userAgent: 'Earshot-test/1', resolve: dns.resolve, timeoutMs: 5000 });
    const res = await http.get(`http://feed.test:${port}/feed`, { allowPrivateNetwork: true });
    expect(res.body.toString()).toBe('<rss/>');
    expect(hosts.at(-1)).toBe(`feed.test:${port}`);
    expect(dns.calls.filter((n) => n === 'feed.test')).toHaveLength(2); // the source's class, then the connect
    await http.close();
  });

  it('re-checks every redirect hop of an allowed source: only public addresses and its own class', async () => {
    const dns = fakeResolver(names);
    const http = createHttpFetcher({ userAgent: 'Earshot-test/1', resolve: dns.resolve, timeoutMs: 5000 });
    const allowed = { allowPrivateNetwork: true };
    // loopback source → 0.0.0.0 ("this network", another class): refused
    const before = connections;
    await expect(http.get(`http://127.0.0.1:${port}/to-zero`, allowed)).rejects.toThrow(
      /refused: 0\.0\.0\.0 is 0\.0\.0\.0 \(unspecified\); this source may reach loopback and public addresses only/,
    );
    expect(connections).toBe(before + 1); // the source itself, nothing for the refused hop
    // loopback source → a name for the metadata address: refused without connecting anywhere
    await expect(http.get(`http://127.0.0.1:${port}/to-metadata`, allowed)).rejects.toThrow(/metadata\.test is 169\.254\.169\.254 \(link-local\)/);
    // loopback → loopback under another name: the source's own class, followed
    expect((await http.get(`http://feed.test:${port}/to-intranet`, allowed)).body.toString()).toBe('<rss/>');
    await http.close();
  });

  it('keeps the hostname for SNI and the certificate check when connecting to the checked address', async () => {
    const dns = fakeResolver(names);
    const http = createHttpFetcher({ userAgent: 'Earshot-test/1', resolve: dns.resolve, ca: testTls().ca, timeoutMs: 5000 });
    const res = await http.get(`https://feed.test:${tlsPort}/`, { allowPrivateNetwork: true });
    expect(res.body.toString()).toBe('<rss version="2.0"/>');
    expect(sni.at(-1)).toBe('feed.test');
    // the certificate is for feed.test and mail.test only
    await expect(http.get(`https://other.test:${tlsPort}/`, { allowPrivateNetwork: true })).rejects.toThrow(/altnames|certificate/i);
    await http.close();
  });
});
