// Mentions and stories that Elasticsearch indexed before the store wrote folded copies of their
// searched text (mapping.ts: `folded.*`) are found only as they are spelled: "tõusid" but not
// "tousid", שָׁלוֹם but not שלום. refoldSearchText reads each document of the given indices that has no
// folded copy and, where folding changes a searched field, adds the copies. Each update holds only if
// the document is as it was read (if_seq_no), so one the indexer rewrote meanwhile keeps what the
// indexer wrote, which has its copies. `earshot store refold` runs it. Copies split a word glued to
// a link ("Сбербанкhttp://…") since issue 10's round 26, and read a word typed in two scripts ("Кaспи"
// with a Latin a) in one and Kazakh letters and ё as Russian ones since round 36; a document given
// copies before then (for its diacritics or points) keeps them as they were folded, until it is
// indexed again.
import type { Client, estypes } from '@elastic/elasticsearch';
import { bulkItemError } from './es-errors.js';
import { withFoldedCopies, type SearchedText } from './mapping.js';

export interface RefoldTarget {
  /** An index name or pattern (`<prefix>-mentions-*`). */
  index: string;
  searched: SearchedText;
}

export interface RefoldProgress {
  index: string;
  /** Documents without folded copies read so far. */
  read: number;
  /** Of those, documents given their folded copies. */
  refolded: number;
  /** Documents rewritten by someone else between the read and the update, left as they are. */
  changedMeanwhile: number;
}

export interface RefoldOptions {
  /** Documents read and updated at a time (default 500). */
  batchSize?: number;
  /** Called after each batch, with the totals so far of each index the batch read from. */
  onProgress?: (progress: RefoldProgress) => void;
}

const UNFOLDED: estypes.QueryDslQueryContainer = { bool: { must_not: { exists: { field: 'folded' } } } };

/** Adds the folded copies the documents of each target lack; returns what it did, per concrete index. */
export async function refoldSearchText(client: Client, targets: readonly RefoldTarget[], options: RefoldOptions = {}): Promise<RefoldProgress[]> {
  const size = options.batchSize ?? 500;
  const done = new Map<string, RefoldProgress>();
  const progressOf = (index: string) => done.get(index) ?? done.set(index, { index, read: 0, refolded: 0, changedMeanwhile: 0 }).get(index)!;
  for (const { index, searched } of targets) {
    const fields = Object.keys(searched);
    let refoldedHere = 0;
    let page = await client.search<Record<string, unknown>>({
      index,
      scroll: '2m',
      size,
      query: UNFOLDED,
      _source: fields,
      seq_no_primary_term: true,
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    try {
      while (page.hits.hits.length > 0) {
        const operations: object[] = [];
        for (const hit of page.hits.hits) {
          progressOf(hit._index).read++;
          const { folded } = withFoldedCopies(hit._source ?? {}, searched);
          if (!folded) continue;
          operations.push({ update: { _index: hit._index, _id: hit._id, if_seq_no: hit._seq_no, if_primary_term: hit._primary_term } }, { doc: { folded } });
        }
        if (operations.length > 0) {
          const result = await client.bulk({ operations });
          for (const item of result.items) {
            const outcome = item.update!;
            if (outcome.status === 409) progressOf(outcome._index).changedMeanwhile++;
            else if (outcome.error) throw bulkItemError(outcome.status, outcome.error, `folding ${outcome._index}/${outcome._id}`);
            else {
              progressOf(outcome._index).refolded++;
              refoldedHere++;
            }
          }
        }
        for (const name of new Set(page.hits.hits.map((h) => h._index))) options.onProgress?.({ ...progressOf(name) });
        if (!page._scroll_id) break;
        page = await client.scroll<Record<string, unknown>>({ scroll_id: page._scroll_id, scroll: '2m' });
      }
    } finally {
      if (page._scroll_id) await client.clearScroll({ scroll_id: page._scroll_id }).catch(() => undefined);
    }
    // Searches right after see the copies, as they see the store's own writes.
    if (refoldedHere > 0) await client.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
  }
  return [...done.values()].sort((a, b) => a.index.localeCompare(b.index));
}
