// The SQLite store gives FTS5 its search text folded (searchText: Latin diacritics, Hebrew points,
// a word typed in two scripts read in one, Kazakh letters and ё as Russian ones, a link glued to the
// word before it split off). A file written before that holds some rows with their points on, a word
// glued to a link, typed in two scripts or with Kazakh letters, which a search for the unpointed word,
// the word alone or its other spelling would miss. Opening such a file folds those rows once, in one
// transaction, and records it in the file's user_version, so a search finds every row the same way
// and asks for each word once.
import type Database from 'better-sqlite3';
import { searchText } from '../fts-query.js';

/**
 * user_version of a file whose search text is all folded as searchText folds it now. 0: written
 * before, or new; 1: diacritics and points folded, links still glued to words; 2: links split off,
 * words typed in two scripts ("Кaспи" with a Latin a), Kazakh letters and ё still as typed.
 */
export const FOLDED_SEARCH_TEXT_VERSION = 3;

/** Each table's searched columns, as the store and its stories write them. */
const SEARCHED = [
  { table: 'mentions_fts', columns: ['title', 'text', 'author'] },
  { table: 'stories_fts', columns: ['title', 'terms'] },
] as const;

/** Folds the search text of rows written unfolded; returns how many rows it rewrote (0 once done). */
export function refoldSearchText(db: Database.Database): number {
  if (userVersion(db) >= FOLDED_SEARCH_TEXT_VERSION) return 0;
  db.function('earshot_fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? searchText(value) : value));
  const refold = db.transaction(() => {
    // Another process may have done it between the check above and this write lock.
    if (userVersion(db) >= FOLDED_SEARCH_TEXT_VERSION) return 0;
    let rows = 0;
    for (const { table, columns } of SEARCHED) {
      const set = columns.map((c) => `${c} = earshot_fold(${c})`).join(', ');
      const changed = columns.map((c) => `${c} IS NOT earshot_fold(${c})`).join(' OR ');
      rows += db.prepare(`UPDATE ${table} SET ${set} WHERE ${changed}`).run().changes;
    }
    db.pragma(`user_version = ${FOLDED_SEARCH_TEXT_VERSION}`);
    return rows;
  });
  return refold.immediate();
}

function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
