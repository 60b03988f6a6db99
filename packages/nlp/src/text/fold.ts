// Folding makes spellings that people treat as the same word compare equal: case, Kazakh letters
// typed with their Russian look-alikes (қ→к, ә→а …), ё/е, Latin diacritics, Hebrew final letters.
// Brand queries, topic cues and language cues all match on folded text.

const KAZAKH_TO_RUSSIAN: Record<string, string> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
};
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

const NEEDS_FOLDING = /[\u00C0-\u024F\u0591-\u05C7әғқңөұүһіёךםןףץ]/gu;

/** What fold() makes of each single letter it changes (a constant table, built once from the rules). */
const FOLD_LETTER: ReadonlyMap<number, string> = foldLetterTable();

function foldLetterTable(): Map<number, string> {
  const table = new Map<number, string>();
  for (let c = 0xc0; c <= 0x24f; c++) {
    const ch = String.fromCharCode(c);
    const folded = ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (folded !== ch) table.set(c, folded);
  }
  for (let c = 0x591; c <= 0x5c7; c++) table.set(c, '');
  for (const [from, to] of [...Object.entries(KAZAKH_TO_RUSSIAN), ...Object.entries(HEBREW_FINALS)]) table.set(from.charCodeAt(0), to);
  return table;
}

/** Lower case, Kazakh→Russian look-alikes, ё→е, Latin diacritics stripped, Hebrew finals normalised. */
export function fold(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  return lower.replace(NEEDS_FOLDING, (ch) => {
    const k = KAZAKH_TO_RUSSIAN[ch] ?? HEBREW_FINALS[ch];
    if (k !== undefined) return k;
    if (ch >= '\u0591' && ch <= '\u05C7') return ''; // niqqud
    return ch.normalize('NFD').replace(/\p{M}/gu, '');
  });
}

/**
 * fold() of a word that is already NFC and lower case (a token), by a per-letter table: returned
 * as is, without allocating, when none of its letters needs folding (the common case).
 */
export function foldWord(lowerNfc: string): string {
  let i = 0;
  for (; i < lowerNfc.length; i++) {
    const c = lowerNfc.charCodeAt(i);
    if (c >= 0xc0 && FOLD_LETTER.has(c)) break;
  }
  if (i === lowerNfc.length) return lowerNfc;
  let out = lowerNfc.slice(0, i);
  for (; i < lowerNfc.length; i++) {
    const c = lowerNfc.charCodeAt(i);
    out += (c >= 0xc0 ? FOLD_LETTER.get(c) : undefined) ?? lowerNfc[i];
  }
  return out;
}

/** Cyrillic written in Latin letters, for script-insensitive brand matching ("Самсунг" → "samsung"). */
export function latinSkeleton(folded: string): string {
  let out = '';
  for (const ch of folded) out += CYRILLIC_TO_LATIN[ch] ?? ch;
  return out;
}
