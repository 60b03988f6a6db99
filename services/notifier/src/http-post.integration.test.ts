// A receiver that answers 200 with a huge streamed body: the poster reads at most its cap, says so,
// and closes the connection instead of buffering the rest (the issue saw 250 MB grow to 1.36 GB).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpPoster } from './http-post.js';

const CHUNK = Buffer.alloc(1024 * 1024, 'x');
/** Huge rather than endless, so that code without a cap fails the test instead of exhausting memory. */
const HUGE = 128 * 1024 * 1024;

describe('http post reads a bounded part of the answer', () => {
  let server: Server;
  let url: string;
  /** Bytes the receiver managed to hand to its socket before the client went away. */
  let written = 0;
  let closed: Promise<void>;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const status = req.url === '/fail' ? 500 : 200;
        res.writeHead(status, { 'content-type': 'text/plain' });
        closed = new Promise((resolve) => res.once('close', () => resolve()));
        // Streams HUGE bytes for as long as the client keeps reading.
        const pump = () => {
          while (!res.destroyed && written < HUGE) {
            written += CHUNK.length;
            if (!res.write(CHUNK)) return;
          }
          if (!res.destroyed) res.end();
        };
        res.on('drain', pump);
        pump();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });

  it('returns the first 64 KiB of a 200 answer, marked truncated, and drops the connection', async () => {
    const poster = createHttpPoster({ timeoutMs: 60_000, allowPrivateNetwork: true });
    try {
      written = 0;
      const result = await poster.post(`${url}/hook`, '{}', {});
      expect(result.status).toBe(200);
      expect(result.truncated).toBe(true);
      expect(Buffer.byteLength(result.body)).toBe(64 * 1024);
      expect(result.body).toMatch(/^x+$/);
      await closed; // the receiver sees the connection end: nothing more is read
      // Only socket buffers' worth got out of the receiver, not the whole body.
      expect(written).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await poster.close();
    }
  });

  it('an error answer with a huge body fails the delivery and says the body was cut', async () => {
    const poster = createHttpPoster({ timeoutMs: 60_000, allowPrivateNetwork: true, maxResponseBytes: 1024 });
    try {
      written = 0;
      await expect(poster.post(`${url}/fail`, '{}', {})).rejects.toThrow(/^HTTP 500 from 127\.0\.0\.1:\d+ \(response body cut at 1024 bytes\)$/);
      await closed;
      expect(written).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await poster.close();
    }
  });
});
