// A TCP proxy in front of a Kafka listener, for fault tests: it passes requests and responses through
// unchanged, and can refuse requests of chosen kinds (API keys) by closing the client's connection
// when one arrives, as a coordinator that cannot be reached for that call would look to the client,
// or refuse everything (every connection closed at once and on arrival): the broker is gone.
// The listener must advertise the proxy's port (test/setup/kafka-matrix.ts FaultListener), so that
// every connection a client opens after bootstrapping here passes the proxy too.
import { createServer, connect, type Server, type Socket } from 'node:net';

/** Kafka API keys of the group calls a fault test refuses. */
export const KAFKA_API = { offsetCommit: 8, joinGroup: 11, heartbeat: 12, syncGroup: 14 } as const;

export interface KafkaFaultProxy {
  /** host:port to bootstrap a client at. */
  address: string;
  /** Refuse requests of these API keys, or everything, from now on (replacing what was refused before). */
  refuse(what: number[] | 'everything'): void;
  /** How many requests were refused so far. */
  readonly refused: number;
  close(): Promise<void>;
}

export async function startKafkaFaultProxy(options: { upstream: string; port: number }): Promise<KafkaFaultProxy> {
  const [upstreamHost, upstreamPort] = splitHostPort(options.upstream);
  let refusing: ReadonlySet<number> | 'everything' = new Set();
  let refused = 0;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    if (refusing === 'everything') {
      refused++;
      client.destroy();
      return;
    }
    const broker = connect(upstreamPort, upstreamHost);
    for (const s of [client, broker]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    const hangUp = () => {
      client.destroy();
      broker.destroy();
    };
    client.on('close', hangUp);
    broker.on('close', hangUp);
    broker.on('data', (chunk: Buffer) => client.write(chunk));

    // Requests are forwarded whole (size-prefixed frames), so a refused one never reaches the broker.
    let pending: Buffer = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 4) {
        const end = 4 + pending.readInt32BE(0);
        if (pending.length < end) return;
        const frame = pending.subarray(0, end);
        pending = pending.subarray(end);
        if (refusing === 'everything' || (frame.length >= 6 && refusing.has(frame.readInt16BE(4)))) {
          refused++;
          hangUp();
          return;
        }
        broker.write(frame);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });

  return {
    address: `127.0.0.1:${options.port}`,
    refuse(what) {
      refusing = what === 'everything' ? what : new Set(what);
      if (refusing === 'everything') for (const s of sockets) s.destroy();
    },
    get refused() {
      return refused;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function splitHostPort(address: string): [string, number] {
  const at = address.lastIndexOf(':');
  const port = Number(address.slice(at + 1));
  if (at <= 0 || !Number.isInteger(port)) throw new Error(`not a host:port address: "${address}"`);
  return [address.slice(0, at), port];
}
