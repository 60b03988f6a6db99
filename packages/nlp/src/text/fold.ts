// Folding makes spellings that people treat as the same word compare equal: case, Kazakh letters
// typed with their Russian look-alikes (қ→к, ә→а …), ё/е, Latin diacritics, Hebrew final letters,
// and a word of one script with the other script's look-alike letters in it ("бiрак", "Kаspi"). The
// rules for Kazakh letters, ё and such words live in @earshot/text, which the stores' search shares.
// Brand queries, topic cues and language cues all match on folded text.

import { KAZAKH_TO_RUSSIAN, withWordsInOneScript } from '@earshot/text';

const HEBREW_FINALS: Record<string, string> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/**
 * What fold() makes of each single letter it changes, by character code (all of them are below
 * U+0600, so a word's letters are looked up by one array read each): a constant table, built once from the rules.
 */
const FOLD_TO: readonly (string | undefined)[] = foldLetterTable();

function foldLetterTable(): (string | undefined)[] {
  const table = new Array<string | undefined>(0x600).fill(undefined);
  for (let c = 0xc0; c <= 0x24f; c++) {
    const ch = String.fromCharCode(c);
    const folded = ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (folded !== ch) table[c] = folded;
  }
  for (let c = 0x591; c <= 0x5c7; c++) table[c] = '';
  for (const [from, to] of [...Object.entries(KAZAKH_TO_RUSSIAN), ...Object.entries(HEBREW_FINALS)]) table[from.charCodeAt(0)] = to;
  return table;
}

/** Lower case, each word in one script, Kazakh→Russian look-alikes, ё→е, Latin diacritics stripped, Hebrew finals normalised. */
export function fold(text: string): string {
  return foldWord(withWordsInOneScript(text.normalize('NFC').toLowerCase()));
}

/**
 * fold() of a word (or any text) that is already NFC and lower case and in one script (prepareText
 * puts a token of mixed scripts in one with inOneScript first), by the per-letter table: returned as
 * is, without allocating, when none of its letters needs folding (the common case).
 */
export function foldWord(lowerNfc: string): string {
  let i = 0;
  for (; i < lowerNfc.length; i++) {
    const c = lowerNfc.charCodeAt(i);
    if (c >= 0xc0 && c < 0x600 && FOLD_TO[c] !== undefined) break;
  }
  if (i === lowerNfc.length) return lowerNfc;
  let out = lowerNfc.slice(0, i);
  for (; i < lowerNfc.length; i++) {
    const c = lowerNfc.charCodeAt(i);
    out += (c >= 0xc0 && c < 0x600 ? FOLD_TO[c] : undefined) ?? lowerNfc[i];
  }
  return out;
}

/** Cyrillic written in Latin letters, for script-insensitive brand matching ("Самсунг" → "samsung"). */
export function latinSkeleton(folded: string): string {
  let out = '';
  for (const ch of folded) out += CYRILLIC_TO_LATIN[ch] ?? ch;
  return out;
}
