// One Server-Sent Events response: writes named events, keeps the connection alive with comments,
// and gives up on a client that stops reading (rather than buffering for it without bound).
import type { ServerResponse } from 'node:http';

export interface SseConnection {
  send(event: string, data: unknown, id?: string): void;
  close(): void;
  readonly closed: boolean;
}

export interface SseOptions {
  res: ServerResponse;
  heartbeatMs?: number;
  /** Bytes queued for a slow client before it is dropped. */
  maxBufferedBytes?: number;
  onClose: () => void;
}

export function openSse(options: SseOptions): SseConnection {
  const { res } = options;
  const maxBuffered = options.maxBufferedBytes ?? 1_000_000;
  let closed = false;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n: connected\n\n');
  const heartbeat = setInterval(() => res.write(': ping\n\n'), options.heartbeatMs ?? 15_000);
  heartbeat.unref();
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    if (!res.writableEnded) res.end();
    options.onClose();
  };
  res.on('close', close);
  return {
    get closed() {
      return closed;
    },
    send(event, data, id) {
      if (closed) return;
      if (res.writableLength > maxBuffered) return close();
      // JSON has no raw newlines, so one data line carries the whole event.
      res.write(`event: ${event}\n${id ? `id: ${id.replace(/[\r\n]/g, '')}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
    },
    close,
  };
}
