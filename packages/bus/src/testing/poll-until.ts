// Polls a condition until it holds, for the bus's tests (contract suite, Kafka integration tests):
// they wait for deliveries and group lag, which arrive when the broker and the rebalances say so.

/** Resolves once `check` holds; rejects "timed out waiting for <what>" after `timeoutMs`, asking every `everyMs`. */
export async function pollUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs: number, everyMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
