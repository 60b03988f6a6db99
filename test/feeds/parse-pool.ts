// A small pool of worker threads that parse corpus files with a timeout per file: a file that
// hangs the parser is reported as a hang and its worker replaced, and the run goes on.
import { Worker } from 'node:worker_threads';
import type { ParseReply, ParseRequest } from './parse-worker.js';

export type PoolOutcome = { kind: 'ok'; result: unknown; ms: number } | { kind: 'crash'; message: string } | { kind: 'hang'; ms: number };

export interface ParsePool {
  parse(path: string, contentType?: string): Promise<PoolOutcome>;
  close(): Promise<void>;
}

/** Worker threads do not inherit the tsx loader: the worker's entry imports the TS file through it. */
function startWorker(): Promise<Worker> {
  const target = new URL('./parse-worker.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(target)}, ${JSON.stringify(import.meta.url)}))`, {
    eval: true,
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m) => (m === 'ready' ? resolve(worker) : reject(new Error(`unexpected first message ${String(m)}`))));
  });
}

export async function createParsePool(options: { size: number; timeoutMs: number }): Promise<ParsePool> {
  const idle: Worker[] = await Promise.all(Array.from({ length: options.size }, startWorker));
  const waiting: ((w: Worker) => void)[] = [];
  let nextId = 0;

  const acquire = () => new Promise<Worker>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
  const release = (worker: Worker) => (waiting.length ? waiting.shift()!(worker) : idle.push(worker));

  return {
    async parse(path, contentType) {
      const worker = await acquire();
      const request: ParseRequest = { id: nextId++, path, ...(contentType ? { contentType } : {}) };
      const outcome = await new Promise<PoolOutcome>((resolve) => {
        const timer = setTimeout(() => {
          worker.off('message', onMessage);
          resolve({ kind: 'hang', ms: options.timeoutMs });
        }, options.timeoutMs);
        const onMessage = (reply: ParseReply) => {
          if (reply.id !== request.id) return;
          clearTimeout(timer);
          worker.off('message', onMessage);
          resolve('crash' in reply ? { kind: 'crash', message: reply.crash } : { kind: 'ok', result: reply.result, ms: reply.ms });
        };
        worker.on('message', onMessage);
        worker.postMessage(request);
      });
      if (outcome.kind === 'hang') {
        await worker.terminate();
        release(await startWorker());
      } else release(worker);
      return outcome;
    },
    async close() {
      await Promise.all(idle.map((w) => w.terminate()));
    },
  };
}
