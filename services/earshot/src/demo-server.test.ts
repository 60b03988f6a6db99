import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startDemoServer } from './demo-server.js';

function post(url: string, body: Buffer): Promise<number | 'closed'> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve('closed'));
    req.end(body);
  });
}

describe('demo webhook receiver', () => {
  it('takes a small JSON body and drops an oversized one without reading it all', async () => {
    const received: unknown[] = [];
    const demo = await startDemoServer({ port: 0, onWebhook: (body) => received.push(body) });
    try {
      expect(await post(`${demo.url}/hooks/demo`, Buffer.from('{"alert":{"title":"t"}}'))).toBe(204);
      expect(await post(`${demo.url}/hooks/demo`, Buffer.alloc(8 * 1024 * 1024, 'x'))).toBe('closed');
      expect(received).toEqual([{ alert: { title: 't' } }]);
    } finally {
      await demo.close();
    }
  });
});
