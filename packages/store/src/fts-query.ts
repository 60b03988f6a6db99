// Turns a user's search text into a safe full-text query: words and "quoted phrases", all required.
// Operators, columns and other syntax in the input are treated as plain words, so a query string can
// never become FTS5 (or Elasticsearch) syntax. The text is bounded, because its cost grows with it:
// at most MAX_TERMS words (phrase words included), each at most MAX_TERM_LENGTH characters, and a
// word is matched as a prefix only from MIN_PREFIX_LENGTH characters (a one-letter prefix matches
// most of the index). Case, Latin letters' diacritics, Hebrew points, a word typed with the other
// script's look-alike letters and Kazakh letters or ё typed as Russian ones do not matter ("tousid"
// finds "Tõusid", שלום finds שָׁלוֹם, Каспи finds "Кaспи" written with a Latin a, Қазпошта finds
// Казпошта, всё finds все, and the other way round). Every place that searches text means this:
// SQLite's FTS5 by the folded text it is given and its tokenizer, Elasticsearch by the folded copies
// the store indexes (both searchText), a live stream by matchesTextQuery.
import { withRussianLetters, withWordsInOneScript } from '@earshot/text';
import { TextQueryError } from './query-errors.js';

export interface TextQuery {
  /** Single words; those of MIN_PREFIX_LENGTH characters or more also match as prefixes. */
  terms: string[];
  phrases: string[];
}

export const TEXT_QUERY_LIMITS = {
  maxTerms: 32,
  maxTermLength: 64,
  minPrefixLength: 3,
} as const;

// A word keeps its combining marks (Hebrew points, Devanagari vowel signs), as the stores' tokenizers do.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const length = (word: string) => [...word].length;

/** Parses the text; throws a TextQueryError naming the limit when the text is over it. */
export function parseTextQuery(input: string): TextQuery {
  // Composed, so that a letter typed as a base and a mark stays one word.
  input = input.normalize('NFC');
  const phrases: string[] = [];
  let words = 0;
  const check = (found: string[]) => {
    words += found.length;
    if (words > TEXT_QUERY_LIMITS.maxTerms) {
      throw new TextQueryError(`search text has too many words: at most ${TEXT_QUERY_LIMITS.maxTerms} (phrase words included)`);
    }
    const long = found.find((w) => length(w) > TEXT_QUERY_LIMITS.maxTermLength);
    if (long)
      throw new TextQueryError(`search word "${[...long].slice(0, 20).join('')}…" is too long: at most ${TEXT_QUERY_LIMITS.maxTermLength} characters a word`);
  };
  const rest = input.replace(/"([^"]*)"/g, (_m, phrase: string) => {
    const found = phrase.match(WORD) ?? [];
    check(found);
    if (found.length) phrases.push(found.join(' '));
    return ' ';
  });
  const terms = rest.match(WORD) ?? [];
  check(terms);
  return { terms, phrases };
}

/** Whether a term is long enough to be matched as a prefix. */
export const isPrefixTerm = (term: string) => length(term) >= TEXT_QUERY_LIMITS.minPrefixLength;

/**
 * Text as a search compares it. Latin letters lose their diacritics ("tõusid" → "tousid", "crème" →
 * "creme"), as SQLite's FTS5 tokenizer `unicode61 remove_diacritics 2` folds them. Hebrew loses its
 * points and cantillation marks (שָׁלוֹם → שלום): most Hebrew is written without them, and no
 * tokenizer here takes them off, so the stores are given text folded by this. Letters of other scripts
 * keep their marks (й is not и, ё is not е), as do letters that are not a base letter plus a mark (ø,
 * ł, ß), and Hebrew punctuation (the maqaf joining two words stays a break between them). The result
 * is composed (NFC): plain ASCII is returned as it is.
 */
export function foldDiacritics(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.normalize('NFD').replace(LATIN_MARKS, '$1').replace(HEBREW_POINTS, '').normalize('NFC');
}
const NON_ASCII = /[^ -~\s]/;
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
/** Hebrew's marks (U+0591–U+05C7) but its punctuation: maqaf, paseq, sof pasuq, nun hafukha. */
const HEBREW_POINTS = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g;

/**
 * Text or a search term folded as a search compares it: foldDiacritics; each word typed in two scripts
 * in one ("Кaспи" with a Latin a is "каспи"); Kazakh letters and ё as the Russian letters typed for them
 * ("Қазпошта" is "Казпошта", "всё" is "все"). The last two by @earshot/text, as the analysis and brand
 * queries read them, so a search finds the mentions a brand query collected.
 */
export function searchFold(text: string): string {
  return withRussianLetters(withWordsInOneScript(foldDiacritics(text)));
}

/**
 * Text as the stores index it for search: folded (searchFold), with a link glued to the word
 * before it split off. Truncated tweets carry them so ("…ипотека в Сбербанкhttp://t.co/…"), and the
 * word would otherwise be "сбербанкhttp", which a search for the brand misses; brand queries split
 * them the same way (@earshot/nlp compile-brand-query.ts GLUED_LINK).
 */
export function searchText(text: string): string {
  return searchFold(text.replace(GLUED_LINK, ' '));
}
const GLUED_LINK = /(?<=[\p{L}\p{N}\p{M}])(?=https?:\/\/|www\.[\p{L}\p{N}])/giu;

/** A text's words as the search compares them: lower case, as the stores index them (searchText). */
export const searchWords = (text: string): string[] => searchText(text).toLowerCase().match(WORD) ?? [];

/**
 * Whether text that is not in a store (a live mention) matches the query as the stores would match
 * it: every term somewhere in the fields (from MIN_PREFIX_LENGTH characters as the start of a word,
 * a shorter one as a whole word), every phrase as consecutive words within one field.
 */
export function matchesTextQuery(query: TextQuery, fields: readonly (string | undefined)[]): boolean {
  const fieldWords = fields.map((f) => (f ? searchWords(f) : []));
  const termMatches = (term: string): boolean => {
    const [word] = searchWords(term);
    if (word === undefined) return true;
    const prefix = isPrefixTerm(word);
    return fieldWords.some((words) => words.some((w) => (prefix ? w.startsWith(word) : w === word)));
  };
  const phraseMatches = (phrase: string): boolean => {
    const wanted = ` ${searchWords(phrase).join(' ')} `;
    return fieldWords.some((words) => ` ${words.join(' ')} `.includes(wanted));
  };
  return query.terms.every(termMatches) && query.phrases.every(phraseMatches);
}

/**
 * FTS5 MATCH expression over text written folded (searchFold; a file written before is folded when
 * the store opens it, sqlite/sqlite-refold.ts): every term and phrase folded, quoted, joined with AND.
 * Empty when nothing is searchable.
 */
export function toFts5(query: TextQuery): string {
  const part = (s: string, prefix: boolean) => {
    const quoted = `"${searchFold(s).replace(/"/g, '""')}"`;
    return prefix ? `${quoted}*` : quoted;
  };
  return [...query.terms.map((t) => part(t, isPrefixTerm(t))), ...query.phrases.map((p) => part(p, false))].join(' AND ');
}
