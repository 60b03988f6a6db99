// Folding makes spellings that people treat as the same word compare equal: case, Kazakh letters
// typed with their Russian look-alikes (қ→к, ә→а …), ё/е, Latin diacritics, Hebrew final letters,
// and a word of one script with the other script's look-alike letters in it ("бiрак", "Kаspi").
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

/**
 * Lower-case Latin and Cyrillic letters that look alike. A Cyrillic word with a Latin one in it is
 * nearly always typed on a keyboard without that letter: Kazakh "бiрак", "жеткiзуi" with a Latin i for
 * і (143 of the 20,000 Kazakh train texts have such a word); the other way round ("Kаspi" with a
 * Cyrillic а) hides a brand name from a plain search. Such a word is read in its own script.
 */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = { a: 'а', c: 'с', e: 'е', h: 'һ', i: 'і', k: 'к', o: 'о', p: 'р', x: 'х', y: 'у' };
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(LATIN_LOOKALIKES).map(([l, c]) => [c, l]));
const LATIN_LETTER = /[a-z]/g;
const CYRILLIC_LETTER = /[\u0400-\u04ff]/g;
const MIXED_SCRIPTS = /[a-z][\p{M}\u0400-\u04ff]|[\u0400-\u04ff][\p{M}a-z]/u;
const LETTERS = /[\p{L}\p{M}]+/gu;

/**
 * A lower-case word holding both Latin and Cyrillic letters, in one script where the other script's
 * letters in it are all look-alikes of the first's: Cyrillic if its Latin letters are, else Latin if
 * its Cyrillic ones are; else as it is ("сбербанкonline", "beeline_rusможно" are two words glued).
 */
export function inOneScript(word: string): string {
  const latin = word.match(LATIN_LETTER) ?? [];
  if (latin.every((l) => LATIN_LOOKALIKES[l] !== undefined)) return word.replace(LATIN_LETTER, (l) => LATIN_LOOKALIKES[l]!);
  const cyrillic = word.match(CYRILLIC_LETTER) ?? [];
  if (cyrillic.every((c) => CYRILLIC_LOOKALIKES[c] !== undefined)) return word.replace(CYRILLIC_LETTER, (c) => CYRILLIC_LOOKALIKES[c]!);
  return word;
}

const NEEDS_FOLDING = /[\u00C0-\u024F\u0591-\u05C7әғқңөұүһіёךםןףץ]/gu;

/** What fold() makes of each single letter it changes (a constant table, built once from the rules). */
const FOLD_LETTER: ReadonlyMap<number, string> = foldLetterTable();
/** 1 for a character code FOLD_LETTER changes (all are below U+0600): one array read per letter. */
const FOLDS = new Uint8Array(0x600);
for (const c of FOLD_LETTER.keys()) FOLDS[c] = 1;

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

/** Lower case, each word in one script, Kazakh→Russian look-alikes, ё→е, Latin diacritics stripped, Hebrew finals normalised. */
export function fold(text: string): string {
  const nfcLower = text.normalize('NFC').toLowerCase();
  const lower = MIXED_SCRIPTS.test(nfcLower) ? nfcLower.replace(LETTERS, (w) => inOneScript(w)) : nfcLower;
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
  let latin = false;
  let cyrillic = false;
  let folds = false;
  for (let i = 0; i < lowerNfc.length; i++) {
    const c = lowerNfc.charCodeAt(i);
    if (c < 0xc0) latin ||= c >= 0x61 && c <= 0x7a;
    else {
      cyrillic ||= c >= 0x400 && c <= 0x4ff;
      folds ||= c < 0x600 && FOLDS[c] === 1;
    }
  }
  const word = latin && cyrillic ? inOneScript(lowerNfc) : lowerNfc;
  if (!folds && word === lowerNfc) return word;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    out += (c >= 0xc0 ? FOLD_LETTER.get(c) : undefined) ?? word[i];
  }
  return out;
}

/** Cyrillic written in Latin letters, for script-insensitive brand matching ("Самсунг" → "samsung"). */
export function latinSkeleton(folded: string): string {
  let out = '';
  for (const ch of folded) out += CYRILLIC_TO_LATIN[ch] ?? ch;
  return out;
}
