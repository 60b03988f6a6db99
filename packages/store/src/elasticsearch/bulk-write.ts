// Writes enriched mentions in one bulk request, each with `_id` = mention id into the monthly index
// of its own time, so a replay overwrites instead of duplicating. Should a mention's time have
// moved to another month since it was first written (a re-collected item without a date), the old
// copy is deleted by a second request (the lookup runs beside the write, costing no latency).
// Per item: 429 and 5xx make the whole call throw a retriable error (the batch is redelivered,
// nothing committed; rewriting is harmless); any other refusal is returned as rejected with
// Elasticsearch's reason, for the DLQ.
import type { Client, estypes } from '@elastic/elasticsearch';
import { EarshotError } from '@earshot/core';
import type { EnrichedMention } from '@earshot/schema';
import type { WriteResult } from '../port.js';
import { describeEsError, isRetriableStatus } from './es-errors.js';
import { mentionIndexFor, toMentionDocument } from './mapping.js';

export interface BulkWriteOptions {
  client: Client;
  prefix: string;
  /** The alias over every monthly index. */
  alias: string;
}

/** Where each of these ids is stored now, if anywhere (near real time: a just-written copy may be missed). */
async function currentIndices(options: BulkWriteOptions, ids: string[]): Promise<Map<string, string[]>> {
  const response = await options.client.search({
    index: options.alias,
    size: ids.length * 2,
    _source: false,
    query: { ids: { values: ids } },
    ignore_unavailable: true,
    allow_no_indices: true,
  });
  const found = new Map<string, string[]>();
  for (const hit of response.hits.hits) {
    if (hit._id === undefined) continue;
    found.set(hit._id, [...(found.get(hit._id) ?? []), hit._index]);
  }
  return found;
}

/** The per-item outcome of a bulk response: written, rejected (with reason), or a retriable failure. */
export function readBulkItems(items: estypes.BulkResponse['items']): { written: number; rejected: WriteResult['rejected']; retriable?: string } {
  const rejected: WriteResult['rejected'] = [];
  let written = 0;
  let retriable: string | undefined;
  for (const item of items) {
    const [action, result] = Object.entries(item)[0] as [string, estypes.BulkResponseItem];
    if (action === 'delete') {
      if (result.error && result.status !== 404) retriable ??= `delete of a moved copy failed: ${describeEsError(result.error)}`;
      continue;
    }
    if (!result.error) written++;
    else if (isRetriableStatus(result.status)) retriable ??= `HTTP ${result.status} ${describeEsError(result.error)}`;
    else rejected.push({ id: result._id ?? '', reason: describeEsError(result.error) });
  }
  return { written, rejected, retriable };
}

export async function bulkWriteMentions(options: BulkWriteOptions, mentions: EnrichedMention[]): Promise<WriteResult> {
  if (mentions.length === 0) return { written: 0, rejected: [] };
  const targets = new Map(mentions.map((m) => [m.id, mentionIndexFor(options.prefix, m)]));
  const operations: estypes.BulkRequest['operations'] = mentions.flatMap((m) => [{ index: { _index: targets.get(m.id)!, _id: m.id } }, toMentionDocument(m)]);
  const [existing, response] = await Promise.all([currentIndices(options, [...targets.keys()]), options.client.bulk({ operations })]);
  const moved = [...existing].flatMap(([id, indices]) =>
    indices.filter((index) => index !== targets.get(id)).map((index) => ({ delete: { _index: index, _id: id } })),
  );
  const result = readBulkItems(response.items);
  if (moved.length) {
    const deletes = await options.client.bulk({ operations: moved });
    result.retriable ??= readBulkItems(deletes.items).retriable;
  }
  if (result.retriable) throw new EarshotError(`elasticsearch: bulk write: ${result.retriable}`, { retriable: true });
  return { written: result.written, rejected: result.rejected };
}
