// The indexer's step: write a batch of enriched mentions to the store by id (a replay overwrites).
// Documents the store refuses go to the DLQ with its reason; an unavailable store retries the batch.
import { dlq, ok, retryLater, type DecodedMessage, type Outcome } from '@earshot/pipeline';
import { isRetriable } from '@earshot/core';
import type { MentionIndex } from '@earshot/store';

export async function indexBatch(batch: DecodedMessage<'mention.enriched'>[], store: MentionIndex): Promise<Outcome[]> {
  // The same mention twice in one batch: the later copy wins, as it would across batches.
  const latest = new Map(batch.map(({ message }) => [message.payload.id, message.payload]));
  try {
    const result = await store.upsertMentions([...latest.values()]);
    const rejected = new Map(result.rejected.map((r) => [r.id, r.reason]));
    return batch.map(({ message }) => {
      const reason = rejected.get(message.payload.id);
      return reason ? dlq(`store rejected the document: ${reason}`) : ok();
    });
  } catch (err) {
    if (isRetriable(err)) return batch.map(() => retryLater((err as Error).message));
    throw err;
  }
}
