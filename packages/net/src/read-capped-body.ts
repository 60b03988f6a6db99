// Reads at most a few bytes of an HTTP response body we did not ask for in bulk (a webhook's
// "ok", an error page) and drops the rest without buffering it: the stream is destroyed at the
// cap, so a receiver answering with an endless or huge body costs a bounded amount of memory.
export const DEFAULT_BODY_CAP_BYTES = 64 * 1024;

export interface CappedBody {
  /** The first bytes (at most the cap), as UTF-8 text. */
  text: string;
  /** True when the body went on past the cap and the rest was dropped unread. */
  truncated: boolean;
}

export interface ReadableBody extends AsyncIterable<unknown> {
  destroy(error?: Error): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

export async function readCappedBody(body: ReadableBody, maxBytes: number = DEFAULT_BODY_CAP_BYTES): Promise<CappedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    if (size + bytes.length > maxBytes) {
      chunks.push(bytes.subarray(0, maxBytes - size));
      // Closing the stream closes the connection: nothing more is read.
      body.on('error', () => {});
      body.destroy();
      return { text: decode(chunks), truncated: true };
    }
    chunks.push(bytes);
    size += bytes.length;
  }
  return { text: decode(chunks), truncated: false };
}

/** UTF-8, with a character cut at the cap dropped rather than shown as a replacement mark. */
function decode(chunks: Buffer[]): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks), { stream: true });
}
