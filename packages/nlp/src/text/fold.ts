// Folding makes spellings that people treat as the same word compare equal: case, Kazakh letters
// typed with their Russian look-alikes (қ→к, ә→а …), ё/е, Latin diacritics, Hebrew final letters.
// Brand queries, topic cues and language cues all match on folded text.

const KAZAKH_TO_RUSSIAN: Record<string, string> = {
  'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и', 'ё': 'е',
};
const HEBREW_FINALS: Record<string, string> = { 'ך': 'כ', 'ם': 'מ', 'ן': 'נ', 'ף': 'פ', 'ץ': 'צ' };
const CYRILLIC_TO_LATIN: Record<string, string> = {
  'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ж': 'zh', 'з': 'z', 'и': 'i', 'й': 'i',
  'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u',
  'ф': 'f', 'х': 'h', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'sch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e',
  'ю': 'yu', 'я': 'ya',
};

const NEEDS_FOLDING = /[\u00C0-\u024F\u0591-\u05C7әғқңөұүһіёךםןףץ]/gu;

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

/** Cyrillic written in Latin letters, for script-insensitive brand matching ("Самсунг" → "samsung"). */
export function latinSkeleton(folded: string): string {
  let out = '';
  for (const ch of folded) out += CYRILLIC_TO_LATIN[ch] ?? ch;
  return out;
}
