// foldDiacritics (the Elasticsearch store's folded copies, the live stream's matching, the text the
// SQLite store gives FTS5) must fold what SQLite's FTS5 tokenizer (`unicode61 remove_diacritics 2`)
// folds, plus Hebrew points, which the tokenizer keeps, and nothing else: or the two backends would
// find different mentions for the same search. Checked against the real tokenizer.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { foldDiacritics, parseTextQuery, searchText, toFts5 } from '../fts-query.js';

// Our own words: Estonian, French, German, Polish, Czech, Vietnamese, Turkish, Danish, Latvian;
// Russian, Kazakh, Ukrainian, Belarusian, Hebrew with points, Greek.
const WORDS = [
  'tõusid',
  'jäätis',
  'šokolaad',
  'žürii',
  'crème',
  'naïve',
  'Über',
  'łódź',
  'příliš',
  'tiếng',
  'ağaç',
  'ışık',
  'søster',
  'æble',
  'ģimene',
  'ёлка',
  'йогурт',
  'өте',
  'қызмет',
  'ғалам',
  'їжак',
  'ўсё',
  'שָׁלוֹם',
  'ἀγάπη',
  'άνθρωπος',
  'Straße',
  'ﬁne',
];
/** The word with every combining mark taken off, whatever its script: what folding could at most give. */
const stripped = (w: string) =>
  w
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');

const HEBREW = /\p{Script=Hebrew}/u;

describe('foldDiacritics', () => {
  const db = new Database(':memory:');
  afterAll(() => db.close());
  db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO t(x) VALUES (?)');
  for (const w of WORDS) insert.run(w);
  const finds = (query: string, word: string) =>
    (db.prepare('SELECT x FROM t WHERE t MATCH ?').all(`"${query.replace(/"/g, '""')}"`) as { x: string }[]).some((r) => r.x === word);

  it.each(WORDS.filter((w) => !HEBREW.test(w)))('folds %s as SQLite does', (word) => {
    const folded = foldDiacritics(word);
    // What we fold, SQLite finds by the folded spelling; what we leave, it does not find with its marks taken off.
    if (folded !== word) expect(finds(folded, word)).toBe(true);
    else if (stripped(word) !== word) expect(finds(stripped(word), word)).toBe(false);
    expect(finds(word, word)).toBe(true);
  });

  it('takes Hebrew points off, which SQLite keeps (so the store gives it the text folded)', () => {
    const word = WORDS.find((w) => HEBREW.test(w))!;
    expect(foldDiacritics(word)).toBe(stripped(word));
    expect(finds(stripped(word), word)).toBe(false);
  });

  it.each(WORDS)('finds %s by itself and folded, written as the store writes it', (word) => {
    const store = new Database(':memory:');
    try {
      store.exec("CREATE VIRTUAL TABLE f USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')");
      store.prepare('INSERT INTO f(x) VALUES (?)').run(searchText(word));
      const count = (text: string) => (store.prepare('SELECT count(*) AS n FROM f WHERE f MATCH ?').get(toFts5(parseTextQuery(text))) as { n: number }).n;
      expect(count(word)).toBe(1);
      expect(count(foldDiacritics(word))).toBe(1);
    } finally {
      store.close();
    }
  });

  it('folds Latin letters and Hebrew points only, and returns text without them as it is', () => {
    expect(foldDiacritics('Hinnad tõusid jälle, šokolaad')).toBe('Hinnad tousid jalle, sokolaad');
    expect(foldDiacritics('בֵּית־סֵפֶר שָׁלוֹם')).toBe('בית־ספר שלום'); // the maqaf stays
    expect(foldDiacritics('Заказ пришёл, йогурт')).toBe('Заказ пришёл, йогурт');
    const ascii = 'plain text';
    expect(foldDiacritics(ascii)).toBe(ascii);
    expect(foldDiacritics('to\u0303usid')).toBe('tousid'); // a base letter and a combining mark, typed apart
  });
});
