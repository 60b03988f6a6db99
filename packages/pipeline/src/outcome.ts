// What a step returns for one message. Bad data never throws: it becomes `dlq` or `drop`, and one
// handler (the stage runner) turns these into side effects and metrics.

export interface Output {
  topic: string;
  key: string;
  value: Buffer;
  headers?: Record<string, string>;
}

export type Outcome =
  { kind: 'ok'; outputs: Output[] } | { kind: 'dlq'; reason: string } | { kind: 'drop'; reason: string } | { kind: 'retryLater'; reason: string };

export const ok = (outputs: Output[] = []): Outcome => ({ kind: 'ok', outputs });
export const dlq = (reason: string): Outcome => ({ kind: 'dlq', reason });
export const drop = (reason: string): Outcome => ({ kind: 'drop', reason });
export const retryLater = (reason: string): Outcome => ({ kind: 'retryLater', reason });
