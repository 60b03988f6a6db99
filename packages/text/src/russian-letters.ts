// Kazakh typed on a Russian keyboard: its own letters replaced by the Russian letters that look or
// sound alike ("Казпочта" for "Қазпошта", "кун" for "күн"; 863 of the 20,000 Kazakh train texts of
// shared/data are written so), and Russian written without ё ("все" for "всё"). Brand queries and
// the analysis (@earshot/nlp fold.ts) and the stores' search (@earshot/store searchFold) read each
// such letter as the Russian one, so a search finds what a brand query collected.

/** Each Kazakh letter, and ё, to the Russian letter typed for it (lower case). */
export const KAZAKH_TO_RUSSIAN: Readonly<Record<string, string>> = {
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

const EITHER_CASE: Readonly<Record<string, string>> = {
  ...KAZAKH_TO_RUSSIAN,
  ...Object.fromEntries(Object.entries(KAZAKH_TO_RUSSIAN).map(([k, r]) => [k.toUpperCase(), r.toUpperCase()])),
};
const KAZAKH_LETTERS = new RegExp(`[${Object.keys(EITHER_CASE).join('')}]`, 'g');

/** `text` with each Kazakh letter, and ё, as the Russian letter typed for it, in its case; the text itself when it has none. */
export function withRussianLetters(text: string): string {
  return text.replace(KAZAKH_LETTERS, (letter) => EITHER_CASE[letter]!);
}
