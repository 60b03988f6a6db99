// Worker thread for the conformance test: parses one corpus file per message, so the test can put a
// timeout on each file and terminate a worker that hangs, without one CLI process per file.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { parseFeed } from '@earshot/feeds';

export interface ParseRequest {
  id: number;
  path: string;
  contentType?: string;
}

export type ParseReply = { id: number; result: unknown; ms: number } | { id: number; crash: string; ms: number };

parentPort?.on('message', (request: ParseRequest) => {
  const started = performance.now();
  try {
    const result = parseFeed(readFileSync(request.path), { contentType: request.contentType });
    parentPort?.postMessage({ id: request.id, result, ms: performance.now() - started } satisfies ParseReply);
  } catch (err) {
    parentPort?.postMessage({
      id: request.id,
      crash: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      ms: performance.now() - started,
    } satisfies ParseReply);
  }
});
parentPort?.postMessage('ready');
